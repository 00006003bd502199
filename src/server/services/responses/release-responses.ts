/**
 * Adds waiting responses to `responses`, many at once, so that no response can be traced
 * to the transaction that completed its participant.
 *
 * A waiting response was written together with its participant's completion (same
 * `xmin`). Moving it gives it the `xmin` of the move, which touches nothing but the two
 * response tables; moving at least `rounds.release_batch_size` (k) at once, in random
 * order, makes the move name a group of at least k people, never one. Afterwards the
 * tables whose old row versions could bridge the two are vacuumed: the deleted waiting
 * rows (which still carry the completion's `xmin`) and deleted rows that held the same
 * answers next to a participant (answers in progress, paper drafts, keyings, duplicates).
 *
 * What this does not cover (README, "Anonymity"): the round's last batch, moved when it
 * closes, may be smaller than k; an old row version survives the vacuum while a
 * transaction that started before the move still runs (the next move's vacuum, or
 * autovacuum, removes it); a superuser reading the write-ahead log or raw data files.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'

/** pg_advisory_xact_lock's first key: this module's moves; the second is the round. */
const RELEASE_LOCK = 6006

/**
 * The tables vacuumed after a move: every table whose deleted rows held a waiting
 * response's `xmin`, or its answers next to a participant.
 */
const TABLES_TO_VACUUM = [
  'responses_waiting',
  'answers_in_progress',
  'paper_drafts',
  'paper_keyings',
  'paper_duplicates',
]

/**
 * Moves the round's waiting responses when enough wait, or whatever waits once the round
 * is closed; returns how many moved.
 */
export async function releaseWaitingResponses(db: DB, roundId: number): Promise<number> {
  // Most calls find too few waiting: one read answers that, without the lock's transaction.
  if (!(await isDue(db, roundId))) return 0
  const { moved, closed } = await db.transaction().execute(async (tx) => {
    // Two moves at once could otherwise split a batch: the second would take only what
    // arrived after the first one's snapshot, possibly one response.
    await sql`select pg_advisory_xact_lock(${RELEASE_LOCK}, ${roundId})`.execute(tx)
    const { rows } = await sql<{ moved: number; closed: boolean }>`
      with round as (
        select r.status in ('closed', 'purged') as closed,
          (select count(*) from responses_waiting w where w.round_id = r.id) >= r.release_batch_size as enough
        from rounds r where r.id = ${roundId}
      ),
      moved as (
        delete from responses_waiting
        where round_id = ${roundId} and (select closed or enough from round)
        returning round_id, stratum_id, mode, status, answers, language, wave, paper_coding
      ),
      inserted as (
        insert into responses (round_id, stratum_id, mode, status, answers, language, wave, paper_coding)
        select round_id, stratum_id, mode, status, answers, language, wave, paper_coding
        from moved order by random()
        returning 1
      )
      select (select count(*)::int from inserted) as moved, coalesce((select closed from round), false) as closed`.execute(
      tx,
    )
    return rows[0] ?? { moved: 0, closed: false }
  })
  if (moved === 0) return 0
  // TRUNCATE false: giving empty pages back needs a lock that would stop every answer
  // save. While the round is open, SKIP_LOCKED leaves a table that another move's vacuum
  // is busy with to the next one; at closing, the last vacuum waits its turn.
  const tables = sql.join(TABLES_TO_VACUUM.map((t) => sql.table(t)))
  if (closed) await sql`vacuum (truncate false) ${tables}`.execute(db)
  else await sql`vacuum (truncate false, skip_locked) ${tables}`.execute(db)
  return moved
}

async function isDue(db: DB, roundId: number): Promise<boolean> {
  const { rows } = await sql<{ due: boolean }>`
    select r.status in ('closed', 'purged')
      or (select count(*) from responses_waiting w where w.round_id = r.id) >= r.release_batch_size as due
    from rounds r where r.id = ${roundId}`.execute(db)
  return rows[0]?.due ?? false
}

export interface Waiting {
  /** Completed responses waiting to be added: results and exports do not have them yet. */
  count: number
  /** How many must wait before they are added together (the round's k). */
  batchSize: number
}

export async function waitingResponses(db: DB, roundId: number): Promise<Waiting> {
  const row = await db
    .selectFrom('rounds as r')
    .select([
      'r.release_batch_size',
      (eb) =>
        eb
          .selectFrom('responses_waiting as w')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('w.round_id', '=', 'r.id')
          .where('w.status', '=', 'complete')
          .as('waiting'),
    ])
    .where('r.id', '=', roundId)
    .executeTakeFirstOrThrow()
  return { count: Number(row.waiting ?? 0), batchSize: row.release_batch_size }
}
