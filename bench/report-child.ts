/**
 * One report in a process of its own, so that its peak memory is the report's alone:
 *
 *   node bench/report-child.ts report|baseline DATA_DIR ROUND_ID [TREND_ID,TREND_ID,…]
 *
 * - report: `makeReport` of the whole round, weighted, with the appendices per
 *   municipality and the trend rounds (what the report page and `peiling report` call),
 *   then `renderReportDocx` of it;
 * - baseline: the same rounds' complete responses read with bare queries in pages of the
 *   same size as the report's reader, the answers parsed and nothing more: the floor any
 *   report of these rounds stands on.
 *
 * On the embedded database (PGlite in DATA_DIR/pglite), as `npm start` keeps it. Prints one
 * JSON line (ReportRun): times, the resident memory when the work starts (code loaded,
 * database open), its peak during makeReport and during the Word file, and the peak of
 * the JavaScript heap, sampled every 10 ms. The first makeReport reads the responses from
 * disk into PGlite's buffers, as a command does; a second one shows a warm app's time.
 */
import path from 'node:path'
import { getHeapStatistics } from 'node:v8'
import { sql } from 'kysely'
import { renderReportDocx } from '#src/report/render-docx.ts'
import type { DB } from '#src/server/db/connect.ts'
import { connectPGlite } from '#src/server/db/connect.ts'
import { loadRoundData } from '#src/server/services/report/load-round-data.ts'
import { makeReport } from '#src/server/services/report/round-report.ts'
import { peakRssMb, resetPeakRss, rssMb } from './stats.ts'

const PAGE = 2000

export interface ReportRun {
  /** Complete responses read, over the round and its trend rounds. */
  responses: number
  /** Report: variables × responses held in the rounds' answer columns; baseline: closed answers read. */
  answers: number
  seconds: number
  startMb: number
  peakMb: number
  heapStartMb: number
  heapPeakMb: number
  /** makeReport again in the same process: the database's pages now in its buffers, the code compiled. */
  warmSeconds?: number
  docxSeconds?: number
  docxPeakMb?: number
  docxBytes?: number
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

/** The heap's high-water mark, sampled: the report's statistics run between its queries. */
function heapSampler() {
  let peak = getHeapStatistics().used_heap_size
  const timer = setInterval(() => {
    peak = Math.max(peak, getHeapStatistics().used_heap_size)
  }, 10)
  return {
    stop(): number {
      clearInterval(timer)
      return mb(Math.max(peak, getHeapStatistics().used_heap_size))
    },
  }
}

async function baseline(db: DB, roundIds: number[]): Promise<{ responses: number; answers: number }> {
  let responses = 0
  let answers = 0
  for (const roundId of roundIds) {
    let after: string | null = null
    for (;;) {
      const rows: Array<{ id: string; answers: Record<string, unknown> }> = await db
        .selectFrom('responses')
        .select(['id', 'answers'])
        .where('round_id', '=', roundId)
        .where('status', '=', 'complete')
        .$if(after !== null, (q) => q.where('id', '>', after!))
        .orderBy('id')
        .limit(PAGE)
        .execute()
      for (const row of rows) {
        for (const value of Object.values(row.answers)) if (typeof value === 'number' || Array.isArray(value)) answers++
      }
      responses += rows.length
      if (rows.length < PAGE) break
      after = rows.at(-1)!.id
    }
  }
  return { responses, answers }
}

/**
 * What the report holds in memory per round: one entry per closed variable and response
 * (loadRoundData's columns, holes filled). Counted after the clock stopped.
 */
async function keptAnswers(db: DB, roundIds: number[]): Promise<{ responses: number; answers: number }> {
  let responses = 0
  let answers = 0
  for (const id of roundIds) {
    const data = (await loadRoundData(db, id))!
    responses += data.stratumOf.length
    answers += data.answers.size * data.stratumOf.length
  }
  return { responses, answers }
}

const [kind, dataDir, roundArg, trendArg] = process.argv.slice(2)
if ((kind !== 'report' && kind !== 'baseline') || !dataDir || !roundArg)
  throw new Error('usage: report-child.ts report|baseline DATA_DIR ROUND_ID [TREND_ID,…]')
const roundId = Number(roundArg)
const trendRoundIds = trendArg ? trendArg.split(',').map(Number) : []

const handle = await connectPGlite(path.join(dataDir, 'pglite'))
try {
  // The database open and warm, as in a running app: the work measured is the report's.
  await sql`select count(*) from responses`.execute(handle.db)
  resetPeakRss()
  const startMb = rssMb()
  const heapStartMb = mb(getHeapStatistics().used_heap_size)
  const heap = heapSampler()
  const started = performance.now()
  let run: ReportRun
  if (kind === 'baseline') {
    const read = await baseline(handle.db, [roundId, ...trendRoundIds])
    const seconds = (performance.now() - started) / 1000
    run = { ...read, seconds, startMb, peakMb: peakRssMb(), heapStartMb, heapPeakMb: heap.stop() }
  } else {
    const options = {
      roundId,
      municipality: null,
      trendRoundIds,
      referenceRoundIds: [],
      referenceSetId: null,
      weigh: true,
    }
    const report = await makeReport(handle.db, options)
    if (!report) throw new Error(`no round ${roundId}`)
    const seconds = (performance.now() - started) / 1000
    const peakMb = peakRssMb()
    const heapPeakMb = heap.stop()
    const kept = await keptAnswers(handle.db, [roundId, ...trendRoundIds])
    resetPeakRss()
    const docxStarted = performance.now()
    const file = await renderReportDocx(report)
    const docxSeconds = (performance.now() - docxStarted) / 1000
    const docxPeakMb = peakRssMb()
    const warmStarted = performance.now()
    await makeReport(handle.db, options)
    const warmSeconds = (performance.now() - warmStarted) / 1000
    run = {
      ...kept,
      seconds,
      startMb,
      peakMb,
      heapStartMb,
      heapPeakMb,
      warmSeconds,
      docxSeconds,
      docxPeakMb,
      docxBytes: file.length,
    }
  }
  process.stdout.write(`${JSON.stringify(run)}\n`)
} finally {
  await handle.close()
}
