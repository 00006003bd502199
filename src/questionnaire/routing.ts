/**
 * Routing (skip logic): which sections and questions a respondent sees.
 *
 * Semantics, beyond what `Condition` in definition.ts says:
 * - A condition on an unanswered question is false, for `notEquals` too: "show if
 *   begeleiding_werk ≠ Nee" stays hidden until the respondent has answered. On paper
 *   that matches "ga door met vraag 6 als u ja heeft geantwoord", and online it keeps
 *   follow-up questions from showing to people who skipped the question they follow.
 * - Answers to hidden questions do not count. If question B is hidden, a condition on B
 *   is false even when an old answer to B is still stored. This makes routing agree
 *   with `validateAnswers`, which drops such answers.
 * - A question in a hidden section is hidden. A section none of whose questions is
 *   visible is hidden too, so the web form never shows an empty page.
 * - Conditions refer to earlier questions only (validation enforces it), so one pass in
 *   questionnaire order settles everything.
 * - A screen-out answer (`screenOut` on a visible question) hides every question after
 *   it, as if each had a condition that the answer is not a screen-out one: the web
 *   form, paper entry and validation then skip the rest the way they skip routed
 *   questions. `Visibility.screenedOut` says which answer ended it.
 */
import { answerAt, codesIn, isAnswered } from './answer-values.ts'
import type { Answers, Condition, Question, QuestionnaireDefinition, RespondentContext, Section } from './definition.ts'
import { outlineOf } from './outline.ts'

/** Where a condition reads answers from; routing masks the answers of hidden questions. */
interface AnswerLookup {
  answers: Readonly<Record<string, unknown>>
  hidden?: ReadonlySet<string>
}

function answerOf(lookup: AnswerLookup, questionId: string): unknown {
  return lookup.hidden?.has(questionId) ? undefined : answerAt(lookup.answers, questionId)
}

function evaluate(condition: Condition, lookup: AnswerLookup, context: RespondentContext): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, lookup, context))
  if ('any' in condition) return condition.any.some((c) => evaluate(c, lookup, context))
  if ('not' in condition) return !evaluate(condition.not, lookup, context)
  if ('stratum' in condition) return condition.stratum.includes(context.stratum)

  const value = answerOf(lookup, condition.question)
  if (!isAnswered(value)) return false
  if ('answered' in condition) return true
  // For multiple choice these read as "is ticked": codesIn gives every ticked value.
  const codes = codesIn(value)
  if ('equals' in condition) return codes.includes(condition.equals)
  if ('notEquals' in condition) return !codes.includes(condition.notEquals)
  return condition.in.some((v) => codes.includes(v))
}

/**
 * Evaluates a condition on the answers as given. Unlike the visibility functions, it
 * does not know which questions are hidden; it reads every answer it is given.
 */
export function evaluateCondition(
  condition: Condition,
  answers: Answers | Record<string, unknown>,
  context: RespondentContext,
): boolean {
  return evaluate(condition, { answers }, context)
}

/** The screen-out answer that ended a questionnaire. */
export interface ScreenedOut {
  question: Question
  value: number
}

/** Which sections and questions are visible. */
export interface Visibility {
  sections: Set<string>
  questions: Set<string>
  /** Set when a visible question has a screen-out answer: nothing after it is visible. */
  screenedOut?: ScreenedOut
}

/** The screen-out answer among `value`'s codes, if `question` has one. */
function screenOutValue(question: Question, value: unknown): number | undefined {
  if ((question.type !== 'single' && question.type !== 'yesno') || !question.screenOut) return undefined
  const values = question.screenOut.values
  return codesIn(value).find((code) => values.includes(code))
}

export function visibilityOf(
  definition: QuestionnaireDefinition,
  answers: Answers | Record<string, unknown>,
  context: RespondentContext,
): Visibility {
  const hidden = new Set<string>()
  const lookup: AnswerLookup = { answers, hidden }
  const visibility: Visibility = { sections: new Set(), questions: new Set() }
  for (const section of definition.sections) {
    const sectionShown = !visibility.screenedOut && (!section.showIf || evaluate(section.showIf, lookup, context))
    let anyShown = false
    for (const question of section.questions) {
      const shown =
        sectionShown && !visibility.screenedOut && (!question.showIf || evaluate(question.showIf, lookup, context))
      if (shown) {
        visibility.questions.add(question.id)
        anyShown = true
        const value = screenOutValue(question, answerOf(lookup, question.id))
        if (value !== undefined) visibility.screenedOut = { question, value }
      } else {
        hidden.add(question.id)
      }
    }
    if (anyShown) visibility.sections.add(section.id)
  }
  return visibility
}

export function isSectionVisible(
  definition: QuestionnaireDefinition,
  section: Section | string,
  answers: Answers | Record<string, unknown>,
  context: RespondentContext,
): boolean {
  const id = typeof section === 'string' ? section : section.id
  return visibilityOf(definition, answers, context).sections.has(id)
}

/** False for a question id the definition does not have. */
export function isQuestionVisible(
  definition: QuestionnaireDefinition,
  questionId: string,
  answers: Answers | Record<string, unknown>,
  context: RespondentContext,
): boolean {
  return visibilityOf(definition, answers, context).questions.has(questionId)
}

/** The visible sections in order (the `Section` objects themselves, with all their questions). */
export function visibleSections(
  definition: QuestionnaireDefinition,
  answers: Answers | Record<string, unknown>,
  context: RespondentContext,
): Section[] {
  const { sections } = visibilityOf(definition, answers, context)
  return definition.sections.filter((s) => sections.has(s.id))
}

/** The visible questions in questionnaire order. */
export function visibleQuestions(
  definition: QuestionnaireDefinition,
  answers: Answers | Record<string, unknown>,
  context: RespondentContext,
): Question[] {
  const { questions } = visibilityOf(definition, answers, context)
  return outlineOf(definition)
    .places.map((p) => p.question)
    .filter((q) => questions.has(q.id))
}
