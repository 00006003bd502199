import { describe, expect, it } from 'vitest'
import { generateLoginCode } from '../../src/codes/login-code.js'
import { code128 } from '../../src/mailmerge/code128.js'

describe('code128', () => {
  it('gives the bars bwip-js draws: whole modules, with spaces between, from the first module to the last', () => {
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
