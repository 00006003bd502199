/**
 * Counts failed attempts (code entry, staff login) per key, in PostgreSQL, so the limit
 * holds across every app instance on the same database.
 *
 * A limit counts the failures of the last `windowSeconds`, not those since the clock last
 * passed a multiple of it: windows fixed to the clock (10:00–10:15, 10:15–10:30) start
 * from zero at every quarter hour, so a guesser got `max` attempts at 10:14:59 and `max`
 * more a second later. Failures are kept per slot of a fifteenth of the window, and an
 * attempt counts every slot that overlaps the window before it: never more than `max`
 * failures in any `windowSeconds`, and each is forgotten between one window and one window
 * plus a slot after it was made.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'

export interface AttemptLimit {
  /** e.g. "code-ip" or "login-user". */
  scope: string
  max: number
  windowSeconds: number
}

const SLOTS_PER_WINDOW = 15

function floorTo(now: Date, seconds: number): Date {
  const ms = seconds * 1000
  return new Date(Math.floor(now.getTime() / ms) * ms)
}

function slotStart(limit: AttemptLimit, now: Date): Date {
  return floorTo(now, limit.windowSeconds / SLOTS_PER_WINDOW)
}

/** The start of the oldest slot that still counts at `now`. */
function countedFrom(limit: AttemptLimit, now: Date): Date {
  return new Date(slotStart(limit, now).getTime() - limit.windowSeconds * 1000)
}

async function failuresWithin(db: DB, limit: AttemptLimit, key: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('rate_limit_hits')
    .select(sql<number>`coalesce(sum(hits), 0)::int`.as('hits'))
    .where('key', '=', `${limit.scope}:${key}`)
    .where('window_start', '>=', countedFrom(limit, now))
    .executeTakeFirstOrThrow()
  return row.hits
}

export async function isBlocked(db: DB, limit: AttemptLimit, key: string, now = new Date()): Promise<boolean> {
  return (await failuresWithin(db, limit, key, now)) >= limit.max
}

/**
 * How long until the next attempt on `key` may go ahead: 0 when it may now. The oldest
 * failures drop out first (a slot counts until one window and one slot after it began),
 * so the wait ends when enough of them have dropped out to leave fewer than `max`.
 */
export async function secondsUntilAllowed(db: DB, limit: AttemptLimit, key: string, now = new Date()): Promise<number> {
  const slots = await db
    .selectFrom('rate_limit_hits')
    .select(['window_start', 'hits'])
    .where('key', '=', `${limit.scope}:${key}`)
    .where('window_start', '>=', countedFrom(limit, now))
    .orderBy('window_start')
    .execute()
  let counted = slots.reduce((n, s) => n + s.hits, 0)
  const slotMs = (limit.windowSeconds / SLOTS_PER_WINDOW) * 1000
  for (const slot of slots) {
    if (counted < limit.max) break
    counted -= slot.hits
    if (counted < limit.max) {
      const droppedAt = new Date(slot.window_start).getTime() + limit.windowSeconds * 1000 + slotMs
      return Math.max(0, Math.ceil((droppedAt - now.getTime()) / 1000))
    }
  }
  return 0
}

async function addToSlot(db: DB, key: string, start: Date): Promise<number> {
  const row = await db
    .insertInto('rate_limit_hits')
    .values({ key, window_start: start, hits: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limit_hits.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow()
  return row.hits
}

/**
 * Records one failure in the window of the clock that `now` falls in, and returns how many
 * that window holds. Not a limit (see takeAttempt): for watching totals, where exactly one
 * caller sees each count, so a warning at a threshold is given once per window.
 */
export async function recordFailure(db: DB, limit: AttemptLimit, key: string, now = new Date()): Promise<number> {
  return addToSlot(db, `${limit.scope}:${key}`, floorTo(now, limit.windowSeconds))
}

/**
 * Counts an attempt BEFORE it is made, and says whether it may go ahead. A check made
 * before counting (isBlocked, then record) lets a burst of parallel attempts all pass the
 * check before any of them is counted. So the attempts on one key take turns (an advisory
 * lock on the key, on every instance's database connection), each counting itself and then
 * all that came before it. A successful attempt calls `refund()`, so only failures use up
 * the limit.
 */
export async function takeAttempt(
  db: DB,
  limit: AttemptLimit,
  key: string,
  now = new Date(),
): Promise<{ allowed: boolean; refund(): Promise<void> }> {
  const k = `${limit.scope}:${key}`
  const start = slotStart(limit, now)
  const failures = await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${k}, 0))`.execute(tx)
    await addToSlot(tx, k, start)
    return failuresWithin(tx, limit, key, now)
  })
  return {
    allowed: failures <= limit.max,
    // A slot left with no failures is deleted, so a successful sign-in leaves no trace of its address.
    refund: async () => {
      await sql`
        with emptied as (delete from rate_limit_hits where key = ${k} and window_start = ${start} and hits <= 1 returning 1)
        update rate_limit_hits set hits = hits - 1
        where key = ${k} and window_start = ${start} and not exists (select 1 from emptied)`.execute(db)
    },
  }
}

/** Old windows are useless; drop them now and then so the table stays small. */
export async function pruneAttempts(db: DB, olderThanSeconds = 24 * 3600, now = new Date()): Promise<void> {
  await db
    .deleteFrom('rate_limit_hits')
    .where('window_start', '<', new Date(now.getTime() - olderThanSeconds * 1000))
    .execute()
}
