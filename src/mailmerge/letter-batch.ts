/**
 * A mailing as print files: one page per letter, streamed. Letters are read one at a
 * time from any (async) iterable, so the caller can stream them from the database, and
 * no page stays in memory once it is drawn (see pdf-stream.ts for what that takes).
 *
 * pdfkit is synchronous CPU work (about 1 ms per letter): run a batch outside the
 * request path, in a worker or a CLI command, writing to a file.
 */
import type { Writable } from 'node:stream'
import type { LetterData } from './letter.ts'
import { drawLetter } from './letter.ts'
import type { LetterTemplate } from './letter-template.ts'
import { StreamingPdf } from './pdf-stream.ts'
import { drawTestPrintMark } from './test-print-mark.ts'

export type Letters = AsyncIterable<LetterData> | Iterable<LetterData>

export interface LetterBatchOptions {
  /** Called after each letter with the number of letters drawn so far. */
  onProgress?(done: number): void
  /** Document title in the PDF's properties. */
  title?: string
  /** A test print: TESTAFDRUK across every page. */
  testPrint?: boolean
}

function openPdf(template: LetterTemplate, out: Writable, options: LetterBatchOptions): StreamingPdf {
  const title = options.title ?? (template.kind === 'invitation' ? 'Uitnodigingsbrieven' : 'Herinneringsbrieven')
  return new StreamingPdf(out, { title, author: template.sender.organisation, lang: 'nl' })
}

/**
 * Writes every letter into one PDF on `out` and ends `out`. Resolves when `out` has
 * taken the last byte. On an error (a bad letter, a failing input or output) the output
 * is destroyed, so a partial print file is never taken for a complete one.
 */
export async function writeLetterBatch(
  letters: Letters,
  template: LetterTemplate,
  out: Writable,
  options: LetterBatchOptions = {},
): Promise<{ pages: number }> {
  const pdf = openPdf(template, out, options)
  try {
    for await (const letter of letters) {
      pdf.addPage()
      drawLetter(pdf.doc, letter, template, pdf.fonts)
      if (options.testPrint) drawTestPrintMark(pdf.doc, pdf.fonts)
      options.onProgress?.(pdf.pages)
      await pdf.settle()
    }
    // A PDF without pages is not a valid print file.
    if (pdf.pages === 0) throw new Error('No letters to print')
    await pdf.end()
  } catch (error) {
    await pdf.abort(error)
    throw error
  }
  return { pages: pdf.pages }
}
