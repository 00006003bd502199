/**
 * QR codes drawn as vector squares. A PNG per letter made 2,300 letters take 18 s and
 * prints blurred at the printer's resolution; vector modules are sharp at any size.
 */
import QRCode from 'qrcode'

export interface QrPlacement {
  /** Top-left corner of the symbol itself, in points; the quiet zone (four modules of white, which a reader needs) lies outside it and callers keep it free. */
  x: number
  y: number
  /** Width and height of the symbol, without quiet zone. */
  size: number
}

/**
 * The mask every letter's symbol uses. Left to choose, the encoder builds the symbol
 * under all eight masks and scores each (ISO 18004's penalty rules), which was two
 * thirds of a QR code's time and a sixth of a letter's. Any mask gives a valid symbol;
 * the scoring only avoids patterns that trouble poor readers, and the letters' URLs
 * differ in a few characters only. The test reads back many symbols at 150 dpi.
 * Mask 0 is the checkerboard, (row + column) mod 2, which breaks long runs everywhere.
 */
export const QR_MASK = 0

/**
 * Draws `text` as a QR code (error correction M: survives a fold or a coffee ring).
 * Dark modules next to each other in a row are drawn as one rectangle, which roughly
 * halves the drawing operators per code; they make one path, filled once.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, at: QrPlacement): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M', maskPattern: QR_MASK })
  const count = modules.size
  // Drawn in module units: small whole numbers make a third of the bytes of page coordinates.
  doc
    .save()
    .translate(at.x, at.y)
    .scale(at.size / count)
  // One write for the whole path, the operators pdfkit's rect() writes one by one: a
  // write per rectangle took longer than working out the rectangles.
  const path: string[] = []
  for (let row = 0; row < count; row++) {
    let col = 0
    while (col < count) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < count && modules.get(row, col)) col++
      path.push(`${start} ${row} ${col - start} 1 re`)
    }
  }
  doc.addContent(path.join('\n'))
  doc.fillColor('black').fill().restore()
}
