/**
 * The server process is killed (SIGKILL: no chance to clean up) while respondents are
 * saving answers. After a restart every answer the server had acknowledged (HTTP 303
 * received by the phone) must be there. An answer in flight at the moment of the kill
 * may or may not have been kept, but nothing older may come back instead.
 *
 * Runs the real `src/server/main.ts`: on the embedded database (pglite project) and on
 * the PostgreSQL server (postgres project).
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { connectPGlite, connectPostgres } from '#src/server/db/connect.ts'
import { migrateToLatest } from '#src/server/db/migrate.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { createTemplateCopy, testEngine } from '#test/helpers/database.ts'
import type { ServerProcess } from './_helpers.ts'
import { freshDataDir, HttpRespondent, startServerProcess, textareaValue } from './_helpers.ts'
import { ktoPageAsking } from '#test/questionnaire/kto.ts'

/** The page with the open remarks (question 23). */
const REMARKS = ktoPageAsking('opmerkingen')

const cleanups: Array<() => Promise<unknown>> = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
})

/** The database the server process will use, with an open round and its participants. */
async function prepareDatabase(): Promise<{ env: Record<string, string>; round: RoundFixture }> {
  const dataDir = freshDataDir()
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
  if (testEngine === 'postgres') {
    const database = await createTemplateCopy()
    cleanups.push(database.drop)
    const handle = connectPostgres(database.url)
    const round = await createRound(handle.db, { participantsPerStratum: 3 })
    await handle.close()
    return { env: { DATABASE_URL: database.url, DATA_DIR: dataDir }, round }
  }
  const handle = await connectPGlite(path.join(dataDir, 'pglite'))
  await migrateToLatest(handle.db)
  const round = await createRound(handle.db, { participantsPerStratum: 3 })
  await handle.close()
  return { env: { DATA_DIR: dataDir }, round }
}

/**
 * A killed process leaves the embedded database's folder lock behind; it counts as
 * abandoned once it is 10 seconds old, so a restart may have to try again.
 */
async function restart(env: Record<string, string>): Promise<{ server: ServerProcess; refusals: string[] }> {
  const refusals: string[] = []
  for (let attempt = 0; attempt < 15; attempt++) {
    try {
      return { server: await startServerProcess(env), refusals }
    } catch (error) {
      const message = (error as Error).message
      if (!message.includes('is in use by another Peiling process')) throw error
      refusals.push(message)
      await new Promise((r) => setTimeout(r, 2_000))
    }
  }
  throw new Error(`server did not restart: ${refusals.at(-1)}`)
}

interface Saver {
  client: HttpRespondent
  /** The last save the server acknowledged with 303, -1 for none. */
  acknowledged: number
  /** The save under way when the connection broke. */
  inFlight: number
  failure?: string
}

const section = REMARKS
const saved = (i: number, seq: number) => `respondent ${i}, save ${seq}`

describe(`the server is killed while respondents save answers (${testEngine})`, () => {
  it('keeps every acknowledged answer after a restart', async () => {
    const { env, round } = await prepareDatabase()
    const first = await startServerProcess(env)
    cleanups.push(() => first.kill('SIGKILL'))

    const savers: Saver[] = []
    for (const p of round.participants) {
      const client = new HttpRespondent(first.baseUrl)
      expect((await client.visit(`/c/${p.code}`)).status).toBe(200)
      expect((await client.visit(section)).status).toBe(200)
      savers.push({ client, acknowledged: -1, inFlight: -1 })
    }

    let stop = false
    const loops = savers.map(async (s, i) => {
      for (let seq = 0; !stop; seq++) {
        s.inFlight = seq
        try {
          const response = await s.client.post(section, { opmerkingen: saved(i, seq), action: 'next' })
          if (response.status !== 303) {
            s.failure = `status ${response.status}`
            return
          }
          s.acknowledged = seq
        } catch {
          return // the connection broke: the server is gone
        }
      }
    })
    const acknowledgedTotal = () => savers.reduce((n, s) => n + s.acknowledged + 1, 0)
    const started = Date.now()
    while (acknowledgedTotal() < 60 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20))
    const how = await first.kill('SIGKILL')
    stop = true
    await Promise.all(loops)
    expect(how).toBe('SIGKILL')
    expect(savers.map((s) => s.failure).filter(Boolean)).toEqual([])
    expect(acknowledgedTotal()).toBeGreaterThanOrEqual(60)

    const { server: second } = await restart(env)
    cleanups.push(() => second.kill('SIGTERM'))
    for (const [i, s] of savers.entries()) {
      // The same phone, the same session cookie: the new process reads it with the shared secret.
      s.client.baseUrl = second.baseUrl
      const page = await s.client.visit(section)
      expect(page.status).toBe(200)
      const kept = textareaValue(await page.text(), 'opmerkingen')
      const allowed = [saved(i, s.acknowledged), saved(i, s.inFlight)]
      expect(allowed, `respondent ${i}: acknowledged save ${s.acknowledged}, in flight ${s.inFlight}`).toContain(kept)
    }
  }, 120_000)
})
