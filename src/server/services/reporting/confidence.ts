/**
 * The "betrouwbaarheidsniveau" the municipal reports print per municipality: how sure
 * one may be that a percentage lies within 5 points of the truth, given N people written
 * to and n responses (DESIGN.md). Pure arithmetic, no I/O.
 *
 *   z = e / sqrt( p (1 - p) / n * (N - n) / N ),  level = 2 * Phi(z) - 1
 *
 * with margin e = 0.05, p = 0.5 (the worst case) and the finite population correction
 * (N - n) / N, because a municipality writes to a good part of its caseload.
 */

import { normalCdf } from '#src/statistics/normal-distribution.ts'

const P = 0.5

/** The standard error of a proportion with the finite population correction. */
function standardError(population: number, responses: number): number {
  return Math.sqrt(((P * (1 - P)) / responses) * ((population - responses) / population))
}

/**
 * The confidence level (0–1) for a margin of error `margin` (default 5 points), or null
 * when nobody was written to or nobody answered: then there is nothing to be sure of.
 * A full census (n ≥ N) is certain.
 */
export function confidenceLevel(population: number, responses: number, margin = 0.05): number | null {
  if (population <= 0 || responses <= 0) return null
  if (responses >= population) return 1
  const z = margin / standardError(population, responses)
  return 2 * normalCdf(z) - 1
}

/** The other way round: the margin of error (0–1) at 95% confidence, or null without responses. */
export function marginAt95(population: number, responses: number): number | null {
  if (population <= 0 || responses <= 0) return null
  if (responses >= population) return 0
  return 1.96 * standardError(population, responses)
}

/** The words the reports use for a confidence level (REPORTS.md, "Response and reliability"). */
export type ReliabilityVerdict = 'zeer-betrouwbaar' | 'betrouwbaar' | 'indicatief'

/** The lowest levels for each verdict; the reports state none, so a round may set its own. */
export interface ReliabilityThresholds {
  readonly veryReliable: number
  readonly reliable: number
}

export const DEFAULT_RELIABILITY_THRESHOLDS: ReliabilityThresholds = { veryReliable: 0.95, reliable: 0.9 }

/** Null where there is no level (nobody written to or nobody answered). */
export function reliabilityVerdict(
  level: number | null,
  thresholds: ReliabilityThresholds = DEFAULT_RELIABILITY_THRESHOLDS,
): ReliabilityVerdict | null {
  if (level === null) return null
  if (level >= thresholds.veryReliable) return 'zeer-betrouwbaar'
  if (level >= thresholds.reliable) return 'betrouwbaar'
  return 'indicatief'
}
