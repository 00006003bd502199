/**
 * Code128 barcodes for the login code on paper forms, read by a typist's handheld
 * keyboard-wedge scanner (many cheap ones read no 2D codes, so no QR here).
 *
 * bwip-js encodes the code and draws the symbol through a drawing object of ours
 * (bwipjs.render's custom drawing interface): it hands over each bar, which pdfkit then
 * fills as a rectangle. A form's code is encoded once and its bars drawn on every page.
 */
import bwipjs from 'bwip-js'
import type { DrawingContext, RenderOptions } from 'bwip-js'

export interface Barcode {
  /** Bars as [left, width] in symbol units (modules), left to right. */
  bars: Array<[number, number]>
  /** Width of the symbol in the same units, quiet zones excluded. */
  width: number
}

function unexpected(what: string): never {
  throw new Error(`bwip-js drew ${what} in a Code128 symbol without text`)
}

/**
 * Collects the bars bwip-js draws. It draws a bar as a vertical line `lw` pixels wide on
 * a grid of whole pixels (one module at scale 1), and fills the pixels from x - ⌈lw/2⌉ to
 * x + ⌊lw/2⌋ (as its own bitmap drawing does): the left edge is x - ⌈lw/2⌉, not x - lw/2.
 */
function barCollector(): DrawingContext<Barcode> {
  const bars: Array<[number, number]> = []
  let width = 0
  let height = 0
  return {
    // Whole pixels, so that bars and gaps keep their exact module widths.
    scale: () => null,
    measure: () => unexpected('text'),
    init(w, h) {
      width = w
      height = h
    },
    line(x0, y0, x1, y1, lw) {
      if (x0 !== x1) unexpected(`a line that is not vertical (${x0},${y0})-(${x1},${y1})`)
      // Rows y0..y1 both included: every bar of a symbol without text spans its height.
      if (Math.abs(y1 - y0) + 1 !== height) unexpected(`a bar ${Math.abs(y1 - y0) + 1} of ${height} high`)
      bars.push([x0 - Math.ceil(lw / 2), lw])
    },
    polygon: () => unexpected('a polygon'),
    hexagon: () => unexpected('a hexagon'),
    ellipse: () => unexpected('an ellipse'),
    // The bars' colour: always black here.
    fill: () => {},
    text: () => unexpected('text'),
    end() {
      if (bars.length === 0) unexpected('no bars')
      bars.sort((a, b) => a[0] - b[0])
      return { bars, width }
    },
  }
}

/** Encodes `text` as Code128; throws when bwip-js draws anything but full-height bars. */
export function code128(text: string): Barcode {
  const options: RenderOptions = { bcid: 'code128', text, scale: 1, height: 10, includetext: false }
  return bwipjs.render(options, barCollector())
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
