/**
 * The samples a report computes on, and how they are weighted (the method chapter
 * states this):
 * - the whole round: post-stratified to the clients per municipality, because
 *   municipalities are sampled and answer at different rates, and an unweighted total
 *   would lean towards the small ones; further raked to age class × sex where the
 *   population margins are known (age-sex-margins.ts);
 * - one municipality: unweighted, or raked to its own age × sex margins;
 * - a reference group pooled from other rounds: unweighted, "gemiddeld over alle
 *   deelnemende gemeenten samen" as the reports say.
 * Weights are trimmed at TRIM_BOUND times the mean weight and scaled to add up to the
 * number of responses, so weighted counts stay comparable with unweighted ones.
 */
import type { Margin } from '#src/statistics/rake.ts'
import { rake } from '#src/statistics/rake.ts'
import { postStratify, WeightingError } from '#src/statistics/post-stratify.ts'
import { trimWeights } from '#src/statistics/trim.ts'
import type { WeightedDesign } from '#src/statistics/weighted-design.ts'
import { kishDesignEffect, unweighted } from '#src/statistics/weighted-design.ts'
import type { NoMargins } from './age-sex-margins.ts'
import { ageSexMargins } from './age-sex-margins.ts'
import type { Weighting } from './model.ts'
import type { RoundData } from './round-data.ts'
import { responsesOf } from './round-data.ts'
import type { Sample } from './sample.ts'

/** Weights above this multiple of the mean weight are capped (and what is cut spread over the rest). */
export const TRIM_BOUND = 5

function scaledToCount(design: WeightedDesign): WeightedDesign {
  const sum = design.weights.reduce((a, b) => a + b, 0)
  const factor = design.weights.length / sum
  const scale = (ws: readonly number[]) => ws.map((w) => w * factor)
  return {
    weights: scale(design.weights),
    calibration: design.calibration && {
      margins: design.calibration.margins,
      weights: scale(design.calibration.weights),
    },
  }
}

export interface WeightedSample {
  sample: Sample
  weighting: Weighting
}

/** A round, or one municipality of it, weighted as the header says. */
export function roundSample(
  data: RoundData,
  stratumCode: string | null,
  { weigh }: { weigh: boolean },
): WeightedSample {
  const indices = responsesOf(data, stratumCode)
  const n = indices.length
  const none = (ageSexNote: NoMargins | 'notConverged' | null): WeightedSample => ({
    sample: { parts: [{ data, indices }], design: unweighted(n), minGroupSize: data.minGroupSize },
    weighting: {
      method: 'none',
      trimBound: TRIM_BOUND,
      trimmed: 0,
      unweightedN: n,
      weightedN: n,
      designEffect: 1,
      ageSexNote,
    },
  })
  if (!weigh || n === 0) return none(null)
  const strata = indices.map((i) => data.strata[data.stratumOf[i]!]!.code)
  const margins: Margin[] = []
  const answering = new Set(strata)
  if (answering.size > 1) {
    const population = new Map(
      data.strata.filter((s) => answering.has(s.code)).map((s) => [s.code, s.population] as const),
    )
    margins.push({ groups: strata, population })
  }
  const extra = ageSexMargins(data, indices, data.ageSex)
  margins.push(...extra.margins)
  if (margins.length === 0) return none(extra.reason)
  let design: WeightedDesign
  try {
    design =
      margins.length === 1
        ? postStratify(margins[0]!.groups, margins[0]!.population)
        : rake(
            margins,
            indices.map(() => 1),
          )
  } catch (error) {
    // Margins that contradict each other: reported, and the figures left unweighted.
    if (error instanceof WeightingError) return none('notConverged')
    throw error
  }
  design = scaledToCount(design)
  const trimmed = trimWeights(design, { upper: TRIM_BOUND })
  const weights = trimmed.weights
  return {
    sample: {
      parts: [{ data, indices }],
      design: { weights, calibration: trimmed.calibration },
      minGroupSize: data.minGroupSize,
    },
    weighting: {
      method: extra.margins.length > 0 ? 'municipalityAgeSex' : 'municipality',
      trimBound: TRIM_BOUND,
      trimmed: trimmed.trimmed,
      unweightedN: n,
      weightedN: weights.reduce((a, b) => a + b, 0),
      designEffect: kishDesignEffect(weights),
      ageSexNote: extra.reason,
    },
  }
}

/** Several rounds (or one municipality's part of each) as one unweighted pool. */
export function pooledSample(rounds: readonly RoundData[], stratumCode: string | null, minGroupSize: number): Sample {
  const parts = rounds.map((data) => ({ data, indices: responsesOf(data, stratumCode) }))
  const n = parts.reduce((sum, p) => sum + p.indices.length, 0)
  return { parts, design: unweighted(n), minGroupSize }
}
