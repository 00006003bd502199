/**
 * Whether two estimates from independent samples differ by more than chance would
 * explain: two rounds, or a municipality against the reference group. The test is the
 * one the report's method chapter names, "z-toets op het verschil tussen twee
 * onafhankelijke schattingen, tweezijdig, 95%":
 *
 *   z = (a − b) / √(SE_a² + SE_b²),  p = 2 · (1 − Φ(|z|))
 *
 * With the standard errors of weighted-mean.ts it takes the weighting into account; for
 * unweighted percentages it is the familiar unpooled test of two proportions.
 */
import { normalCdf } from './normal-distribution.ts'

export interface Estimate {
  readonly estimate: number
  readonly standardError: number
}

export interface DifferenceTest {
  readonly difference: number
  readonly z: number
  /** Two-sided. */
  readonly p: number
  readonly significant: boolean
}

export const SIGNIFICANCE_LEVEL = 0.05

export function differenceTest(a: Estimate, b: Estimate, level = SIGNIFICANCE_LEVEL): DifferenceTest | null {
  const standardError = Math.sqrt(a.standardError ** 2 + b.standardError ** 2)
  if (!Number.isFinite(standardError) || !Number.isFinite(a.estimate - b.estimate)) return null
  const difference = a.estimate - b.estimate
  if (standardError === 0) return null
  const z = difference / standardError
  const p = 2 * (1 - normalCdf(Math.abs(z)))
  return { difference, z, p, significant: p < level }
}
