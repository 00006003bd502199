/**
 * The appendices: all success and improvement points, and per municipality its own
 * figures with its own trend columns (S001:1520-2335), as tables.
 */
import type { Paragraph, Table } from 'docx'
import type { DocxContext } from '#src/report/docx/context.ts'
import { heading } from '#src/report/docx/text.ts'
import { formatCount } from '#src/report/format.ts'
import { chapterContent } from './chapter.ts'
import { allPoints } from './points.ts'

export function appendices(context: DocxContext): Array<Paragraph | Table> {
  const { report, t } = context
  let number = 0
  const content: Array<Paragraph | Table> = []
  if (report.points.length > 0) content.push(...allPoints(context, ++number))
  for (const municipality of report.appendices) {
    content.push(
      heading(
        t('report.appendices.municipality', {
          number: ++number,
          name: municipality.name,
          n: formatCount(municipality.n),
        }),
        1,
        { pageBreakBefore: true },
      ),
      ...municipality.chapters.flatMap((chapter) => chapterContent(context, chapter, { level: 2, charts: false })),
    )
  }
  return content
}
