/**
 * What goes wrong in a questionnaire workbook, said in Dutch for the researcher who
 * edits it (texts: `questionnaireFile.*` in the catalogues), with the sheet and row to
 * look at.
 */
import type { KeyUnder, Params } from '#src/i18n/translate.ts'
import { translator } from '#src/i18n/translate.ts'
import type { QuestionnaireDefinition } from '../definition.ts'
import type { DefinitionError } from '../validate.ts'

export interface WorkbookError extends DefinitionError {
  /** The sheet as the workbook names it; absent for faults of the file as a whole. */
  sheet?: string
  /** The row number the spreadsheet shows (the header is row 1). */
  row?: number
  /** The column heading, e.g. "label::nl", when the fault is in one cell. */
  column?: string
}

/** The result of reading a workbook: the shape of `parseDefinition`'s, with sheet and row on each error. */
export type ParseResult = { ok: true; definition: QuestionnaireDefinition } | { ok: false; errors: WorkbookError[] }

export type FaultKey = KeyUnder<'questionnaireFile'>

export interface CellPlace {
  sheet: string
  row: number
  column?: string
}

const dutch = translator('nl')

export function fileFault(key: FaultKey, params: Params = {}): WorkbookError {
  return { path: '', message: dutch(`questionnaireFile.${key}`, params) }
}

export function cellFault(place: CellPlace, key: FaultKey, params: Params = {}): WorkbookError {
  return {
    path: '',
    message: dutch(`questionnaireFile.${key}`, params),
    sheet: place.sheet,
    row: place.row,
    ...(place.column !== undefined ? { column: place.column } : {}),
  }
}

/** A word for inside a message (e.g. "een getal"), in the same language as the message. */
export function word(key: FaultKey): string {
  return dutch(`questionnaireFile.${key}`)
}
