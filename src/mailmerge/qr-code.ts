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
 * The symbol's segments, given rather than searched for: the encoder's search for the
 * shortest mix of modes (a shortest-path search per symbol) was a tenth of a letter's
 * time. A login link ends in the code, whose symbols are all in the QR alphanumeric set:
 * the link as bytes, the code as alphanumeric, which is the mix the search finds.
 */
function segmentsOf(text: string): QRCode.QRCodeSegment[] {
  const code = /\/c\/([0-9A-Z]+)$/.exec(text)?.[1]
  const bytes = (value: string) => new TextEncoder().encode(value)
  if (!code) return [{ data: bytes(text), mode: 'byte' }]
  return [
    { data: bytes(text.slice(0, text.length - code.length)), mode: 'byte' },
    { data: code, mode: 'alphanumeric' },
  ]
}

/**
 * Draws `text` as a QR code (error correction M: survives a fold or a coffee ring).
 * Dark modules next to each other in a row are drawn as one rectangle, which roughly
 * halves the drawing operators per code; they make one path, filled once.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, at: QrPlacement): void {
  const { modules } = QRCode.create(segmentsOf(text), { errorCorrectionLevel: 'M', maskPattern: QR_MASK })
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
