/**
 * Reads a municipality's client file (CSV or XLSX) into lines of cells, with the line
 * number a person sees when they open the file. No checks on the content here: see
 * client-import.ts.
 *
 * CSV as municipal systems export it: `;`, `,`, TAB or `|` (the one the header line has
 * most of), UTF-8
 * with or without byte-order mark, or Windows-1252 (€, curly quotes, ë) when the bytes
 * are not valid UTF-8; CRLF or LF line ends.
 */
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import { readSheet } from 'read-excel-file/node'
import type { KeyUnder } from '#src/i18n/translate.ts'
import type { ZipLimits } from '#src/files/zip-limits.ts'
import { checkZipLimits, isWorksheet, startsLikeZip, worksheetRowCounter } from '#src/files/zip-limits.ts'

export interface FileLine {
  /** 1-based line (CSV) or row (XLSX) number; the header is line 1. */
  line: number
  cells: string[]
}

export interface ClientFile {
  header: string[]
  lines: FileLine[]
  /** For a CSV: the separator it was read with, and its first line as it stood (for the message when the header does not match). */
  csv?: { separator: CsvSeparator; firstLine: string }
}

export const CSV_SEPARATORS = [';', ',', '\t', '|'] as const
export type CsvSeparator = (typeof CSV_SEPARATORS)[number]

/** The separator the header line holds most of (outside quotes); `;` when it holds none. */
export function csvSeparatorOf(firstLine: string): CsvSeparator {
  const unquoted = firstLine.replace(/"[^"]*"/g, '')
  let best: CsvSeparator = ';'
  let most = 0
  for (const separator of CSV_SEPARATORS) {
    const count = unquoted.split(separator).length - 1
    if (count > most) {
      best = separator
      most = count
    }
  }
  return best
}

/** A file that cannot be read as a table at all; `key` names a UI text (fieldwork.import.file_errors.*). */
export class ClientFileError extends Error {
  readonly key: KeyUnder<'fieldwork.import.file_errors'>
  readonly params: Record<string, string | number>

  constructor(key: KeyUnder<'fieldwork.import.file_errors'>, params: Record<string, string | number> = {}) {
    super(key)
    this.key = key
    this.params = params
    this.name = 'ClientFileError'
  }
}

export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    // Node 20's TextDecoder('windows-1252') maps 0x80–0x9f wrongly (€ becomes U+0080).
    return iconv.decode(bytes, 'win1252')
  }
}

/** More lines than the largest municipality has clients: a file this long is a mistake, and expensive to read. */
export const MAX_CLIENT_LINES = 100_000

function tooManyLines(): ClientFileError {
  return new ClientFileError('tooManyLines', { max: MAX_CLIENT_LINES.toLocaleString('nl-NL') })
}

function occurrences(bytes: Buffer, needle: string | number): number {
  let count = 0
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) count++
  return count
}

/** Line breaks, counted on the bytes before anything is decoded or parsed. */
function lineBreaks(bytes: Buffer): number {
  return occurrences(bytes, 10)
}

function readCsv(bytes: Buffer): ClientFile {
  // csv-parse counts a CRLF inside a quoted field as two lines; with LF only its line
  // numbers match what an editor shows.
  const text = decodeText(bytes).replace(/\r\n?/g, '\n')
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'))
  const delimiter = csvSeparatorOf(firstLine)
  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw new ClientFileError('unreadableCsv', { line: line ?? 0 })
  }
  const lines = records.map(({ record, info }) => {
    const newlinesInside = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0)
    return { line: info.lines - newlinesInside, cells: record }
  })
  const header = lines.shift()
  if (!header) throw new ClientFileError('empty')
  return { header: header.cells, lines, csv: { separator: delimiter, firstLine } }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value)
}

/** What an XLSX client file may unpack to: a 100,000-row file is about 40 MB. */
export const XLSX_LIMITS: ZipLimits = { maxUnpackedBytes: 64 * 1024 * 1024, maxEntries: 200 }

async function checkXlsxLimits(bytes: Buffer): Promise<void> {
  // Rows are counted in the worksheets' XML: a sheet of a million empty rows is small
  // packed and unpacked, but costs a parser hundreds of megabytes to build.
  const zipProblem = await checkZipLimits(bytes, XLSX_LIMITS, (name) =>
    isWorksheet(name) ? worksheetRowCounter(MAX_CLIENT_LINES, tooManyLines) : undefined,
  )
  if (zipProblem?.problem === 'tooLargeUnpacked')
    throw new ClientFileError('tooLargeUnpacked', { mb: XLSX_LIMITS.maxUnpackedBytes / (1024 * 1024) })
  if (zipProblem) throw new ClientFileError('unreadableXlsx')
}

async function readXlsx(bytes: Buffer): Promise<ClientFile> {
  let rows: unknown[][]
  try {
    rows = (await readSheet(bytes)) as unknown[][]
  } catch {
    throw new ClientFileError('unreadableXlsx')
  }
  if (rows.length > MAX_CLIENT_LINES + 1) throw tooManyLines()
  const [header, ...rest] = rows.map((cells, i) => ({ line: i + 1, cells: cells.map(cellText) }))
  if (!header) throw new ClientFileError('empty')
  // A spreadsheet row has as many cells as the widest row; trailing empty cells are not columns.
  const width = header.cells.length
  const lines = rest.map((l) => {
    let end = l.cells.length
    while (end > width && l.cells[end - 1] === '') end--
    return { line: l.line, cells: l.cells.slice(0, end) }
  })
  return { header: header.cells, lines }
}

export type ClientFileKind = 'csv' | 'xlsx'

/**
 * The limits, checked on the bytes before any parser sees them: the number of lines (or
 * worksheet rows) and what an XLSX unpacks to. Cheap, and in constant memory (an XLSX is
 * unpacked as a stream and kept nowhere), so it runs where the upload arrives; only a file
 * within the limits is handed to a parser. Throws a ClientFileError.
 */
export async function checkClientFileLimits(bytes: Buffer): Promise<ClientFileKind> {
  if (bytes.length === 0) throw new ClientFileError('empty')
  if (startsLikeZip(bytes)) {
    await checkXlsxLimits(bytes)
    return 'xlsx'
  }
  // The header is one more line; a last line without a line break one more still.
  if (lineBreaks(bytes) > MAX_CLIENT_LINES + 1) throw tooManyLines()
  return 'csv'
}

/** Parses a file that passed checkClientFileLimits. */
export async function parseClientFile(bytes: Buffer, kind: ClientFileKind): Promise<ClientFile> {
  const file = kind === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes)
  // Lines with nothing in them (also ";;;;" or an empty spreadsheet row) are not clients.
  file.lines = file.lines.filter((l) => l.cells.some((c) => c.trim() !== ''))
  return file
}

export async function readClientFile(bytes: Buffer): Promise<ClientFile> {
  return parseClientFile(bytes, await checkClientFileLimits(bytes))
}
