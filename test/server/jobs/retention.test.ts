import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { daysFromToday } from '#test/helpers/fixtures.ts'
import { backgroundIdle } from '#src/server/jobs/background.ts'
import { startRetentionPurge } from '#src/server/jobs/retention.ts'
import { seedRound } from '#test/server/routes/beheer/seed.ts'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('the running app keeps the retention date', () => {
  it('purges a closed round past its retention date at start, without anyone running a command', async () => {
    const db = t.database.db
    const expired = await seedRound(db, [{ code: 'oldenzaal', name: 'Oldenzaal', invited: 3, online: 1, paper: 0 }], {
      status: 'closed',
    })
    await db
      .updateTable('rounds')
      .set({ opens_on: daysFromToday(-60), closes_on: daysFromToday(-30), retention_until: daysFromToday(-1) })
      .where('id', '=', expired.roundId)
      .execute()
    const logged: unknown[] = []
    const log = {
      info: (...args: unknown[]) => logged.push(args),
      error: (...args: unknown[]) => logged.push(['error', ...args]),
    }

    const stop = startRetentionPurge(db, t.config, log)
    await backgroundIdle(db)
    stop()

    const round = await db
      .selectFrom('rounds')
      .select('status')
      .where('id', '=', expired.roundId)
      .executeTakeFirstOrThrow()
    expect(round.status).toBe('purged')
    const left = await db.selectFrom('participants').select('id').where('round_id', '=', expired.roundId).execute()
    expect(left).toEqual([])
    const entry = await db
      .selectFrom('audit_log')
      .select(['username', 'details'])
      .where('round_id', '=', expired.roundId)
      .where('action', '=', 'round.purge')
      .executeTakeFirstOrThrow()
    expect(entry).toEqual({ username: 'system', details: { reason: 'retention', participants: 3 } })
    // The log says which round and how many, never who.
    expect(JSON.stringify(logged)).not.toMatch(/Oldenzaal|error/)
  })

  it('drops the counts of failed sign-in attempts older than a day, which name addresses', async () => {
    const db = t.database.db
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000)
    await db
      .insertInto('rate_limit_hits')
      .values([
        { key: 'code-ip:192.0.2.1', window_start: hoursAgo(25), hits: 3 },
        { key: 'code-ip:192.0.2.2', window_start: hoursAgo(1), hits: 2 },
      ])
      .execute()
    const stop = startRetentionPurge(db, t.config, { info: () => {}, error: () => {} })
    await backgroundIdle(db)
    stop()
    const left = await db
      .selectFrom('rate_limit_hits')
      .select('key')
      .where('key', 'like', 'code-ip:192.0.2.%')
      .execute()
    expect(left).toEqual([{ key: 'code-ip:192.0.2.2' }])
  })
})
