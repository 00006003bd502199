/**
 * Success and improvement points: in the text the five chosen most often with "Dit jaar |
 * Referentiegroep" (S001:933-953); in the appendix all of them with the trend columns.
 */
import type { Paragraph, Table } from 'docx'
import type { DocxContext } from '#src/report/docx/context.ts'
import { lineTable } from '#src/report/docx/line-table.ts'
import { heading, paragraph } from '#src/report/docx/text.ts'
import { formatCount } from '#src/report/format.ts'
import type { PointsList } from '#src/report/model.ts'

type Content = Array<Paragraph | Table>

const IN_THE_TEXT = 5

function list(context: DocxContext, points: PointsList, options: { all: boolean }): Content {
  const { t, report } = context
  const title = heading(t('report.points.heading', { question: points.question, n: formatCount(points.n) }), 2)
  if (points.suppressed) return [title, paragraph(t('report.block.suppressed', { n: report.minGroupSize }))]
  return [
    title,
    ...lineTable(context, {
      title: points.question,
      n: points.n,
      firstColumn: t('report.points.point'),
      lines: options.all ? points.lines : points.lines.slice(0, IN_THE_TEXT),
      thisYearOnly: !options.all,
    }),
  ]
}

export function pointsSection(context: DocxContext): Content {
  const { report, t } = context
  if (report.points.length === 0) return []
  return [
    heading(t('report.points.title'), 1, { pageBreakBefore: true }),
    paragraph(t('report.points.intro')),
    ...report.points.flatMap((points) => list(context, points, { all: false })),
  ]
}

export function allPoints(context: DocxContext, number: number): Content {
  const { report, t } = context
  return [
    heading(t('report.appendices.allPoints', { number }), 1, { pageBreakBefore: true }),
    ...report.points.flatMap((points) => list(context, points, { all: true })),
  ]
}
