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
  ItemNumbersQuestion,
  RankingQuestion,
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
  /** Ranking: one rank given to more than one item. */
  | 'repeated_rank'
  /** Ranking: a rank skipped (1 and 3, but no 2). */
  | 'rank_gap'
  /** Constant sum: the amounts do not add up to the total. */
  | 'wrong_sum'

export interface AnswerError {
  /** The answer key the error belongs to: the form field to mark. */
  variable: string
  questionId: string
  code: AnswerErrorCode
  /** For the respondent or typist, in plain language. */
  message: LangText
  /**
   * For an error about the items of a ranking or constant sum together (`variable` is
   * then the question id): the item variables at fault, e.g. the items sharing a rank.
   */
  items?: string[]
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

/** A whole number from `min` to `max`; anything else gets `message`. */
function readWholeNumberIn(raw: unknown, min: number, max: number, message: () => LangText): Outcome {
  const value = readNumber(raw)
  if (value === undefined) return undefined
  if (value === UNREADABLE) return { problem: { code: 'not_a_number', message: message() } }
  if (!Number.isInteger(value) || value < min || value > max)
    return { problem: { code: 'out_of_range', message: message() } }
  return { value }
}

/** The highest rank of a ranking: k of "put k of n items in order". */
export function rankCountOf(question: RankingQuestion): number {
  return Math.min(question.max ?? question.items.length, question.items.length)
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
    case 'ranking': {
      const k = rankCountOf(question)
      for (const item of question.items)
        add(gridItemVariable(question, item), (raw) => readWholeNumberIn(raw, 1, k, () => messages.rankRange(k)))
      break
    }
    case 'constantsum':
      for (const item of question.items)
        add(gridItemVariable(question, item), (raw) =>
          readWholeNumberIn(raw, 0, question.total, () => messages.amountRange(question.total)),
        )
      break
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
    } else if (!options.partial && question.required && !isOther && !isItemNumbers(question)) {
      errors.push({ variable, questionId: question.id, code: 'required', message: messages.required() })
    }
  }
  for (const question of visibleItemNumbersQuestions(definition, visibility.questions)) {
    const error = itemNumbersError(question, answers, errors, options)
    if (!error) {
      // A blank item of a constant sum that adds up is 0: stored so, every analysis reads it alike.
      if (question.type === 'constantsum' && answerVariablesOf(question).some((v) => Object.hasOwn(answers, v)))
        for (const variable of answerVariablesOf(question)) answers[variable] ??= 0
      continue
    }
    errors.push(error)
    // The items make one answer: if they do not fit together, none of them is kept.
    for (const variable of answerVariablesOf(question)) delete answers[variable]
  }
  return { answers, errors, dropped }
}

function isItemNumbers(question: Question): question is ItemNumbersQuestion {
  return question.type === 'ranking' || question.type === 'constantsum'
}

function visibleItemNumbersQuestions(
  definition: QuestionnaireDefinition,
  visible: ReadonlySet<string>,
): ItemNumbersQuestion[] {
  return outlineOf(definition)
    .places.map((p) => p.question)
    .filter((q): q is ItemNumbersQuestion => isItemNumbers(q) && visible.has(q.id))
}

/**
 * What is wrong with the items of a ranking or constant sum taken together, once each
 * item on its own is fine: a rank used twice, a rank skipped, a sum that is not the total.
 */
function itemNumbersError(
  question: ItemNumbersQuestion,
  answers: Answers,
  errors: readonly AnswerError[],
  options: ValidateAnswersOptions,
): AnswerError | undefined {
  const variables = answerVariablesOf(question)
  // An item with a fault of its own is shown with it; a sum or order over it would only confuse.
  if (errors.some((e) => variables.includes(e.variable))) return undefined
  const given = variables.flatMap((variable) => {
    const value = answers[variable]
    return typeof value === 'number' ? [{ variable, value }] : []
  })
  const base = { variable: question.id, questionId: question.id }
  if (given.length === 0) {
    return !options.partial && question.required
      ? { ...base, code: 'required', message: messages.required() }
      : undefined
  }
  if (question.type === 'constantsum') {
    const sum = given.reduce((total, g) => total + g.value, 0)
    if (sum === question.total) return undefined
    return {
      ...base,
      code: 'wrong_sum',
      message: messages.wrongSum(question.total, sum),
      items: given.map((g) => g.variable),
    }
  }
  const byRank = new Map<number, string[]>()
  for (const g of given) byRank.set(g.value, [...(byRank.get(g.value) ?? []), g.variable])
  const repeated = [...byRank.entries()].filter(([, items]) => items.length > 1).sort(([a], [b]) => a - b)
  if (repeated.length > 0) {
    return {
      ...base,
      code: 'repeated_rank',
      message: messages.repeatedRank(repeated[0]![0]),
      items: repeated.flatMap(([, items]) => items),
    }
  }
  for (let rank = 1; rank <= given.length; rank++) {
    if (!byRank.has(rank))
      return { ...base, code: 'rank_gap', message: messages.rankGap(rank), items: given.map((g) => g.variable) }
  }
  return undefined
}

/**
 * The visible questions still (partly) open, in order, for the review page. A grid is
 * open while any of its items is, a ranking or constant sum while all of its items are;
 * an "anders, namelijk" text does not count.
 */
export function unansweredVisibleQuestions(
  definition: QuestionnaireDefinition,
  answers: Answers | Record<string, unknown>,
  context: RespondentContext,
): Question[] {
  return visibleQuestions(definition, answers, context).filter((q) =>
    isItemNumbers(q)
      ? // Up to k of n items get a rank, so one answered item answers the question.
        answerVariablesOf(q).every((v) => !isAnswered(answerAt(answers, v)))
      : answerVariablesOf(q).some((v) => !isAnswered(answerAt(answers, v))),
  )
}
