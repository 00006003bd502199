/**
 * What every page of a paper form carries: the login code, readable and as a Code128
 * barcode for the typist's scanner (pages get separated; each one must say whose form
 * it is), and "Pagina X van Y" with a pointer to turn the page.
 *
 * The barcode and code stay top right in every language, where a scanner finds them; in
 * a right-to-left form only the texts turn: the title is set against the barcode, the
 * pointer to turn the page sits bottom left, where the last line ends.
 */
import { formatLoginCode } from '#src/codes/login-code.ts'
import { isRightToLeft } from '#src/questionnaire/text.ts'
import { drawLine, drawParagraph, needsBidi, widthOfLine } from './bidi-text.ts'
import type { Barcode } from './code128.ts'
import { drawBarcode } from './code128.ts'
import { replayFor } from './content-replay.ts'
import type { PdfFonts } from './fonts.ts'
import { paperText } from './paper-texts.ts'
import { mm } from './units.ts'

export interface PageHeader {
  title: string
  stratumName?: string
  /** Normalised login code; without one, the form gets an empty field to write a code in. */
  code?: string
  barcode?: Barcode
}

const BARCODE = { width: mm(45), height: mm(9), top: mm(9) }

export function drawHeader(doc: PDFKit.PDFDocument, fonts: PdfFonts, lang: string, header: PageHeader): void {
  const left = mm(18)
  const right = mm(192)
  const barcodeLeft = right - BARCODE.width
  // Keep 10 modules of white left of the barcode: the title stops well before it.
  const titleWidth = barcodeLeft - left - mm(8)
  const rtl = isRightToLeft(lang)
  // The same on every page of every form for this municipality: set once, then copied.
  replayFor(doc).draw(JSON.stringify(['paper header', rtl, header.title, header.stratumName ?? '']), () => {
    doc.font(fonts.regular).fontSize(8).fillColor('#555555')
    if (rtl || needsBidi(header.title)) {
      const style = { width: titleWidth, align: rtl ? 'right' : 'left', direction: rtl ? 'rtl' : 'ltr' } as const
      const y = drawParagraph(doc, header.title, left, BARCODE.top, { ...style, height: mm(8) })
      if (header.stratumName) drawLine(doc, header.stratumName, left, y, style)
      return
    }
    doc.text(header.title, left, BARCODE.top, { width: titleWidth, height: mm(8), ellipsis: true })
    if (header.stratumName) doc.text(header.stratumName, left, doc.y, { width: titleWidth, lineBreak: false })
  })

  if (header.code && header.barcode) {
    drawBarcode(doc, header.barcode, barcodeLeft, BARCODE.top, BARCODE.width, BARCODE.height)
    doc.font(fonts.bold).fontSize(10).fillColor('black')
    doc.text(formatLoginCode(header.code), barcodeLeft, BARCODE.top + BARCODE.height + mm(1), {
      width: BARCODE.width,
      align: 'center',
      lineBreak: false,
      characterSpacing: 1,
    })
  } else {
    // A form without a code (a spare one): a field for the code, written by hand.
    doc.font(fonts.regular).fontSize(9).fillColor('black')
    const label = `${paperText('code', lang)}:`
    const labelWidth = widthOfLine(doc, label) + mm(2)
    if (rtl)
      drawLine(doc, label, barcodeLeft, BARCODE.top + mm(3), { width: BARCODE.width, align: 'right', direction: 'rtl' })
    else doc.text(label, barcodeLeft, BARCODE.top + mm(3), { lineBreak: false })
    // The code itself is written left to right in any language; only the label changes side.
    const lineStart = rtl ? barcodeLeft : barcodeLeft + labelWidth
    const lineEnd = rtl ? right - labelWidth : right
    doc
      .moveTo(lineStart, BARCODE.top + mm(7))
      .lineTo(lineEnd, BARCODE.top + mm(7))
      .lineWidth(0.6)
      .strokeColor('#888888')
      .stroke()
  }
  doc.moveTo(left, mm(25)).lineTo(right, mm(25)).lineWidth(0.5).strokeColor('#BBBBBB').stroke()
}

export function drawFooter(doc: PDFKit.PDFDocument, fonts: PdfFonts, lang: string, page: number, pages: number): void {
  const left = mm(18)
  const width = mm(174)
  const y = mm(284)
  const rtl = isRightToLeft(lang)
  replayFor(doc).draw(JSON.stringify(['paper footer', lang, page, pages]), () => {
    doc.font(fonts.regular).fontSize(8.5).fillColor('black')
    const pageText = paperText('page', lang, { x: page, y: pages })
    if (rtl) drawLine(doc, pageText, left, y, { width, align: 'center', direction: 'rtl' })
    else doc.text(pageText, left, y, { width, align: 'center', lineBreak: false })
    if (page < pages) {
      doc.font(fonts.bold).fontSize(8.5)
      const turnOver = paperText('turnOver', lang)
      if (rtl) drawLine(doc, turnOver, left, y, { width, align: 'left', direction: 'rtl' })
      else doc.text(turnOver, left, y, { width, align: 'right', lineBreak: false })
    }
  })
}
