import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { StreamingPdf } from '#src/mailmerge/pdf-stream.ts'
import { pageTexts, useTempDir, writePdf } from './pdf-tools.ts'

const tmp = useTempDir()

// Memory (layout caches, released pages) is tested with the letter batch (letter-batch.test.ts).
describe('StreamingPdf.reorderBufferedPages', () => {
  it('puts the unflushed pages in the new order, in the file and for switchToPage, and leaves written pages alone', async () => {
    const file = await writePdf(tmp.file('reordered.pdf'), async (out) => {
      const pdf = new StreamingPdf(out, { bufferPages: true })
      const write = (text: string) => {
        pdf.addPage()
        pdf.doc.font(pdf.fonts.regular).fontSize(12).text(text, 72, 72)
      }
      write('page zero')
      pdf.flushPages()
      for (const text of ['A', 'B', 'C', 'D']) write(`page ${text}`)
      pdf.reorderBufferedPages([2, 0, 3, 1])
      // Page 1 of the file is now C: drawing on it after the reorder lands on C.
      pdf.doc.switchToPage(1)
      pdf.doc.font(pdf.fonts.regular).fontSize(12).text('after the reorder', 72, 144)
      pdf.flushPages()
      await pdf.end()
    })
    const texts = (await pageTexts(file)).map((text) => text.replace(/\s+/g, ' ').trim())
    expect(texts).toEqual(['page zero', 'page C after the reorder', 'page A', 'page D', 'page B'])
  })

  it('refuses an order that is not one of the buffered pages each once', async () => {
    const pdf = new StreamingPdf(new PassThrough(), { bufferPages: true })
    pdf.addPage()
    pdf.addPage()
    expect(() => pdf.reorderBufferedPages([0, 0])).toThrow(/not a permutation/)
    expect(() => pdf.reorderBufferedPages([1])).toThrow(/not a permutation/)
    expect(() => pdf.reorderBufferedPages([1, 2])).toThrow(/not a permutation/)
    await pdf.abort(new Error('test over'))
  })
})
