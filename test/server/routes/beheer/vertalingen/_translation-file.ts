/** Reading a downloaded translation file and writing a changed one, as a translator's spreadsheet program would. */
import { readSheet } from 'read-excel-file/node'
import writeXlsxFile from 'write-excel-file/node'
import type { Browser } from '#test/helpers/app.ts'

export type Sheet = string[][]

export async function downloadSheet(browser: Browser, language: string): Promise<Sheet> {
  const response = await browser.get(`/beheer/vertalingen/bestand/${language}`)
  if (response.statusCode !== 200) throw new Error(`download of ${language} answered ${response.statusCode}`)
  const rows = (await readSheet(response.rawPayload)) as unknown[][]
  return rows.map((cells) => cells.map((c) => (c === null || c === undefined ? '' : String(c))))
}

export async function sheetFile(sheet: Sheet): Promise<Buffer> {
  return writeXlsxFile([
    { data: sheet.map((row) => row.map((value) => ({ value, type: String }))), sheet: 'Teksten' },
  ]).toBuffer()
}

/** The 1-based row number of a key, as the spreadsheet shows it. */
export function rowOf(sheet: Sheet, key: string): number {
  const index = sheet.findIndex((row) => row[0] === key)
  if (index === -1) throw new Error(`no row for ${key}`)
  return index + 1
}

/** A copy of the sheet with one cell changed: `column` 3 is the language's own. */
export function withCell(sheet: Sheet, key: string, column: number, value: string): Sheet {
  return sheet.map((row) => (row[0] === key ? row.map((cell, i) => (i === column ? value : cell)) : [...row]))
}

export const TARGET = 3
export const STATUS = 4
