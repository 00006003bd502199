/**
 * The collation check of a print stream: reads a print file made here, or a scan of the
 * printed stack, and reports sheets out of sequence, sheets missing, and sets that mix
 * two people's codes (collation.ts).
 *
 * Pages of a file made here are read from their hidden notes, all in one pass with
 * pdf-lib (file-notes.ts: no drawing, and no walk of the page tree per page); pages
 * without them (a scan) from their image, with PDF.js (through unpdf), which is opened
 * only when such a page is there. The notes say what the DataMatrix on the same page
 * says: the generator draws both from one text (drawSetMark), so a print file's marks
 * need no decoding; a scan is proof of what was printed and is read from the symbols.
 * The whole file is held in memory: callers limit its size before.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import { getDocumentProxy } from 'unpdf'
import type { CollationReport } from './collation.ts'
import { checkCollation } from './collation.ts'
import type { PageReading } from './page-codes.ts'
import type { PdfDocument } from './page-codes.ts'
import { readPageImages, readPageNotes } from './page-codes.ts'
import type { NotedPage } from './file-notes.ts'
import { readFileNotes } from './file-notes.ts'

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
  const noted = await readFileNotes(bytes)
  try {
    return await readPages(bytes, noted, options)
  } catch (error) {
    // pdf-lib and PDF.js read the page tree of a damaged file differently: PDF.js alone then.
    if (!(error instanceof PageTreesDiffer)) throw error
    return await readPages(bytes, undefined, options)
  }
}

class PageTreesDiffer extends Error {}

/**
 * Reads every page: from the notes found in one pass (`noted`), else from the notes
 * PDF.js finds on the page, else from the page's image with PDF.js. With notes found in
 * one pass, PDF.js is opened only when a page needs it.
 */
async function readPages(
  bytes: Uint8Array,
  noted: NotedPage[] | undefined,
  options: { onProgress?(done: number, pages: number): void; maxScannedPages?: number },
): Promise<PrintCheck> {
  let pdf = noted ? undefined : await openPdf(bytes)
  try {
    const pages = noted?.length ?? pdf?.numPages ?? 0
    const readings: PageReading[] = []
    let fromImages = 0
    let fromNotes = 0
    for (let number = 1; number <= pages; number++) {
      let reading: PageReading | undefined
      let blank = false
      if (noted) {
        reading = noted[number - 1]!.reading
        // A page that draws no image object shows nothing a scan could be read from.
        blank = !reading && !noted[number - 1]!.drawsObjects
      } else if (pdf) {
        const page = await pdf.getPage(number)
        reading = await readPageNotes(page)
        page.cleanup()
      }
      if (reading) fromNotes++
      else if (blank) reading = { page: number, codes: [], unreadable: false, hadImage: false }
      else {
        if (fromImages >= (options.maxScannedPages ?? Number.POSITIVE_INFINITY)) throw new TooManyScannedPages()
        if (!pdf) {
          pdf = await openPdf(bytes)
          if (pdf.numPages !== pages) throw new PageTreesDiffer()
        }
        // A page without notes or images reads as a blank back.
        reading = await readPageImages(pdf, number)
        if (reading.hadImage) fromImages++
      }
      if (number % 500 === 0) await nextTurn()
      readings.push(reading)
      options.onProgress?.(number, pages)
    }
    const source = fromImages === 0 ? 'printFile' : fromNotes === 0 ? 'scan' : 'mixed'
    return { ...checkCollation(readings), source }
  } finally {
    await pdf?.loadingTask.destroy()
  }
}
