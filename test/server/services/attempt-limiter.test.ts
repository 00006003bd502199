import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import type { AttemptLimit } from '#src/server/services/attempt-limiter.ts'
import { isBlocked, recordFailure, secondsUntilAllowed, takeAttempt } from '#src/server/services/attempt-limiter.ts'
import { createTestDatabase, testEngine } from '#test/helpers/database.ts'

let database: DatabaseHandle
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

const MINUTE = 60_000
const limit = (scope: string): AttemptLimit => ({ scope, max: 5, windowSeconds: 15 * 60 })
const at = (time: string) => new Date(`2026-12-01T${time}Z`)
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms)

async function take(scope: string, key: string, now: Date): Promise<boolean> {
  return (await takeAttempt(database.db, limit(scope), key, now)).allowed
}

describe(`the attempt limiter (${testEngine})`, () => {
  it('still refuses when a quarter hour passes between the attempts', async () => {
    const allowed: boolean[] = []
    for (let i = 0; i < 5; i++) allowed.push(await take('quarter', 'a', at('10:14:59')))
    expect(await isBlocked(database.db, limit('quarter'), 'a', at('10:15:00'))).toBe(true)
    allowed.push(await take('quarter', 'a', at('10:15:00')))
    expect(allowed).toEqual([true, true, true, true, true, false])
  })

  it('forgets a failure one window (and at most one slot of a minute) after it', async () => {
    for (let i = 0; i < 5; i++) await take('forget', 'a', at('10:00:30'))
    expect(await isBlocked(database.db, limit('forget'), 'a', at('10:15:30'))).toBe(true)
    expect(await isBlocked(database.db, limit('forget'), 'a', at('10:15:59'))).toBe(true)
    expect(await isBlocked(database.db, limit('forget'), 'a', at('10:16:00'))).toBe(false)
    expect(await take('forget', 'a', at('10:16:00'))).toBe(true)
  })

  it('says how long the wait really is: until enough of the oldest failures are forgotten', async () => {
    const wait = (time: string) => secondsUntilAllowed(database.db, limit('wait'), 'a', at(time))
    expect(await wait('10:00:00')).toBe(0)
    // Three failures at 10:00:30, two at 10:07:10: the first three are forgotten at 10:16.
    for (let i = 0; i < 3; i++) await take('wait', 'a', at('10:00:30'))
    for (let i = 0; i < 2; i++) await take('wait', 'a', at('10:07:10'))
    expect(await wait('10:08:00')).toBe(8 * 60)
    expect(await wait('10:15:59')).toBe(1)
    expect(await wait('10:16:00')).toBe(0)
    expect(await isBlocked(database.db, limit('wait'), 'a', at('10:15:59'))).toBe(true)
    expect(await isBlocked(database.db, limit('wait'), 'a', at('10:16:00'))).toBe(false)
  })

  it('never lets more than the limit through in any fifteen minutes of steady guessing', async () => {
    const start = at('09:58:00')
    const passed: number[] = []
    // One guess every 20 seconds for an hour, across four quarter hours, as the code form
    // tries them: a blocked address is turned away before its attempt is counted.
    for (let t = 0; t < 60 * MINUTE; t += 20_000) {
      const now = plus(start, t)
      if (!(await isBlocked(database.db, limit('steady'), 'a', now)) && (await take('steady', 'a', now))) passed.push(t)
    }
    for (const from of passed) {
      expect(
        passed.filter((t) => t >= from && t < from + 15 * MINUTE).length,
        `from ${from / 1000} s`,
      ).toBeLessThanOrEqual(5)
    }
    // …and the limit is a rate, not a lock-out: guessing goes on at five per fifteen to sixteen minutes.
    expect(passed.length).toBeGreaterThanOrEqual(15)
  })

  it('lets exactly the limit through from a burst of parallel attempts that straddles a quarter hour', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, n) => take('burst', 'a', n % 2 ? at('10:14:59.999') : at('10:15:00'))),
    )
    expect(results.filter(Boolean)).toHaveLength(5)
  })

  it('keeps keys and scopes apart, and a refunded attempt leaves no trace', async () => {
    for (let i = 0; i < 5; i++) await take('apart', 'a', at('10:00:00'))
    expect(await take('apart', 'a', at('10:00:00'))).toBe(false)
    expect(await take('apart', 'b', at('10:00:00'))).toBe(true)
    expect(await take('other', 'a', at('10:00:00'))).toBe(true)
    const success = await takeAttempt(database.db, limit('refund'), 'c', at('10:00:00'))
    await success.refund()
    const rows = await database.db.selectFrom('rate_limit_hits').selectAll().where('key', '=', 'refund:c').execute()
    expect(rows).toEqual([])
  })

  it('counts failures per clock window for watching totals, each count seen by one caller', async () => {
    const watch: AttemptLimit = { scope: 'watch', max: 0, windowSeconds: 60 }
    const counts = await Promise.all(
      Array.from({ length: 10 }, () => recordFailure(database.db, watch, 'all', at('10:00:10'))),
    )
    expect(counts.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(await recordFailure(database.db, watch, 'all', at('10:01:00'))).toBe(1)
  })
})
