/**
 * A question as the report shows it (model.ts): grade, statement grid, choice table or
 * mean, with every row compared with the earlier rounds and the reference group.
 */
import type { GridItem, Question } from '#src/questionnaire/index.ts'
import { GRADE_MAX, GRADE_MIN, localize, scaleOf } from '#src/questionnaire/index.ts'
import type { Comparisons } from './lines.ts'
import { lineOf } from './lines.ts'
import type { MeasureSpec } from './measure.ts'
import { agreeingCount, resolveMeasure } from './measure.ts'
import type { Block, GradeBlock, Line, NumberBlock, StatementsBlock } from './model.ts'
import { measureValues, weightedShares } from './sample.ts'
import { reportText as t } from './texts.ts'
import { codesOf } from '#src/questionnaire/index.ts'

const LANG = 'nl'

/** Answers given but outside the base ("weet niet", a code off the scale). */
function outsideBase(comparisons: Comparisons, spec: MeasureSpec): number {
  let count = 0
  for (const part of comparisons.current.parts) {
    const measure = resolveMeasure(comparisons.definition, spec, part.data.definition)
    const answers = measure && part.data.answers.get(measure.variable)
    if (!measure || !answers) continue
    for (const i of part.indices) {
      const answer = answers[i] ?? null
      const given = Array.isArray(answer) ? answer.length > 0 : answer !== null
      if (given && measure.value(answer) === null) count++
    }
  }
  return count
}

function shareOf(line: Line): number {
  return line.current?.value ?? 0
}

function gradeBlock(comparisons: Comparisons, question: Question): GradeBlock {
  const spec = (statistic: MeasureSpec['statistic']): MeasureSpec => ({ question, statistic })
  const mean = lineOf(comparisons, spec('mean'), t('report.labels.gradeMean'))
  const lines = [
    mean.line,
    lineOf(comparisons, spec('belowSix'), t('report.labels.belowSix')).line,
    lineOf(comparisons, spec('sevenOrMore'), t('report.labels.sevenOrMore')).line,
  ]
  const grades = Array.from({ length: GRADE_MAX - GRADE_MIN + 1 }, (_, i) => GRADE_MIN + i)
  const values = measureValues(comparisons.current, comparisons.definition, spec('mean')) ?? []
  const shares = weightedShares(values, comparisons.current.design.weights, grades)
  const suppressed = mean.line.current === null
  return {
    kind: 'grade',
    ...heading(question),
    n: mean.line.current?.n ?? 0,
    weightedN: mean.weightedN,
    suppressed,
    distribution: suppressed ? [] : grades.map((grade, i) => ({ grade, share: shares[i]! })),
    lines,
    outsideBase: outsideBase(comparisons, spec('mean')),
  }
}

function heading(question: Question) {
  return { variable: question.id, number: question.number, question: localize(question.text, LANG) }
}

function statementsBlock(comparisons: Comparisons, question: Question & { items: GridItem[] }): StatementsBlock {
  const codes = (codesOf(comparisons.definition, question) ?? []).filter((c) => !c.missing)
  const agreeing = agreeingCount(codes.length)
  const lines: Line[] = []
  let weightedN = 0
  const statements = question.items.map((item) => {
    const agree = lineOf(comparisons, { question, item, statistic: 'agree' }, localize(item.text, LANG))
    lines.push(agree.line)
    weightedN = Math.max(weightedN, agree.weightedN)
    const suppressed = agree.line.current === null
    return {
      variable: `${question.id}_${item.id}`,
      label: localize(item.text, LANG),
      n: agree.line.current?.n ?? 0,
      suppressed,
      shares: suppressed
        ? []
        : codes.map((code) => {
            const share = lineOf(
              { ...comparisons, trends: [], reference: null, referenceFigures: null },
              { question, item, statistic: 'share', code: code.value },
              '',
            )
            return shareOf(share.line)
          }),
      outsideBase: outsideBase(comparisons, { question, item, statistic: 'agree' }),
    }
  })
  return {
    kind: 'statements',
    ...heading(question),
    n: Math.max(0, ...statements.map((s) => s.n)),
    weightedN,
    suppressed: statements.every((s) => s.suppressed),
    categories: codes.map((c) => (c.label ? localize(c.label, LANG) : String(c.value))),
    agreeing,
    agreeLabel: t('report.labels.agree'),
    statements,
    lines,
  }
}

function meansBlock(comparisons: Comparisons, question: Question, items: GridItem[] | null): NumberBlock {
  const measured = items
    ? items.map((item) => lineOf(comparisons, { question, item, statistic: 'mean' }, localize(item.text, LANG)))
    : [lineOf(comparisons, { question, statistic: 'mean' }, t('report.labels.mean'))]
  const lines = measured.map((m) => m.line)
  return {
    kind: 'number',
    ...heading(question),
    n: Math.max(0, ...lines.map((l) => l.current?.n ?? 0)),
    weightedN: Math.max(0, ...measured.map((m) => m.weightedN)),
    suppressed: lines.every((l) => l.current === null),
    lines,
  }
}

function choiceBlock(comparisons: Comparisons, question: Question, sortByFrequency: boolean): Block {
  const codes = (codesOf(comparisons.definition, question) ?? []).filter((c) => !c.missing)
  const measured = codes.map((code) =>
    lineOf(
      comparisons,
      { question, statistic: 'share', code: code.value },
      code.label ? localize(code.label, LANG) : String(code.value),
    ),
  )
  const lines = measured.map((m) => m.line)
  if (sortByFrequency) lines.sort((a, b) => shareOf(b) - shareOf(a))
  const n = Math.max(0, ...lines.map((l) => l.current?.n ?? 0))
  return {
    kind: 'choice',
    ...heading(question),
    n,
    weightedN: Math.max(0, ...measured.map((m) => m.weightedN)),
    suppressed: lines.every((l) => l.current === null),
    multiple: question.type === 'multiple',
    lines,
    outsideBase:
      codes.length > 0 ? outsideBase(comparisons, { question, statistic: 'share', code: codes[0]!.value }) : 0,
  }
}

/** The block of a question; none for open questions (they become quotes after review). */
export function blockOf(comparisons: Comparisons, question: Question, { sortByFrequency = false } = {}): Block | null {
  switch (question.type) {
    case 'grade':
      return gradeBlock(comparisons, question)
    case 'grid':
      return scaleOf(comparisons.definition, question.scale)?.type === 'grade'
        ? meansBlock(comparisons, question, question.items)
        : statementsBlock(comparisons, question)
    case 'single':
    case 'yesno':
    case 'multiple':
      return choiceBlock(comparisons, question, sortByFrequency || question.type === 'multiple')
    case 'ranking':
    case 'constantsum':
      return meansBlock(comparisons, question, question.items)
    case 'number':
      return meansBlock(comparisons, question, null)
    case 'text':
    case 'longtext':
      return null
  }
}
