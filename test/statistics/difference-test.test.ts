import { describe, expect, it } from 'vitest'
import { differenceTest } from '#src/statistics/difference-test.ts'

/** The standard error of a simple-random-sample proportion. */
const proportion = (p: number, n: number) => ({ estimate: p, standardError: Math.sqrt((p * (1 - p)) / n) })

describe('the test on a difference between two rounds', () => {
  it('does not call 55% of 400 against 48% of 350 significant (z = 1.92, p = 0.055)', () => {
    const test = differenceTest(proportion(0.55, 400), proportion(0.48, 350))!
    expect(test.z).toBeCloseTo(1.918, 3)
    expect(test.p).toBeCloseTo(0.0551, 3)
    expect(test.significant).toBe(false)
  })

  it('calls 60% of 400 against 48% of 350 significant, in either order', () => {
    const up = differenceTest(proportion(0.6, 400), proportion(0.48, 350))!
    const down = differenceTest(proportion(0.48, 350), proportion(0.6, 400))!
    expect(up.significant).toBe(true)
    expect(down.significant).toBe(true)
    expect(down.z).toBeCloseTo(-up.z, 12)
    expect(up.p).toBeLessThan(0.001)
  })

  it('says nothing where an estimate is missing or certain', () => {
    expect(differenceTest({ estimate: Number.NaN, standardError: Number.NaN }, proportion(0.5, 100))).toBeNull()
    expect(differenceTest({ estimate: 1, standardError: 0 }, { estimate: 1, standardError: 0 })).toBeNull()
  })
})
