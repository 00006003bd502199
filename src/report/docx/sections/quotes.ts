/** Quotes from the open answers, under their question and the category the respondent chose (S001:963-965). */
import type { Paragraph } from 'docx'
import type { DocxContext } from '#src/report/docx/context.ts'
import { bullet, heading, paragraph } from '#src/report/docx/text.ts'

export function quotesSection({ report, t }: DocxContext): Paragraph[] {
  if (report.quotes.length === 0) return []
  const content = [heading(t('report.quotes.title'), 1, { pageBreakBefore: true }), paragraph(t('report.quotes.intro'))]
  let question: string | null = null
  for (const group of report.quotes) {
    if (group.question !== question) {
      question = group.question
      content.push(heading(group.question, 2))
    }
    if (group.category) content.push(heading(group.category, 3))
    content.push(...group.quotes.map((text) => bullet(t('report.quotes.quote', { text }))))
  }
  return content
}
