/**
 * One collated print stream: per person their set, the letter and then their paper
 * questionnaire, so the print shop never pairs letters and forms by hand (one slip
 * there sends one person's code on another's form).
 *
 * Every set starts on a front side for double-sided printing: the letter gets a blank
 * back, and a form with an odd number of pages a blank last page (it says whose form it
 * is). Every front side carries the set mark (set-mark.ts); backs do not, because a
 * duplex printer cannot separate a back from its front, and a bare back stays bare.
 *
 * Streams like the other batches: a set's pages are held until the set is complete (to
 * put "vel i van n" on them) and then written.
 */
import type { Writable } from 'node:stream'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { LetterData } from './letter.ts'
import type { FormLayout } from './paper-layout.ts'
import { drawLetter } from './letter.ts'
import type { LetterTemplate } from './letter-template.ts'
import type { PaperFormItem } from './paper-questionnaire.ts'
import { PaperForms } from './paper-questionnaire.ts'
import { StreamingPdf } from './pdf-stream.ts'
import { codeTail, drawSetMarks, pageCodeNote } from './set-mark.ts'

export interface PrintSet {
  letter: LetterData
  /** The person's paper questionnaire; without it the set is the letter alone. */
  form?: PaperFormItem
}

export interface WrittenSet<T extends PrintSet = PrintSet> {
  /** 1-based number in the stream, as in the set mark. */
  number: number
  sheets: number
  item: T
}

export interface PrintSetsOptions<T extends PrintSet = PrintSet> {
  /** Needed when any set has a form. */
  definition?: QuestionnaireDefinition
  stratumNames?: Record<string, string>
  /** For the forms, as in PaperBatchOptions: the round's last day (YYYY-MM-DD) and the reply address. */
  returnBy?: string
  replyAddress?: string[]
  title?: string
  /** Called after each set with the number of sets written so far. */
  onProgress?(done: number): void
  /** Called after each set is written, in stream order (for the manifest). */
  onSet?(set: WrittenSet<T>): void | Promise<void>
}

/**
 * Writes every set into one PDF on `out` and ends `out`. On an error the output is
 * destroyed, so a partial print file is never taken for a complete one.
 */
export async function writePrintSets<T extends PrintSet>(
  sets: AsyncIterable<T> | Iterable<T>,
  template: LetterTemplate,
  out: Writable,
  options: PrintSetsOptions<T> = {},
): Promise<{ sets: number; pages: number; layouts: FormLayout[] }> {
  const title = options.title ?? (template.kind === 'invitation' ? 'Uitnodigingen' : 'Herinneringen')
  const pdf = new StreamingPdf(out, { bufferPages: true, title, author: template.sender.organisation, lang: 'nl' })
  const forms = options.definition ? new PaperForms(options.definition, options) : undefined
  let count = 0
  try {
    for await (const item of sets) {
      count++
      const firstPage = pdf.pages
      pdf.addPage()
      drawLetter(pdf.doc, item.letter, template, pdf.fonts)
      pdf.notes.add(pageCodeNote(item.letter.code))
      // The letter's back stays empty: the form starts on a sheet of its own.
      pdf.addPage()
      if (item.form) {
        if (!forms) throw new Error('A set with a paper form needs the questionnaire definition')
        forms.write(pdf, item.form, true)
      }
      const sheets = (pdf.pages - firstPage) / 2
      drawSetMarks(pdf, { number: count, firstPage, sheets, codeTail: codeTail(item.letter.code) })
      pdf.flushPages()
      await options.onSet?.({ number: count, sheets, item })
      options.onProgress?.(count)
      await pdf.settle()
    }
    if (count === 0) throw new Error('No letters to print')
    await pdf.end()
  } catch (error) {
    await pdf.abort(error)
    throw error
  }
  return { sets: count, pages: pdf.pages, layouts: forms?.allLayouts() ?? [] }
}
