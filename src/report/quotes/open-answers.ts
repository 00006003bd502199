/**
 * The open answers of a questionnaire that a report may quote: the answers to `text` and
 * `longtext` questions, and the "anders, namelijk …" texts of options with `other: true`.
 * Each is quoted under the category the respondent chose (REPORTS.md, "Open answers and
 * quotes"):
 * - an "anders, namelijk" text: the question's other option ("Anders, namelijk …");
 * - a free-text answer: the options the respondent ticked in the nearest choice question
 *   (single or multiple) before it in the same section. In the KTO, `opmerkingen` ("other
 *   comments or tips") follows `punt_verbeteren` ("what should be better"), so a remark
 *   goes under what the respondent wanted improved. Several ticks give one category, the
 *   labels in option order joined by "; "; no tick, or no choice question before it in
 *   the section, gives none (null).
 * Empty answers and answers that only say there is nothing to say ("geen", "nee",
 * "niets", "-") are left out: the reports leave out "geen verbeterpunten".
 */
import { answerAt, codesIn } from '#src/questionnaire/answer-values.ts'
import type {
  AnswerOption,
  Answers,
  MultipleChoiceQuestion,
  Question,
  QuestionnaireDefinition,
  SingleChoiceQuestion,
} from '#src/questionnaire/definition.ts'
import { localize } from '#src/questionnaire/text.ts'
import { exportNameOf, otherOption, otherVariable } from '#src/questionnaire/variables.ts'

type ChoiceQuestion = SingleChoiceQuestion | MultipleChoiceQuestion

export interface OpenVariable {
  /** The answer key it is stored under (`opmerkingen`, `punt_verbeteren_other`). */
  readonly variable: string
  /** The name the data set gives it (`punt_verbeteren_anders`). */
  readonly exportName: string
  readonly question: Question
  /** The other option an "anders, namelijk" text belongs to. */
  readonly otherOption?: AnswerOption
  /** The choice question whose ticks are a free-text answer's category. */
  readonly categoryQuestion?: ChoiceQuestion
}

export interface OpenAnswer {
  readonly variable: string
  readonly text: string
  /** Dutch, as the reports print it; null when the respondent chose none. */
  readonly category: string | null
  /** Where the category comes in the question's options: groups follow the questionnaire. */
  readonly categoryOrder: number
}

/** Every variable that holds an open answer, in questionnaire order. */
export function openVariables(definition: QuestionnaireDefinition): OpenVariable[] {
  const variables: OpenVariable[] = []
  for (const section of definition.sections) {
    let lastChoice: ChoiceQuestion | undefined
    for (const question of section.questions) {
      if (question.type === 'text' || question.type === 'longtext') {
        variables.push({
          variable: question.id,
          exportName: question.id,
          question,
          ...(lastChoice ? { categoryQuestion: lastChoice } : {}),
        })
      }
      const other = otherOption(question)
      if (other) {
        const variable = otherVariable(question.id)
        variables.push({ variable, exportName: exportNameOf(question.id, variable), question, otherOption: other })
      }
      if (question.type === 'single' || question.type === 'multiple') lastChoice = question
    }
  }
  return variables
}

/** Answers that say there is nothing to say; compared in lower case, without a closing full stop or "!". */
const SAYS_NOTHING = new Set([
  'geen',
  'nee',
  'neen',
  'niets',
  'niks',
  'nvt',
  'n.v.t',
  'geen verbeterpunten',
  'geen verbeterpunt',
  'geen opmerkingen',
  'geen opmerking',
  'nee hoor',
  'nee, geen',
])

/** Empty, only punctuation ("-", "..."), or one of the few ways to say "nothing". */
export function saysNothing(text: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(text)) return true
  const plain = text
    .trim()
    .toLocaleLowerCase('nl')
    .replace(/\s+/gu, ' ')
    .replace(/[.!]+$/u, '')
  return SAYS_NOTHING.has(plain)
}

function categoryOf(open: OpenVariable, answers: Answers): { category: string | null; categoryOrder: number } {
  if (open.otherOption) {
    const order = optionIndex(open.question, open.otherOption)
    return { category: localize(open.otherOption.label, 'nl'), categoryOrder: order }
  }
  const choice = open.categoryQuestion
  if (!choice) return { category: null, categoryOrder: Number.POSITIVE_INFINITY }
  const ticked = new Set(codesIn(answerAt(answers, choice.id)))
  const chosen = choice.options.filter((option) => ticked.has(option.value))
  if (chosen.length === 0) return { category: null, categoryOrder: Number.POSITIVE_INFINITY }
  return {
    category: chosen.map((option) => localize(option.label, 'nl')).join('; '),
    categoryOrder: optionIndex(choice, chosen[0]!),
  }
}

function optionIndex(question: Question, option: AnswerOption): number {
  return question.type === 'single' || question.type === 'multiple' ? question.options.indexOf(option) : 0
}

/** The open answers of one response worth reviewing, in questionnaire order. */
export function openAnswersOf(
  definition: QuestionnaireDefinition,
  answers: Answers,
  variables: readonly OpenVariable[] = openVariables(definition),
): OpenAnswer[] {
  const found: OpenAnswer[] = []
  for (const open of variables) {
    const text = answerAt(answers, open.variable)
    if (typeof text !== 'string' || saysNothing(text)) continue
    found.push({ variable: open.variable, text, ...categoryOf(open, answers) })
  }
  return found
}
