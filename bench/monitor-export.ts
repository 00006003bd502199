/**
 * The response monitor and the CSV export on a big round, on a throw-away PostgreSQL
 * server: 100,000 participants and 20,000 complete responses (big-round.ts).
 *
 * - Monitor: the data of /beheer/rondes/<id>/monitor (loadMonitor, what the route calls)
 *   and a real HTTP GET of the page from the production server, signed in as a
 *   researcher; median and p95 of 20 runs, taken in turns with the baseline. Target:
 *   p95 under 100 ms. Baseline: a bare `select stratum_id, count(*) … group by stratum_id`
 *   on the same responses.
 * - CSV export: the CLI's export of every complete response, streamed to a byte counter
 *   in a child process (csv-export-child.ts). Targets: under 10 s, and flat memory: the
 *   peak RSS for 20,000 responses within 1.25× that for a round a tenth the size. The
 *   growth during the export is shown too: garbage the collector has not yet reclaimed,
 *   about as much as the bare read's.
 *   Baseline: the same rows' stored answers read with bare pg in keyset pages.
 *
 * Run alone: `node bench/monitor-export.ts` (`--quick`: 10,000 participants, 2,000 responses).
 */
import { mkdtempSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import { connectPostgres } from '#src/server/db/connect.ts'
import { migrateToLatest } from '#src/server/db/migrate.ts'
import { loadMonitor } from '#src/server/services/reporting/monitor.ts'
import { hashPassword } from '#src/server/services/staff/passwords.ts'
import { HttpRespondent, startServerProcess } from '#test/helpers/server-process.ts'
import { createServerDatabase, startPostgresServer } from '#test/setup/postgres-process.ts'
import { seedBigRound } from './big-round.ts'
import type { ExportRun } from './csv-export-child.ts'
import type { Figure } from './figures.ts'
import { median, percentile, round2, runJsonChild, timeInTurns } from './stats.ts'

const MONITOR_TARGET_MS = 100
const EXPORT_TARGET_SECONDS = 10
const FLAT_MEMORY_FACTOR = 1.25
const PASSWORD = 'bench researcher password'

export interface MonitorExportOptions {
  participants?: number
  responses?: number
  runs?: number
  log?: (line: string) => void
}

const thousands = (n: number) => n.toLocaleString('en-GB')

function runExportChild(kind: 'peiling' | 'baseline', databaseUrl: string, roundId: number): Promise<ExportRun> {
  const script = fileURLToPath(new URL('./csv-export-child.ts', import.meta.url))
  return runJsonChild<ExportRun>(script, [kind, databaseUrl, String(roundId)], `${kind} export of round ${roundId}`)
}

async function createResearcher(db: DB): Promise<string> {
  const username = 'bench-researcher'
  await db
    .insertInto('staff_users')
    .values({
      username,
      display_name: 'Bench researcher',
      password_hash: await hashPassword(PASSWORD),
      role: 'researcher',
    })
    .execute()
  return username
}

/** The production server on this database, and a researcher signed in to it over HTTP. */
async function signedInServer(
  databaseUrl: string,
  username: string,
): Promise<{ browser: HttpRespondent; stop(): Promise<unknown> }> {
  const app = await startServerProcess({
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'peiling-bench-')),
    NODE_ENV: 'production',
  })
  const browser = new HttpRespondent(app.baseUrl)
  await browser.visit('/beheer/inloggen')
  const signIn = await browser.post('/beheer/inloggen', { username, password: PASSWORD })
  if (signIn.status !== 303) {
    await app.kill('SIGKILL')
    throw new Error(`researcher sign-in failed: ${signIn.status}`)
  }
  return { browser, stop: () => app.kill('SIGKILL') }
}

const ms = (times: number[]) => `${round2(median(times))} / ${round2(percentile(times, 95))}`

export async function benchMonitorExport(options: MonitorExportOptions = {}): Promise<Figure[]> {
  const participants = options.participants ?? 100_000
  const responses = options.responses ?? 20_000
  const runs = options.runs ?? 20
  const log = options.log ?? ((line: string) => console.error(line))
  // Durable, as in production: with asynchronous commit, VACUUM right after the load
  // cannot mark the new rows all-visible, and no count could come from an index alone.
  const server = await startPostgresServer({ durable: true })
  try {
    const { url: databaseUrl } = await createServerDatabase(server.url)
    const handle = connectPostgres(databaseUrl)
    const figures: Figure[] = []
    try {
      const db = handle.db
      await migrateToLatest(db)
      log(
        `seeding ${thousands(participants)} participants and ${thousands(responses)} responses, and a round a tenth that size…`,
      )
      // Other work on the machine slows every timing; this says how busy it was.
      const load = round2(loadavg()[0] ?? 0)
      const seedStarted = performance.now()
      const big = await seedBigRound(db, { participants, responses, name: 'Benchmark: grote ronde' })
      const small = await seedBigRound(db, {
        participants: participants / 10,
        responses: responses / 10,
        name: 'Benchmark: kleine ronde',
      })
      const seedSeconds = (performance.now() - seedStarted) / 1000
      const username = await createResearcher(db)

      const subject = `monitor, ${thousands(big.participants)} participants / ${thousands(big.completeResponses)} responses`
      log(`${subject}: ${runs} runs each of the baseline, loadMonitor and the page…`)
      const countPerStratum = () =>
        sql`select stratum_id, count(*) from responses where round_id = ${big.roundId} group by stratum_id`.execute(db)
      const server = await signedInServer(databaseUrl, username)
      const getPage = async () => {
        const response = await server.browser.get(`/beheer/rondes/${big.roundId}/monitor`)
        const html = await response.text()
        if (response.status !== 200 || !html.includes('data-stratum="Hengelo"'))
          throw new Error(`monitor page: ${response.status}`)
      }
      const [baselineTimes, serviceTimes, pageTimes] = await timeInTurns(
        runs,
        [countPerStratum, () => loadMonitor(db, big.roundId), getPage],
        3,
      ).finally(() => server.stop())
      // Before the sample is recorded the number written to is counted from the participants.
      await db.deleteFrom('samples').where('round_id', '=', big.roundId).execute()
      const [, unsampledTimes] = await timeInTurns(runs, [countPerStratum, () => loadMonitor(db, big.roundId)], 3)
      const base = median(baselineTimes)
      const ratio = (times: number[]) => `${(median(times) / base).toFixed(1)}×`
      const under = (times: number[]) => percentile(times, 95) < MONITOR_TARGET_MS
      figures.push(
        { subject, measure: 'machine load average (1 min) at the start', value: load },
        { subject, measure: 'set-up (bulk insert of both rounds)', value: round2(seedSeconds), unit: 's' },
        { subject, measure: 'baseline: count(*) group by stratum, median / p95', value: ms(baselineTimes), unit: 'ms' },
        {
          subject,
          measure: "loadMonitor (the route's data), median / p95",
          value: ms(serviceTimes),
          unit: 'ms',
          target: `p95 < ${MONITOR_TARGET_MS} ms`,
          met: under(serviceTimes),
        },
        { subject, measure: 'loadMonitor vs baseline (medians)', value: ratio(serviceTimes) },
        {
          subject,
          measure: 'GET monitor page over HTTP, median / p95',
          value: ms(pageTimes),
          unit: 'ms',
          target: `p95 < ${MONITOR_TARGET_MS} ms`,
          met: under(pageTimes),
        },
        { subject, measure: 'page vs baseline (medians)', value: ratio(pageTimes) },
        {
          subject,
          measure: 'loadMonitor before a sample is recorded, median / p95',
          value: ms(unsampledTimes),
          unit: 'ms',
          target: `p95 < ${MONITOR_TARGET_MS} ms`,
          met: under(unsampledTimes),
        },
      )

      const exportSubject = `CSV export, ${thousands(big.completeResponses)} responses`
      log(`${exportSubject}: baseline, then Peiling, then the small round, each in a child process…`)
      const baseline = await runExportChild('baseline', databaseUrl, big.roundId)
      const ours = await runExportChild('peiling', databaseUrl, big.roundId)
      const smaller = await runExportChild('peiling', databaseUrl, small.roundId)
      if (
        ours.rows !== big.completeResponses ||
        smaller.rows !== small.completeResponses ||
        baseline.rows !== big.completeResponses
      ) {
        throw new Error(`export rows: ${ours.rows}, ${smaller.rows}, baseline ${baseline.rows}`)
      }
      figures.push(
        {
          subject: exportSubject,
          measure: 'baseline: answers read by keyset pages (bare pg)',
          value: round2(baseline.seconds),
          unit: 's',
        },
        {
          subject: exportSubject,
          measure: 'baseline peak RSS (growth during the read)',
          value: `${baseline.peakMb} (+${baseline.peakMb - baseline.startMb})`,
          unit: 'MB',
        },
        {
          subject: exportSubject,
          measure: 'Peiling CSV (CLI export path)',
          value: round2(ours.seconds),
          unit: 's',
          target: `< ${EXPORT_TARGET_SECONDS} s`,
          met: ours.seconds < EXPORT_TARGET_SECONDS,
        },
        { subject: exportSubject, measure: 'CSV size', value: round2(ours.bytes / 1024 / 1024), unit: 'MB' },
        {
          subject: exportSubject,
          measure: 'Peiling vs baseline (time)',
          value: `${(ours.seconds / baseline.seconds).toFixed(1)}×`,
        },
        {
          subject: exportSubject,
          measure: `peak RSS, ${thousands(ours.rows)} vs ${thousands(smaller.rows)} responses`,
          value: `${ours.peakMb} / ${smaller.peakMb}`,
          unit: 'MB',
          target: `flat: ≤ ${FLAT_MEMORY_FACTOR}×`,
          met: ours.peakMb <= smaller.peakMb * FLAT_MEMORY_FACTOR,
        },
        {
          subject: exportSubject,
          measure: `growth during the export, ${thousands(ours.rows)} vs ${thousands(smaller.rows)}`,
          value: `+${ours.peakMb - ours.startMb} / +${smaller.peakMb - smaller.startMb}`,
          unit: 'MB',
        },
        {
          subject: exportSubject,
          measure: 'peak RSS vs baseline',
          value: `${(ours.peakMb / baseline.peakMb).toFixed(2)}×`,
        },
      )
      return figures
    } finally {
      await handle.close()
    }
  } finally {
    server.stop()
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { printTable } = await import('./figures.ts')
  const quick = process.argv.includes('--quick')
  printTable(await benchMonitorExport(quick ? { participants: 10_000, responses: 2_000 } : {}))
}
