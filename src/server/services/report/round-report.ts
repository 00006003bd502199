/**
 * The report of a round (src/report/build-report.ts) with everything it needs from the
 * database: the round's responses, the earlier rounds picked for trends, the rounds
 * pooled as reference group, reference figures, the response table and the reviewed
 * quotes. Used by the report page, its DOCX download and `peiling report`.
 */
import type { Report, ResponseRow } from '#src/report/model.ts'
import { buildReport } from '#src/report/build-report.ts'
import type { RoundData } from '#src/report/round-data.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { ReportChoices } from '#src/server/db/schema.ts'
import { loadReliability } from '#src/server/services/reporting/reliability.ts'
import { loadRoundData, roundLabel } from './load-round-data.ts'
import { loadPrintableQuotes } from './quotes.ts'
import { listReferenceSets, loadReferenceFigures } from './reference-figures.ts'

export interface ReportOptions {
  roundId: number
  /** A municipality's code, or null for the whole round. */
  municipality: string | null
  /** Earlier rounds for the trend columns; undefined: the default (rounds of the same questionnaire). */
  trendRoundIds?: readonly number[]
  referenceRoundIds: readonly number[]
  /** A set of imported reference figures, for the questions the pooled rounds lack (or instead of them). */
  referenceSetId: number | null
  /** Weigh the total over municipalities (and to age × sex where known). */
  weigh: boolean
  /** Leave out the appendices per municipality: for the summary on the results page. */
  summaryOnly?: boolean
}

/** A round the researcher can pick as trend column or reference group. */
export interface OtherRound {
  id: number
  name: string
  opensOn: string
  questionnaireKey: string
  /** Opened before this round: a candidate trend column. */
  earlier: boolean
}

/** How many earlier rounds the trend columns show by default (the seeds show up to five). */
const DEFAULT_TREND_ROUNDS = 4

export async function otherRounds(db: DB, roundId: number): Promise<{ rounds: OtherRound[]; defaultTrend: number[] }> {
  const current = await db
    .selectFrom('rounds as r')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .select(['r.opens_on', 'q.key'])
    .where('r.id', '=', roundId)
    .executeTakeFirstOrThrow()
  const rows = await db
    .selectFrom('rounds as r')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .select(['r.id', 'r.name', 'r.opens_on', 'q.key'])
    .where('r.id', '!=', roundId)
    .where('r.status', '!=', 'draft')
    .orderBy('r.opens_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute()
  const rounds = rows.map((r) => ({
    id: r.id,
    name: r.name,
    opensOn: r.opens_on,
    questionnaireKey: r.key,
    earlier: r.opens_on < current.opens_on,
  }))
  return {
    rounds,
    defaultTrend: rounds
      .filter((r) => r.earlier && r.questionnaireKey === current.key)
      .slice(0, DEFAULT_TREND_ROUNDS)
      .map((r) => r.id),
  }
}

/** Without a kept choice: the default trend rounds, no reference group, weighted. */
export const DEFAULT_REPORT_CHOICES: Omit<ReportChoices, 'trendRoundIds'> = {
  referenceRoundIds: [],
  referenceSetId: null,
  weigh: true,
}

/** What the researcher last chose to compare with; null: the defaults. */
export async function loadReportChoices(db: DB, roundId: number): Promise<ReportChoices | null> {
  const row = await db.selectFrom('rounds').select('report_choices').where('id', '=', roundId).executeTakeFirst()
  return row?.report_choices ?? null
}

/** Keeps the choice for the report and the results page's summary; ids of rounds that are not there are dropped. */
export async function saveReportChoices(db: DB, roundId: number, choices: ReportChoices): Promise<ReportChoices> {
  const { rounds } = await otherRounds(db, roundId)
  const sets = await listReferenceSets(db)
  const kept: ReportChoices = {
    trendRoundIds: choices.trendRoundIds.filter((id) => rounds.some((r) => r.id === id && r.earlier)),
    referenceRoundIds: choices.referenceRoundIds.filter((id) => rounds.some((r) => r.id === id)),
    referenceSetId: sets.some((s) => s.id === choices.referenceSetId) ? choices.referenceSetId : null,
    weigh: choices.weigh,
  }
  await db
    .updateTable('rounds')
    .set({ report_choices: JSON.stringify(kept) })
    .where('id', '=', roundId)
    .execute()
  return kept
}

/** The response table and its thresholds as they are now: they change with every letter sent, not only with responses. */
export async function currentResponse(db: DB, roundId: number): Promise<Pick<Report, 'response' | 'thresholds'>> {
  const reliability = await loadReliability(db, roundId)
  return {
    response: responseRows(reliability),
    thresholds: reliability?.thresholds ?? { veryReliable: 0.95, reliable: 0.9 },
  }
}

function responseRows(reliability: Awaited<ReturnType<typeof loadReliability>>): ResponseRow[] {
  const verdicts = { 'zeer-betrouwbaar': 'veryReliable', betrouwbaar: 'reliable', indicatief: 'indicative' } as const
  return (reliability?.rows ?? []).map((row) => ({
    municipality: row.name,
    writtenTo: row.writtenTo,
    paper: row.paper,
    online: row.online,
    completed: row.completed,
    responseRate: row.responseRate,
    confidence: row.level,
    verdict: row.verdict ? verdicts[row.verdict] : null,
  }))
}

export async function makeReport(
  db: DB,
  options: ReportOptions,
  madeOn = new Date().toISOString().slice(0, 10),
): Promise<Report | undefined> {
  const current = await loadRoundData(db, options.roundId)
  if (!current) return undefined
  const { rounds, defaultTrend } = await otherRounds(db, options.roundId)
  const trendIds = (options.trendRoundIds ?? defaultTrend).filter((id) => rounds.some((r) => r.id === id && r.earlier))
  const labelled = [
    ...rounds.filter((r) => trendIds.includes(r.id)),
    { id: current.id, name: current.name, opensOn: '' },
  ]
  const load = async (id: number): Promise<RoundData> => {
    const round = rounds.find((r) => r.id === id)!
    const others = labelled.map((r) => ({ opens_on: r.opensOn || current.label }))
    return (await loadRoundData(db, id, roundLabel({ name: round.name, opens_on: round.opensOn }, others)))!
  }
  // Most recent first, as the seeds' columns run (2022 | 2018 | 2015).
  const trendRounds: RoundData[] = []
  for (const id of trendIds) trendRounds.push(await load(id))
  const referenceRounds: RoundData[] = []
  for (const id of options.referenceRoundIds.filter((id) => rounds.some((r) => r.id === id)))
    referenceRounds.push(await load(id))
  const set =
    options.referenceSetId === null
      ? undefined
      : (await listReferenceSets(db)).find((s) => s.id === options.referenceSetId)
  const reliability = await loadReliability(db, options.roundId)
  const stratum = current.strata.find((s) => s.code === options.municipality)
  return buildReport({
    current,
    municipality: options.municipality,
    trendRounds,
    referenceRounds,
    referenceFigures: set
      ? { label: `${set.name} (${set.source}, ${set.year})`, figures: await loadReferenceFigures(db, set.id) }
      : null,
    response: responseRows(reliability),
    thresholds: reliability?.thresholds ?? { veryReliable: 0.95, reliable: 0.9 },
    quotes: await loadPrintableQuotes(db, options.roundId, stratum?.id ?? null),
    weigh: options.weigh,
    appendices: !options.summaryOnly,
    madeOn,
  })
}
