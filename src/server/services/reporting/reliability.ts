/**
 * The response table that opens every municipal report (REPORTS.md, "Response and
 * reliability"): per municipality and in total, written to, paper, online, total,
 * response rate, confidence level, and the verdict the round's thresholds give it.
 */
import type { DB } from '#src/server/db/connect.ts'
import type { ReliabilityThresholds, ReliabilityVerdict } from './confidence.ts'
import { reliabilityVerdict } from './confidence.ts'
import type { Figures } from './monitor.ts'
import { loadMonitor } from './monitor.ts'

export interface ReliabilityRow {
  /** The municipality, or null for the total. */
  name: string | null
  writtenTo: number
  paper: number
  online: number
  completed: number
  responseRate: number | null
  level: number | null
  verdict: ReliabilityVerdict | null
}

export interface Reliability {
  thresholds: ReliabilityThresholds
  rows: ReliabilityRow[]
}

export async function loadReliability(db: DB, roundId: number): Promise<Reliability | undefined> {
  const [monitor, round] = await Promise.all([
    loadMonitor(db, roundId),
    db
      .selectFrom('rounds')
      .select(['very_reliable_percent', 'reliable_percent'])
      .where('id', '=', roundId)
      .executeTakeFirst(),
  ])
  if (!monitor || !round) return undefined
  const thresholds = { veryReliable: round.very_reliable_percent / 100, reliable: round.reliable_percent / 100 }
  const row = (name: string | null, f: Figures): ReliabilityRow => ({
    name,
    writtenTo: f.invited,
    paper: f.completedPaper,
    online: f.completedOnline,
    completed: f.completed,
    responseRate: f.responseRate,
    level: f.confidence,
    verdict: reliabilityVerdict(f.confidence, thresholds),
  })
  return {
    thresholds,
    rows: [...monitor.strata.map((s) => row(s.name, s)), row(null, monitor.total)],
  }
}
