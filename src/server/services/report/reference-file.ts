/**
 * Reads and checks a CSV of reference figures from a benchmark organisation
 * (docs/reference-figures.md): columns `concept;statistiek;waarde;n`, `;` or `,`
 * separated, a decimal comma or point. Every bad row is reported at once, by the row
 * number a spreadsheet shows; a file with any problem gives no figures at all.
 */
import { parse } from 'csv-parse/sync'
import type { KeyUnder } from '#src/i18n/translate.ts'
import { CONCEPT_PATTERN } from '#src/questionnaire/schema.ts'
import { decodeText } from '#src/server/services/fieldwork/client-file.ts'

/** A year of one benchmark holds a few hundred figures; more is not such a file, and costly to parse. */
export const MAX_REFERENCE_BYTES = 1024 * 1024
export const MAX_REFERENCE_ROWS = 10_000

export const REFERENCE_COLUMNS = ['concept', 'statistiek', 'waarde', 'n'] as const

/** A statistic as stored: `gemiddelde`, `onvoldoende`, `eens` or `percentage:<answer code>`. */
export type ReferenceStatistic = 'gemiddelde' | 'onvoldoende' | 'eens' | `percentage:${number}`

export interface ReferenceFigureRow {
  row: number
  concept: string
  statistic: ReferenceStatistic
  /** As the file gave it: a mean grade 1–10, or a percentage 0–100. */
  value: number
  n: number
}

export interface ReferenceProblem {
  key: KeyUnder<'management.referenceFigures.problems'>
  params?: Record<string, string | number>
}

export type ReferenceFileCheck =
  | { ok: true; figures: ReferenceFigureRow[] }
  | { ok: false; problems: ReferenceProblem[] }

const PERCENTAGE = /^percentage:(-?\d+)$/
const NUMBER = /^-?\d+([.,]\d+)?$/
/** A whole number, or one written with Dutch thousands points ("6.316"). */
const WHOLE = /^(\d+|\d{1,3}(\.\d{3})+)$/
const CONCEPT = new RegExp(CONCEPT_PATTERN)

function lineBreaks(bytes: Buffer): number {
  let count = 0
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) count++
  return count
}

function statisticOf(text: string): ReferenceStatistic | null {
  const lower = text.toLowerCase()
  if (lower === 'gemiddelde' || lower === 'onvoldoende' || lower === 'eens') return lower
  const match = PERCENTAGE.exec(lower)
  return match ? `percentage:${Number(match[1])}` : null
}

/** "7,2", "7.2" and "72 %" read as numbers; anything else is null. */
function numberOf(text: string): number | null {
  const bare = text.replace(/\s*%$/, '')
  return NUMBER.test(bare) ? Number(bare.replace(',', '.')) : null
}

function wholeOf(text: string): number | null {
  return WHOLE.test(text) ? Number(text.replaceAll('.', '')) : null
}

/** A message shows the value as the file wrote it, so the researcher finds it. */
function checkValue(statistic: ReferenceStatistic, text: string, row: number): ReferenceProblem | null {
  const value = numberOf(text)
  if (value === null) return { key: 'notANumber', params: { row, value: text } }
  if (statistic === 'gemiddelde') {
    return value >= 1 && value <= 10 ? null : { key: 'meanOutOfRange', params: { row, value: text } }
  }
  return value >= 0 && value <= 100 ? null : { key: 'percentOutOfRange', params: { row, value: text } }
}

interface Line {
  row: number
  cells: string[]
}

function readLines(bytes: Buffer): Line[] | ReferenceProblem {
  const text = decodeText(bytes).replace(/\r\n?/g, '\n')
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'))
  const delimiter = firstLine.includes(';') ? ';' : ','
  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true }) as never
  } catch (error) {
    return { key: 'unreadable', params: { row: (error as { lines?: number }).lines ?? 0 } }
  }
  return records
    .map(({ record, info }) => {
      const newlinesInside = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0)
      return { row: info.lines - newlinesInside, cells: record.map((c) => c.trim()) }
    })
    .filter((l) => l.cells.some((c) => c !== ''))
}

export function checkReferenceFile(bytes: Buffer): ReferenceFileCheck {
  const refuse = (problem: ReferenceProblem): ReferenceFileCheck => ({ ok: false, problems: [problem] })
  // Limits first, on the bytes, so an oversized file never reaches the parser.
  if (bytes.length > MAX_REFERENCE_BYTES) return refuse({ key: 'tooLarge', params: { mb: 1 } })
  if (lineBreaks(bytes) > MAX_REFERENCE_ROWS + 1) {
    return refuse({ key: 'tooManyRows', params: { max: MAX_REFERENCE_ROWS.toLocaleString('nl-NL') } })
  }
  const lines = readLines(bytes)
  if (!Array.isArray(lines)) return refuse(lines)
  const [header, ...rows] = lines
  if (!header) return refuse({ key: 'empty' })
  const names = header.cells.map((c) => c.toLowerCase())
  if (names.join(';') !== REFERENCE_COLUMNS.join(';')) {
    return refuse({
      key: 'wrongColumns',
      params: { expected: REFERENCE_COLUMNS.join(';'), found: header.cells.join(';') },
    })
  }
  if (rows.length === 0) return refuse({ key: 'noRows' })

  const problems: ReferenceProblem[] = []
  const figures: ReferenceFigureRow[] = []
  const firstRowOf = new Map<string, number>()
  for (const { row, cells } of rows) {
    if (cells.length !== REFERENCE_COLUMNS.length) {
      problems.push({ key: 'columnCount', params: { row, found: cells.length, expected: REFERENCE_COLUMNS.length } })
      continue
    }
    const [concept, statisticText, valueText, nText] = cells as [string, string, string, string]
    const before = problems.length
    if (concept === '') problems.push({ key: 'emptyConcept', params: { row } })
    else if (!CONCEPT.test(concept) || concept.length > 64)
      problems.push({ key: 'badConcept', params: { row, value: concept } })
    const statistic = statisticOf(statisticText)
    if (!statistic) problems.push({ key: 'unknownStatistic', params: { row, value: statisticText } })
    else {
      const valueProblem = checkValue(statistic, valueText, row)
      if (valueProblem) problems.push(valueProblem)
    }
    const n = wholeOf(nText)
    if (n === null || n < 1) problems.push({ key: 'badN', params: { row, value: nText } })
    if (concept !== '' && statistic) {
      const key = `${concept}\u0000${statistic}`
      const first = firstRowOf.get(key)
      if (first === undefined) firstRowOf.set(key, row)
      else problems.push({ key: 'duplicate', params: { row, concept, statistic, first } })
    }
    if (problems.length === before) {
      figures.push({ row, concept, statistic: statistic!, value: numberOf(valueText)!, n: n! })
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, figures }
}
