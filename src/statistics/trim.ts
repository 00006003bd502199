/**
 * Trimming: a few very large weights make estimates unstable (a handful of respondents
 * then speak for many), so weights are capped at a bound and what is cut off is spread
 * evenly over the weights that were not cut, keeping the total. One pass, as R's
 * `trimWeights(design, upper, lower)` does by default. The calibration stays that of the
 * untrimmed weights, as R keeps it for the standard errors.
 */
import { WeightingError } from './post-stratify.ts'
import type { WeightedDesign } from './weighted-design.ts'

export interface TrimBounds {
  readonly upper?: number
  readonly lower?: number
}

export interface TrimmedDesign extends WeightedDesign {
  /** How many weights were set to a bound. */
  readonly trimmed: number
}

export function trimWeights(
  design: WeightedDesign,
  { upper = Infinity, lower = -Infinity }: TrimBounds,
): TrimmedDesign {
  const outside = design.weights.map((w) => w < lower || w > upper)
  const trimmedCount = outside.filter(Boolean).length
  const untouched = design.weights.length - trimmedCount
  if (trimmedCount === 0) return { ...design, trimmed: 0 }
  if (untouched === 0)
    throw new WeightingError(
      `every weight lies outside [${lower}, ${upper}]: nothing to spread the trimmed weight over`,
    )
  const capped = design.weights.map((w) => Math.max(lower, Math.min(w, upper)))
  const cutOff = design.weights.reduce((sum, w, i) => sum + (w - capped[i]!), 0)
  const share = cutOff / untouched
  return {
    weights: capped.map((w, i) => (outside[i] ? w : w + share)),
    calibration: design.calibration,
    trimmed: trimmedCount,
  }
}
