/**
 * A table row with its columns: this round, each earlier round, the reference group.
 * A column is compared with this round by the z-test of difference-test.ts; only a
 * significant difference gets a mark.
 */
import type { QuestionnaireDefinition } from '#src/questionnaire/index.ts'
import { differenceTest } from '#src/statistics/difference-test.ts'
import type { MeasureSpec } from './measure.ts'
import type { ComparedFigure, Figure, Line } from './model.ts'
import type { ReferenceFigures } from './reference-figures.ts'
import { referenceFigure } from './reference-figures.ts'
import type { FigureResult, Sample } from './sample.ts'
import { figureOf } from './sample.ts'

/** What a block's rows are compared with. */
export interface Comparisons {
  definition: QuestionnaireDefinition
  current: Sample
  trends: readonly Sample[]
  /** Rounds pooled as the reference group. */
  reference: Sample | null
  /** Figures of a benchmark organisation, for questions the pooled rounds lack. */
  referenceFigures: ReferenceFigures | null
}

function compared(current: Figure | null, other: FigureResult): ComparedFigure {
  if (!other.asked || !other.figure) return { figure: null, change: null }
  const estimate = (f: Figure) => ({ estimate: f.value, standardError: f.standardError })
  const test = current ? differenceTest(estimate(current), estimate(other.figure)) : null
  return {
    figure: other.figure,
    change: test?.significant ? (test.difference > 0 ? 'higher' : 'lower') : null,
  }
}

export interface MeasuredLine {
  line: Line
  weightedN: number
}

export function lineOf(comparisons: Comparisons, spec: MeasureSpec, label: string): MeasuredLine {
  const { definition } = comparisons
  const result = figureOf(comparisons.current, definition, spec)
  const current = result.asked ? result.figure : null
  const line: Line = {
    label,
    statistic: spec.statistic,
    variable: spec.item ? `${spec.question.id}_${spec.item.id}` : spec.question.id,
    ...(spec.code === undefined ? {} : { code: spec.code }),
    current,
    trend: comparisons.trends.map((sample) => compared(current, figureOf(sample, definition, spec))),
  }
  if (comparisons.reference || comparisons.referenceFigures) {
    const pooled = comparisons.reference ? figureOf(comparisons.reference, definition, spec) : { asked: false as const }
    if (pooled.asked) line.reference = compared(current, pooled)
    else {
      // Without a concept key the variable name is the key: a benchmark may use the codebook's names.
      const concept = (spec.item ? spec.item.concept : spec.question.concept) ?? line.variable
      const imported =
        comparisons.referenceFigures &&
        referenceFigure(comparisons.referenceFigures, concept, spec.statistic, spec.code)
      line.reference = imported
        ? compared(current, { asked: true, figure: imported, weightedN: imported.n })
        : 'ownQuestion'
    }
  }
  return { line, weightedN: result.asked ? result.weightedN : 0 }
}
