/**
 * The layout of a questionnaire workbook (sheets and their columns) and reading a sheet
 * into rows of cells keyed by column, with the row numbers the spreadsheet shows.
 * Columns Peiling does not read are refused by name: a column silently ignored would be
 * a question text or a rule the researcher thinks is in force.
 */
import { LANGUAGE_PATTERN } from '../schema.ts'
import type { WorkbookError } from './faults.ts'
import { cellFault } from './faults.ts'

export const SHEETS = ['survey', 'choices', 'settings'] as const
export type SheetKind = (typeof SHEETS)[number]

interface SheetColumns {
  /** Columns with one value. */
  plain: readonly string[]
  /** Columns with a text per language: `label::nl`, `label::en`, … */
  perLanguage: readonly string[]
  /** Other spellings of a plain column (XLSForm's own, or the issue's). */
  aliases: Readonly<Record<string, string>>
}

export const COLUMNS: Record<SheetKind, SheetColumns> = {
  survey: {
    plain: ['type', 'name', 'number', 'required', 'show_if', 'parameters', 'concept', 'screen_out'],
    perLanguage: ['label', 'hint', 'unit', 'screen_out_text'],
    aliases: { relevant: 'show_if', 'show-if': 'show_if' },
  },
  choices: {
    plain: ['list_name', 'name', 'other', 'missing'],
    perLanguage: ['label'],
    aliases: { value: 'name' },
  },
  settings: {
    plain: ['form_id', 'version', 'languages'],
    perLanguage: ['title', 'intro', 'outro'],
    aliases: {},
  },
}

/** The key of a per-language column: "label::nl". */
export function languageColumn(base: string, language: string): string {
  return `${base}::${language}`
}

export interface SheetRow {
  /** The row number the spreadsheet shows. */
  row: number
  /** The cell's text as written (not trimmed); '' for an empty cell or a column the sheet lacks. */
  raw(column: string): string
  /** The cell's text, trimmed. */
  cell(column: string): string
  /** The columns of this row with something in them. */
  filled(): string[]
}

export interface Table {
  /** The sheet's name as the workbook spells it. */
  sheet: string
  headerRow: number
  /** The per-language columns present, e.g. ["label::nl", "label::en"], in sheet order. */
  languageColumns: string[]
  /** The rows below the header with something in them. */
  rows: SheetRow[]
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value)
}

function columnLetter(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/** The key a heading names, or the fault that it is not a column of this sheet. */
function columnKey(
  heading: string,
  columns: SheetColumns,
): { key: string } | { fault: 'unknown' } | { fault: 'badLanguage'; example: string } {
  const name = heading.trim()
  const separator = name.indexOf('::')
  if (separator !== -1) {
    const base = name.slice(0, separator).trim().toLowerCase()
    if (!columns.perLanguage.includes(base)) return { fault: 'unknown' }
    // ODK writes "label::Dutch (nl)"; the code in brackets is the language.
    const rest = name.slice(separator + 2).trim()
    const language = /\(([^()]+)\)\s*$/.exec(rest)?.[1]?.trim() ?? rest
    if (!new RegExp(LANGUAGE_PATTERN).test(language))
      return { fault: 'badLanguage', example: languageColumn(base, 'nl') }
    return { key: languageColumn(base, language) }
  }
  const lower = name.toLowerCase()
  const plain = columns.aliases[lower] ?? lower
  if (columns.plain.includes(plain)) return { key: plain }
  if (columns.perLanguage.includes(plain)) return { fault: 'badLanguage', example: languageColumn(plain, 'nl') }
  return { fault: 'unknown' }
}

export function knownColumns(kind: SheetKind): string {
  const { plain, perLanguage } = COLUMNS[kind]
  return [...plain, ...perLanguage.map((base) => `${base}::<taal>`)].join(', ')
}

/** Reads one sheet; faults in its header go to `faults`, and the columns they name are left out. */
export function readTable(kind: SheetKind, sheet: string, data: unknown[][], faults: WorkbookError[]): Table {
  const isBlank = (cells: unknown[] | undefined) => !cells || cells.every((c) => cellText(c).trim() === '')
  const headerIndex = data.findIndex((cells) => !isBlank(cells))
  if (headerIndex === -1) {
    faults.push(cellFault({ sheet, row: 1 }, 'file.noHeader'))
    return { sheet, headerRow: 1, languageColumns: [], rows: [] }
  }
  const headerRow = headerIndex + 1
  const header = data[headerIndex] as unknown[]
  const below = data.slice(headerIndex + 1)
  const width = Math.max(header.length, ...below.map((cells) => cells.length))
  const keys: Array<string | undefined> = []
  const seen = new Set<string>()
  for (let index = 0; index < width; index++) {
    const heading = cellText(header[index]).trim()
    const place = { sheet, row: headerRow, column: heading }
    if (heading === '') {
      keys.push(undefined)
      if (below.some((cells) => cellText(cells[index]).trim() !== ''))
        faults.push(
          cellFault({ sheet, row: headerRow, column: columnLetter(index) }, 'columns.unknown', {
            column: `(${columnLetter(index)}, zonder naam)`,
            known: knownColumns(kind),
          }),
        )
      continue
    }
    const found = columnKey(heading, COLUMNS[kind])
    if ('fault' in found) {
      keys.push(undefined)
      if (found.fault === 'unknown')
        faults.push(cellFault(place, 'columns.unknown', { column: heading, known: knownColumns(kind) }))
      else faults.push(cellFault(place, 'columns.badLanguage', { column: heading, example: found.example }))
      continue
    }
    if (seen.has(found.key)) {
      keys.push(undefined)
      faults.push(cellFault(place, 'columns.duplicate', { column: heading }))
      continue
    }
    seen.add(found.key)
    keys.push(found.key)
  }

  const rows: SheetRow[] = []
  below.forEach((cells, offset) => {
    if (isBlank(cells)) return
    const byKey = new Map<string, string>()
    keys.forEach((key, index) => {
      if (key !== undefined) byKey.set(key, cellText(cells[index]))
    })
    rows.push({
      row: headerRow + 1 + offset,
      raw: (column) => byKey.get(column) ?? '',
      cell: (column) => (byKey.get(column) ?? '').trim(),
      filled: () => [...byKey].filter(([, text]) => text.trim() !== '').map(([key]) => key),
    })
  })
  const languageColumns = keys.filter((key): key is string => key?.includes('::') ?? false)
  return { sheet, headerRow, languageColumns, rows }
}
