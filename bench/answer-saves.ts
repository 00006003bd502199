/**
 * Respondent answer saves per second and p99 latency at 50 and 200 concurrent
 * respondents, against a baseline of bare Fastify + pg doing one insert per request,
 * in the same run, on a throw-away PostgreSQL 15 server on this machine.
 *
 * Every virtual respondent is a real participant with a session of its own: N
 * participants sign in first, then each autocannon connection posts the first page
 * (POST /vragenlijst/deel/algemeen) again and again with its own cookie and CSRF token.
 * Baseline and app take three turns per level; the ratios are medians over those pairs.
 * Targets (issue 6): at least 50% of the baseline's throughput, p99 within 2× the baseline's.
 *
 * Alone: `node bench/answer-saves.ts [--quick]`; with BENCH_CPU_PROFILE=<dir> the app
 * writes a CPU profile there (.cpuprofile, for Chrome DevTools).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import type { Result } from 'autocannon'
import { connectPostgres } from '#src/server/db/connect.ts'
import { migrateToLatest } from '#src/server/db/migrate.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { HttpRespondent, startServerProcess } from '#test/helpers/server-process.ts'
import { createServerDatabase, startPostgresServer } from '#test/setup/postgres-process.ts'
import type { Figure } from './figures.ts'
import { median } from './stats.ts'
import { onFreePort } from '#test/setup/free-port.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const SECTION = '/vragenlijst/deel/algemeen'

interface Respondent {
  headers: Record<string, string>
  body: string
}

interface Load {
  requestsPerSecond: number
  p99: number
  p50: number
  total: number
}

async function load(url: string, connections: number, seconds: number, respondents: Respondent[]): Promise<Load> {
  let next = 0
  const result: Result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    setupClient: (client) => {
      const r = respondents[next++ % respondents.length]!
      client.setHeadersAndBody(r.headers, r.body)
    },
  })
  const codes = Object.keys(result.statusCodeStats ?? {})
  if (result.errors > 0 || codes.some((c) => c !== '303')) {
    throw new Error(`${url}: ${result.errors} errors, status codes ${JSON.stringify(result.statusCodeStats)}`)
  }
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    total: result.requests.total,
  }
}

/** Baseline and app take this many turns per concurrency level: odd, so each median is one of the turns. */
const PAIRS = 3

function medianOf(loads: Load[]): Load {
  return {
    requestsPerSecond: median(loads.map((l) => l.requestsPerSecond)),
    p99: median(loads.map((l) => l.p99)),
    p50: median(loads.map((l) => l.p50)),
    total: loads.reduce((sum, l) => sum + l.total, 0),
  }
}

function startBaseline(databaseUrl: string): Promise<{ url: string; stop(): void }> {
  return onFreePort((port) => startBaselineOn(port, databaseUrl))
}

function startBaselineOn(port: number, databaseUrl: string): Promise<{ url: string; stop(): void }> {
  const profileDir = process.env.BENCH_CPU_PROFILE
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
  const child = spawn(process.execPath, [...profile, 'bench/baseline-server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Kept for the error, so that a port taken after all can be told apart (and tried again).
  let errors = ''
  child.stderr!.on('data', (d: Buffer) => {
    errors += d.toString()
    process.stderr.write(d)
  })
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('baseline listening'))
        resolve({ url: `http://127.0.0.1:${port}/save`, stop: () => child.kill(profileDir ? 'SIGINT' : 'SIGKILL') })
    })
    child.on('exit', (code) => reject(new Error(`baseline server stopped (${code}):\n${errors}`)))
  })
}

export async function benchAnswerSaves(
  options: { levels?: number[]; seconds?: number; log?: (line: string) => void } = {},
): Promise<Figure[]> {
  const levels = options.levels ?? [50, 200]
  const seconds = options.seconds ?? 6
  const log = options.log ?? ((line: string) => console.error(line))
  const server = await startPostgresServer({ maxConnections: 300 })
  const stops: Array<() => unknown> = []
  try {
    const appDb = (await createServerDatabase(server.url)).url
    const baselineDb = (await createServerDatabase(server.url)).url

    const count = Math.max(...levels)
    const handle = connectPostgres(appDb)
    await migrateToLatest(handle.db)
    const round = await createRound(handle.db, { participantsPerStratum: Math.ceil(count / 3) })
    await handle.close()

    log('starting the app and the baseline…')
    // As in production (Dockerfile): NODE_ENV=production, warnings only in the log.
    // BENCH_CPU_PROFILE=dir writes a CPU profile of the app (stopped gently so it is written).
    const profileDir = process.env.BENCH_CPU_PROFILE
    const app = await startServerProcess(
      { DATABASE_URL: appDb, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'peiling-bench-')), NODE_ENV: 'production' },
      { nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] },
    )
    stops.push(() => app.kill(profileDir ? 'SIGTERM' : 'SIGKILL'))
    const baseline = await startBaseline(baselineDb)
    stops.push(baseline.stop)

    log(`signing in ${count} respondents…`)
    const respondents: Respondent[] = []
    const baselineRespondents: Respondent[] = []
    for (const [i, p] of round.participants.slice(0, count).entries()) {
      const phone = new HttpRespondent(app.baseUrl)
      await phone.visit(`/c/${p.code}`)
      const form = `_csrf=${encodeURIComponent(phone.csrfToken())}&rapportcijfer_dienstverlening=${(i % 10) + 1}&action=next`
      const headers = { cookie: phone.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' }
      respondents.push({ headers, body: form })
      baselineRespondents.push({ headers, body: `participant=${p.id}&${form}` })
    }

    const figures: Figure[] = []
    for (const level of levels) {
      log(`${level} concurrent respondents: warming up, then ${PAIRS} × (${seconds} s baseline, ${seconds} s app)…`)
      await load(baseline.url, level, 2, baselineRespondents)
      await load(app.baseUrl + SECTION, level, 2, respondents)
      // The machine's speed drifts (a shared VM): baseline and app take turns, and each
      // ratio compares a pair measured one right after the other.
      const pairs: Array<{ base: Load; ours: Load }> = []
      for (let i = 0; i < PAIRS; i++) {
        const base = await load(baseline.url, level, seconds, baselineRespondents)
        const ours = await load(app.baseUrl + SECTION, level, seconds, respondents)
        pairs.push({ base, ours })
      }
      const base = medianOf(pairs.map((p) => p.base))
      const ours = medianOf(pairs.map((p) => p.ours))
      const subject = `answer saves, ${level} respondents`
      const throughputRatio = median(pairs.map((p) => p.ours.requestsPerSecond / p.base.requestsPerSecond))
      const latencyRatio = median(pairs.map((p) => p.ours.p99 / p.base.p99))
      figures.push(
        {
          subject,
          measure: `baseline (Fastify + pg, 1 insert), median of ${PAIRS}`,
          value: Math.round(base.requestsPerSecond),
          unit: 'req/s',
        },
        { subject, measure: 'baseline p99 latency', value: base.p99, unit: 'ms' },
        { subject, measure: `Peiling, median of ${PAIRS}`, value: Math.round(ours.requestsPerSecond), unit: 'req/s' },
        { subject, measure: 'Peiling p50 / p99 latency', value: `${ours.p50} / ${ours.p99}`, unit: 'ms' },
        {
          subject,
          measure: 'throughput vs baseline (median of pairs)',
          value: `${Math.round(throughputRatio * 100)}%`,
          target: '≥ 50%',
          met: throughputRatio >= 0.5,
        },
        {
          subject,
          measure: 'p99 vs baseline (median of pairs)',
          value: `${latencyRatio.toFixed(2)}×`,
          target: '≤ 2×',
          met: latencyRatio <= 2,
        },
      )
    }
    return figures
  } finally {
    for (const stop of stops.reverse()) await stop()
    server.stop()
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { printTable } = await import('./figures.ts')
  const levels = process.argv.includes('--quick') ? [50] : undefined
  printTable(await benchAnswerSaves({ ...(levels ? { levels, seconds: 4 } : {}) }))
}
