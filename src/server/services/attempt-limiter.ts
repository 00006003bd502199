/**
 * Counts failed attempts (code entry, staff login) per key in fixed windows, in
 * PostgreSQL, so the limit holds across every app instance on the same database.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'

export interface AttemptLimit {
  /** e.g. "code-ip" or "login-user". */
  scope: string
  max: number
  windowSeconds: number
}

function windowStart(limit: AttemptLimit, now: Date): Date {
  const ms = limit.windowSeconds * 1000
  return new Date(Math.floor(now.getTime() / ms) * ms)
}

export async function isBlocked(db: DB, limit: AttemptLimit, key: string, now = new Date()): Promise<boolean> {
  const row = await db
    .selectFrom('rate_limit_hits')
    .select('hits')
    .where('key', '=', `${limit.scope}:${key}`)
    .where('window_start', '=', windowStart(limit, now))
    .executeTakeFirst()
  return (row?.hits ?? 0) >= limit.max
}

/** Records one failed attempt; returns the number of failures in this window. */
export async function recordFailure(db: DB, limit: AttemptLimit, key: string, now = new Date()): Promise<number> {
  const row = await db
    .insertInto('rate_limit_hits')
    .values({ key: `${limit.scope}:${key}`, window_start: windowStart(limit, now), hits: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limit_hits.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow()
  return row.hits
}

/**
 * Counts an attempt BEFORE it is made, and says whether it may go ahead. A check made
 * before counting (isBlocked, then recordFailure) lets a burst of parallel attempts all
 * pass the check before any of them is counted; one atomic upsert per attempt does not.
 * A successful attempt calls `refund()`, so only failures use up the limit.
 */
export async function takeAttempt(
  db: DB,
  limit: AttemptLimit,
  key: string,
  now = new Date(),
): Promise<{ allowed: boolean; refund(): Promise<void> }> {
  const hits = await recordFailure(db, limit, key, now)
  return {
    allowed: hits <= limit.max,
    // A window left with no failures is deleted, so a successful sign-in leaves no trace of its address.
    refund: async () => {
      const k = `${limit.scope}:${key}`
      const start = windowStart(limit, now)
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
