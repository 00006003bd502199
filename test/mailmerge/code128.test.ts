import bwipjs from 'bwip-js'
import type { DrawingContext } from 'bwip-js'
import { describe, expect, it } from 'vitest'
import { formBarcodeText } from '../../src/codes/form-barcode.js'
import { generateLoginCode } from '../../src/codes/login-code.js'
import type { Barcode } from '../../src/mailmerge/code128.js'
import { code128 } from '../../src/mailmerge/code128.js'

/**
 * The bars bwip-js draws for `text` (a bar of `lw` pixels at x fills x − ⌈lw/2⌉ to
 * x + ⌊lw/2⌋, as its own bitmap drawing does).
 */
function bwipBars(text: string): Barcode {
  const bars: Array<[number, number]> = []
  let width = 0
  const fail = (): never => {
    throw new Error('bwip-js drew something other than bars')
  }
  const drawing: DrawingContext<Barcode> = {
    scale: () => null,
    measure: fail,
    init(w) {
      width = w
    },
    line(x0, _y0, _x1, _y1, lw) {
      bars.push([x0 - Math.ceil(lw / 2), lw])
    },
    polygon: fail,
    hexagon: fail,
    ellipse: fail,
    fill: () => {},
    text: fail,
    end: () => ({ bars: bars.sort((a, b) => a[0] - b[0]), width }),
  }
  return bwipjs.render({ bcid: 'code128', text, scale: 1, height: 10, includetext: false }, drawing)
}

describe('code128', () => {
  it('gives the bars bwip-js draws when it renders the symbol, digit runs included', () => {
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')
    const texts = [printable, 'K7QXM4TR9C', formBarcodeText('K7QXM4TR9C', 12)]
    for (let i = 0; i < 100; i++) texts.push(formBarcodeText(generateLoginCode(), 1 + (i % 12)))
    for (const text of texts) expect(code128(text), text).toEqual(bwipBars(text))
  })

  it('encodes a page barcode in full, digits of the page number included', () => {
    // Read back by zbarimg in test/mailmerge/paper-questionnaire.test.ts; here: not cut short.
    const { width } = code128(formBarcodeText('K7QXM4TR9C', 3))
    // Start, at least ten characters (code set C packs the page's two digits in one), check.
    expect(width).toBeGreaterThanOrEqual(12 * 11 + 13)
  })

  it('gives whole modules, with spaces between, from the first module to the last', () => {
    for (let i = 0; i < 50; i++) {
      const { bars, width } = code128(generateLoginCode())
      expect(bars[0]![0]).toBe(0)
      const [lastLeft, lastWidth] = bars.at(-1)!
      // The stop pattern ends in a bar two modules wide.
      expect([lastLeft + lastWidth, lastWidth]).toEqual([width, 2])
      // Start, data and check characters are 11 modules each; the stop pattern is 13.
      expect((width - 13) % 11).toBe(0)
      for (const [n, [left, barWidth]] of bars.entries()) {
        expect(Number.isInteger(left) && [1, 2, 3, 4].includes(barWidth)).toBe(true)
        // Bars and spaces alternate: a space of at least one module before each bar.
        if (n > 0) expect(left).toBeGreaterThan(bars[n - 1]![0] + bars[n - 1]![1])
      }
    }
  })
})
