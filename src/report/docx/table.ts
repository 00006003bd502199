/**
 * A table of figures as the reports print them: a header row that Word repeats on every
 * page the table runs over, the first column text and the others figures (right-aligned).
 */
import {
  AlignmentType,
  BorderStyle,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  Paragraph,
} from 'docx'
import { xmlSafe } from '#src/report/xml.ts'
import { CONTENT_WIDTH } from './page.ts'

/** A cell's text, or one that spans the rest of the row (a sentence instead of figures). */
export type Cell = string | { text: string; span: number; italic?: boolean }

export interface TableSpec {
  header: string[]
  rows: Cell[][]
  /** Rows to print in bold, e.g. "Totaal". */
  boldRows?: number[]
  /** The first column's share of the width; the rest share what is left. */
  firstColumnShare?: number
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' }
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER }

function cell(content: Cell, width: number, options: { first: boolean; header: boolean; bold: boolean }): TableCell {
  const text = typeof content === 'string' ? content : content.text
  const span = typeof content === 'string' ? 1 : content.span
  const italic = typeof content !== 'string' && content.italic === true
  return new TableCell({
    width: { size: width * span, type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    borders: BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'DEEAF6' } : undefined,
    children: [
      new Paragraph({
        alignment: options.first || span > 1 ? AlignmentType.LEFT : AlignmentType.RIGHT,
        spacing: { after: 0 },
        children: [
          new TextRun({ text: xmlSafe(text), bold: options.header || options.bold, italics: italic, size: 19 }),
        ],
      }),
    ],
  })
}

export function table(spec: TableSpec): Table {
  const columns = spec.header.length
  const first = Math.round(CONTENT_WIDTH * (columns === 1 ? 1 : (spec.firstColumnShare ?? 0.46)))
  const other = columns === 1 ? 0 : Math.floor((CONTENT_WIDTH - first) / (columns - 1))
  const widths = [first, ...Array.from({ length: columns - 1 }, () => other)]
  const row = (cells: Cell[], header: boolean, bold: boolean) => {
    let column = 0
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((content) => {
        const made = cell(content, widths[column] ?? other, { first: column === 0, header, bold })
        column += typeof content === 'string' ? 1 : content.span
        return made
      }),
    })
  }
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      row(spec.header, true, false),
      ...spec.rows.map((cells, i) => row(cells, false, spec.boldRows?.includes(i) ?? false)),
    ],
  })
}
