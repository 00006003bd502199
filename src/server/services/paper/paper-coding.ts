/**
 * How a keyed paper form is stored beyond its answers, and how exports show it.
 *
 * Paper is not the web: people tick two boxes where one is allowed, write things that
 * are no code, or answer questions that routing would skip. The typist records what
 * is on paper; a response with mode "paper" keeps:
 * - `answers`: the valid answers, exactly like an online response (so every analysis
 *   reads them the same way), INCLUDING answers to questions that routing would have
 *   skipped (paper cannot enforce routing);
 * - `paper_coding` (this file's `PaperCoding`): what is not an answer.
 *
 * In exports, a numeric variable whose field carries a mark gets a negative code instead
 * of an empty cell, labelled and declared missing (see `PAPER_EXPORT_CODES`):
 *   -1 more than one box ticked where one was allowed (or more than the maximum)
 *   -2 unreadable
 *   -3 something that is no code on the form (e.g. a grade "7,5" or "12"); the text as
 *      keyed is in `PaperCoding.invalid`
 *   -4 an answer to a question the routing skips, in a round that does not count those
 *      (`rounds.count_outside_routing` off): it takes the answer's place
 * String variables stay empty. A ranking with one rank at more than one item gets -1 at
 * those items, as a double tick does. A ranking that skips a rank or a constant sum that
 * does not make its total is kept as written, and its variables listed apart
 * (`papier_afwijkend`). Pure: no I/O.
 */
import type { ExportValue, ValueLabel } from '#src/questionnaire/index.ts'
import { exportNameOf, exportVariablesOf, otherExportVariable, otherVariable } from '#src/questionnaire/index.ts'
import type { Question, QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { allQuestions, findQuestion, variablesOf } from '#src/questionnaire/index.ts'
import { translator } from '#src/i18n/translate.ts'
import type { PaperCoding, PaperMark } from '#src/server/db/schema.ts'

/** The typed mark for each `PaperMark`. Every field accepts "?"; choice fields also "m". */
export const MARK_KEYS: Record<PaperMark, string> = { multiple: 'm', unreadable: '?' }

/** The numeric export codes for marks and invalid values; declare them as missing values. */
export const PAPER_EXPORT_CODES = { multiple: -1, unreadable: -2, invalid: -3, outsideRouting: -4 } as const

/**
 * Value labels to add to every numeric variable of the codebook (and to its missing values).
 * For a ranking item, -1 says what "more than one" means there: its rank is also at another item.
 */
export function paperValueLabels(lang = 'nl', questionType?: Question['type']): ValueLabel[] {
  const t = translator(lang)
  return (Object.keys(PAPER_EXPORT_CODES) as Array<keyof typeof PAPER_EXPORT_CODES>).map((key) => ({
    value: PAPER_EXPORT_CODES[key],
    label:
      key === 'multiple' && questionType === 'ranking'
        ? t('management.export.paperCodes.repeatedRank')
        : t(`management.export.paperCodes.${key}`),
  }))
}

export interface PaperExportCoding {
  /** Numeric export columns to fill with a paper code instead of leaving them empty. */
  values: Record<string, ExportValue>
  /** 1 for a form keyed without code. */
  noCode: 0 | 1
  /** Export columns holding answers that routing would have skipped. */
  outsideRouting: string[]
  /** Export columns of rankings and constant sums kept as written although they do not fit together. */
  inconsistent: string[]
  /** Export columns coded -3, with the text as keyed. */
  invalidText: Record<string, string>
  /**
   * Export columns whose answer gives way to a code (-4: outside routing, not counted),
   * answer or not; empty when the round counts answers outside routing.
   */
  overrides: Record<string, ExportValue>
}

/** Where each answer key goes in the export: its numeric columns, or none for texts. */
// An export asks for every paper row; worked out once per definition, not once per row.
/** Per answer key: the numeric export columns a paper code goes into, and the name the data set uses for it. */
interface ExportColumns {
  numeric: string[]
  name: string
}

const columnsByDefinition = new WeakMap<QuestionnaireDefinition, Map<string, ExportColumns>>()

function numericColumnsByVariable(definition: QuestionnaireDefinition): Map<string, ExportColumns> {
  const known = columnsByDefinition.get(definition)
  if (known) return known
  const map = new Map<string, ExportColumns>()
  for (const question of allQuestions(definition)) {
    for (const variable of variablesOf(question))
      map.set(variable, { numeric: numericColumnsOf(question, variable), name: exportNameOf(question.id, variable) })
  }
  columnsByDefinition.set(definition, map)
  return map
}

function numericColumnsOf(question: Question, variable: string): string[] {
  if (question.type === 'text' || question.type === 'longtext' || variable === otherVariable(question.id)) return []
  // Multiple choice is exported as one 0/1 column per option: a mark applies to all of them.
  if (question.type === 'multiple')
    return exportVariablesOf(question).filter((c) => c !== otherExportVariable(question.id))
  return [variable]
}

function columnsOf(columns: Map<string, ExportColumns>, variable: string): string[] {
  return columns.get(variable)?.numeric ?? []
}

function exportName(columns: Map<string, ExportColumns>, variable: string): string {
  return columns.get(variable)?.name ?? variable
}

/**
 * The export side of one response's paper coding: which columns get -1/-2/-3, whether
 * the form had no code, and which columns hold answers outside routing. For an online
 * response (`coding` null) everything is empty.
 */
export function paperCodingOf(
  definition: QuestionnaireDefinition,
  coding: PaperCoding | null | undefined,
  options: { countOutsideRouting: boolean } = { countOutsideRouting: true },
): PaperExportCoding {
  const result: PaperExportCoding = {
    values: {},
    noCode: 0,
    outsideRouting: [],
    inconsistent: [],
    invalidText: {},
    overrides: {},
  }
  if (!coding) return result
  const columns = numericColumnsByVariable(definition)
  result.noCode = coding.noCode ? 1 : 0
  for (const [variable, mark] of Object.entries(coding.marks)) {
    for (const column of columnsOf(columns, variable)) result.values[column] = PAPER_EXPORT_CODES[mark]
  }
  for (const [variable, text] of Object.entries(coding.invalid)) {
    const numeric = columnsOf(columns, variable)
    // A text too long for its column stays empty in the data; its text is listed here.
    if (numeric.length === 0) result.invalidText[exportName(columns, variable)] = text
    for (const column of numeric) {
      result.values[column] = PAPER_EXPORT_CODES.invalid
      result.invalidText[column] = text
    }
  }
  for (const questionId of coding.inconsistent ?? []) {
    const question = findQuestion(definition, questionId)
    if (question) result.inconsistent.push(...exportVariablesOf(question))
  }
  for (const variable of coding.outsideRouting) {
    const numeric = columnsOf(columns, variable)
    result.outsideRouting.push(...(numeric.length > 0 ? numeric : [exportName(columns, variable)]))
    if (options.countOutsideRouting) continue
    for (const column of numeric) result.overrides[column] = PAPER_EXPORT_CODES.outsideRouting
    // A text has no code to take its place: it is left out (and listed in papier_buiten_routering).
    if (numeric.length === 0) result.overrides[exportName(columns, variable)] = null
  }
  return result
}
