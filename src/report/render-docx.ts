/**
 * The report of a round as a Word file, for W&I staff to edit and send to the council.
 * Laid out like the municipal KTO reports (REPORTS.md): title page, Samenvatting, Respons
 * en betrouwbaarheid, a chapter per theme, Succes- en verbeterpunten, Achtergrond,
 * Citaten, Bijlagen. Built with the docx library (no hand-written Office XML); every
 * figure comes from the `Report` as it is, so the Word file and the HTML page agree.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx'
import { docxContext } from './docx/context.ts'
import { PAGE, STYLES } from './docx/page.ts'
import { appendices } from './docx/sections/appendices.ts'
import { chapterContent } from './docx/sections/chapter.ts'
import { pointsSection } from './docx/sections/points.ts'
import { quotesSection } from './docx/sections/quotes.ts'
import { response } from './docx/sections/response.ts'
import { summary } from './docx/sections/summary.ts'
import { titlePage } from './docx/sections/title-page.ts'
import { paragraph } from './docx/text.ts'
import type { Report } from './model.ts'
import { xmlSafe } from './xml.ts'

const pageNumber = new Footer({
  children: [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: [PageNumber.CURRENT], size: 18 })],
    }),
  ],
})

export async function renderReportDocx(report: Report): Promise<Buffer> {
  const context = docxContext(report)
  const { t } = context
  const children = [
    ...titlePage(context),
    ...summary(context),
    ...response(context),
    ...report.chapters.flatMap((chapter) =>
      chapterContent(context, chapter, { level: 1, charts: true, pageBreakBefore: true }),
    ),
    ...pointsSection(context),
    ...(report.background
      ? chapterContent(
          context,
          { ...report.background, title: t('report.background.title') },
          { level: 1, charts: true, pageBreakBefore: true, intro: [paragraph(t('report.background.intro'))] },
        )
      : []),
    ...quotesSection(context),
    ...appendices(context),
  ]
  const document = new Document({
    title: xmlSafe(report.title),
    subject: xmlSafe(report.roundName),
    creator: 'Peiling',
    styles: STYLES,
    sections: [{ properties: { page: PAGE }, footers: { default: pageNumber }, children }],
  })
  return Packer.toBuffer(document)
}
