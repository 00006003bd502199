/**
 * The responses a figure is computed on, with their weights: a whole round
 * (post-stratified by municipality), one municipality, or a pool of rounds (the
 * reference group). A figure is the weighted mean of a measure over them.
 */
import type { QuestionnaireDefinition } from '#src/questionnaire/index.ts'
import type { WeightedDesign } from '#src/statistics/weighted-design.ts'
import { weightedMean } from '#src/statistics/weighted-mean.ts'
import type { MeasureSpec } from './measure.ts'
import { resolveMeasure } from './measure.ts'
import type { Figure } from './model.ts'
import type { RoundData } from './round-data.ts'

export interface SamplePart {
  data: RoundData
  /** Responses of `data`, by index. */
  indices: readonly number[]
}

export interface Sample {
  parts: SamplePart[]
  /** One weight per response, parts in order. */
  design: WeightedDesign
  /** Figures on fewer valid answers are not shown. */
  minGroupSize: number
}

/** A figure, or why there is none: the question was not asked, or too few answered. */
export type FigureResult = { asked: false } | { asked: true; figure: Figure | null; weightedN: number }

/** The values of a measure, one per response of the sample (null outside its base). */
export function measureValues(
  sample: Sample,
  specDefinition: QuestionnaireDefinition,
  spec: MeasureSpec,
): Array<number | null> | undefined {
  const values: Array<number | null> = []
  let asked = false
  for (const part of sample.parts) {
    const measure = resolveMeasure(specDefinition, spec, part.data.definition)
    const answers = measure && part.data.answers.get(measure.variable)
    if (measure) asked = true
    for (const i of part.indices) values.push(measure && answers ? measure.value(answers[i] ?? null) : null)
  }
  return asked ? values : undefined
}

export function figureOf(sample: Sample, specDefinition: QuestionnaireDefinition, spec: MeasureSpec): FigureResult {
  const values = measureValues(sample, specDefinition, spec)
  if (!values) return { asked: false }
  const estimate = weightedMean(values, sample.design)
  if (estimate.n === 0 || estimate.n < sample.minGroupSize)
    return { asked: true, figure: null, weightedN: estimate.weightedN }
  return {
    asked: true,
    figure: { value: estimate.estimate, standardError: estimate.standardError, n: estimate.n },
    weightedN: estimate.weightedN,
  }
}

/** Weighted shares of each value of `values` among those not null: for distributions and stacked bars. */
export function weightedShares(
  values: ReadonlyArray<number | null>,
  weights: readonly number[],
  categories: readonly number[],
): number[] {
  const totals = new Map<number, number>()
  let sum = 0
  values.forEach((v, i) => {
    if (v === null) return
    totals.set(v, (totals.get(v) ?? 0) + weights[i]!)
    sum += weights[i]!
  })
  return categories.map((c) => (sum > 0 ? (totals.get(c) ?? 0) / sum : 0))
}
