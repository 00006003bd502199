/**
 * `npm run bench`: every benchmark, one table of figures, ratios and targets.
 *
 * - answer saves per second and p99 latency at 50 and 200 concurrent respondents on a
 *   PostgreSQL server, against bare Fastify + pg in the same run (answer-saves.ts);
 * - page weight and first render of the questionnaire pages (page-weight.ts);
 * - letter batches of the mail merge, and paper questionnaires (letters.ts);
 * - the response monitor and the streamed CSV export of a round of 100,000 participants
 *   and 20,000 responses, against bare queries on the same data (monitor-export.ts);
 * - the import of the 3,012-row client file on PGlite and on a PostgreSQL server, against
 *   csv-parse plus one INSERT (import.ts);
 * - the report of a round of 20,000 responses with three earlier rounds of 20,000 as
 *   trend columns, and its Word file, on PGlite, against the bare read of the same
 *   responses; memory at three sizes (report.ts);
 * - reading scanned KTO forms made by the tests (≥ 300 pages at 200 and 300 dpi): pages
 *   per second, errors among fields read as certain, the share sent to a typist, and the
 *   typist's keystrokes against keying by hand (scans.ts).
 *
 * Needs Debian's postgresql and chromium packages, like the tests. Takes about four minutes.
 * `npm run bench -- --quick` shortens every load to 3 seconds and makes the big round a
 * tenth the size (for trying things out); `--only=pages,letters` runs just those parts
 * (saves, pages, letters, monitor, import, report, scans).
 */
import { mkdtempSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import path from 'node:path'
import { benchAnswerSaves } from './answer-saves.ts'
import { benchImport } from './import.ts'
import { benchLetters } from './letters.ts'
import { benchMonitorExport } from './monitor-export.ts'
import { benchPageWeight } from './page-weight.ts'
import { benchReport } from './report.ts'
import { benchScans } from './scans.ts'
import type { Figure } from './figures.ts'
import { printTable } from './figures.ts'
import { connectPostgres } from '#src/server/db/connect.ts'
import { migrateToLatest } from '#src/server/db/migrate.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { startServerProcess } from '#test/helpers/server-process.ts'
import { createServerDatabase, startPostgresServer } from '#test/setup/postgres-process.ts'

/** The client languages the page-height walk covers, one participant each (the last codes of the round). */
const WALK_LANGUAGES = ['nl', 'en', 'tr', 'ar', 'pl']

const quick = process.argv.includes('--quick')
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
const runs = (part: string) => !only || only.includes(part)
const log = (line: string) => console.error(`· ${line}`)
const figures: Figure[] = []

console.error(
  `Peiling benchmarks on ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}${quick ? ', quick' : ''}`,
)

if (runs('saves')) {
  log('answer saves')
  figures.push(...(await benchAnswerSaves({ seconds: quick ? 3 : 6, log })))
}

if (runs('pages')) {
  log('page weight and first render')
  figures.push(...(await withServedApp((baseUrl, codes, codeIn) => benchPageWeight(baseUrl, codes, codeIn))))
}

if (runs('letters')) {
  log('letters')
  figures.push(...lettersFigures(await benchLetters(quick ? { memoryRuns: [20_000] } : {})))
}

if (runs('monitor')) {
  log('response monitor and CSV export')
  figures.push(...(await benchMonitorExport({ ...(quick ? { participants: 10_000, responses: 2_000 } : {}), log })))
}

if (runs('import')) {
  log('client import')
  figures.push(...(await benchImport({ runs: quick ? 3 : 5, log })))
}

if (runs('report')) {
  log('report')
  figures.push(...(await benchReport({ ...(quick ? { responses: 2_000 } : {}), log })))
}

if (runs('scans')) {
  log('scanned paper forms')
  figures.push(...(await benchScans({ ...(quick ? { forms200: 6, forms300: 2 } : {}), log })))
}

console.log('')
printTable(figures)
const missed = figures.filter((f) => f.met === false)
console.log('')
console.log(
  missed.length === 0
    ? 'All targets met.'
    : `Targets NOT met: ${missed.map((f) => `${f.subject}: ${f.measure}`).join('; ')}`,
)

/** The app on a fresh PostgreSQL database with an open round, for the page benchmarks. */
async function withServedApp<T>(
  work: (baseUrl: string, codes: string[], codeIn: Record<string, string>) => Promise<T>,
): Promise<T> {
  const server = await startPostgresServer()
  try {
    const { url } = await createServerDatabase(server.url)
    const handle = connectPostgres(url)
    await migrateToLatest(handle.db)
    const round = await createRound(handle.db, { participantsPerStratum: 6 })
    const codeIn: Record<string, string> = {}
    for (const [index, language] of WALK_LANGUAGES.entries()) {
      const p = round.participants[round.participants.length - 1 - index]!
      await handle.db.updateTable('participants').set({ language }).where('id', '=', p.id).execute()
      codeIn[language] = p.code
    }
    await handle.close()
    const app = await startServerProcess({
      DATABASE_URL: url,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'peiling-bench-')),
      NODE_ENV: 'production',
    })
    try {
      return await work(
        app.baseUrl,
        round.participants.slice(0, -WALK_LANGUAGES.length).map((p) => p.code),
        codeIn,
      )
    } finally {
      await app.kill('SIGKILL')
    }
  } finally {
    server.stop()
  }
}

/** benchLetters gives a record of named numbers: each becomes a table line. */
function lettersFigures(result: Record<string, number | string>): Figure[] {
  return Object.entries(result).map(([measure, value]) => ({ subject: 'letters', measure, value }))
}
