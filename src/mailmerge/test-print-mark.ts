/**
 * The mark on every page of a test print: a large light-grey word across the page, so a
 * test print can be checked for layout but is never taken for letters to post.
 */
import { translator } from '#src/i18n/translate.ts'
import type { PdfFonts } from './fonts.ts'
import { A4 } from './units.ts'

export function drawTestPrintMark(doc: PDFKit.PDFDocument, fonts: PdfFonts): void {
  // Always Dutch: it speaks to staff and the print shop, not to the addressee.
  const word = translator('nl')('fieldwork.letters.testPrint.mark')
  const angle = (-Math.atan2(A4.height, A4.width) * 180) / Math.PI
  doc.save()
  doc.rotate(angle, { origin: [A4.width / 2, A4.height / 2] })
  doc.font(fonts.bold).fontSize(100).fillColor('#b0b0b0').fillOpacity(0.35)
  const width = doc.widthOfString(word)
  doc.text(word, (A4.width - width) / 2, A4.height / 2 - 50, { lineBreak: false })
  doc.restore()
}
