/**
 * Checking and cleaning one respondent's answers against a definition: the same rules
 * for the web form, the paper-entry screen and anything imported.
 */
import { answerAt, codesIn, isAnswered } from './answer-values.ts'
import { codesOf, scaleOf } from './codes.ts'
import { readCodeList, readNumber, readText, UNREADABLE } from './coerce.ts'
import type {
  AnswerValue,
  Answers,
  LangText,
  Question,
  QuestionnaireDefinition,
  RespondentContext,
  TextQuestion,
} from './definition.ts'
import { messages } from './messages.ts'
import { outlineOf } from './outline.ts'
import { visibilityOf, visibleQuestions } from './routing.ts'
import { answerVariablesOf, gridItemVariable, otherOption, otherVariable } from './variables.ts'

export { variablesOf } from './variables.ts'

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

/** How one answer key of a question is read: made once per definition. */
interface Reader {
  variable: string
  question: Question
  /** The "anders, namelijk" text of the question. */
  isOther: boolean
  read: (raw: unknown) => Outcome
}

interface Reading {
  reader: Reader
  /** Whether the input had something under this key at all. */
  filledIn: boolean
  outcome: Outcome
}

function readCoded(raw: unknown, codes: ReadonlySet<number>, message: () => LangText): Outcome {
  const value = readNumber(raw)
  if (value === undefined) return undefined
  if (value === UNREADABLE || !codes.has(value)) return { problem: { code: 'invalid_value', message: message() } }
  return { value }
}

function readTicked(raw: unknown, codes: readonly number[], max: number | undefined): Outcome {
  const ticked = readCodeList(raw)
  if (ticked === undefined) return undefined
  if (ticked === UNREADABLE || ticked.some((v) => !codes.includes(v))) {
    return { problem: { code: 'invalid_value', message: messages.chooseFromOptions() } }
  }
  if (max !== undefined && ticked.length > max)
    return { problem: { code: 'too_many', message: messages.tooManyTicked(max) } }
  // Stored in the order of the options, so equal answers look equal.
  return { value: codes.filter((v) => ticked.includes(v)) }
}

function readTextOf(raw: unknown, maxLength: number): Outcome {
  const text = readText(raw)
  if (text === undefined) return undefined
  if (text === UNREADABLE) return { problem: { code: 'invalid_value', message: messages.notText() } }
  if (text.length > maxLength)
    return { problem: { code: 'too_long', message: messages.tooLong(maxLength, text.length) } }
  return { value: text }
}

function readNumberIn(raw: unknown, min: number, max: number): Outcome {
  const value = readNumber(raw)
  if (value === undefined) return undefined
  if (value === UNREADABLE) return { problem: { code: 'not_a_number', message: messages.notANumber() } }
  if (value < min || value > max) return { problem: { code: 'out_of_range', message: messages.outOfRange(min, max) } }
  return { value }
}

function readersOf(definition: QuestionnaireDefinition, question: Question): Reader[] {
  const codeValues = (codesOf(definition, question) ?? []).map((c) => c.value)
  const codeSet = new Set(codeValues)
  const readers: Reader[] = []
  const add = (variable: string, read: Reader['read'], isOther = false) =>
    readers.push({ variable, question, isOther, read })
  switch (question.type) {
    case 'grade':
      add(question.id, (raw) => readCoded(raw, codeSet, messages.chooseGrade))
      break
    case 'yesno':
    case 'single':
      add(question.id, (raw) => readCoded(raw, codeSet, messages.chooseOption))
      break
    case 'multiple':
      add(question.id, (raw) => readTicked(raw, codeValues, question.max))
      break
    case 'number':
      add(question.id, (raw) => readNumberIn(raw, question.min, question.max))
      break
    case 'text':
    case 'longtext': {
      const maxLength = maxLengthOf(question)
      add(question.id, (raw) => readTextOf(raw, maxLength))
      break
    }
    case 'grid': {
      const message =
        scaleOf(definition, question.scale)?.type === 'grade' ? messages.chooseGrade : messages.chooseOption
      for (const item of question.items)
        add(gridItemVariable(question, item), (raw) => readCoded(raw, codeSet, message))
      break
    }
  }
  if (otherOption(question)) add(otherVariable(question.id), (raw) => readTextOf(raw, OTHER_TEXT_MAX_LENGTH), true)
  return readers
}

/**
 * Every page save validates the whole response, so the readers (with their code lists)
 * are made once per definition, like its outline: a definition is not changed once used.
 */
const readerCache = new WeakMap<QuestionnaireDefinition, Reader[]>()

function allReadersOf(definition: QuestionnaireDefinition): Reader[] {
  let readers = readerCache.get(definition)
  if (!readers) {
    readers = outlineOf(definition).places.flatMap(({ question }) => readersOf(definition, question))
    readerCache.set(definition, readers)
  }
  return readers
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
  const readings: Reading[] = []
  for (const reader of allReadersOf(definition)) {
    const raw = answerAt(input, reader.variable)
    // A key that is not there yields nothing; only a complete response must list it (as required).
    if (raw === undefined && options.partial) continue
    readings.push({ reader, filledIn: isAnswered(raw), outcome: reader.read(raw) })
  }

  const kept: Answers = {}
  for (const r of readings) if (r.outcome && 'value' in r.outcome) kept[r.reader.variable] = r.outcome.value

  // Dropping an answer can hide the questions routed on it, whose answers go in turn.
  // Routing already ignores answers of hidden questions, so for a valid definition the
  // second round finds nothing; the loop still guarantees a stable result.
  let visibility = visibilityOf(definition, kept, context)
  for (;;) {
    const hiddenAnswers = readings.filter(
      (r) => !visibility.questions.has(r.reader.question.id) && Object.hasOwn(kept, r.reader.variable),
    )
    if (hiddenAnswers.length === 0) break
    for (const r of hiddenAnswers) delete kept[r.reader.variable]
    visibility = visibilityOf(definition, kept, context)
  }

  const answers: Answers = {}
  const errors: AnswerError[] = []
  const dropped: string[] = []
  for (const { reader, filledIn, outcome } of readings) {
    const { variable, question, isOther } = reader
    const visible = visibility.questions.has(question.id)
    const orphanOther = isOther && !otherChosen(question, kept)
    if (!visible || orphanOther) {
      if (filledIn) dropped.push(variable)
      continue
    }
    if (outcome && 'problem' in outcome) {
      errors.push({ variable, questionId: question.id, ...outcome.problem })
    } else if (outcome) {
      answers[variable] = outcome.value
    } else if (!options.partial && question.required && !isOther) {
      errors.push({ variable, questionId: question.id, code: 'required', message: messages.required() })
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
  return visibleQuestions(definition, answers, context).filter((q) =>
    answerVariablesOf(q).some((v) => !isAnswered(answerAt(answers, v))),
  )
}
