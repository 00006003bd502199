/**
 * One CSV export in a process of its own, so that its peak memory is the export's alone:
 *
 *   node bench/csv-export-child.ts peiling|baseline DATABASE_URL ROUND_ID
 *
 * - peiling: the CLI's `export --round N --format csv --out -` (src/cli/commands/export.ts,
 *   the same export service as the web console), written to a stream that counts bytes;
 * - baseline: the stored answers as text, read with bare pg in keyset-paginated pages of
 *   the same size as the export's (what COPY … TO STDOUT would send), counted the same way.
 *
 * Prints one JSON line: { rows, bytes, seconds, startMb, peakMb, loadPeakMb }: the resident
 * memory when the export starts (code loaded, nothing read yet), its peak during the
 * export, and the peak while the code was being loaded and compiled, which comes first
 * and is the same whatever the size of the export.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import pg from 'pg'
import { exportCommand } from '#src/cli/commands/export.ts'
import { loadConfig } from '#src/server/config.ts'
import { connectPostgres } from '#src/server/db/connect.ts'
import { peakRssMb, resetPeakRss, rssMb } from './stats.ts'

const PAGE = 500

export interface ExportRun {
  rows: number
  bytes: number
  seconds: number
  startMb: number
  peakMb: number
  loadPeakMb: number
}

class ByteCounter extends Writable {
  bytes = 0
  lines = 0
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.bytes += chunk.length
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.lines++
    done()
  }
}

async function peiling(databaseUrl: string, roundId: number, out: ByteCounter): Promise<number> {
  const handle = connectPostgres(databaseUrl)
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'peiling-bench-')),
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0',
  })
  try {
    await exportCommand.run(['--round', String(roundId), '--format', 'csv', '--out', '-'], {
      config,
      out,
      database: async () => handle,
    })
  } finally {
    await handle.close()
  }
  return out.lines - 1 // the header
}

async function baseline(databaseUrl: string, roundId: number, out: ByteCounter): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  let rows = 0
  try {
    let after = '00000000-0000-0000-0000-000000000000'
    for (;;) {
      const page = await client.query<{ id: string; answers: string }>(
        `select id, answers::text as answers from responses where round_id = $1 and status = 'complete' and id > $2 order by id limit ${PAGE}`,
        [roundId, after],
      )
      for (const row of page.rows)
        if (!out.write(`${row.answers}\n`)) await new Promise((resolve) => out.once('drain', resolve))
      rows += page.rows.length
      if (page.rows.length < PAGE) return rows
      after = page.rows[page.rows.length - 1]!.id
    }
  } finally {
    await client.end()
  }
}

const [kind, databaseUrl, roundId] = process.argv.slice(2)
if (kind !== 'peiling' && kind !== 'baseline')
  throw new Error('usage: csv-export-child.ts peiling|baseline DATABASE_URL ROUND_ID')
const out = new ByteCounter()
const loadPeakMb = peakRssMb()
resetPeakRss()
const startMb = rssMb()
const started = performance.now()
const rows = await (kind === 'peiling' ? peiling : baseline)(databaseUrl!, Number(roundId), out)
const run: ExportRun = {
  rows,
  bytes: out.bytes,
  seconds: (performance.now() - started) / 1000,
  startMb,
  peakMb: peakRssMb(),
  loadPeakMb,
}
process.stdout.write(`${JSON.stringify(run)}\n`)
