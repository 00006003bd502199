/**
 * Respondent answer saves per second and p99 latency at 50, 200 and 1,000 concurrent
 * respondents, against a baseline of bare Fastify + pg doing one insert per request,
 * in the same run, on a throw-away PostgreSQL 15 server on this machine; and
 * submissions per second, against the same baseline completing a row and inserting one
 * in a transaction.
 *
 * Every virtual respondent is a real participant with a session of its own: N
 * participants sign in first, then each autocannon connection posts the first page
 * (POST /vragenlijst/deel/algemeen) again and again with its own cookie and CSRF token.
 * Baseline and app take three turns per level; the ratios are medians over those pairs.
 * Targets (issue 17, after responses moved to their own tables): at 50 and 200 at least
 * 100% of the baseline's throughput; at 1,000 a p99 within 1.5× the baseline's.
 * Submissions: each of 300 respondents per turn sends once, 50 at a time.
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
import { median, percentile } from './stats.ts'
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
const SUBMITTERS_PER_TURN = 300
const SUBMIT_CONCURRENCY = 50

interface Submissions {
  perSecond: number
  p99: number
}

/** Each respondent sends once; SUBMIT_CONCURRENCY at a time. Every answer must be the 303 to the thank-you page. */
async function submitAll(url: string, respondents: Respondent[]): Promise<Submissions> {
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  const worker = async () => {
    while (next < respondents.length) {
      const r = respondents[next++]!
      const sent = performance.now()
      const response = await fetch(url, { method: 'POST', headers: r.headers, body: r.body, redirect: 'manual' })
      await response.arrayBuffer()
      if (response.status !== 303) throw new Error(`${url}: status ${response.status}`)
      latencies.push(performance.now() - sent)
    }
  }
  await Promise.all(Array.from({ length: SUBMIT_CONCURRENCY }, worker))
  const seconds = (performance.now() - started) / 1000
  return { perSecond: respondents.length / seconds, p99: Math.round(percentile(latencies, 99)) }
}

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
  const levels = options.levels ?? [50, 200, 1000]
  const seconds = options.seconds ?? 6
  const log = options.log ?? ((line: string) => console.error(line))
  const server = await startPostgresServer({ maxConnections: 300 })
  const stops: Array<() => unknown> = []
  try {
    const appDb = (await createServerDatabase(server.url)).url
    const baselineDb = (await createServerDatabase(server.url)).url

    const count = Math.max(...levels)
    const submitters = SUBMITTERS_PER_TURN * PAIRS
    const handle = connectPostgres(appDb)
    await migrateToLatest(handle.db)
    const round = await createRound(handle.db, {
      participantsPerStratum: Math.ceil((count + submitters) / 3),
      // The product's default k: a submission pays for the moves and vacuums it brings.
      releaseBatchSize: 10,
    })
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
      const throughputTarget = level >= 1000 ? null : 1
      const latencyTarget = level >= 1000 ? 1.5 : 2
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
          ...(throughputTarget === null
            ? {}
            : { target: `≥ ${throughputTarget * 100}%`, met: throughputRatio >= throughputTarget }),
        },
        {
          subject,
          measure: 'p99 vs baseline (median of pairs)',
          value: `${latencyRatio.toFixed(2)}×`,
          target: `≤ ${latencyTarget}×`,
          met: latencyRatio <= latencyTarget,
        },
      )
    }

    log(
      `submissions: ${PAIRS} × (${SUBMITTERS_PER_TURN} baseline, ${SUBMITTERS_PER_TURN} app), ${SUBMIT_CONCURRENCY} at a time…`,
    )
    const submitPairs: Array<{ base: Submissions; ours: Submissions }> = []
    const baselineSubmit = baseline.url.replace(/\/save$/, '/submit')
    for (let turn = 0; turn < PAIRS; turn++) {
      const people = round.participants.slice(
        count + turn * SUBMITTERS_PER_TURN,
        count + (turn + 1) * SUBMITTERS_PER_TURN,
      )
      const phones: Respondent[] = []
      for (const p of people) {
        const phone = new HttpRespondent(app.baseUrl)
        await phone.visit(`/c/${p.code}`)
        await phone.post(SECTION, { rapportcijfer_dienstverlening: '7', action: 'next' })
        await phone.visit('/vragenlijst/overzicht')
        phones.push({
          headers: { cookie: phone.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
          body: `_csrf=${encodeURIComponent(phone.csrfToken())}`,
        })
      }
      const base = await submitAll(
        baselineSubmit,
        people.map((p) => ({
          headers: phones[0]!.headers,
          body: `participant=${p.id}&rapportcijfer_dienstverlening=7`,
        })),
      )
      const ours = await submitAll(`${app.baseUrl}/vragenlijst/verzenden`, phones)
      submitPairs.push({ base, ours })
    }
    const subject = `submissions, ${SUBMIT_CONCURRENCY} at a time`
    const baseRate = median(submitPairs.map((p) => p.base.perSecond))
    const ourRate = median(submitPairs.map((p) => p.ours.perSecond))
    figures.push(
      { subject, measure: 'baseline (Fastify + pg, 1 transaction)', value: Math.round(baseRate), unit: 'per s' },
      { subject, measure: 'baseline p99 latency', value: median(submitPairs.map((p) => p.base.p99)), unit: 'ms' },
      { subject, measure: 'Peiling (k = 10: moves and vacuums included)', value: Math.round(ourRate), unit: 'per s' },
      { subject, measure: 'Peiling p99 latency', value: median(submitPairs.map((p) => p.ours.p99)), unit: 'ms' },
      {
        subject,
        measure: 'submissions/s vs baseline (median of pairs)',
        value: `${Math.round(median(submitPairs.map((p) => p.ours.perSecond / p.base.perSecond)) * 100)}%`,
      },
    )
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
