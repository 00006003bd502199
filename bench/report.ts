/**
 * The report of a big round (issue 15): `makeReport` of a round of 20,000 responses with
 * three earlier rounds of 20,000 each as trend columns, weighted, with the appendices per
 * municipality, and `renderReportDocx` of it; on the embedded database (PGlite in a data
 * folder, as `npm start` keeps it). Rounds from big-round.ts: realistic KTO answers in
 * three municipalities.
 *
 * Targets: under 10 s, and flat memory: the report's growth in resident memory follows
 * the answers it keeps (one column entry per closed variable and response), so the
 * growth for 20,000 responses is at most 1.25× four times that for 5,000 (each without
 * trend rounds; 10,000 is shown too). Each run is a child process of its own
 * (report-child.ts), so its peak is the report's alone.
 * Baseline, in the same run: the same responses read with bare queries and their
 * answers parsed (what any report of these rounds has to do).
 *
 * Run alone: `node bench/report.ts` (`--quick`: rounds a tenth the size).
 */
import { mkdtempSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { connectPGlite } from '#src/server/db/connect.ts'
import { migrateToLatest } from '#src/server/db/migrate.ts'
import { seedBigRound } from './big-round.ts'
import type { Figure } from './figures.ts'
import type { ReportRun } from './report-child.ts'
import { round2, runJsonChild } from './stats.ts'

const TARGET_SECONDS = 10
const LINEAR_MARGIN = 1.25
/** The earlier rounds, most recent first, as the trend columns run. */
const TREND_OPENED = ['2024-09-01', '2022-09-01', '2020-09-01']

export interface ReportBenchOptions {
  /** Responses of the big round and of each trend round. */
  responses?: number
  log?: (line: string) => void
}

const thousands = (n: number) => n.toLocaleString('en-GB')

function runChild(kind: 'report' | 'baseline', dataDir: string, roundId: number, trend: number[]): Promise<ReportRun> {
  const script = fileURLToPath(new URL('./report-child.ts', import.meta.url))
  return runJsonChild<ReportRun>(
    script,
    [kind, dataDir, String(roundId), trend.join(',')],
    `${kind} of round ${roundId}`,
  )
}

export async function benchReport(options: ReportBenchOptions = {}): Promise<Figure[]> {
  const responses = options.responses ?? 20_000
  const log = options.log ?? ((line: string) => console.error(line))
  const dataDir = mkdtempSync(path.join(tmpdir(), 'peiling-bench-report-'))
  const sizes = [responses / 4, responses / 2]
  log(
    `seeding on PGlite: a round of ${thousands(responses)} responses, three earlier ones of ${thousands(responses)}, and rounds of ${sizes.map(thousands).join(' and ')}…`,
  )
  const load = round2(loadavg()[0] ?? 0)
  const seedStarted = performance.now()
  const handle = await connectPGlite(path.join(dataDir, 'pglite'))
  const rounds: Record<'current' | 'trend' | 'smaller', number[]> = { current: [], trend: [], smaller: [] }
  try {
    await migrateToLatest(handle.db)
    for (const [i, opensOn] of TREND_OPENED.entries()) {
      const round = await seedBigRound(handle.db, {
        participants: responses * 3,
        responses,
        name: `Benchmark: ronde ${opensOn.slice(0, 4)} (${i + 1})`,
      })
      await handle.db
        .updateTable('rounds')
        .set({ opens_on: opensOn, status: 'closed' })
        .where('id', '=', round.roundId)
        .execute()
      rounds.trend.push(round.roundId)
    }
    for (const size of sizes) {
      const round = await seedBigRound(handle.db, {
        participants: size * 3,
        responses: size,
        name: 'Benchmark: kleiner',
      })
      rounds.smaller.push(round.roundId)
    }
    rounds.current.push(
      (await seedBigRound(handle.db, { participants: responses * 3, responses, name: 'Benchmark: grote ronde' }))
        .roundId,
    )
  } finally {
    await handle.close()
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000
  const current = rounds.current[0]!

  const subject = `report, ${thousands(responses)} responses + 3 trend rounds of ${thousands(responses)} (PGlite)`
  log(`${subject}: baseline, then the report, each in a child process…`)
  const baseline = await runChild('baseline', dataDir, current, rounds.trend)
  const ours = await runChild('report', dataDir, current, rounds.trend)
  log('the report without trend rounds at three sizes, for memory…')
  const series: Array<{ size: number; run: ReportRun }> = []
  for (const [i, size] of sizes.entries())
    series.push({ size, run: await runChild('report', dataDir, rounds.smaller[i]!, []) })
  series.push({ size: responses, run: await runChild('report', dataDir, current, []) })

  const growth = (run: ReportRun) => run.peakMb - run.startMb
  const heapGrowth = (run: ReportRun) => run.heapPeakMb - run.heapStartMb
  const first = series[0]!
  const last = series.at(-1)!
  const linear = (growth(first.run) * last.size) / first.size
  const memorySubject = 'report memory, no trend rounds'
  return [
    { subject, measure: 'machine load average (1 min) at the start', value: load },
    { subject, measure: 'set-up (bulk insert of the rounds)', value: round2(seedSeconds), unit: 's' },
    { subject, measure: 'baseline: the responses read and parsed', value: round2(baseline.seconds), unit: 's' },
    {
      subject,
      measure: 'makeReport (weighted, appendices, 3 trend columns)',
      value: round2(ours.seconds),
      unit: 's',
      target: `< ${TARGET_SECONDS} s`,
      met: ours.seconds < TARGET_SECONDS,
    },
    { subject, measure: 'makeReport vs baseline (time)', value: `${(ours.seconds / baseline.seconds).toFixed(1)}×` },
    {
      subject,
      measure: 'makeReport again in the same process (pages in the buffers)',
      value: round2(ours.warmSeconds!),
      unit: 's',
    },
    {
      subject,
      measure: 'makeReport peak RSS (growth) / heap peak (growth)',
      value: `${ours.peakMb} (+${growth(ours)}) / ${ours.heapPeakMb} (+${heapGrowth(ours)})`,
      unit: 'MB',
    },
    {
      subject,
      measure: 'baseline peak RSS (growth) / heap peak (growth)',
      value: `${baseline.peakMb} (+${growth(baseline)}) / ${baseline.heapPeakMb} (+${heapGrowth(baseline)})`,
      unit: 'MB',
    },
    {
      subject,
      measure: 'renderReportDocx',
      value: round2(ours.docxSeconds!),
      unit: 's',
    },
    {
      subject,
      measure: 'renderReportDocx peak RSS / file size',
      value: `${ours.docxPeakMb} / ${round2(ours.docxBytes! / 1024 / 1024)}`,
      unit: 'MB',
    },
    {
      subject,
      measure: 'answers kept (variables × responses, 4 rounds)',
      value: ours.answers,
    },
    ...series.map(({ size, run }) => ({
      subject: memorySubject,
      measure: `${thousands(size)} responses: ${round2(run.seconds)} s, peak RSS (growth) / heap peak (growth)`,
      value: `${run.peakMb} (+${growth(run)}) / ${run.heapPeakMb} (+${heapGrowth(run)})`,
      unit: 'MB',
    })),
    {
      subject: memorySubject,
      measure: `growth, ${thousands(last.size)} vs ${thousands(first.size)} responses`,
      value: `+${growth(last.run)} / +${growth(first.run)}`,
      unit: 'MB',
      target: `≤ ${LINEAR_MARGIN}× linear (+${Math.round(linear)})`,
      met: growth(last.run) <= linear * LINEAR_MARGIN,
    },
  ]
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { printTable } = await import('./figures.ts')
  const quick = process.argv.includes('--quick')
  printTable(await benchReport(quick ? { responses: 2_000 } : {}))
}
