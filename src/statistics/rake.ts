/**
 * Raking (iterative proportional fitting): weights that match several known margins at
 * once, e.g. age class and sex, when only each margin's counts are known and not their
 * cross table. Each round post-stratifies to every margin in turn, until no margin total
 * moves by more than the tolerance. R's survey package calls this `rake`.
 */
import type { Population } from './post-stratify.ts'
import { groupTotals, scaleToTotals, WeightingError } from './post-stratify.ts'
import type { WeightedDesign } from './weighted-design.ts'

export interface Margin {
  /** The group label of each response for this margin, e.g. its age class. */
  readonly groups: readonly string[]
  readonly population: Population
}

export interface RakeOptions {
  /** Stop when no margin total changes by more than this share of the weights' sum. */
  readonly tolerance?: number
  readonly maxRounds?: number
}

export interface RakedDesign extends WeightedDesign {
  readonly rounds: number
}

export function rake(
  margins: readonly Margin[],
  baseWeights: readonly number[],
  { tolerance = 1e-10, maxRounds = 1000 }: RakeOptions = {},
): RakedDesign {
  if (margins.length === 0) throw new WeightingError('raking needs at least one margin')
  let weights = [...baseWeights]
  const epsilon = tolerance * weights.reduce((sum, w) => sum + w, 0)
  let previous = margins.map((m) => groupTotals(m.groups, weights))
  for (let round = 1; round <= maxRounds; round++) {
    for (const margin of margins) weights = scaleToTotals(margin.groups, margin.population, weights)
    const current = margins.map((m) => groupTotals(m.groups, weights))
    const moved = Math.max(
      ...current.flatMap((totals, m) =>
        [...totals].map(([group, total]) => Math.abs(total - previous[m]!.get(group)!)),
      ),
    )
    if (moved < epsilon)
      return { weights, calibration: { margins: margins.map((m) => m.groups), weights }, rounds: round }
    previous = current
  }
  throw new WeightingError(`raking did not converge in ${maxRounds} rounds: the margins may contradict each other`)
}
