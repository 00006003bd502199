/**
 * Importing the 3,012-row client file of Hengelo, Haaksbergen and Borne
 * (test/fixtures/clients-hengelo-haaksbergen-borne.csv) through the real import
 * service, as the upload and confirm screens do it: read the file, check every row
 * against the round (readClientFile, loadRoundForImport, checkClientFile), then
 * importClients in one transaction. On the embedded database (PGlite in a data folder,
 * as `npm start` keeps it) and on a throw-away PostgreSQL server.
 *
 * Target: under 1 s. Baseline, in the same run and on the same database: csv-parse alone
 * plus one multi-row INSERT of the same rows into a plain table without constraints.
 * Median of 5 runs after one warm-up; every app run imports into a new round.
 *
 * Run alone: `node bench/import.ts` (`--quick`: 3 runs).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import { connectPGlite, connectPostgres } from '#src/server/db/connect.ts'
import { migrateToLatest } from '#src/server/db/migrate.ts'
import { readClientFile } from '#src/server/services/fieldwork/client-file.ts'
import { checkClientFile, importClients, loadRoundForImport } from '#src/server/services/fieldwork/client-import.ts'
import { CLIENT_FILES, createRound } from '#test/helpers/fixtures.ts'
import { createServerDatabase, startPostgresServer } from '#test/setup/postgres-process.ts'
import type { Figure } from './figures.ts'
import { median, round2 } from './stats.ts'

const ROWS = 3012
const TARGET_MS = 1000
const actor = { id: null, username: 'bench' }

const COLUMNS = [
  'klantnummer',
  'voorletters',
  'tussenvoegsel',
  'achternaam',
  'straat',
  'huisnummer',
  'toevoeging',
  'postcode',
  'woonplaats',
  'gemeente',
  'email',
  'taal',
]

/** One import as the confirm screen does it; the round is made before the clock starts. */
async function importOnce(db: DB, bytes: Buffer): Promise<{ total: number; check: number }> {
  const round = await createRound(db, { participantsPerStratum: 0 })
  const started = performance.now()
  const check = checkClientFile(await readClientFile(bytes), await loadRoundForImport(db, round.roundId))
  const checked = performance.now()
  const result = await importClients(db, round.roundId, check, { skipProblems: false, actor })
  const done = performance.now()
  if (result.imported !== ROWS) throw new Error(`imported ${result.imported} of ${ROWS} rows`)
  return { total: done - started, check: checked - started }
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`

/**
 * csv-parse and one INSERT … VALUES (…), (…) of every row; the table is emptied before
 * the clock starts. The values are literals in the statement, not bind parameters: PGlite
 * 0.4 silently inserts nothing (and answers the next queries with nothing) above 32,767
 * parameters, and 3,012 rows of 12 columns are 36,144.
 */
async function baselineOnce(db: DB, bytes: Buffer): Promise<number> {
  await sql`truncate bench_clients`.execute(db)
  const started = performance.now()
  const records = parse(bytes, { delimiter: ';', bom: true, from_line: 2 }) as string[][]
  const values = records.map((r) => `(${r.map(literal).join(',')})`).join(',\n')
  await sql`insert into bench_clients (${sql.join(COLUMNS.map((c) => sql.id(c)))}) values ${sql.raw(values)}`.execute(
    db,
  )
  const ms = performance.now() - started
  if (records.length !== ROWS) throw new Error(`baseline parsed ${records.length} rows`)
  return ms
}

async function measure(
  engine: string,
  handle: DatabaseHandle,
  runs: number,
  log: (line: string) => void,
): Promise<Figure[]> {
  const db = handle.db
  await migrateToLatest(db)
  await sql`create table bench_clients (${sql.join(COLUMNS.map((c) => sql`${sql.id(c)} text`))})`.execute(db)
  const bytes = readFileSync(path.join(CLIENT_FILES, 'clients-hengelo-haaksbergen-borne.csv'))
  const load = round2(loadavg()[0] ?? 0)
  log(`import on ${engine}: warm-up, then ${runs} runs of the baseline and of Peiling…`)
  const baseline: number[] = []
  const ours: number[] = []
  const checks: number[] = []
  await baselineOnce(db, bytes)
  await importOnce(db, bytes)
  // Alternating, so that other work on the machine weighs on both alike.
  for (let i = 0; i < runs; i++) {
    baseline.push(await baselineOnce(db, bytes))
    const run = await importOnce(db, bytes)
    ours.push(run.total)
    checks.push(run.check)
  }
  const subject = `client import, ${ROWS.toLocaleString('en-GB')} rows, ${engine}`
  return [
    { subject, measure: 'machine load average (1 min) at the start', value: load },
    {
      subject,
      measure: 'baseline: csv-parse + one multi-row INSERT (median)',
      value: round2(median(baseline)),
      unit: 'ms',
    },
    {
      subject,
      measure: 'Peiling: read, check, importClients (median)',
      value: round2(median(ours)),
      unit: 'ms',
      target: `< ${TARGET_MS} ms`,
      met: median(ours) < TARGET_MS,
    },
    { subject, measure: 'of which reading and checking the file (median)', value: round2(median(checks)), unit: 'ms' },
    { subject, measure: 'Peiling vs baseline', value: `${(median(ours) / median(baseline)).toFixed(1)}×` },
  ]
}

export async function benchImport(options: { runs?: number; log?: (line: string) => void } = {}): Promise<Figure[]> {
  const runs = options.runs ?? 5
  const log = options.log ?? ((line: string) => console.error(line))
  const figures: Figure[] = []

  const dataDir = mkdtempSync(path.join(tmpdir(), 'peiling-bench-pglite-'))
  const embedded = await connectPGlite(path.join(dataDir, 'pglite'))
  try {
    figures.push(...(await measure('PGlite', embedded, runs, log)))
  } finally {
    await embedded.close()
    rmSync(dataDir, { recursive: true, force: true })
  }

  // Durable, as in production: an import's commit waits for its write to disk.
  const server = await startPostgresServer({ durable: true })
  try {
    const handle = connectPostgres((await createServerDatabase(server.url)).url)
    try {
      figures.push(...(await measure('PostgreSQL', handle, runs, log)))
    } finally {
      await handle.close()
    }
  } finally {
    server.stop()
  }
  return figures
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { printTable } = await import('./figures.ts')
  printTable(await benchImport({ runs: process.argv.includes('--quick') ? 3 : 5 }))
}
