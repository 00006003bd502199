/**
 * The anonymous data set of a round: one row per response with its stratum, mode,
 * mailing wave, language and status, then one column per codebook variable (the
 * questionnaire engine's `buildCodebook` / `flattenAnswersForExport`).
 *
 * Privacy (DESIGN.md): no dates, no codes, no personal data, and the rows come in the
 * order of the responses' random ids, which says nothing about when anyone answered.
 *
 * Responses are read in pages (keyset pagination on the id) and written as they come,
 * so a CSV of any size streams with flat memory, on PGlite and a PostgreSQL server alike.
 */
import { PassThrough, Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import writeXlsxFile from 'write-excel-file/node'
import type { Row as XlsxRow } from 'write-excel-file/node'
import type { DB } from '#src/server/db/connect.ts'
import type { ResponseStatus } from '#src/server/db/schema.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { CodebookVariable, ExportValue } from '#src/questionnaire/index.ts'
import { buildCodebook, findQuestion, flattenAnswersForExport } from '#src/questionnaire/index.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { codebookRows, csvOptions, META_VARIABLES } from './codebook-file.ts'
import { stratumWeights } from './weights.ts'
import { paperCodingOf, paperValueLabels } from '#src/server/services/paper/paper-coding.ts'
import { openVariables } from '#src/report/quotes/open-answers.ts'
import type { Translate } from '#src/i18n/translate.ts'

/**
 * csv: for spreadsheets (texts that look like formulas disarmed); spss-data: the same
 * rows with every text as written, for SPSS, PSPP and R, which the SPSS syntax reads.
 */
export type ExportFormat = 'csv' | 'xlsx' | 'codebook' | 'spss-data' | 'spss'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'codebook', 'spss-data', 'spss']

export interface ExportOptions {
  /** Also responses that stopped before the end (kept when the round closed). */
  includePartial: boolean
  /** SPSS syntax only: the data file it reads (default: the name a CSV download gets). */
  dataFile?: string
  /**
   * Open answers as reviewed for quotes (services/report/quote-reviews.ts), names
   * replaced, instead of as written; an answer not reviewed or not to be used is empty.
   */
  reviewedTexts?: boolean
}

export { META_VARIABLES } from './codebook-file.ts'

export interface ExportContext {
  roundId: number
  roundName: string
  definition: QuestionnaireDefinition
  /** The answer variables, labelled in the requested language. */
  codebook: CodebookVariable[]
  strata: Map<number, string>
  /** Every column of the data set, meta variables first. */
  columns: string[]
  /** The round's choice: paper answers outside routing count, or become code -4. */
  countOutsideRouting: boolean
}

export async function loadExportContext(db: DB, roundId: number, lang = 'nl'): Promise<ExportContext | undefined> {
  const round = await db
    .selectFrom('rounds as r')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .select(['r.id', 'r.name', 'q.definition', 'r.count_outside_routing'])
    .where('r.id', '=', roundId)
    .executeTakeFirst()
  if (!round) return undefined
  const strata = await db
    .selectFrom('strata')
    .select(['id', 'name'])
    .where('round_id', '=', roundId)
    .orderBy('id')
    .execute()
  // A paper form can carry -1/-2/-3 in any numeric variable (more than one ticked, unreadable, invalid).
  const codebook = buildCodebook(round.definition, lang).map((v) => {
    if (v.type !== 'numeric') return v
    const paperLabels = paperValueLabels(lang, findQuestion(round.definition, v.questionId)?.type)
    return {
      ...v,
      valueLabels: [...v.valueLabels, ...paperLabels],
      missingValues: [...v.missingValues, ...paperLabels.map((l) => l.value)],
    }
  })
  return {
    roundId,
    roundName: round.name,
    countOutsideRouting: round.count_outside_routing,
    definition: round.definition,
    codebook,
    strata: new Map(strata.map((s) => [s.id, s.name])),
    columns: [...META_VARIABLES, ...codebook.map((v) => v.name)],
  }
}

/** The responses the weights are made over: screened-out ones are outside the target group. */
function answeringStatuses(options: ExportOptions): ResponseStatus[] {
  return options.includePartial ? ['complete', 'partial'] : ['complete']
}

/**
 * The rows of the data set: also those a screen-out answer ended, marked by their status
 * (`niet_in_doelgroep`), so a researcher can count them or look at their first answers.
 */
function statuses(options: ExportOptions): ResponseStatus[] {
  return [...answeringStatuses(options), 'screened_out']
}

const MODE_VALUE = { online: 'online', paper: 'papier' } as const
const WAVE_VALUE = { before_reminder: 'voor_herinnering', after_reminder: 'na_herinnering' } as const
const STATUS_VALUE = { complete: 'compleet', partial: 'onvolledig', screened_out: 'niet_in_doelgroep' } as const

export async function countExportRows(db: DB, roundId: number, options: ExportOptions): Promise<number> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .where('status', 'in', statuses(options))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Responses a screen-out answer ended (in every export, marked by their status). */
export async function countScreenedOut(db: DB, roundId: number): Promise<number> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .where('status', '=', 'screened_out')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * The round's accepted review texts per response and answer key, and the data set's open
 * answer columns (export name → answer key). Reviews are a few per response at most.
 */
async function reviewedTexts(db: DB, context: ExportContext) {
  const rows = await db
    .selectFrom('quote_reviews')
    .select(['response_id', 'variable', 'reviewed_text'])
    .where('round_id', '=', context.roundId)
    .where('decision', '=', 'accepted')
    .execute()
  const texts = new Map<string, Map<string, string>>()
  for (const row of rows) {
    if (row.reviewed_text === null) continue
    let forResponse = texts.get(row.response_id)
    if (!forResponse) texts.set(row.response_id, (forResponse = new Map()))
    forResponse.set(row.variable, row.reviewed_text)
  }
  const openColumns = openVariables(context.definition).map((v) => [v.exportName, v.variable] as const)
  return { texts, openColumns }
}

/** The data set's rows, values in `context.columns` order, read page by page. */
export async function* exportRows(
  db: DB,
  context: ExportContext,
  options: ExportOptions,
  pageSize = 500,
): AsyncGenerator<ExportValue[]> {
  // Over the rows of this file: with partial responses the weights are made over those too.
  const weights = new Map(
    (await stratumWeights(db, context.roundId, answeringStatuses(options))).map((s) => [
      s.stratumId,
      s.weight === null ? null : Math.round(s.weight * 1e6) / 1e6,
    ]),
  )
  const reviewed = options.reviewedTexts ? await reviewedTexts(db, context) : null
  const reviewedColumns = new Set(reviewed?.openColumns.map(([name]) => name))
  let after: string | undefined
  for (;;) {
    let query = db
      .selectFrom('responses')
      .select(['id', 'stratum_id', 'mode', 'wave', 'language', 'status', 'answers', 'paper_coding'])
      .where('round_id', '=', context.roundId)
      .where('status', 'in', statuses(options))
      .orderBy('id')
      .limit(pageSize)
    if (after !== undefined) query = query.where('id', '>', after)
    const page = await query.execute()
    for (const response of page) {
      const answers = flattenAnswersForExport(context.definition, response.answers)
      if (reviewed) {
        const texts = reviewed.texts.get(response.id)
        for (const [name, variable] of reviewed.openColumns) answers[name] = texts?.get(variable) ?? null
      }
      const paper =
        response.mode === 'paper'
          ? paperCodingOf(context.definition, response.paper_coding, {
              countOutsideRouting: context.countOutsideRouting,
            })
          : null
      yield [
        context.strata.get(response.stratum_id) ?? null,
        MODE_VALUE[response.mode],
        response.wave ? WAVE_VALUE[response.wave] : null,
        response.language,
        STATUS_VALUE[response.status],
        paper ? paper.noCode : null,
        paper && paper.outsideRouting.length > 0 ? paper.outsideRouting.join(' ') : null,
        paper && Object.keys(paper.invalidText).length > 0
          ? Object.entries(paper.invalidText)
              .map(([variable, text]) => `${variable}=${text}`)
              .join(' | ')
          : null,
        paper && paper.inconsistent.length > 0 ? paper.inconsistent.join(' ') : null,
        // Not in the target group: no weight, so a weighted analysis leaves them out by itself.
        response.status === 'screened_out' ? null : (weights.get(response.stratum_id) ?? null),
        ...context.codebook.map((v) =>
          reviewedColumns.has(v.name)
            ? (answers[v.name] ?? null)
            : paper && Object.hasOwn(paper.overrides, v.name)
              ? paper.overrides[v.name]!
              : // A paper code first: an item of a ranking coded -1 would otherwise read as 0, "no rank".
                (paper?.values[v.name] ?? answers[v.name] ?? null),
        ),
      ]
    }
    if (page.length < pageSize) return
    after = page[page.length - 1]!.id
  }
}

/** Who reads the CSV: a spreadsheet (Excel runs formulas) or a statistics program (SPSS, PSPP, R). */
export type CsvReader = 'spreadsheet' | 'statistics'

/**
 * A text as a CSV cell: line breaks become spaces (SPSS and PSPP read one case per line).
 * For a spreadsheet, a text that Excel would run as a formula (=, +, -, @) gets a
 * leading apostrophe; a statistics program gets the text as written.
 */
export function csvText(value: string, reader: CsvReader = 'spreadsheet'): string {
  const oneLine = value.replace(/\r\n|\r|\n/g, ' ')
  return reader === 'spreadsheet' && /^[=+\-@\t]/.test(oneLine) ? `'${oneLine}` : oneLine
}

/** The data set as a CSV stream. */
export function csvStream(
  db: DB,
  context: ExportContext,
  options: ExportOptions,
  reader: CsvReader = 'spreadsheet',
): Readable {
  // Dutch Excel reads "1.5" as a date or a thousand: a spreadsheet gets a decimal comma.
  // For SPSS, PSPP and R the municipality is its number in the round's order (1, 2, …),
  // labelled by the syntax, so that splits follow the round's order, not the alphabet.
  const stratumNumbers = new Map([...context.strata.values()].map((name, i) => [name, i + 1]))
  const stratumCell = (value: ExportValue): ExportValue =>
    reader === 'statistics' && typeof value === 'string' ? (stratumNumbers.get(value) ?? value) : value
  const cell = (value: ExportValue): string | number =>
    value === null
      ? ''
      : typeof value === 'string'
        ? csvText(value, reader)
        : reader === 'spreadsheet' && !Number.isInteger(value)
          ? String(value).replace('.', ',')
          : value
  const source = Readable.from(
    (async function* () {
      for await (const [stratum, ...rest] of exportRows(db, context, options))
        yield [stratumCell(stratum!), ...rest].map(cell)
    })(),
  )
  const out = new PassThrough()
  pipeline(source, stringify({ ...csvOptions(), header: true, columns: context.columns }), out).catch(
    (error: unknown) => {
      out.destroy(error instanceof Error ? error : new Error(String(error)))
    },
  )
  return out
}

/** The data set and its codebook as an Excel workbook (built in memory: XLSX is a zip). */
export async function xlsxBuffer(
  db: DB,
  context: ExportContext,
  options: ExportOptions,
  t: Translate,
): Promise<Buffer> {
  const header: XlsxRow = context.columns.map((name) => ({ value: name, fontWeight: 'bold' as const }))
  const data: XlsxRow[] = [header]
  for await (const row of exportRows(db, context, options)) {
    data.push(
      row.map((value) =>
        value === null ? null : typeof value === 'number' ? { value, type: Number } : { value, type: String },
      ),
    )
  }
  const codebook = codebookRows(context.codebook, t, {
    strata: await stratumWeights(db, context.roundId, answeringStatuses(options)),
    countOutsideRouting: context.countOutsideRouting,
  })
  const codebookSheet: XlsxRow[] = codebook.map((row, i) =>
    row.map((value) => (i === 0 ? { value, fontWeight: 'bold' as const } : value)),
  )
  return writeXlsxFile([
    { data, sheet: t('management.export.sheetData'), stickyRowsCount: 1 },
    { data: codebookSheet, sheet: t('management.export.sheetCodebook'), stickyRowsCount: 1 },
  ]).toBuffer()
}

/** The file name the data is saved under; the SPSS syntax refers to it. */
export function dataFileName(roundId: number, options: ExportOptions, extension: 'csv' | 'xlsx'): string {
  const reviewed = options.reviewedTexts ? '-beoordeelde-teksten' : ''
  return `ronde-${roundId}-antwoorden${options.includePartial ? '-met-onvolledig' : ''}${reviewed}.${extension}`
}

/** The data file for SPSS, PSPP and R, which the SPSS syntax reads by default. */
export function statisticsDataFileName(roundId: number, options: ExportOptions): string {
  return dataFileName(roundId, options, 'csv').replace(/\.csv$/, '-spss.csv')
}

/** Every export is in the audit log: who took which data set of which round. */
export async function auditExport(
  db: DB,
  actor: AuditActor,
  context: ExportContext,
  format: ExportFormat,
  options: ExportOptions,
  rows: number | null,
) {
  const details = { format, includePartial: options.includePartial, rows }
  await audit(
    db,
    actor,
    'export.download',
    options.reviewedTexts ? { ...details, reviewedTexts: true } : details,
    context.roundId,
  )
}
