/**
 * Reading a Word file back as a person would look at it: the paragraphs with their
 * styles, the tables as rows of cell texts, and the media files. The zip is read with the
 * project's own zip directory reader, the XML with regular expressions (Word's XML has no
 * nested paragraphs or tables in what the report makes).
 */
import { inflateRawSync } from 'node:zlib'
import { zipDirectory } from '#src/files/zip-limits.ts'

export function unzip(zip: Buffer): Map<string, Buffer> {
  const directory = zipDirectory(zip)
  if (!directory) throw new Error('Not a zip archive')
  const files = new Map<string, Buffer>()
  for (const entry of directory.entries) {
    if (!entry?.packed) throw new Error('Broken zip entry')
    files.set(entry.name, entry.method === 8 ? inflateRawSync(entry.packed) : Buffer.from(entry.packed))
  }
  return files
}

function fromXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The text of a piece of WordprocessingML: its <w:t> runs joined. */
export function textOf(xml: string): string {
  return fromXml([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
}

export interface DocxParagraph {
  style: string | null
  text: string
}

/** The body's paragraphs outside tables, in order. */
export function paragraphs(documentXml: string): DocxParagraph[] {
  const outsideTables = documentXml.replace(/<w:tbl>.*?<\/w:tbl>/gs, '')
  return [...outsideTables.matchAll(/<w:p(?:\s[^>]*)?>(.*?)<\/w:p>/gs)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1]!)?.[1] ?? null,
    text: textOf(m[1]!),
  }))
}

export function headings(documentXml: string, style: string): string[] {
  return paragraphs(documentXml)
    .filter((p) => p.style === style)
    .map((p) => p.text)
}

export interface DocxTable {
  xml: string
  rows: string[][]
}

export function tables(documentXml: string): DocxTable[] {
  return [...documentXml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => ({
    xml: m[1]!,
    rows: [...m[1]!.matchAll(/<w:tr(?:\s[^>]*)?>(.*?)<\/w:tr>/gs)].map((row) =>
      [...row[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((cell) => textOf(cell[1]!)),
    ),
  }))
}

/** The rows of every table whose first cell is `label`. */
export function rowsLabelled(documentXml: string, label: string): string[][] {
  return tables(documentXml).flatMap((table) => table.rows.filter((row) => row[0] === label))
}
