/**
 * One question of a chapter in the Word file: a heading with the question and its N, then
 * what the reports show for its kind (REPORTS.md): a grade's distribution chart and table,
 * a statement grid's stacked bars and "% (helemaal) eens" table, a choice's percentage
 * table, a number's mean. A question with too few answers gets one sentence instead.
 */
import type { Paragraph, Table } from 'docx'
import { gradeDistributionSvg } from '#src/report/charts/grade-chart.ts'
import { statementsSvg } from '#src/report/charts/statements-chart.ts'
import { formatCount, formatPercent } from '#src/report/format.ts'
import type { Block, ChoiceBlock, GradeBlock, NumberBlock, StatementsBlock } from '#src/report/model.ts'
import { chartImage } from './chart-image.ts'
import type { DocxContext } from './context.ts'
import { lineTable } from './line-table.ts'
import type { Level } from './text.ts'
import { caption, heading, note, paragraph } from './text.ts'

type Content = Array<Paragraph | Table>

export interface BlockOptions {
  level: Level
  /** The appendices per municipality are tables only: the charts are in the body. */
  charts: boolean
}

function figure(context: DocxContext, svg: string, title: string, name: string): Content {
  return [caption(context.t('report.figure.title', { number: context.nextFigure(), title })), chartImage(svg, name)]
}

function outsideBase(context: DocxContext, count: number): Content {
  return count > 0 ? [note(context.t('report.block.outsideBase', { count: formatCount(count) }))] : []
}

/** The share of fails next to the reference group's, in words under the chart (S000:316-320). */
function belowSix(context: DocxContext, block: GradeBlock): Content {
  const line = block.lines.find((l) => l.statistic === 'belowSix')
  if (!line?.current) return []
  const sentences = [context.t('report.summary.belowSix', { share: formatPercent(line.current.value) })]
  if (line.reference && line.reference !== 'ownQuestion' && line.reference.figure)
    sentences.push(context.t('report.summary.belowSixReference', { share: formatPercent(line.reference.figure.value) }))
  return [paragraph(sentences.join(' '))]
}

function grade(context: DocxContext, block: GradeBlock, options: BlockOptions): Content {
  const title = context.t('report.chart.gradeTitle', { question: block.question })
  return [
    ...(options.charts ? figure(context, gradeDistributionSvg(block, title), title, block.variable) : []),
    ...(options.charts ? belowSix(context, block) : []),
    ...lineTable(context, { title: block.question, n: block.n, firstColumn: '', lines: block.lines }),
    ...outsideBase(context, block.outsideBase),
  ]
}

function statements(context: DocxContext, block: StatementsBlock, options: BlockOptions): Content {
  const { t, report } = context
  const title = t('report.chart.statementsTitle', { question: block.question })
  const suppressed = new Set(block.statements.filter((s) => s.suppressed).map((s) => s.variable))
  const tooFew = t('report.block.suppressed', { n: report.minGroupSize })
  return [
    ...(options.charts
      ? figure(
          context,
          statementsSvg(block, title, { tooFewAnswers: t('report.chart.tooFewAnswers') }),
          title,
          block.variable,
        )
      : []),
    ...lineTable(context, {
      title: `${block.question} – ${block.agreeLabel}`,
      n: block.n,
      firstColumn: t('report.table.statement'),
      lines: block.lines,
      hidden: (line) => (suppressed.has(line.variable) ? tooFew : null),
    }),
    note(t('report.block.statementsNote')),
  ]
}

function choice(context: DocxContext, block: ChoiceBlock): Content {
  return [
    ...lineTable(context, {
      title: block.question,
      n: block.n,
      firstColumn: context.t('report.table.answer'),
      lines: block.lines,
      total: !block.multiple,
    }),
    ...(block.multiple ? [note(context.t('report.block.multiple'))] : []),
    ...outsideBase(context, block.outsideBase),
  ]
}

function number(context: DocxContext, block: NumberBlock): Content {
  return lineTable(context, { title: block.question, n: block.n, firstColumn: '', lines: block.lines })
}

export function blockContent(context: DocxContext, block: Block, options: BlockOptions): Content {
  const { t, report } = context
  const title = heading(
    t('report.block.heading', { number: block.number, question: block.question, n: formatCount(block.n) }),
    options.level,
  )
  if (block.suppressed) return [title, paragraph(t('report.block.suppressed', { n: report.minGroupSize }))]
  switch (block.kind) {
    case 'grade':
      return [title, ...grade(context, block, options)]
    case 'statements':
      return [title, ...statements(context, block, options)]
    case 'choice':
      return [title, ...choice(context, block)]
    case 'number':
      return [title, ...number(context, block)]
  }
}
