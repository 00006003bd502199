/**
 * The collation check of a print stream: reads a print file made here, or a scan of the
 * printed stack, and reports sheets out of sequence, sheets missing, and sets that mix
 * two people's codes (collation.ts).
 *
 * PDF.js (through unpdf) opens the file. Pages of a file made here are read from their
 * hidden notes (fast: no drawing, under a millisecond a page); pages without them (a
 * scan) from their image. The whole file is held in memory: callers limit its size before.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import { getDocumentProxy } from 'unpdf'
import type { CollationReport } from './collation.ts'
import { checkCollation } from './collation.ts'
import type { PageReading } from './page-codes.ts'
import type { PdfDocument } from './page-codes.ts'
import { readPageImages, readPageNotes } from './page-codes.ts'

export type { CollationProblem, CollationReport, SheetPlace } from './collation.ts'

/** The file is no PDF that PDF.js can open (or it is encrypted). */
export class PdfReadError extends Error {}

/** A scan with more pages than the caller allows (reading one takes a fifth of a second). */
export class TooManyScannedPages extends Error {}

export interface PrintCheck extends CollationReport {
  /** How the pages were read: the marks a file made here carries, or the printed symbols of a scan. */
  source: 'printFile' | 'scan' | 'mixed'
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  try {
    // PDF.js takes over the buffer it is given: hand it a copy.
    return await getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: false })
  } catch (error) {
    throw new PdfReadError(error instanceof Error ? error.message : String(error))
  }
}

export async function checkPrintFile(
  bytes: Uint8Array,
  options: { onProgress?(done: number, pages: number): void; maxScannedPages?: number } = {},
): Promise<PrintCheck> {
  const pdf = await openPdf(bytes)
  try {
    const readings: PageReading[] = []
    let fromImages = 0
    let fromNotes = 0
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number)
      let reading = await readPageNotes(page)
      if (reading) fromNotes++
      else {
        if (fromImages >= (options.maxScannedPages ?? Number.POSITIVE_INFINITY)) throw new TooManyScannedPages()
        // A page without notes or images reads as a blank back.
        reading = await readPageImages(pdf, number)
        if (reading.hadImage) fromImages++
      }
      page.cleanup()
      if (number % 500 === 0) await nextTurn()
      readings.push(reading)
      options.onProgress?.(number, pdf.numPages)
    }
    const source = fromImages === 0 ? 'printFile' : fromNotes === 0 ? 'scan' : 'mixed'
    return { ...checkCollation(readings), source }
  } finally {
    await pdf.loadingTask.destroy()
  }
}
