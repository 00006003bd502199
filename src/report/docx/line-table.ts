/**
 * The tables of figures with trend and reference columns ("2026 | 2022 | 2018 |
 * Referentiegroep", S001:1520-1826): a column per earlier round, blank where the question
 * was not asked, a mark where this round differs significantly, and "-" in the reference
 * column for the municipality's own question.
 */
import type { Paragraph, Table } from 'docx'
import { formatCount, formatFigure, formatPercent } from '#src/report/format.ts'
import type { ComparedFigure, Line, Statistic } from '#src/report/model.ts'
import type { DocxContext } from './context.ts'
import type { Cell } from './table.ts'
import { table } from './table.ts'
import { caption, note } from './text.ts'

/** Printed next to an earlier or reference figure that this round's is significantly above or below. */
export const HIGHER = '▲'
export const LOWER = '▼'
/** The reference column of a question the reference group was not asked (S000:2183-2194). */
export const OWN_QUESTION = '-'

export interface LineTableSpec {
  /** The caption's text, before "(N=…)". */
  title: string
  n: number
  /** The first column's header: "Stelling", "Antwoord", or blank. */
  firstColumn: string
  lines: Line[]
  /** Lines whose figures must not be shown (a suppressed statement): a sentence spans their row. */
  hidden?: (line: Line) => string | null
  /** Single choice: a last row "Totaal 100%". */
  total?: boolean
  /** Only this round ("Dit jaar") and the reference: the success and improvement points in the text. */
  thisYearOnly?: boolean
}

function compared(statistic: Statistic, value: ComparedFigure): string {
  if (!value.figure) return ''
  const mark = value.change === 'higher' ? ` ${HIGHER}` : value.change === 'lower' ? ` ${LOWER}` : ''
  return `${formatFigure(statistic, value.figure)}${mark}`
}

/** The caption, the table, and under it what its marks mean when it has any. */
export function lineTable(context: DocxContext, spec: LineTableSpec): Array<Paragraph | Table> {
  const { report, t } = context
  const trend = spec.thisYearOnly ? [] : report.trendRounds
  const header = [
    spec.firstColumn,
    spec.thisYearOnly ? t('report.points.thisYear') : report.currentLabel,
    ...trend.map((round) => round.label),
    ...(report.reference ? [t('report.table.reference')] : []),
  ]
  const rows: Cell[][] = spec.lines.map((line) => {
    const hidden = spec.hidden?.(line) ?? null
    if (hidden !== null) return [line.label, { text: hidden, span: header.length - 1, italic: true }]
    const reference =
      line.reference === 'ownQuestion' ? OWN_QUESTION : line.reference ? compared(line.statistic, line.reference) : ''
    return [
      line.label,
      line.current ? formatFigure(line.statistic, line.current) : t('report.table.tooFew'),
      ...trend.map((_, i) => (line.trend[i] ? compared(line.statistic, line.trend[i]) : '')),
      ...(report.reference ? [reference] : []),
    ]
  })
  if (spec.total) {
    const hundred = formatPercent(1)
    const asked = (figures: Array<ComparedFigure | undefined>) => (figures.some((f) => f?.figure) ? hundred : '')
    rows.push([
      t('report.table.total'),
      hundred,
      ...trend.map((_, i) => asked(spec.lines.map((line) => line.trend[i]))),
      ...(report.reference
        ? [asked(spec.lines.map((line) => (line.reference === 'ownQuestion' ? undefined : line.reference)))]
        : []),
    ])
  }
  const comparisons = rows.flatMap((row) => row.slice(2)).filter((cell) => typeof cell === 'string')
  const notes = [
    ...(comparisons.some((cell) => cell.endsWith(HIGHER) || cell.endsWith(LOWER))
      ? [note(t('report.table.marks', { current: report.currentLabel }))]
      : []),
    ...(comparisons.includes(OWN_QUESTION) ? [note(t('report.table.ownQuestion'))] : []),
  ]
  return [
    caption(t('report.table.title', { number: context.nextTable(), title: spec.title, n: formatCount(spec.n) })),
    table({ header, rows, boldRows: spec.total ? [rows.length - 1] : [] }),
    ...notes,
  ]
}
