/**
 * A weighted mean (a percentage is the mean of a 0/1 variable) with its standard error by
 * linearisation, computed as R's survey package computes `svymean(~y, design, na.rm =
 * TRUE)` for a design of independent responses (`svydesign(ids = ~1, …)`) that was
 * post-stratified or raked:
 *
 *   z_i = w_i (y_i − ȳ) / Σw          (0 for a response without an answer)
 *   z   ← z − c · mean_g(z / c)        per calibration margin g, repeated for raking
 *
 * with c the calibrated weights (the same as w unless the weights were trimmed after).
 *   SE  = √( n/(n−1) · Σ (z_i − z̄)² )
 *
 * Responses without an answer keep their place: the question was asked of a subgroup
 * (routing), and the margins were calibrated on all responses, so leaving them out would
 * understate the error.
 */
import type { WeightedDesign } from './weighted-design.ts'

export interface WeightedEstimate {
  readonly estimate: number
  readonly standardError: number
  /** Responses with an answer (unweighted N). */
  readonly n: number
  /** The sum of their weights (weighted N). */
  readonly weightedN: number
}

/** How often R's survey package repeats the projection on raking margins (svyrecvar). */
const RAKING_PROJECTIONS = 10

export function weightedMean(values: ReadonlyArray<number | null>, design: WeightedDesign): WeightedEstimate {
  const { weights, calibration } = design
  if (values.length !== weights.length)
    throw new Error(`${values.length} values for ${weights.length} weights: they must be of the same responses`)
  let weightedN = 0
  let weightedSum = 0
  let n = 0
  values.forEach((y, i) => {
    if (y === null) return
    weightedN += weights[i]!
    weightedSum += weights[i]! * y
    n++
  })
  if (n === 0 || weightedN === 0) return { estimate: Number.NaN, standardError: Number.NaN, n, weightedN }
  const estimate = weightedSum / weightedN
  let z = values.map((y, i) => (y === null ? 0 : (weights[i]! * (y - estimate)) / weightedN))
  if (calibration) {
    const repeats = calibration.margins.length > 1 ? RAKING_PROJECTIONS : 1
    for (let r = 0; r < repeats; r++)
      for (const groups of calibration.margins) z = removeGroupMeans(z, groups, calibration.weights)
  }
  return { estimate, standardError: Math.sqrt(sampleVariance(z) * z.length), n, weightedN }
}

/** z − c · (mean of z/c within each group): the residual after calibrating on the groups. */
function removeGroupMeans(z: readonly number[], groups: readonly string[], weights: readonly number[]): number[] {
  const sums = new Map<string, { sum: number; count: number }>()
  z.forEach((value, i) => {
    const group = sums.get(groups[i]!) ?? { sum: 0, count: 0 }
    group.sum += value / weights[i]!
    group.count++
    sums.set(groups[i]!, group)
  })
  return z.map((value, i) => {
    const group = sums.get(groups[i]!)!
    return value - weights[i]! * (group.sum / group.count)
  })
}

/** Σ (z − z̄)² / (n − 1); times n that is R's with-replacement variance of the total of z. */
function sampleVariance(z: readonly number[]): number {
  if (z.length < 2) return Number.NaN
  const mean = z.reduce((sum, v) => sum + v, 0) / z.length
  return z.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (z.length - 1)
}
