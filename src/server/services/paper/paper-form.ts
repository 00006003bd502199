/**
 * The paper-entry form, built from the questionnaire definition: the fields in paper
 * order with the printed numbers, how a typed value is read, what deserves a warning,
 * and how two keyings of one form compare. Pure: no I/O.
 *
 * Every question is on the screen (paper has no routing); see paper-coding.ts for how
 * marks, values that are no code and answers outside routing are stored.
 */
import { createHash } from 'node:crypto'
import type { AnswerError, AnswerErrorCode } from '#src/questionnaire/index.ts'
import {
  allQuestions,
  codesOf,
  findQuestion,
  localize,
  maxLengthOf,
  OTHER_TEXT_MAX_LENGTH,
  rankCountOf,
  validateAnswers,
  variablesOf,
  visibilityOf,
} from '#src/questionnaire/index.ts'
import type { Answers, Question, QuestionnaireDefinition, RespondentContext } from '#src/questionnaire/definition.ts'
import type { KeyedFields, PaperCoding, PaperMark } from '#src/server/db/schema.ts'
import { MARK_KEYS } from './paper-coding.ts'

/**
 * - code: one code (grade, single choice, yes/no, grid item);
 * - codes: the ticked codes of a multiple-choice question, e.g. "1 3";
 * - number, text: as written.
 */
export type FieldKind = 'code' | 'codes' | 'number' | 'text'

export interface KeyingField {
  /** The answer key, as stored and exported. */
  variable: string
  questionId: string
  /** As printed: "7", "7a"; an "anders, namelijk" text is "21 anders". */
  label: string
  /** The item's text for a grid item, the option's label for an "anders" text, else "". */
  text: string
  kind: FieldKind
  /** The codes printed on paper (code and codes fields). */
  codes: number[]
  /** Number fields. */
  min?: number
  max?: number
  /** Text fields. */
  maxLength?: number
  /** Whether "m" (more than one ticked) makes sense here. */
  acceptsMultipleMark: boolean
  /** A statement of a grid: its question's text is shown once above the items. */
  gridItem: boolean
  /**
   * Screen-out codes: keying one ends the form there, as routing does; what is keyed
   * after it counts as outside routing (the typist sees it in the hint).
   */
  endsQuestionnaire?: number[]
}

export interface KeyingQuestion {
  id: string
  number: string
  text: string
  fields: KeyingField[]
}

function fieldsOf(definition: QuestionnaireDefinition, question: Question, lang: string): KeyingField[] {
  const codes = (codesOf(definition, question) ?? []).map((c) => c.value)
  const base = { questionId: question.id, codes, text: '', acceptsMultipleMark: true, gridItem: false }
  const fields: KeyingField[] = []
  /** A field per item of a grid, ranking or constant sum: `<question>_<item>`, labelled "3b". */
  const itemFields = (extra: Partial<KeyingField>): KeyingField[] =>
    'items' in question
      ? question.items.map((item) => ({
          ...base,
          variable: `${question.id}_${item.id}`,
          label: `${question.number}${item.number}`,
          text: localize(item.text, lang),
          kind: 'code',
          gridItem: true,
          ...extra,
        }))
      : []
  switch (question.type) {
    case 'grid':
      fields.push(...itemFields({ kind: 'code' }))
      break
    case 'ranking': {
      // A rank is keyed like a code (one keystroke moves on); "m" for two numbers at one item.
      const k = rankCountOf(question)
      fields.push(...itemFields({ kind: 'code', codes: Array.from({ length: k }, (_, i) => i + 1), min: 1, max: k }))
      break
    }
    case 'constantsum':
      fields.push(...itemFields({ kind: 'number', min: 0, max: question.total, acceptsMultipleMark: false }))
      break
    case 'multiple':
      // Several ticks are allowed here, so "more than one ticked" is no answer: the typist keys the ticks.
      fields.push({ ...base, variable: question.id, label: question.number, kind: 'codes', acceptsMultipleMark: false })
      break
    case 'number':
      fields.push({
        ...base,
        variable: question.id,
        label: question.number,
        kind: 'number',
        min: question.min,
        max: question.max,
        acceptsMultipleMark: false,
      })
      break
    case 'text':
    case 'longtext':
      fields.push({
        ...base,
        variable: question.id,
        label: question.number,
        kind: 'text',
        maxLength: maxLengthOf(question),
        acceptsMultipleMark: false,
      })
      break
    case 'single':
    case 'yesno':
      fields.push({
        ...base,
        variable: question.id,
        label: question.number,
        kind: 'code',
        ...(question.screenOut ? { endsQuestionnaire: question.screenOut.values } : {}),
      })
      break
    default:
      fields.push({ ...base, variable: question.id, label: question.number, kind: 'code' })
  }
  const other =
    question.type === 'single' || question.type === 'multiple' ? question.options.find((o) => o.other) : undefined
  if (other) {
    const variable = variablesOf(question).find((v) => v.endsWith('_other'))!
    const label = localize(other.label, lang).replace(/\s*(…|\.\.\.)$/, '')
    fields.push({
      ...base,
      variable,
      label: `${question.number} ${label}`,
      text: localize(other.label, lang),
      kind: 'text',
      codes: [],
      maxLength: OTHER_TEXT_MAX_LENGTH,
      acceptsMultipleMark: false,
    })
  }
  return fields
}

const layouts = new WeakMap<QuestionnaireDefinition, Map<string, KeyingQuestion[]>>()

/** Every question in paper order with its fields. Cached per definition and language. */
export function keyingLayout(definition: QuestionnaireDefinition, lang = 'nl'): KeyingQuestion[] {
  let byLang = layouts.get(definition)
  if (!byLang) layouts.set(definition, (byLang = new Map()))
  let layout = byLang.get(lang)
  if (!layout) {
    layout = allQuestions(definition).map((q) => ({
      id: q.id,
      number: q.number,
      text: localize(q.text, lang),
      fields: fieldsOf(definition, q, lang),
    }))
    byLang.set(lang, layout)
  }
  return layout
}

export function keyingFields(definition: QuestionnaireDefinition, lang = 'nl'): KeyingField[] {
  return keyingLayout(definition, lang).flatMap((q) => q.fields)
}

/** "1–10, 99": the codes of a field as a typist reads them. */
export function codesSummary(codes: number[]): string {
  const sorted = [...codes].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '))
    i = j + 1
  }
  return parts.join(', ')
}

const INTEGER = /^[+-]?\d+$/
/** Keypad-friendly aliases: "*" for "m", "/" for "?". */
const MARK_ALIASES: Record<string, string> = { m: 'm', '*': 'm', '?': '?', '/': '?' }

/** The ticks of a multiple-choice field, in option order; undefined when a part is no number. */
function readTicks(text: string, codes: number[]): number[] | undefined {
  const singleDigits = codes.length > 0 && codes.every((c) => c >= 0 && c <= 9)
  const ticked = new Set<number>()
  for (const part of text.split(/[\s,;.+]+/).filter((p) => p !== '')) {
    if (!INTEGER.test(part)) return undefined
    const value = Number(part)
    // With codes 1–9 a typist may key "139" for 1, 3 and 9: one keystroke per tick.
    if (singleDigits && !codes.includes(value) && /^\d+$/.test(part))
      for (const digit of part) ticked.add(Number(digit))
    else ticked.add(value)
  }
  const order = (v: number) => (codes.includes(v) ? codes.indexOf(v) : codes.length + v)
  return [...ticked].sort((a, b) => order(a) - order(b))
}

/**
 * A typed value in its canonical form, so that equal keyings compare equal: "07" is
 * "7", "3,1" is "1 3" for ticks, "*" is "m". Undefined when blank. Values that are no
 * code stay as typed (trimmed): they are kept and warned about, never guessed.
 */
export function normalizeKeyed(field: KeyingField, raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined
  const text = raw.replace(/\r\n?/g, '\n').trim()
  if (text === '') return undefined
  if (field.kind === 'text') return text === '?' || text === '/' ? '?' : text
  const lower = text.toLowerCase()
  const mark = MARK_ALIASES[lower]
  if (mark && (mark === '?' || field.acceptsMultipleMark)) return mark
  if (field.kind === 'codes') {
    const ticks = readTicks(lower, field.codes)
    return ticks ? ticks.join(' ') : text
  }
  if (INTEGER.test(lower)) return String(Number(lower))
  if (field.kind === 'number' && /^[+-]?\d+[.,]\d+$/.test(lower)) return String(Number(lower.replace(',', '.')))
  return text
}

/** Normalises keyed fields and leaves out keys the form does not have. */
export function normalizeKeyedFields(
  definition: QuestionnaireDefinition,
  fields: Record<string, unknown>,
): KeyedFields {
  return keyedFieldsFromForm(definition, fields, '')
}

/** Reads every field of a posted form (`prefix` + answer key) into normalised keyed fields. */
export function keyedFieldsFromForm(
  definition: QuestionnaireDefinition,
  body: Record<string, unknown>,
  prefix: string,
): KeyedFields {
  const fields: KeyedFields = {}
  for (const field of keyingFields(definition)) {
    const posted = body[prefix + field.variable]
    const value = normalizeKeyed(field, Array.isArray(posted) ? posted[0] : posted)
    if (value !== undefined) fields[field.variable] = value
  }
  return fields
}

export type WarningKind =
  /** Not one of the codes printed, out of range, too long, or not a number. */
  | 'invalid'
  /** Answered although routing skips the question on this form. */
  | 'outsideRouting'
  /** An "anders, namelijk" text while the "anders" box is not ticked. */
  | 'otherWithoutTick'
  /**
   * "m" (more than one ticked) on a question where several ticks are allowed: the ticks
   * must be keyed. Blocks the save: unlike the others, it cannot be confirmed as on paper.
   */
  | 'markNotAllowed'
  /** A ranking whose rank is written at more than one item: coded like a double tick. */
  | 'repeatedRank'
  /** A ranking that skips a rank: kept as written, and flagged. */
  | 'rankGap'
  /** A constant sum that does not add up to its total: kept as written, and flagged. */
  | 'wrongSum'

export interface KeyingWarning {
  variable: string
  /** The printed number of the field, e.g. "7a". */
  label: string
  kind: WarningKind
  /** For `invalid`: why, in the questionnaire engine's terms. */
  reason?: AnswerErrorCode
  /** What was keyed. */
  value: string
}

export interface ReadForm {
  answers: Answers
  coding: PaperCoding
  warnings: KeyingWarning[]
  /**
   * A screen-out answer was keyed (where routing asks it): the form is stored as not in the
   * target group, and what was keyed after it counts as outside routing.
   */
  screenedOut: boolean
}

const unrouted = new WeakMap<QuestionnaireDefinition, QuestionnaireDefinition>()

/** The definition with every condition and screen-out removed, so that every answer is checked on its own. */
function withoutRouting(definition: QuestionnaireDefinition): QuestionnaireDefinition {
  let copy = unrouted.get(definition)
  if (!copy) {
    copy = {
      ...definition,
      sections: definition.sections.map(({ showIf: _s, ...section }) => ({
        ...section,
        questions: section.questions.map(
          ({ showIf: _q, ...question }) => ({ ...question, screenOut: undefined }) as Question,
        ),
      })),
    }
    unrouted.set(definition, copy)
  }
  return copy
}

/**
 * Turns keyed fields into a response: the valid answers, the paper coding and the
 * warnings to show before saving. Nothing on paper is dropped: marks and values that
 * are no code go to the coding, answers outside routing stay and are flagged.
 */
export function readKeyedForm(
  definition: QuestionnaireDefinition,
  keyed: KeyedFields,
  context: RespondentContext,
  options: { noCode?: boolean } = {},
): ReadForm {
  const fields = keyingFields(definition)
  const byVariable = new Map(fields.map((f) => [f.variable, f]))
  const coding: PaperCoding = { noCode: options.noCode === true, marks: {}, invalid: {}, outsideRouting: [] }
  const warnings: KeyingWarning[] = []
  const input: Record<string, string> = {}
  for (const field of fields) {
    if (!Object.hasOwn(keyed, field.variable)) continue
    const value = keyed[field.variable]!
    const mark = Object.entries(MARK_KEYS).find(([, key]) => key === value)?.[0] as PaperMark | undefined
    if (mark && (mark === 'unreadable' || field.acceptsMultipleMark)) coding.marks[field.variable] = mark
    else if (field.kind === 'codes' && (value.toLowerCase() === 'm' || value === '*')) {
      coding.invalid[field.variable] = value
      warnings.push({ variable: field.variable, label: field.label, kind: 'markNotAllowed', value })
    } else input[field.variable] = value
  }

  const validation = validateAnswers(withoutRouting(definition), input, context, { partial: true })
  const answers: Answers = { ...validation.answers }
  for (const error of validation.errors) {
    if (error.items) {
      itemsFault(
        error,
        findQuestion(definition, error.questionId)?.number ?? '',
        input,
        fields,
        answers,
        coding,
        warnings,
      )
      continue
    }
    coding.invalid[error.variable] = input[error.variable] ?? ''
    warnings.push({
      variable: error.variable,
      label: byVariable.get(error.variable)?.label ?? error.variable,
      kind: 'invalid',
      reason: error.code,
      value: input[error.variable] ?? '',
    })
  }
  // Without routing only "anders, namelijk" texts without their box are dropped: keep them.
  for (const variable of validation.dropped) {
    const field = byVariable.get(variable)
    const text = input[variable]
    if (!field || text === undefined) continue
    if (text.length > (field.maxLength ?? OTHER_TEXT_MAX_LENGTH)) {
      coding.invalid[variable] = text
      warnings.push({ variable, label: field.label, kind: 'invalid', reason: 'too_long', value: text })
      continue
    }
    answers[variable] = text
    coding.outsideRouting.push(variable)
    warnings.push({ variable, label: field.label, kind: 'otherWithoutTick', value: text })
  }

  const { questions, screenedOut } = visibilityOf(definition, answers, context)
  for (const field of fields) {
    if (!Object.hasOwn(answers, field.variable) || questions.has(field.questionId)) continue
    if (coding.outsideRouting.includes(field.variable)) continue
    coding.outsideRouting.push(field.variable)
    warnings.push({
      variable: field.variable,
      label: field.label,
      kind: 'outsideRouting',
      value: keyed[field.variable] ?? '',
    })
  }
  const order = new Map(fields.map((f, i) => [f.variable, i]))
  coding.outsideRouting.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
  warnings.sort((a, b) => (order.get(a.variable) ?? 0) - (order.get(b.variable) ?? 0))
  return { answers, coding, warnings, screenedOut: screenedOut !== undefined }
}

/**
 * A ranking or constant sum whose items, each fine on its own, do not fit together. Paper
 * keeps what is written: a rank at more than one item is coded "more than one" at those
 * items (the others keep their rank); a skipped rank or a wrong sum keeps every number
 * and lists the question in `coding.inconsistent`.
 */
function itemsFault(
  error: AnswerError,
  questionNumber: string,
  input: Record<string, string>,
  fields: KeyingField[],
  answers: Answers,
  coding: PaperCoding,
  warnings: KeyingWarning[],
): void {
  const items = fields.filter((f) => f.questionId === error.questionId)
  const keyed = items.filter((f) => input[f.variable] !== undefined)
  const repeated = error.code === 'repeated_rank' ? new Set(error.items) : new Set<string>()
  for (const field of keyed) {
    const value = input[field.variable]!
    if (repeated.has(field.variable)) {
      coding.marks[field.variable] = 'multiple'
      warnings.push({ variable: field.variable, label: field.label, kind: 'repeatedRank', value })
    } else {
      answers[field.variable] = Number(value)
    }
  }
  if (error.code === 'repeated_rank') return
  coding.inconsistent = [...(coding.inconsistent ?? []), error.questionId]
  const first = keyed[0] ?? items[0]
  if (!first) return
  const values = keyed.map((f) => Number(input[f.variable]))
  warnings.push({
    variable: first.variable,
    label: questionNumber,
    kind: error.code === 'wrong_sum' ? 'wrongSum' : 'rankGap',
    value:
      error.code === 'wrong_sum'
        ? String(values.reduce((a, b) => a + b, 0))
        : [...values].sort((a, b) => a - b).join(' '),
  })
}

/**
 * A short fingerprint of a set of warnings. The typist confirms exactly these warnings;
 * if a correction brings up different ones, they are shown again.
 */
export function warningsFingerprint(warnings: KeyingWarning[]): string {
  const text = warnings.map((w) => `${w.variable}\u0000${w.kind}\u0000${w.value}`).join('\u0001')
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

export interface FieldDifference {
  variable: string
  label: string
  /** As keyed the first and the second time; undefined when left blank. */
  first: string | undefined
  second: string | undefined
}

export interface KeyingComparison {
  /** Fields that at least one of the two keyings filled in. */
  compared: number
  differences: FieldDifference[]
}

/** Compares two keyings of one form field by field, in paper order. */
export function compareKeyings(
  definition: QuestionnaireDefinition,
  first: KeyedFields,
  second: KeyedFields,
): KeyingComparison {
  let compared = 0
  const differences: FieldDifference[] = []
  for (const field of keyingFields(definition)) {
    const a = Object.hasOwn(first, field.variable) ? first[field.variable] : undefined
    const b = Object.hasOwn(second, field.variable) ? second[field.variable] : undefined
    if (a === undefined && b === undefined) continue
    compared++
    if (a !== b) differences.push({ variable: field.variable, label: field.label, first: a, second: b })
  }
  return { compared, differences }
}
