/**
 * The codebook: every exported variable with its label, type, measurement level, value
 * labels and routing, in questionnaire order. The export (`flattenAnswersForExport`)
 * produces exactly these variables, so a data file and its codebook always match.
 *
 * Multiple choice is exported the way SPSS users expect ("multiple dichotomy"): one 0/1
 * variable per option, `<question id>_<value>`, plus `<question id>_anders` for the
 * "anders, namelijk" text.
 *
 * A ranking or constant sum is one variable per item holding its rank or amount. Once
 * the question is answered, an item left blank is 0: for a constant sum that is its
 * amount; for a ranking it means "no rank", labelled and declared missing so that it
 * stays out of mean ranks.
 */
import { answerAt, codesIn, isAnswered } from './answer-values.ts'
import { maxLengthOf, OTHER_TEXT_MAX_LENGTH } from './answers.ts'
import { codesOf, scaleOf } from './codes.ts'
import { describeCondition } from './condition-text.ts'
import type {
  AnswerOption,
  Answers,
  Condition,
  GridItem,
  Question,
  QuestionnaireDefinition,
  Section,
} from './definition.ts'
import { NOT_RANKED, NOT_TICKED, OTHER_TEXT, TICKED } from './labels.ts'
import { outlineOf } from './outline.ts'
import { localize } from './text.ts'
import { gridItemVariable, otherExportVariable, otherVariable } from './variables.ts'

export interface ValueLabel {
  value: number
  label: string
}

export type Measure = 'nominal' | 'ordinal' | 'scale'

export interface CodebookVariable {
  name: string
  questionId: string
  /** As printed: "7" for a question, "7a" for a grid item. */
  questionNumber: string
  label: string
  type: 'numeric' | 'string'
  measure: Measure
  valueLabels: ValueLabel[]
  /** Codes that are no position on the scale ("weet niet / n.v.t."): PSPP's MISSING VALUES. */
  missingValues: number[]
  /** The longest text a string variable can hold. */
  width?: number
  /** Who was asked, e.g. "intake_wanneer = 1". Absent when everyone was. */
  routing?: string
  /**
   * A 0/1 variable of a multiple-choice question: the question it belongs to, so that the
   * variables can be declared one set (SPSS's MRSETS).
   */
  tickOf?: { questionId: string; label: string }
}

export type ExportValue = number | string | null

/** One exported variable and how its value is taken from the answers. */
type Column =
  | { name: string; question: Question; source: 'answer'; item?: GridItem }
  | { name: string; question: Question; source: 'tick'; option: AnswerOption }
  | { name: string; question: Question; source: 'other'; option: AnswerOption }

function columnsOf(question: Question): Column[] {
  switch (question.type) {
    case 'grid':
    case 'ranking':
    case 'constantsum':
      return question.items.map((item) => ({
        name: gridItemVariable(question, item),
        question,
        source: 'answer',
        item,
      }))
    case 'multiple': {
      const ticks: Column[] = question.options.map((option) => ({
        name: `${question.id}_${option.value}`,
        question,
        source: 'tick',
        option,
      }))
      const other = question.options.find((o) => o.other)
      return other
        ? [...ticks, { name: otherExportVariable(question.id), question, source: 'other', option: other }]
        : ticks
    }
    case 'single': {
      const other = question.options.find((o) => o.other)
      const answer: Column = { name: question.id, question, source: 'answer' }
      return other
        ? [answer, { name: otherExportVariable(question.id), question, source: 'other', option: other }]
        : [answer]
    }
    default:
      return [{ name: question.id, question, source: 'answer' }]
  }
}

/** The names a question's answers are exported under (see `buildCodebook`). */
export function exportVariablesOf(question: Question): string[] {
  return columnsOf(question).map((c) => c.name)
}

/**
 * A grid item's label: stem and item. A stem ending in "…" runs on into its items
 * ("De medewerkers … werken goed samen"); one ending in a question mark or full stop
 * is a sentence of its own.
 */
function joinStem(stem: string, item: string): string {
  const trimmed = stem.trimEnd()
  return /(…|\.\.\.|[?.:!])$/.test(trimmed) ? `${trimmed} ${item}` : `${trimmed}: ${item}`
}

function routingOf(
  definition: QuestionnaireDefinition,
  section: Section,
  question: Question,
  lang: string,
): string | undefined {
  const conditions: Condition[] = [section.showIf, question.showIf].filter((c): c is Condition => c !== undefined)
  // A screen-out answer before this question skips it as a condition would: say so.
  const { places, byId } = outlineOf(definition)
  const order = byId.get(question.id)?.order ?? 0
  for (const { question: earlier } of places.slice(0, order)) {
    if ((earlier.type !== 'single' && earlier.type !== 'yesno') || !earlier.screenOut) continue
    const [only, ...more] = earlier.screenOut.values
    conditions.push(
      more.length === 0 && only !== undefined
        ? { question: earlier.id, notEquals: only }
        : { not: { question: earlier.id, in: earlier.screenOut.values } },
    )
  }
  if (conditions.length === 0) return undefined
  return describeCondition(
    definition,
    conditions.length === 1 ? (conditions[0] as Condition) : { all: conditions },
    lang,
  )
}

function measureOf(definition: QuestionnaireDefinition, question: Question): Measure {
  switch (question.type) {
    case 'grade':
    case 'number':
    case 'constantsum':
      return 'scale'
    case 'ranking':
      return 'ordinal'
    case 'grid':
      // A rapportcijfer is averaged like a number; agreement scales are ordered categories.
      return scaleOf(definition, question.scale)?.type === 'grade' ? 'scale' : 'ordinal'
    case 'single':
      return question.ordered ? 'ordinal' : 'nominal'
    default:
      return 'nominal'
  }
}

function variableOf(
  definition: QuestionnaireDefinition,
  column: Column,
  section: Section,
  lang: string,
): CodebookVariable {
  const { question } = column
  const text = localize(question.text, lang)
  const routing = routingOf(definition, section, question, lang)
  const base = { name: column.name, questionId: question.id, questionNumber: question.number }
  const withRouting = (variable: CodebookVariable): CodebookVariable => (routing ? { ...variable, routing } : variable)

  if (column.source === 'tick') {
    return withRouting({
      ...base,
      label: `${text}: ${localize(column.option.label, lang)}`,
      type: 'numeric',
      measure: 'nominal',
      tickOf: { questionId: question.id, label: text },
      valueLabels: [
        { value: 0, label: localize(NOT_TICKED, lang) },
        { value: 1, label: localize(TICKED, lang) },
      ],
      missingValues: [],
    })
  }
  if (column.source === 'other') {
    return withRouting({
      ...base,
      label: `${text}: ${localize(column.option.label, lang)} (${localize(OTHER_TEXT, lang)})`,
      type: 'string',
      measure: 'nominal',
      valueLabels: [],
      missingValues: [],
      width: OTHER_TEXT_MAX_LENGTH,
    })
  }
  if (question.type === 'text' || question.type === 'longtext') {
    return withRouting({
      ...base,
      label: text,
      type: 'string',
      measure: 'nominal',
      valueLabels: [],
      missingValues: [],
      width: maxLengthOf(question),
    })
  }

  const codes =
    question.type === 'ranking'
      ? [{ value: NO_RANK, label: NOT_RANKED, missing: true }]
      : (codesOf(definition, question) ?? [])
  let label = text
  let questionNumber = question.number
  if (column.item) {
    label = joinStem(text, localize(column.item.text, lang))
    questionNumber = `${question.number}${column.item.number}`
  }
  return withRouting({
    ...base,
    questionNumber,
    label,
    type: 'numeric',
    measure: measureOf(definition, question),
    valueLabels: codes.flatMap((c) => (c.label ? [{ value: c.value, label: localize(c.label, lang) }] : [])),
    missingValues: codes.filter((c) => c.missing).map((c) => c.value),
  })
}

/** Every exported variable in questionnaire order, labelled in `lang` (falling back to Dutch). */
export function buildCodebook(definition: QuestionnaireDefinition, lang = 'nl'): CodebookVariable[] {
  return outlineOf(definition).places.flatMap(({ question, section }) =>
    columnsOf(question).map((column) => variableOf(definition, column, section, lang)),
  )
}

/** The value of a ranking item that got no rank in an answered ranking. */
export const NO_RANK = 0

/** Whether any item of a ranking or constant sum has a value. */
function itemsAnswered(question: Question, answers: Answers): boolean {
  return (
    (question.type === 'ranking' || question.type === 'constantsum') &&
    question.items.some((item) => typeof answerAt(answers, gridItemVariable(question, item)) === 'number')
  )
}

function exportValue(column: Column, answers: Answers): ExportValue {
  const value = answerAt(answers, column.source === 'answer' ? column.name : column.question.id)
  switch (column.source) {
    case 'tick':
      // 0 only for a question answered with other ticks: a question skipped altogether
      // (or routed past) is missing, not "nothing applies".
      return isAnswered(value) ? (codesIn(value).includes(column.option.value) ? 1 : 0) : null
    case 'other': {
      const text = answerAt(answers, otherVariable(column.question.id))
      return typeof text === 'string' && text !== '' ? text : null
    }
    case 'answer':
      if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value
      // NO_RANK is 0 too: a blank item of an answered constant sum has the amount 0.
      return column.item && itemsAnswered(column.question, answers) ? NO_RANK : null
  }
}

/**
 * One response as a row of the data set: every codebook variable, in codebook order,
 * with null where there is no answer. Expects cleaned answers (see `validateAnswers`).
 */
export function flattenAnswersForExport(
  definition: QuestionnaireDefinition,
  answers: Answers,
): Record<string, ExportValue> {
  const row: Record<string, ExportValue> = {}
  for (const { question } of outlineOf(definition).places) {
    for (const column of columnsOf(question)) row[column.name] = exportValue(column, answers)
  }
  return row
}
