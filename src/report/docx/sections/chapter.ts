/** A chapter: its title and its questions one level below it. */
import type { Paragraph, Table } from 'docx'
import type { BlockOptions } from '#src/report/docx/blocks.ts'
import { blockContent } from '#src/report/docx/blocks.ts'
import type { DocxContext } from '#src/report/docx/context.ts'
import type { Level } from '#src/report/docx/text.ts'
import { heading } from '#src/report/docx/text.ts'
import type { Chapter } from '#src/report/model.ts'

export function chapterContent(
  context: DocxContext,
  chapter: Chapter,
  options: { level: 1 | 2; charts: boolean; pageBreakBefore?: boolean; intro?: Paragraph[] },
): Array<Paragraph | Table> {
  const blocks: BlockOptions = { level: (options.level + 1) as Level, charts: options.charts }
  return [
    heading(chapter.title, options.level, { pageBreakBefore: options.pageBreakBefore ?? false }),
    ...(options.intro ?? []),
    ...chapter.blocks.flatMap((block) => blockContent(context, block, blocks)),
  ]
}
