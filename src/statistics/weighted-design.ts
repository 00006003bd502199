/**
 * A set of responses with a weight each, and what the weights were calibrated to. The
 * calibration margins matter for standard errors: a weighted mean's variance is computed
 * from the residuals after the margins' group means are taken out (linearisation, as R's
 * survey package does), which is why weighting to known totals makes estimates more
 * precise, not only less biased.
 */
export interface WeightedDesign {
  /** One weight per response, in the order of the responses. */
  readonly weights: readonly number[]
  /** What the weights were calibrated to; none for weights as given. */
  readonly calibration?: Calibration
}

export interface Calibration {
  /**
   * The groupings, each a group label per response: one for post-stratification, one per
   * margin for raking.
   */
  readonly margins: ReadonlyArray<readonly string[]>
  /** The weights as calibrated: after trimming, the weights before it. */
  readonly weights: readonly number[]
}

/** Equal weights of 1: the unweighted design, as the reports without weighting use. */
export function unweighted(responses: number): WeightedDesign {
  return { weights: new Array<number>(responses).fill(1) }
}

/**
 * Kish's design effect of unequal weights, n·Σw² / (Σw)²: how much the weighting alone
 * inflates variances compared with a simple random sample of the same size. 1 for equal
 * weights; the effective sample size is n divided by it.
 */
export function kishDesignEffect(weights: readonly number[]): number {
  let sum = 0
  let sumOfSquares = 0
  for (const w of weights) {
    sum += w
    sumOfSquares += w * w
  }
  return sum === 0 ? Number.NaN : (weights.length * sumOfSquares) / (sum * sum)
}
