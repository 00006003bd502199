import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import type { Direction } from '#src/mailmerge/bidi-text.ts'
import {
  drawParagraph,
  heightOfParagraph,
  isolate,
  paragraphDirection,
  visualRuns,
  visualString,
} from '#src/mailmerge/bidi-text.ts'
import { registerFonts } from '#src/mailmerge/fonts.ts'
import { printedLines, useTempDir } from './pdf-tools.ts'

const tmp = useTempDir()

/** Arabic as it lies on paper, left to right: the letters in reverse (before they are joined). */
const rev = (text: string) => Array.from(text).reverse().join('')

const MIXED = 'عزيزي M. Yılmaz، رمزك K7QXM-4TR9C (12 يوما)'

describe('visualString', () => {
  it('orders a mixed right-to-left line: Latin name, code and number read left to right, brackets face their text', () => {
    // Read from the right: greeting, name, "your code", code, "(12 days)".
    expect(visualString(MIXED, 'rtl')).toBe(`(${rev('يوما')} 12) K7QXM-4TR9C ${rev('رمزك')} ،M. Yılmaz ${rev('عزيزي')}`)
  })

  it('keeps the runs whole, right-to-left ones in reading order with their brackets mirrored', () => {
    const runs = visualRuns(MIXED, 'rtl')
    expect(runs.filter((r) => !r.rtl).map((r) => r.logical)).toEqual(['12', 'K7QXM-4TR9C', 'M. Yılmaz'])
    // The closing bracket of "(12 يوما)" comes first from the left, drawn as an opening one.
    expect(runs[0]).toEqual({ logical: ' يوما(', rtl: true })
  })

  it('sets an Arabic name in a Dutch sentence right to left, with the comma after it', () => {
    expect(visualString('Beste M. الحسيني,', 'ltr')).toBe(`Beste M. ${rev('الحسيني')},`)
  })

  it('keeps Arabic-Indic digits in their order', () => {
    expect(visualString('الرقم ١٢٣ هنا', 'rtl')).toBe(`${rev('هنا')} ١٢٣ ${rev('الرقم')}`)
  })

  it('keeps an isolated value whole and leaves its direction out of the sentence', () => {
    expect(visualString(`عزيزي ${isolate('M. Yılmaz')}،`, 'rtl')).toBe(`،M. Yılmaz ${rev('عزيزي')}`)
  })
})

describe('paragraphDirection', () => {
  it("takes the direction of the first letter outside isolates, else the document's", () => {
    const cases: Array<[string, Direction, Direction]> = [
      ['هل تواصلت مع Werk en Inkomen؟', 'ltr', 'rtl'],
      // A Dutch sentence an Arabic form falls back to, around an Arabic answer label.
      [`Alleen invullen als u bij vraag 1 ‘${isolate('نعم')}’ heeft gekozen.`, 'rtl', 'ltr'],
      [`${isolate('M. Yılmaz')}، مرحبا`, 'ltr', 'rtl'],
      ['12.', 'rtl', 'rtl'],
      ['12.', 'ltr', 'ltr'],
    ]
    for (const [text, document, expected] of cases) expect(paragraphDirection(text, document), text).toBe(expected)
  })
})

/** Draws with `draw` on one A4 page in DejaVu Sans 14 pt and returns the printed lines. */
async function printed(name: string, draw: (doc: PDFKit.PDFDocument) => void) {
  const file = tmp.file(name)
  const doc = new PDFDocument({ size: 'A4' })
  const written = finished(doc.pipe(createWriteStream(file)))
  registerFonts(doc)
  doc.fontSize(14)
  draw(doc)
  doc.end()
  await written
  return printedLines(file, 1)
}

describe('drawParagraph', () => {
  it('is needed: pdfkit alone prints the words of an Arabic sentence in reverse order', async () => {
    const [line] = await printed('pdfkit-alone.pdf', (doc) => doc.text('مرحبا بكم', 50, 50, { lineBreak: false }))
    // fontkit reverses each word, but pdfkit puts the words left to right.
    expect(line!.text).not.toBe(`${rev('بكم')} ${rev('مرحبا')}`)
    expect(line!.text.replace(' ', '')).toBe(`${rev('مرحبا')}${rev('بكم')}`)
  })

  it('prints a mixed line in reading order, aligned right', async () => {
    const [line] = await printed('mixed.pdf', (doc) =>
      drawParagraph(doc, MIXED, 50, 50, { width: 450, align: 'right', direction: 'rtl' }),
    )
    expect(line!.text).toBe(`(${rev('يوما')} 12) K7QXM-4TR9C ${rev('رمزك')} ،M. Yılmaz ${rev('عزيزي')}`)
    expect(line!.right).toBeCloseTo(500, 0)
  })

  it('prints Arabic-Indic digits, which fontkit takes for Arabic and would reverse, in their order', async () => {
    const [line] = await printed('digits.pdf', (doc) =>
      drawParagraph(doc, 'الرقم ١٢٣ هنا', 50, 50, { width: 450, align: 'right', direction: 'rtl' }),
    )
    expect(line!.text).toBe(`${rev('هنا')} ١٢٣ ${rev('الرقم')}`)
  })

  it('breaks lines in reading order: the first words of the sentence end up on the first line, on the right', async () => {
    const sentence = 'اذهب إلى enquete.example.nl وأدخل رمز الدخول K7QXM-4TR9C قبل 20 ديسمبر 2026 من فضلك'
    let height = 0
    let lineAdvance = 0
    const lines = await printed('wrapped.pdf', (doc) => {
      const style = { width: 200, align: 'right', direction: 'rtl', lineGap: 2 } as const
      height = heightOfParagraph(doc, sentence, style)
      lineAdvance = doc.currentLineHeight(true) + 2
      const bottom = drawParagraph(doc, sentence, 50, 50, style)
      expect(bottom - 50).toBeCloseTo(height, 6)
    })
    expect(lines.length).toBeGreaterThanOrEqual(3)
    expect(lines[0]!.text.endsWith(rev('اذهب'))).toBe(true)
    expect(lines.at(-1)!.text.startsWith(rev('فضلك'))).toBe(true)
    expect(lines.map((l) => l.text).join(' ')).toContain('K7QXM-4TR9C')
    for (const l of lines) expect(l.right).toBeCloseTo(250, 0)
    expect(lines.length * lineAdvance).toBeCloseTo(height, 6)
  })

  it('cuts a web address wider than the line rather than letting it run out of its box', async () => {
    const url = 'https://enquete.gemeente-hengelo.example.nl/c/K7QXM4TR9Y'
    const lines = await printed('long-url.pdf', (doc) =>
      drawParagraph(doc, `اذهب إلى ${url}`, 50, 50, { width: 120, align: 'right', direction: 'rtl' }),
    )
    expect(lines.length).toBeGreaterThanOrEqual(3)
    for (const line of lines) expect(line.left).toBeGreaterThanOrEqual(50 - 0.5)
    expect(
      lines
        .slice(1)
        .map((l) => l.text)
        .join(''),
    ).toBe(url)
  })

  it('joins the Arabic letters (DejaVu Sans has the joining forms and fontkit applies them)', async () => {
    const doc = new PDFDocument({ size: 'A4' })
    registerFonts(doc)
    doc.fontSize(14)
    // Joined, a word is narrower than its letters standing alone.
    const joined = doc.widthOfString('مرحبا')
    const apart = Array.from('مرحبا').reduce((sum, letter) => sum + doc.widthOfString(letter), 0)
    expect(joined).toBeLessThan(apart * 0.9)
    doc.end()
  })
})
