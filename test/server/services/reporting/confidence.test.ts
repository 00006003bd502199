import { describe, expect, it } from 'vitest'
import { confidenceLevel, marginAt95, reliabilityVerdict } from '#src/server/services/reporting/confidence.ts'
import { erf, normalCdf } from '#src/statistics/normal-distribution.ts'

describe('the confidence level at a 5% margin (betrouwbaarheidsniveau)', () => {
  // The figures printed in the municipal reports (DESIGN.md), to be met within 0.1 point
  // at the precision the report printed: Minimabeleid printed a whole "90%" (the formula
  // gives 90.16), the others one decimal.
  const reports: Array<[string, number, number, number, number]> = [
    ['total 2022', 2300, 389, 96.9, 1],
    ['Hengelo', 1700, 274, 92.9, 1],
    ['Haaksbergen', 310, 54, 58.1, 1],
    ['Borne', 290, 61, 62.1, 1],
    ['Minimabeleid', 2694, 248, 90, 0],
  ]
  for (const [name, population, responses, printed, decimals] of reports) {
    it(`reproduces ${name}: N=${population}, n=${responses} → ${printed}%`, () => {
      const percent = confidenceLevel(population, responses)! * 100
      const asPrinted = Number(percent.toFixed(decimals))
      expect(Math.abs(asPrinted - printed)).toBeLessThanOrEqual(0.1 + 1e-9)
      expect(Math.abs(percent - printed)).toBeLessThan(0.5)
    })
  }

  it('is certain for a full census and undefined without responses', () => {
    expect(confidenceLevel(310, 310)).toBe(1)
    expect(confidenceLevel(310, 0)).toBeNull()
    expect(confidenceLevel(0, 0)).toBeNull()
  })

  it('grows with the number of responses', () => {
    expect(confidenceLevel(1700, 300)!).toBeGreaterThan(confidenceLevel(1700, 274)!)
  })

  it('gives the margin at 95% as the inverse', () => {
    const margin = marginAt95(2300, 389)!
    expect(margin).toBeGreaterThan(0.04)
    expect(margin).toBeLessThan(0.05)
    expect(marginAt95(10, 10)).toBe(0)
  })
})

describe('the normal distribution behind it', () => {
  it('matches tabulated values', () => {
    expect(erf(0)).toBeCloseTo(0, 6)
    expect(erf(1)).toBeCloseTo(0.8427008, 6)
    expect(erf(-1)).toBeCloseTo(-0.8427008, 6)
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6)
    expect(normalCdf(-1.645)).toBeCloseTo(0.0499849, 6)
  })
})

describe('the verdict the reports print beside the level', () => {
  // The reports' own words for their figures (REPORTS.md): 96.9% "zeer betrouwbaar",
  // 92.9% and 90% "betrouwbaar", 58.1% and 62.1% "indicatief".
  it.each([
    [2300, 389, 'zeer-betrouwbaar'],
    [1700, 274, 'betrouwbaar'],
    [2694, 248, 'betrouwbaar'],
    [310, 54, 'indicatief'],
    [290, 61, 'indicatief'],
  ])('N=%i, n=%i is %s', (population, responses, verdict) => {
    expect(reliabilityVerdict(confidenceLevel(population, responses))).toBe(verdict)
  })

  it("follows a round's own thresholds, and says nothing without responses", () => {
    const level = confidenceLevel(1700, 274)
    expect(reliabilityVerdict(level, { veryReliable: 0.92, reliable: 0.8 })).toBe('zeer-betrouwbaar')
    expect(reliabilityVerdict(level, { veryReliable: 0.99, reliable: 0.95 })).toBe('indicatief')
    expect(reliabilityVerdict(confidenceLevel(310, 0))).toBeNull()
  })
})
