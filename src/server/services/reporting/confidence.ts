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

/**
 * The error function, Abramowitz & Stegun 7.1.26: absolute error below 1.5e-7, far
 * finer than the tenth of a percentage point the reports print.
 */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1
  const a = Math.abs(x)
  const t = 1 / (1 + 0.3275911 * a)
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  return sign * (1 - poly * Math.exp(-a * a))
}

/** The standard normal cumulative distribution function. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2))
}

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
