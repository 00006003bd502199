/**
 * Code128 barcodes for the login code on paper forms, read by a typist's handheld
 * keyboard-wedge scanner (many cheap ones read no 2D codes, so no QR here).
 *
 * bwip-js does the encoding; its SVG output is turned into filled rectangles. That SVG
 * draws each bar as a *stroked* vertical line whose `stroke-width` is the bar width:
 * drawing the path without that width gives hairline bars no scanner reads.
 */
import bwipjs from 'bwip-js'

export interface Barcode {
  /** Bars as [left, width] in symbol units, left to right. */
  bars: Array<[number, number]>
  /** Width of the symbol in the same units, quiet zones excluded. */
  width: number
}

const PATH = /<path\b([^>]*)\/>/g
const ATTRIBUTE = (name: string) => new RegExp(`\\b${name}="([^"]*)"`)
const VERTICAL_LINE = /M\s*([\d.]+)\s+([\d.]+)\s*L\s*([\d.]+)\s+([\d.]+)/g

/** Encodes `text` as Code128; throws when bwip-js draws anything this reader does not expect. */
export function code128(text: string): Barcode {
  const svg = bwipjs.toSVG({ bcid: 'code128', text, scale: 1, height: 10, includetext: false })
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)
  if (!viewBox) throw new Error('bwip-js SVG without viewBox')

  const bars: Array<[number, number]> = []
  for (const [, attributes = ''] of svg.matchAll(PATH)) {
    const stroke = ATTRIBUTE('stroke').exec(attributes)?.[1]
    const strokeWidth = Number(ATTRIBUTE('stroke-width').exec(attributes)?.[1])
    const d = ATTRIBUTE('d').exec(attributes)?.[1] ?? ''
    if (!stroke || !(strokeWidth > 0))
      throw new Error(`bwip-js drew a Code128 path that is not a stroked bar: ${attributes}`)
    for (const [, x1, , x2] of d.matchAll(VERTICAL_LINE)) {
      if (x1 !== x2) throw new Error(`bwip-js drew a Code128 line that is not vertical: ${d}`)
      // The line runs through the middle of the bar.
      bars.push([Number(x1) - strokeWidth / 2, strokeWidth])
    }
  }
  if (bars.length === 0) throw new Error(`bwip-js drew no bars for "${text}"`)
  bars.sort((a, b) => a[0] - b[0])
  const last = bars[bars.length - 1]!
  return { bars, width: Math.max(Number(viewBox[1]), last[0] + last[1]) }
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
  for (const [left, barWidth] of barcode.bars) doc.rect(x + left * unit, y, barWidth * unit, height)
  doc.fillColor('black').fill()
}
