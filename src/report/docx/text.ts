/**
 * Paragraphs of the Word file. All text passes `xmlSafe` here: docx escapes "<" and "&",
 * but a control character in a pasted label would still make Word refuse the file.
 */
import { HeadingLevel, Paragraph, TextRun } from 'docx'
import { xmlSafe } from '#src/report/xml.ts'

export type Level = 1 | 2 | 3

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const

export function heading(text: string, level: Level, options: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({ heading: LEVELS[level], children: [new TextRun(xmlSafe(text))], ...options })
}

export function paragraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(xmlSafe(text))] })
}

/** A smaller, secondary line under a table or figure. */
export function note(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: xmlSafe(text), size: 18, italics: true })] })
}

/** "Tabel 3. …" or "Figuur 2. …" above what it names, kept on the same page. */
export function caption(text: string): Paragraph {
  return new Paragraph({ style: 'Caption', children: [new TextRun(xmlSafe(text))] })
}

export function bullet(text: string): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(xmlSafe(text))] })
}
