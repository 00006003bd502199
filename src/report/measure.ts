/**
 * A measure: what one row of a report table counts, as a 0/1 or a number per response,
 * so that every figure is a weighted mean (weighted-mean.ts) with a standard error.
 * The same measure is resolved in each round's own questionnaire: an earlier round's
 * variable may have another name (concept keys) and its own "weet niet" code.
 */
import type { GridItem, Question, QuestionnaireDefinition } from '#src/questionnaire/index.ts'
import { codesOf, GRADE_MAX, GRADE_MIN, scaleOf } from '#src/questionnaire/index.ts'
import type { Statistic } from './model.ts'
import { findItemByConcept, matchItem, matchQuestion } from './match-question.ts'
import type { ClosedAnswer } from './round-data.ts'

export interface MeasureSpec {
  question: Question
  item?: GridItem
  statistic: Statistic
  /** For shares: the answer code. */
  code?: number
}

/** A measure in one questionnaire: which variable, and each answer's value (null: not in the base). */
export interface ResolvedMeasure {
  variable: string
  value: (answer: ClosedAnswer) => number | null
}

/** The valid codes (not "weet niet") of a question or of its grid's scale. */
export function validCodes(definition: QuestionnaireDefinition, question: Question): number[] {
  return (codesOf(definition, question) ?? []).filter((c) => !c.missing).map((c) => c.value)
}

/**
 * How many of a statement scale's answers agree: the first half of the valid answers
 * (2 of 4: "helemaal mee eens" and "mee eens"); the middle of an odd scale is neither.
 */
export function agreeingCount(validCount: number): number {
  return Math.floor(validCount / 2)
}

function isGradeScale(definition: QuestionnaireDefinition, question: Question): boolean {
  return (
    question.type === 'grade' || (question.type === 'grid' && scaleOf(definition, question.scale)?.type === 'grade')
  )
}

function resolveIn(
  definition: QuestionnaireDefinition,
  question: Question,
  item: GridItem | undefined,
  spec: MeasureSpec,
) {
  const variable = item ? `${question.id}_${item.id}` : question.id
  const valid = new Set(validCodes(definition, question))
  const grade = (a: ClosedAnswer): number | null =>
    typeof a === 'number' && valid.has(a) && a >= GRADE_MIN && a <= GRADE_MAX ? a : null
  const single = (a: ClosedAnswer): number | null => (typeof a === 'number' && valid.has(a) ? a : null)
  let value: ResolvedMeasure['value']
  switch (spec.statistic) {
    case 'mean':
      value = isGradeScale(definition, question)
        ? grade
        : question.type === 'ranking'
          ? // A rank given twice on paper is kept as -1: no rank.
            (a) => (typeof a === 'number' && a >= 1 ? a : null)
          : (a) => (typeof a === 'number' ? a : null)
      break
    case 'belowSix':
      value = (a) => {
        const g = grade(a)
        return g === null ? null : g < 6 ? 1 : 0
      }
      break
    case 'sevenOrMore':
      value = (a) => {
        const g = grade(a)
        return g === null ? null : g >= 7 ? 1 : 0
      }
      break
    case 'agree': {
      const ordered = validCodes(definition, question)
      const agreeing = new Set(ordered.slice(0, agreeingCount(ordered.length)))
      value = (a) => {
        const s = single(a)
        return s === null ? null : agreeing.has(s) ? 1 : 0
      }
      break
    }
    case 'share':
      value =
        question.type === 'multiple'
          ? // Of those who ticked at least one real answer: "weet niet" alone is outside the base.
            (a) => (Array.isArray(a) && a.some((c) => valid.has(c)) ? (a.includes(spec.code!) ? 1 : 0) : null)
          : (a) => {
              const s = single(a)
              return s === null ? null : s === spec.code ? 1 : 0
            }
      if (!valid.has(spec.code!)) return undefined
      break
  }
  return { variable, value }
}

/** The measure in `definition`, the questionnaire the spec's question belongs to or another one. */
export function resolveMeasure(
  specDefinition: QuestionnaireDefinition,
  spec: MeasureSpec,
  definition: QuestionnaireDefinition,
): ResolvedMeasure | undefined {
  if (definition === specDefinition) return resolveIn(definition, spec.question, spec.item, spec)
  if (spec.item?.concept) {
    const found = findItemByConcept(spec.item.concept, definition)
    if (found) return resolveIn(definition, found.question, found.item, spec)
  }
  const question = matchQuestion(specDefinition, spec.question, definition)
  if (!question) return undefined
  if (!spec.item) return resolveIn(definition, question, undefined, spec)
  const item = matchItem(spec.item, question)
  return item ? resolveIn(definition, question, item, spec) : undefined
}
