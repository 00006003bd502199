/**
 * The report of a round (src/report/build-report.ts) with everything it needs from the
 * database: the round's responses, the earlier rounds picked for trends, the rounds
 * pooled as reference group, reference figures, the response table and the reviewed
 * quotes. Used by the report page, its DOCX download and `peiling report`.
 */
import type { ReportLabels } from '#src/report/labels.ts'
import type { Report, ResponseRow } from '#src/report/model.ts'
import { buildReport } from '#src/report/build-report.ts'
import type { RoundData } from '#src/report/round-data.ts'
import type { DB } from '#src/server/db/connect.ts'
import { loadReliability } from '#src/server/services/reporting/reliability.ts'
import { loadRoundData, roundLabel } from './load-round-data.ts'

export interface ReportOptions {
  roundId: number
  /** A municipality's code, or null for the whole round. */
  municipality: string | null
  /** Earlier rounds for the trend columns; undefined: the default (rounds of the same questionnaire). */
  trendRoundIds?: readonly number[]
  referenceRoundIds: readonly number[]
  /** Weigh the total over municipalities (and to age × sex where known). */
  weigh: boolean
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

export interface ReportTexts {
  labels: ReportLabels
  title: (roundName: string) => string
}

export async function makeReport(
  db: DB,
  options: ReportOptions,
  texts: ReportTexts,
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
  const reliability = await loadReliability(db, options.roundId)
  return buildReport({
    title: texts.title(current.name),
    current,
    municipality: options.municipality,
    trendRounds,
    referenceRounds,
    referenceFigures: null,
    response: responseRows(reliability),
    thresholds: reliability?.thresholds ?? { veryReliable: 0.95, reliable: 0.9 },
    quotes: [],
    weigh: options.weigh,
    labels: texts.labels,
    madeOn,
  })
}
