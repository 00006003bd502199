/**
 * Checking and cleaning one respondent's answers against a definition: the same rules
 * for the web form, the paper-entry screen and anything imported.
 */
import { answerAt, codesIn, isAnswered } from './answer-values.js'
import { codesOf, scaleOf, type Code } from './codes.js'
import { readCodeList, readNumber, readText, UNREADABLE } from './coerce.js'
import type {
  AnswerValue,
  Answers,
  LangText,
  Question,
  QuestionnaireDefinition,
  RespondentContext,
  TextQuestion,
} from './definition.js'
import { messages } from './messages.js'
import { outlineOf } from './outline.js'
import { visibilityOf } from './routing.js'
import { answerVariablesOf, gridItemVariable, otherOption, otherVariable } from './variables.js'

export { variablesOf } from './variables.js'

/** Limits when a definition sets none; the web form's `maxlength` uses the same. */
export const DEFAULT_TEXT_MAX_LENGTH = 200
export const DEFAULT_LONGTEXT_MAX_LENGTH = 4000
/** "Anders, namelijk …" asks for a few words, not a story. */
export const OTHER_TEXT_MAX_LENGTH = 200

export function maxLengthOf(question: TextQuestion): number {
  return question.maxLength ?? (question.type === 'text' ? DEFAULT_TEXT_MAX_LENGTH : DEFAULT_LONGTEXT_MAX_LENGTH)
}

export type AnswerErrorCode =
  /** Not one of the codes offered, or not readable at all. */
  | 'invalid_value'
  /** A number question got something that is not a number. */
  | 'not_a_number'
  /** A number outside the question's min–max. */
  | 'out_of_range'
  /** More options ticked than the question's `max`. */
  | 'too_many'
  /** A text longer than its maximum length. */
  | 'too_long'
  /** A required question without an answer (only when not `partial`). */
  | 'required'

export interface AnswerError {
  /** The answer key the error belongs to: the form field to mark. */
  variable: string
  questionId: string
  code: AnswerErrorCode
  /** For the respondent or typist, in plain language. */
  message: LangText
}

export interface ValidateAnswersOptions {
  /**
   * The response is still in progress (a page saved, a form being keyed): required
   * questions may still be open. Everything else is checked the same.
   */
  partial?: boolean
}

export interface AnswerValidation {
  /** The valid answers of visible questions, typed, in questionnaire order. */
  answers: Answers
  /** Problems with answers to visible questions. Their invalid values are not in `answers`. */
  errors: AnswerError[]
  /**
   * Answer keys that were filled in but removed: answers to questions routing hides, and
   * "anders, namelijk" texts whose option is not chosen. Unknown keys are ignored, not listed.
   */
  dropped: string[]
}

type Problem = { code: AnswerErrorCode; message: LangText }
/** What one answer key yields: a value, a problem, or nothing (left blank). */
type Outcome = { value: AnswerValue } | { problem: Problem } | undefined

interface Reading {
  variable: string
  question: Question
  /** Whether the input had something under this key at all. */
  filledIn: boolean
  /** The "anders, namelijk" text of the question. */
  isOther: boolean
  outcome: Outcome
}

function readCoded(raw: unknown, codes: Code[] | undefined, message: () => LangText): Outcome {
  const value = readNumber(raw)
  if (value === undefined) return undefined
  if (value === UNREADABLE || !codes?.some((c) => c.value === value)) return { problem: { code: 'invalid_value', message: message() } }
  return { value }
}

function readTicked(raw: unknown, codes: Code[], max: number | undefined): Outcome {
  const ticked = readCodeList(raw)
  if (ticked === undefined) return undefined
  if (ticked === UNREADABLE || ticked.some((v) => !codes.some((c) => c.value === v))) {
    return { problem: { code: 'invalid_value', message: messages.chooseFromOptions() } }
  }
  if (max !== undefined && ticked.length > max) return { problem: { code: 'too_many', message: messages.tooManyTicked(max) } }
  // Stored in the order of the options, so equal answers look equal.
  return { value: codes.map((c) => c.value).filter((v) => ticked.includes(v)) }
}

function readTextOf(raw: unknown, maxLength: number): Outcome {
  const text = readText(raw)
  if (text === undefined) return undefined
  if (text === UNREADABLE) return { problem: { code: 'invalid_value', message: messages.notText() } }
  if (text.length > maxLength) return { problem: { code: 'too_long', message: messages.tooLong(maxLength, text.length) } }
  return { value: text }
}

function readNumberIn(raw: unknown, min: number, max: number): Outcome {
  const value = readNumber(raw)
  if (value === undefined) return undefined
  if (value === UNREADABLE) return { problem: { code: 'not_a_number', message: messages.notANumber() } }
  if (value < min || value > max) return { problem: { code: 'out_of_range', message: messages.outOfRange(min, max) } }
  return { value }
}

function readQuestion(definition: QuestionnaireDefinition, question: Question, input: Record<string, unknown>): Reading[] {
  const reading = (variable: string, read: (raw: unknown) => Outcome, isOther = false): Reading => {
    const raw = answerAt(input, variable)
    return { variable, question, filledIn: isAnswered(raw), isOther, outcome: read(raw) }
  }
  const codes = codesOf(definition, question)
  const readings: Reading[] = []
  switch (question.type) {
    case 'grade':
      readings.push(reading(question.id, (raw) => readCoded(raw, codes, messages.chooseGrade)))
      break
    case 'yesno':
    case 'single':
      readings.push(reading(question.id, (raw) => readCoded(raw, codes, messages.chooseOption)))
      break
    case 'multiple':
      readings.push(reading(question.id, (raw) => readTicked(raw, codes ?? [], question.max)))
      break
    case 'number':
      readings.push(reading(question.id, (raw) => readNumberIn(raw, question.min, question.max)))
      break
    case 'text':
    case 'longtext':
      readings.push(reading(question.id, (raw) => readTextOf(raw, maxLengthOf(question))))
      break
    case 'grid': {
      const message = scaleOf(definition, question.scale)?.type === 'grade' ? messages.chooseGrade : messages.chooseOption
      for (const item of question.items) readings.push(reading(gridItemVariable(question, item), (raw) => readCoded(raw, codes, message)))
      break
    }
  }
  if (otherOption(question)) readings.push(reading(otherVariable(question.id), (raw) => readTextOf(raw, OTHER_TEXT_MAX_LENGTH), true))
  return readings
}

/** Whether the "anders, namelijk" option of `question` is chosen in `answers`. */
function otherChosen(question: Question, answers: Answers): boolean {
  const other = otherOption(question)
  return other !== undefined && codesIn(answerAt(answers, question.id)).includes(other.value)
}

/**
 * Checks and cleans answers. Form strings become numbers, answers to questions that
 * routing hides are dropped, and each invalid answer gets an error and is left out.
 */
export function validateAnswers(
  definition: QuestionnaireDefinition,
  input: Record<string, unknown>,
  context: RespondentContext,
  options: ValidateAnswersOptions = {},
): AnswerValidation {
  const readings = outlineOf(definition).places.flatMap(({ question }) => readQuestion(definition, question, input))

  const kept: Answers = {}
  for (const r of readings) if (r.outcome && 'value' in r.outcome) kept[r.variable] = r.outcome.value

  // Dropping an answer can hide the questions routed on it, whose answers go in turn.
  // Routing already ignores answers of hidden questions, so for a valid definition the
  // second round finds nothing; the loop still guarantees a stable result.
  let visibility = visibilityOf(definition, kept, context)
  for (;;) {
    const hiddenAnswers = readings.filter((r) => !visibility.questions.has(r.question.id) && Object.hasOwn(kept, r.variable))
    if (hiddenAnswers.length === 0) break
    for (const r of hiddenAnswers) delete kept[r.variable]
    visibility = visibilityOf(definition, kept, context)
  }

  const answers: Answers = {}
  const errors: AnswerError[] = []
  const dropped: string[] = []
  for (const r of readings) {
    const visible = visibility.questions.has(r.question.id)
    const orphanOther = r.isOther && !otherChosen(r.question, kept)
    if (!visible || orphanOther) {
      if (r.filledIn) dropped.push(r.variable)
      continue
    }
    if (r.outcome && 'problem' in r.outcome) {
      errors.push({ variable: r.variable, questionId: r.question.id, ...r.outcome.problem })
    } else if (r.outcome) {
      answers[r.variable] = r.outcome.value
    } else if (!options.partial && r.question.required && !r.isOther) {
      errors.push({ variable: r.variable, questionId: r.question.id, code: 'required', message: messages.required() })
    }
  }
  return { answers, errors, dropped }
}

/**
 * The visible questions still (partly) open, in order, for the review page. A grid is
 * open while any of its items is; an "anders, namelijk" text does not count.
 */
export function unansweredVisibleQuestions(
  definition: QuestionnaireDefinition,
  answers: Answers | Record<string, unknown>,
  context: RespondentContext,
): Question[] {
  const { questions } = visibilityOf(definition, answers, context)
  return outlineOf(definition)
    .places.map((p) => p.question)
    .filter((q) => questions.has(q.id))
    .filter((q) => answerVariablesOf(q).some((v) => !isAnswered(answerAt(answers, v))))
}
