/** The first page: what the report is, which round, for whom, and when it was made. */
import { HeadingLevel, Paragraph, TextRun } from 'docx'
import { formatDate } from '#src/i18n/translate.ts'
import type { DocxContext } from '#src/report/docx/context.ts'
import { xmlSafe } from '#src/report/xml.ts'

function line(text: string, size: number): Paragraph {
  return new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: xmlSafe(text), size })] })
}

export function titlePage({ report, t }: DocxContext): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 2400 } }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(report.title))] }),
    line(report.roundName, 28),
    line(
      report.municipality
        ? t('report.titlePage.municipality', { name: report.municipality.name })
        : t('report.titlePage.wholeRound'),
      28,
    ),
    line(formatDate(report.madeOn, 'nl'), 24),
  ]
}
