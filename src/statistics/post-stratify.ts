/**
 * Post-stratification: the weights of the responses in each group add up to the group's
 * known population, e.g. the number written to per municipality. R's survey package calls
 * this `postStratify`.
 */
import type { WeightedDesign } from './weighted-design.ts'

/** The known size of each group, by the label the responses carry. */
export type Population = ReadonlyMap<string, number>

export class WeightingError extends Error {
  override name = 'WeightingError'
}

/** Sum of `weights` per group label. */
export function groupTotals(groups: readonly string[], weights: readonly number[]): Map<string, number> {
  const totals = new Map<string, number>()
  groups.forEach((group, i) => totals.set(group, (totals.get(group) ?? 0) + weights[i]!))
  return totals
}

/**
 * Scales `baseWeights` (default: all 1) within each group so that they add up to the
 * group's population. A group with responses but no population is an error (its
 * responses could not be weighted); a group with a population but no responses is left
 * out, and the total of the weights is then smaller than the population's.
 */
export function postStratify(
  groups: readonly string[],
  population: Population,
  baseWeights: readonly number[] = groups.map(() => 1),
): WeightedDesign {
  const weights = scaleToTotals(groups, population, baseWeights)
  return { weights, calibration: { margins: [groups], weights } }
}

/** One step of post-stratification, shared with raking: the weights scaled per group. */
export function scaleToTotals(groups: readonly string[], population: Population, weights: readonly number[]): number[] {
  const totals = groupTotals(groups, weights)
  const factors = new Map<string, number>()
  for (const [group, total] of totals) {
    const size = population.get(group)
    if (size === undefined || !(size > 0))
      throw new WeightingError(`group "${group}" has responses but no population to weight them to`)
    if (!(total > 0)) throw new WeightingError(`group "${group}" has responses whose weights add up to ${total}`)
    factors.set(group, size / total)
  }
  return weights.map((w, i) => w * factors.get(groups[i]!)!)
}
