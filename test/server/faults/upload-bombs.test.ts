/**
 * Uploads built to exhaust the server, sent to the real server process (`src/server/main.ts`)
 * while another client keeps asking for pages: an XLSX that unpacks to 320 MB, an XLSX
 * with a million empty rows, and a 19 MB CSV of 200,000 lines. Each must be refused with
 * its message within seconds, the other client must keep getting answers, and the
 * process (on a PostgreSQL server) must never grow by more than 100 MB over what it held before
 * the uploads: unpacking the bomb would take 320 MB, and parsing the CSV into rows
 * 116 MB (csv-parse, measured). The bound is on growth, not on the total, because what the idle server holds
 * grows with every module the app loads (247 MB in one run, 280 MB in another). With the embedded
 * database the process holds the database as well, whose WebAssembly memory alone takes
 * 750 MB and moves by hundreds of MB by itself (PGlite.create peaks at 1.2 GB on this
 * machine): a figure for the process says nothing about the upload there. That the check
 * of an upload keeps nothing in memory is shown in-process by zip-limits.test.ts.
 */
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectPGlite, connectPostgres } from '#src/server/db/connect.ts'
import type { DB } from '#src/server/db/connect.ts'
import { migrateToLatest } from '#src/server/db/migrate.ts'
import { createTemplateCopy, testEngine } from '#test/helpers/database.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { createStaffUser, TEST_PASSWORD } from '#test/helpers/staff.ts'
import { bigCsv } from '#test/server/services/fieldwork/_big-csv.ts'
import { xlsxBomb, xlsxWithEmptyRows } from '#test/server/services/fieldwork/_zip-bomb.ts'
import type { ServerProcess } from './_helpers.ts'
import { freshDataDir, HttpRespondent, startServerProcess } from './_helpers.ts'

const MB = 1024 * 1024
const cleanups: Array<() => Promise<unknown>> = []
let server: ServerProcess
let researcher: HttpRespondent
let importUrl: string
/** What the process held at its peak before the first upload, in MB. */
let peakBeforeUploads: number
const measuresMemory = testEngine === 'postgres'

async function prepare(db: DB) {
  const round = await createRound(db, { status: 'draft', participantsPerStratum: 0 })
  const user = await createStaffUser(db, 'researcher')
  return { roundId: round.roundId, username: user.username }
}

beforeAll(async () => {
  const dataDir = freshDataDir()
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
  let env: Record<string, string> = { DATA_DIR: dataDir }
  let prepared: { roundId: number; username: string }
  if (testEngine === 'postgres') {
    const database = await createTemplateCopy()
    cleanups.push(database.drop)
    const handle = connectPostgres(database.url)
    prepared = await prepare(handle.db)
    await handle.close()
    env = { ...env, DATABASE_URL: database.url }
  } else {
    const handle = await connectPGlite(path.join(dataDir, 'pglite'))
    await migrateToLatest(handle.db)
    prepared = await prepare(handle.db)
    await handle.close()
  }
  server = await startServerProcess(env)
  cleanups.push(() => server.kill('SIGKILL'))
  researcher = new HttpRespondent(server.baseUrl)
  await researcher.visit('/beheer/inloggen')
  const signIn = await researcher.post('/beheer/inloggen', { username: prepared.username, password: TEST_PASSWORD })
  expect(signIn.status).toBe(303)
  importUrl = `/beheer/rondes/${prepared.roundId}/import`
  await researcher.visit(importUrl)
  peakBeforeUploads = peakMemoryMb()
}, 120_000)

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
})

/** The most memory the server process has held so far (VmHWM), in MB. */
function peakMemoryMb(): number {
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]!
  return Number(kb) / 1024
}

/** Uploads the file while another client asks for the start page every 50 ms. */
async function uploadWhileOthersAsk(name: string, data: Buffer) {
  await researcher.visit(importUrl)
  const form = new FormData()
  form.append('_csrf', researcher.csrfToken())
  form.append('bestand', new Blob([new Uint8Array(data)]), name)
  const waits: number[] = []
  let uploading = true
  const other = (async () => {
    while (uploading) {
      const asked = performance.now()
      const page = await fetch(`${server.baseUrl}/`)
      await page.arrayBuffer()
      expect(page.status).toBe(200)
      waits.push(performance.now() - asked)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()
  const started = performance.now()
  const response = await fetch(server.baseUrl + importUrl, {
    method: 'POST',
    headers: { cookie: researcher.cookieHeader },
    body: form,
    redirect: 'manual',
  })
  const body = await response.text()
  const seconds = (performance.now() - started) / 1000
  uploading = false
  await other
  return { status: response.status, body, seconds, longestWait: Math.max(...waits), answered: waits.length }
}

describe.skipIf(process.platform !== 'linux')('uploads built to exhaust the server', () => {
  const cases: Array<[string, string, () => Buffer | Promise<Buffer>, string]> = [
    ['an XLSX that unpacks to 320 MB', 'bom.xlsx', () => xlsxBomb(), 'uitgepakt groter dan 64 MB'],
    [
      'an XLSX with a million empty rows',
      'leeg.xlsx',
      () => xlsxWithEmptyRows(1_000_000),
      'Het bestand heeft meer dan 100.000 regels',
    ],
    ['a 19 MB CSV of 200,000 lines', 'groot.csv', () => bigCsv(19), 'Het bestand heeft meer dan 100.000 regels'],
  ]

  it.each(cases)(
    'refuses %s within seconds, answers others meanwhile, and grows by less than 100 MB',
    async (_, name, make, message) => {
      const data = await make()
      const result = await uploadWhileOthersAsk(name, data)
      console.log(
        `${name} (${(data.length / MB).toFixed(1)} MB): ${result.status} in ${result.seconds.toFixed(1)} s; ` +
          `other client answered ${result.answered}×, longest wait ${Math.round(result.longestWait)} ms; ` +
          `server peak ${Math.round(peakMemoryMb())} MB (${Math.round(peakBeforeUploads)} MB before the uploads)`,
      )
      expect(result.status).toBe(422)
      expect(result.body).toContain(message)
      expect(result.seconds).toBeLessThan(20)
      expect(result.longestWait).toBeLessThan(2_000)
      if (measuresMemory) expect(peakMemoryMb() - peakBeforeUploads).toBeLessThan(100)
    },
    60_000,
  )

  it('is still healthy afterwards', async () => {
    const health = await fetch(`${server.baseUrl}/health`)
    expect(health.status).toBe(200)
  })
})
