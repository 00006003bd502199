/**
 * The bad lines of an uploaded client file as a CSV (line, column, message), for whoever
 * fixes the municipality's export: one row per reason, in the file's order, with the
 * messages in the staff member's language, as the preview shows them.
 */
import { stringify } from 'csv-stringify/sync'
import type { Translate } from '#src/i18n/translate.ts'
import type { ImportProblem, Reason } from './client-import.ts'

/** The column a reason is about; reasons about the whole line (a wrong number of cells) have none. */
const COLUMN_OF: Partial<Record<Reason['key'], string>> = {
  duplicateInFile: 'klantnummer',
  alreadyImported: 'klantnummer',
  badPostcode: 'postcode',
  unknownStratum: 'gemeente',
  badEmail: 'email',
  unknownLanguage: 'taal',
  badBirthYear: 'geboortejaar',
  badSex: 'geslacht',
}

function columnOf(reason: Reason, t: Translate): string {
  const named = reason.params?.column
  if (typeof named === 'string') return named
  return COLUMN_OF[reason.key] ?? t('fieldwork.import.wholeLine')
}

export function importErrorsCsv(problems: ImportProblem[], t: Translate): string {
  const rows = problems.flatMap((p) =>
    p.reasons.map((r) => [String(p.line), columnOf(r, t), t(`fieldwork.import.reasons.${r.key}`, r.params)]),
  )
  const header = (['line', 'field', 'message'] as const).map((c) => t(`fieldwork.import.errorsCsvColumns.${c}`))
  // Semicolons, a BOM and CRLF: what Excel opens as columns on a Dutch desktop, as the address list.
  return stringify([header, ...rows], { delimiter: ';', bom: true, record_delimiter: 'windows' })
}
