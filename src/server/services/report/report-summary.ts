/**
 * The report's summary for the results page, made once and kept while nothing it rests
 * on changes: building it reads every response of the round and of the rounds it is
 * compared with (5–8 s for 20,000 responses and three earlier rounds on the embedded
 * database), and the results page is opened far more often than responses are added
 * (they arrive in batches, release-responses.ts).
 *
 * What it rests on: the complete responses of each round involved, the kept choice of
 * comparisons, the round's settings for results (smallest group, paper answers outside
 * the routing), the reference figures and the population margins. A cheap query over
 * those decides whether the kept summary still holds. The response table changes with
 * every letter sent, so it is always read afresh.
 */
import { sql } from 'kysely'
import type { Report } from '#src/report/model.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { ReportChoices } from '#src/server/db/schema.ts'
import { currentResponse, DEFAULT_REPORT_CHOICES, loadReportChoices, makeReport } from './round-report.ts'

const kept = new Map<number, { basis: string; report: Report | undefined }>()

/** Summaries of this many rounds are kept; the oldest goes first. */
const KEPT_ROUNDS = 20

async function basisOf(db: DB, roundId: number, choices: ReportChoices | null): Promise<string> {
  const rounds = [roundId, ...(choices?.trendRoundIds ?? []), ...(choices?.referenceRoundIds ?? [])]
  const counts = await sql<{ round_id: number; n: string }>`
    select round_id, count(*) as n from responses
    where round_id in (${sql.join(rounds)}) and status = 'complete'
    group by round_id order by round_id`.execute(db)
  const others = await sql<{ settings: string; figures: string; margins: string; rounds: string }>`
    select (select min_group_size || ',' || count_outside_routing from rounds where id = ${roundId}) as settings,
      (select count(*) from reference_figures) as figures,
      (select coalesce(sum(clients), 0) from population_margins where round_id in (${sql.join(rounds)})) as margins,
      (select count(*) from rounds where status != 'draft') as rounds`.execute(db)
  return JSON.stringify([choices, counts.rows, others.rows[0], new Date().toISOString().slice(0, 10)])
}

/** The summary (a report without appendices) as the report page's choices make it. */
export async function reportSummary(db: DB, roundId: number): Promise<Report | undefined> {
  const choices = await loadReportChoices(db, roundId)
  const basis = await basisOf(db, roundId, choices)
  const hit = kept.get(roundId)
  if (hit?.basis === basis) return hit.report && { ...hit.report, ...(await currentResponse(db, roundId)) }
  const report = await makeReport(db, {
    roundId,
    municipality: null,
    ...(choices ?? DEFAULT_REPORT_CHOICES),
    summaryOnly: true,
  })
  kept.delete(roundId)
  kept.set(roundId, { basis, report })
  if (kept.size > KEPT_ROUNDS) kept.delete(kept.keys().next().value!)
  return report
}
