/**
 * Code128 barcodes for the login code and page number on paper forms, read by a typist's
 * handheld keyboard-wedge scanner (many cheap ones read no 2D codes, so no QR here) and
 * by the scanning of returned forms.
 *
 * Encoded here, in code set B (every printable ASCII character, one symbol character
 * each), because every page of every form has a symbol of its own: bwip-js took 1.5 ms a
 * symbol, a third of the time a form took. The test holds the bars to bwip-js's.
 */

export interface Barcode {
  /** Bars as [left, width] in symbol units (modules), left to right. */
  bars: Array<[number, number]>
  /** Width of the symbol in the same units, quiet zones excluded. */
  width: number
}

/** Widths of bar, space, bar, … of the symbol characters 0–105 (ISO/IEC 15417, table 1). */
const PATTERNS = [
  '212222',
  '222122',
  '222221',
  '121223',
  '121322',
  '131222',
  '122213',
  '122312',
  '132212',
  '221213',
  '221312',
  '231212',
  '112232',
  '122132',
  '122231',
  '113222',
  '123122',
  '123221',
  '223211',
  '221132',
  '221231',
  '213212',
  '223112',
  '312131',
  '311222',
  '321122',
  '321221',
  '312212',
  '322112',
  '322211',
  '212123',
  '212321',
  '232121',
  '111323',
  '131123',
  '131321',
  '112313',
  '132113',
  '132311',
  '211313',
  '231113',
  '231311',
  '112133',
  '112331',
  '132131',
  '113123',
  '113321',
  '133121',
  '313121',
  '211331',
  '231131',
  '213113',
  '213311',
  '213131',
  '311123',
  '311321',
  '331121',
  '312113',
  '312311',
  '332111',
  '314111',
  '221411',
  '431111',
  '111224',
  '111422',
  '121124',
  '121421',
  '141122',
  '141221',
  '112214',
  '112412',
  '122114',
  '122411',
  '142112',
  '142211',
  '241211',
  '221114',
  '413111',
  '241112',
  '134111',
  '111242',
  '121142',
  '121241',
  '114212',
  '124112',
  '124211',
  '411212',
  '421112',
  '421211',
  '212141',
  '214121',
  '412121',
  '111143',
  '111341',
  '131141',
  '114113',
  '114311',
  '411113',
  '411311',
  '113141',
  '114131',
  '311141',
  '411131',
  '211412',
  '211214',
  '211232',
]
const START_B = 104
const STOP = '2331112'

/** Encodes `text` (printable ASCII) as Code128 in code set B. */
export function code128(text: string): Barcode {
  const values = [START_B]
  for (const char of text) {
    const code = char.charCodeAt(0)
    if (code < 32 || code > 126) throw new Error(`Code128 set B has no character ${JSON.stringify(char)}`)
    values.push(code - 32)
  }
  const check = values.reduce((sum, value, i) => sum + value * Math.max(1, i), 0) % 103
  const widths = [...values, check].map((value) => PATTERNS[value]!).join('') + STOP
  const bars: Array<[number, number]> = []
  let x = 0
  for (let i = 0; i < widths.length; i++) {
    const width = Number(widths[i])
    // Even positions are bars, odd ones spaces: every pattern starts with a bar and has six elements.
    if (i % 2 === 0) bars.push([x, width])
    x += width
  }
  return { bars, width: x }
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
