/**
 * The PostgreSQL server restarts (or is down) while a respondent saves or submits. The
 * respondent gets a clear page (503, in Dutch) instead of a crash, the transaction that
 * was cut off leaves nothing behind, and the app recovers by itself once the database
 * is back. Runs in the postgres project, on a server of its own so that restarting it
 * does not disturb other test files.
 *
 * To cut a request off at the worst moment — inside its transaction, after its first
 * write — a test-only trigger makes that write wait until the restart comes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { connectPostgres } from '#src/server/db/connect.ts'
import { migrateToLatest } from '#src/server/db/migrate.ts'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { testEngine } from '#test/helpers/database.ts'
import type { PostgresProcess } from '#test/setup/postgres-process.ts'
import { createServerDatabase, startPostgresServer } from '#test/setup/postgres-process.ts'

const UNAVAILABLE = 'de database is even niet bereikbaar'

describe.skipIf(testEngine !== 'postgres')('the database restarts mid-request (PostgreSQL server)', () => {
  let server: PostgresProcess
  let url: string
  let database: DatabaseHandle
  let t: TestApp
  let round: RoundFixture

  beforeAll(async () => {
    server = await startPostgresServer({ maxConnections: 50 })
    url = (await createServerDatabase(server.url)).url
    database = connectPostgres(url)
    await migrateToLatest(database.db)
    t = await createTestApp({}, database)
    round = await createRound(database.db, { participantsPerStratum: 1 })
  })
  afterAll(async () => {
    await t?.close()
    await database?.close()
    server?.stop()
  })

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }

  /** Makes every write to `table` wait (inside the writer's transaction) until the connection is cut. */
  async function stallWritesTo(table: string): Promise<() => Promise<void>> {
    await admin(async (c) => {
      await c.query(
        `create or replace function test_stall() returns trigger language plpgsql as $$ begin perform pg_sleep(60); return new; end $$`,
      )
      await c.query(
        `create trigger test_stall after insert or update on ${table} for each row execute function test_stall()`,
      )
    })
    return () => admin(async (c) => void (await c.query(`drop trigger test_stall on ${table}`)))
  }

  async function untilStalled(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const { rows } = await admin((c) =>
        c.query(`select count(*)::int as n from pg_stat_activity where wait_event = 'PgSleep'`),
      )
      if (rows[0].n > 0) return
      await new Promise((r) => setTimeout(r, 25))
    }
    throw new Error('the request never reached the stalled write')
  }

  const participantState = (id: number) =>
    database.db
      .selectFrom('participants')
      .select(['status', 'completed_mode'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  const linkedResponse = (id: number) =>
    database.db.selectFrom('answers_in_progress').select('answers').where('participant_id', '=', id).executeTakeFirst()

  it('cuts off a save: the respondent reads a clear page, nothing is half-written, and the next save works', async () => {
    const p = round.participants[0]!
    const browser = new Browser(t.app, '10.9.0.1')
    await browser.visit(`/c/${p.code}`)
    const unstall = await stallWritesTo('answers_in_progress')

    const saving = browser.post('/vragenlijst/deel/algemeen', { rapportcijfer_dienstverlening: '7', action: 'next' })
    await untilStalled()
    await server.restart()
    const response = await saving
    expect(response.statusCode).toBe(503)
    expect(response.headers['content-type']).toContain('text/html')
    expect(response.body).toContain(UNAVAILABLE)
    expect(response.body).toContain('<html lang="nl"')

    // The participant row was updated in the same transaction as the answer: neither stayed.
    expect(await participantState(p.id)).toEqual({ status: 'pending', completed_mode: null })
    expect(await linkedResponse(p.id)).toBeUndefined()

    await unstall()
    await browser.visit('/vragenlijst/deel/algemeen')
    const again = await browser.post('/vragenlijst/deel/algemeen', {
      rapportcijfer_dienstverlening: '7',
      action: 'next',
    })
    expect(again.statusCode).toBe(303)
    expect((await linkedResponse(p.id))?.answers).toEqual({ rapportcijfer_dienstverlening: 7 })
  })

  it('cuts off a submission: the answers stay in progress and linked, nothing is counted, and submitting again works', async () => {
    const p = round.participants[0]!
    const browser = new Browser(t.app, '10.9.0.2')
    await browser.visit(`/c/${p.code}`)
    await browser.visit('/vragenlijst/overzicht')
    const unstall = await stallWritesTo('daily_counts')

    const submitting = browser.post('/vragenlijst/verzenden', {})
    await untilStalled()
    await server.restart()
    const response = await submitting
    expect(response.statusCode).toBe(503)
    expect(response.body).toContain(UNAVAILABLE)

    expect(await participantState(p.id)).toEqual({ status: 'in_progress', completed_mode: null })
    expect(await linkedResponse(p.id)).toEqual({ answers: { rapportcijfer_dienstverlening: 7 } })
    expect(await database.db.selectFrom('daily_counts').selectAll().execute()).toEqual([])

    await unstall()
    await browser.visit('/vragenlijst/overzicht')
    expect((await browser.post('/vragenlijst/verzenden', {})).statusCode).toBe(303)
    expect(await participantState(p.id)).toEqual({ status: 'completed', completed_mode: 'online' })
    expect(await linkedResponse(p.id)).toBeUndefined()
    const counts = await database.db.selectFrom('daily_counts').select(['count']).execute()
    expect(counts).toEqual([{ count: 1 }])
  })

  it('says in Dutch that the database cannot be reached while it is down, and serves again when it is back', async () => {
    const p = round.participants[1]!
    const browser = new Browser(t.app, '10.9.0.3')
    await browser.visit('/')
    await server.halt()
    try {
      const signIn = await browser.post('/', { code: p.code })
      expect(signIn.statusCode).toBe(503)
      expect(signIn.body).toContain(UNAVAILABLE)
      const health = await t.app.inject({ method: 'GET', url: '/health' })
      expect(health.statusCode).toBe(503)
    } finally {
      await server.start()
    }
    await browser.visit('/')
    expect((await browser.post('/', { code: p.code })).statusCode).toBe(303)
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200)
  })
})
