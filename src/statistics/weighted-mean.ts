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
  for (let i = 0; i < values.length; i++) {
    const y = values[i]!
    if (y === null) continue
    weightedN += weights[i]!
    weightedSum += weights[i]! * y
    n++
  }
  if (n === 0 || weightedN === 0) return { estimate: Number.NaN, standardError: Number.NaN, n, weightedN }
  const estimate = weightedSum / weightedN
  let z: Float64Array = new Float64Array(values.length)
  for (let i = 0; i < values.length; i++) {
    const y = values[i]!
    z[i] = y === null ? 0 : (weights[i]! * (y - estimate)) / weightedN
  }
  if (calibration) {
    const repeats = calibration.margins.length > 1 ? RAKING_PROJECTIONS : 1
    for (let r = 0; r < repeats; r++)
      for (const groups of calibration.margins) z = removeGroupMeans(z, groups, calibration.weights)
  }
  return { estimate, standardError: Math.sqrt(sampleVariance(z) * z.length), n, weightedN }
}

/** Each response's group as a number, and the groups' sizes. */
interface GroupIndex {
  of: Int32Array
  sizes: Float64Array
}

/**
 * A report computes hundreds of figures on the same design: the groups are numbered once
 * per grouping, not looked up by label for every response of every figure.
 */
const groupIndexes = new WeakMap<readonly string[], GroupIndex>()

function groupIndex(groups: readonly string[]): GroupIndex {
  const known = groupIndexes.get(groups)
  if (known) return known
  const numbers = new Map<string, number>()
  const of = new Int32Array(groups.length)
  const sizes: number[] = []
  for (let i = 0; i < groups.length; i++) {
    let k = numbers.get(groups[i]!)
    if (k === undefined) {
      k = numbers.size
      numbers.set(groups[i]!, k)
      sizes.push(0)
    }
    of[i] = k
    sizes[k]!++
  }
  const index = { of, sizes: Float64Array.from(sizes) }
  groupIndexes.set(groups, index)
  return index
}

/** z − c · (mean of z/c within each group): the residual after calibrating on the groups. */
function removeGroupMeans(z: Float64Array, groups: readonly string[], weights: readonly number[]): Float64Array {
  const { of, sizes } = groupIndex(groups)
  const sums = new Float64Array(sizes.length)
  for (let i = 0; i < z.length; i++) sums[of[i]!]! += z[i]! / weights[i]!
  const residual = new Float64Array(z.length)
  for (let i = 0; i < z.length; i++) residual[i] = z[i]! - weights[i]! * (sums[of[i]!]! / sizes[of[i]!]!)
  return residual
}

/** Σ (z − z̄)² / (n − 1); times n that is R's with-replacement variance of the total of z. */
function sampleVariance(z: Float64Array): number {
  if (z.length < 2) return Number.NaN
  let sum = 0
  for (let i = 0; i < z.length; i++) sum += z[i]!
  const mean = sum / z.length
  let squares = 0
  for (let i = 0; i < z.length; i++) squares += (z[i]! - mean) ** 2
  return squares / (z.length - 1)
}
