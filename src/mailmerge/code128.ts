/**
 * Code128 barcodes for the login code and page number on paper forms, read by a typist's
 * handheld keyboard-wedge scanner (many cheap ones read no 2D codes, so no QR here) and
 * by the scanning of returned forms.
 *
 * bwip-js encodes the text; its `raw` encoding hands back the symbol as bar and space
 * widths without drawing it (0.2 ms a symbol, where rendering took 1.5 ms: every page of
 * every form has a symbol of its own), and pdfkit fills each bar as a rectangle.
 */
import bwipjs from 'bwip-js'

export interface Barcode {
  /** Bars as [left, width] in symbol units (modules), left to right. */
  bars: Array<[number, number]>
  /** Width of the symbol in the same units, quiet zones excluded. */
  width: number
}

/** Encodes `text` as Code128 (bwip-js chooses the code sets, e.g. C for runs of digits). */
export function code128(text: string): Barcode {
  const [symbol] = bwipjs.raw('code128', text)
  // Widths of bar, space, bar, … in modules, from the start character to the stop pattern.
  const widths = symbol && 'sbs' in symbol ? symbol.sbs : undefined
  if (!widths || widths.length % 2 !== 1) throw new Error(`bwip-js gave no Code128 symbol for ${JSON.stringify(text)}`)
  const bars: Array<[number, number]> = []
  let left = 0
  widths.forEach((width: number, i: number) => {
    if (i % 2 === 0) bars.push([left, width])
    left += width
  })
  return { bars, width: left }
}

/** Draws the bars filling `width` × `height` points from (x, y); the 10-module quiet zones are the caller's white space. */
export function drawBarcode(
  doc: PDFKit.PDFDocument,
  barcode: Barcode,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const unit = width / barcode.width
  // The operators rect() writes, in one write: a write per bar made a page's content
  // hundreds of small buffers, held until the form was complete.
  const path = barcode.bars.map(
    ([left, barWidth]) =>
      `${pdfNumber(x + left * unit)} ${pdfNumber(y)} ${pdfNumber(barWidth * unit)} ${pdfNumber(height)} re`,
  )
  doc.addContent(path.join('\n'))
  doc.fillColor('black').fill()
}

/** A number as pdfkit writes it in content (rounded to six decimals), so that the bytes stay those rect() wrote. */
function pdfNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6
}
