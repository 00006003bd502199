/**
 * What every page of a paper form carries: the login code, readable and as a Code128
 * barcode for the typist's scanner (pages get separated; each one must say whose form
 * it is), and "Pagina X van Y" with a pointer to turn the page.
 *
 * The barcode and code stay top right in every language, where a scanner finds them; in
 * a right-to-left form only the texts turn: the title is set against the barcode, the
 * pointer to turn the page sits bottom left, where the last line ends.
 */
import { formBarcodeText } from '#src/codes/form-barcode.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'
import { isRightToLeft } from '#src/questionnaire/text.ts'
import { drawLine, drawParagraph, needsBidi, widthOfLine } from './bidi-text.ts'
import { code128, drawBarcode } from './code128.ts'
import { replayFor } from './content-replay.ts'
import type { PdfFonts } from './fonts.ts'
import { paperText } from './paper-texts.ts'
import { mm } from './units.ts'

export interface PageHeader {
  title: string
  stratumName?: string
  /** Normalised login code; without one, the form gets an empty field to write a code in. */
  code?: string
}

/**
 * Office scanners read forms at 150 or 200 dpi (some at 100): a module of 0.38 mm is
 * 2.2 pixels at 150 dpi and still decodes at 100 dpi, where 0.3 mm did not. The code
 * with the page number is 167 modules, so the symbol is about 64 mm wide.
 */
export const BARCODE = { module: mm(0.38), height: mm(10), top: mm(8), quietZone: 10 } as const
/** Room for the symbol of a code (ten symbols and two page digits); the blank-code field gets the same. */
const BARCODE_ROOM = 167 * BARCODE.module
const FONT = { title: 9, code: 10, footer: 9 } as const

export function drawHeader(
  doc: PDFKit.PDFDocument,
  fonts: PdfFonts,
  lang: string,
  header: PageHeader,
  page: number,
): void {
  const left = mm(18)
  const right = mm(192)
  const barcodeLeft = right - BARCODE_ROOM
  // Keep the quiet zone (10 modules) and a little more white left of the barcode.
  const titleWidth = barcodeLeft - left - (BARCODE.quietZone + 3) * BARCODE.module
  const rtl = isRightToLeft(lang)
  // The same on every page of every form for this municipality: set once, then copied.
  replayFor(doc).draw(JSON.stringify(['paper header', rtl, header.title, header.stratumName ?? '']), () => {
    doc.font(fonts.regular).fontSize(FONT.title).fillColor('#555555')
    if (rtl || needsBidi(header.title)) {
      const style = { width: titleWidth, align: rtl ? 'right' : 'left', direction: rtl ? 'rtl' : 'ltr' } as const
      const y = drawParagraph(doc, header.title, left, BARCODE.top, { ...style, height: mm(9) })
      if (header.stratumName) drawLine(doc, header.stratumName, left, y, style)
      return
    }
    doc.text(header.title, left, BARCODE.top, { width: titleWidth, height: mm(9), ellipsis: true })
    if (header.stratumName) doc.text(header.stratumName, left, doc.y, { width: titleWidth, lineBreak: false })
  })

  if (header.code) {
    const barcode = code128(formBarcodeText(header.code, page))
    const width = barcode.width * BARCODE.module
    drawBarcode(doc, barcode, right - width, BARCODE.top, width, BARCODE.height)
    doc.font(fonts.bold).fontSize(FONT.code).fillColor('black')
    doc.text(formatLoginCode(header.code), right - width, BARCODE.top + BARCODE.height + mm(0.8), {
      width,
      align: 'center',
      lineBreak: false,
      characterSpacing: 1,
    })
  } else {
    // A form without a code (a spare one): a field for the code, written by hand.
    doc.font(fonts.regular).fontSize(FONT.code).fillColor('black')
    const label = `${paperText('code', lang)}:`
    const labelWidth = widthOfLine(doc, label) + mm(2)
    if (rtl)
      drawLine(doc, label, barcodeLeft, BARCODE.top + mm(3), { width: BARCODE_ROOM, align: 'right', direction: 'rtl' })
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
    doc.font(fonts.regular).fontSize(FONT.footer).fillColor('black')
    const pageText = paperText('page', lang, { x: page, y: pages })
    if (rtl) drawLine(doc, pageText, left, y, { width, align: 'center', direction: 'rtl' })
    else doc.text(pageText, left, y, { width, align: 'center', lineBreak: false })
    if (page < pages) {
      doc.font(fonts.bold).fontSize(FONT.footer)
      const turnOver = paperText('turnOver', lang)
      if (rtl) drawLine(doc, turnOver, left, y, { width, align: 'left', direction: 'rtl' })
      else doc.text(turnOver, left, y, { width, align: 'right', lineBreak: false })
    }
  })
}
