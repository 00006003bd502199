/** Workbooks written cell by cell, as a researcher would fill them in. */
import writeXlsxFile from 'write-excel-file/universal'
import type { Cell } from 'write-excel-file/universal'

export type Rows = Array<Array<string | number | null>>

/** A settings sheet for a Dutch-only questionnaire "proef". */
export const SETTINGS: Rows = [
  ['form_id', 'version', 'languages', 'title::nl'],
  ['proef', 1, 'nl', 'Proef'],
]

export async function workbook(sheets: Record<string, Rows>): Promise<Uint8Array> {
  const cell = (value: string | number | null): Cell =>
    value === null ? null : typeof value === 'number' ? { value, type: Number } : { value, type: String }
  const blob = await writeXlsxFile(
    Object.entries(sheets).map(([sheet, rows]) => ({ sheet, data: rows.map((row) => row.map(cell)) })),
  ).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}
