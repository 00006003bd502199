/**
 * The collation check of a print stream: reads a print file made here, or a scan of the
 * printed stack, and reports sheets out of sequence, sheets missing, and sets that mix
 * two people's codes (collation.ts).
 *
 * Pages of a file made here are read from their dictionaries (fast: no drawing); pages
 * without that (a scan) from their image. The whole file is held in memory: callers
 * limit its size before.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { CollationReport } from './collation.ts'
import { checkCollation } from './collation.ts'
import type { PageReading } from './page-codes.ts'
import { readPageDictionary, readPageImage } from './page-codes.ts'
import { PdfDocument } from './pdf-pages.ts'

export { PdfReadError } from './pdf-pages.ts'
export type { CollationProblem, CollationReport, SheetPlace } from './collation.ts'

/** A scan with more pages than the caller allows (reading one takes a fifth of a second). */
export class TooManyScannedPages extends Error {}

export interface PrintCheck extends CollationReport {
  /** How the pages were read: the marks a file made here carries, or the printed symbols of a scan. */
  source: 'printFile' | 'scan' | 'mixed'
}

export async function checkPrintFile(
  bytes: Buffer,
  options: { onProgress?(done: number, pages: number): void; maxScannedPages?: number } = {},
): Promise<PrintCheck> {
  const pdf = new PdfDocument(bytes)
  const readings: PageReading[] = []
  let fromImages = 0
  let fromDictionaries = 0
  for (const page of pdf.pages) {
    let reading = readPageDictionary(page)
    if (reading) fromDictionaries++
    else if (page.images.length > 0) {
      if (fromImages >= (options.maxScannedPages ?? Number.POSITIVE_INFINITY)) throw new TooManyScannedPages()
      reading = await readPageImage(page)
      fromImages++
    } else {
      // A page without marks or images: a blank back.
      reading = { page: page.number, codes: [], unreadable: false }
    }
    if (page.number % 500 === 0) await nextTurn()
    readings.push(reading)
    options.onProgress?.(page.number, pdf.pages.length)
  }
  const source = fromImages === 0 ? 'printFile' : fromDictionaries === 0 ? 'scan' : 'mixed'
  return { ...checkCollation(readings), source }
}
