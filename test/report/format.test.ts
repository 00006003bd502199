/** Numbers as the municipal reports print them (REPORTS.md). */
import { describe, expect, it } from 'vitest'
import {
  formatCount,
  formatDecimal,
  formatDifference,
  formatFigure,
  formatMean,
  formatPercent,
} from '#src/report/format.ts'

describe('report number formats', () => {
  it('prints shares as whole percentages and means with one decimal and a comma', () => {
    expect(formatPercent(0.42)).toBe('42%')
    expect(formatPercent(0.969, 1)).toBe('96,9%')
    expect(formatMean(7.63)).toBe('7,6')
    expect(formatMean(8)).toBe('8,0')
    expect(formatCount(6316)).toBe('6.316')
    expect(formatDecimal(1.083, 2)).toBe('1,08')
    expect(formatDecimal(5, 1)).toBe('5')
  })

  it('formats a figure by its statistic', () => {
    expect(formatFigure('mean', { value: 7.55, standardError: 0.1, n: 10 })).toBe('7,6')
    expect(formatFigure('belowSix', { value: 0.114, standardError: 0.01, n: 10 })).toBe('11%')
  })

  it('signs differences: grade points with a decimal, percentage points whole', () => {
    expect(formatDifference('mean', 0.39)).toBe('+0,4')
    expect(formatDifference('mean', -0.2)).toBe('-0,2')
    expect(formatDifference('share', 8)).toBe('+8')
    expect(formatDifference('agree', -5.4)).toBe('-5')
  })
})
