/**
 * The whole questionnaire on one page, drawn with the respondent's own question
 * templates (routes/vragenlijst/_question-view.ts, views/partials/question.eta) in the
 * chosen language, with the routing of each conditional section or question spelled out.
 */
import { describeCondition, isRightToLeft, localize } from '#src/questionnaire/index.ts'
import { codesOf } from '#src/questionnaire/index.ts'
import type { Question, QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { translator } from '#src/i18n/translate.ts'
import type { QuestionView } from '#src/server/routes/vragenlijst/_question-view.ts'
import { questionView } from '#src/server/routes/vragenlijst/_question-view.ts'

export interface PreviewSection {
  number: number
  title: string
  intro?: string
  /** Who sees the section, when not everyone does. */
  shownTo?: string
  questions: Array<{ view: QuestionView; shownTo?: string; screensOut?: ScreensOut }>
}

/** A question's screen-out answers and the end page's text, in the preview's language. */
export interface ScreensOut {
  answers: string
  text: string
}

function screensOutOf(
  definition: QuestionnaireDefinition,
  question: Question,
  language: string,
): ScreensOut | undefined {
  if ((question.type !== 'single' && question.type !== 'yesno') || !question.screenOut) return undefined
  const { values, text } = question.screenOut
  const labels = (codesOf(definition, question) ?? [])
    .filter((c) => values.includes(c.value))
    .map((c) => `‘${c.label ? localize(c.label, language) : c.value}’`)
  return { answers: labels.join(', '), text: localize(text, language) }
}

export interface QuestionnairePreview {
  title: string
  intro?: string
  language: string
  dir: 'ltr' | 'rtl'
  sections: PreviewSection[]
}

export function questionnairePreview(definition: QuestionnaireDefinition, language: string): QuestionnairePreview {
  // The respondent's texts ("Ja", "zeer slecht") in the respondent's language, as on their screen.
  const t = translator(language)
  return {
    title: localize(definition.title, language),
    intro: definition.intro ? localize(definition.intro, language) : undefined,
    language,
    dir: isRightToLeft(language) ? 'rtl' : 'ltr',
    sections: definition.sections.map((section, i) => ({
      number: i + 1,
      title: localize(section.title, language),
      intro: section.intro ? localize(section.intro, language) : undefined,
      shownTo: section.showIf ? describeCondition(definition, section.showIf, language) : undefined,
      questions: section.questions.map((question) => ({
        view: questionView({ question }, definition, {}, {}, t, language),
        shownTo: question.showIf ? describeCondition(definition, question.showIf, language) : undefined,
        screensOut: screensOutOf(definition, question, language),
      })),
    })),
  }
}
