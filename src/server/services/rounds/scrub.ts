/**
 * After a purge the deleted rows must be gone from the disk too, not only from queries.
 * PostgreSQL deletes a row by marking it dead: its bytes stay in the table's and its
 * indexes' files until the space is reused, and in the write-ahead log (WAL) until the
 * segment is removed, so a copy of the data folder would still hold every name and code.
 *
 * So the tables that held personal data are rewritten (VACUUM FULL writes new files and
 * deletes the old ones, indexes included), and the WAL is moved past the deletion: a
 * checkpoint, a switch to a new segment and a checkpoint again, with old segments deleted
 * rather than renamed for reuse with their old bytes in them (wal_recycle = off).
 *
 * VACUUM FULL locks each table while it is rewritten (about a second for 100,000
 * participants): a purge is rare, and sign-ins wait rather than fail.
 *
 * On a PostgreSQL server the WAL part needs a superuser (CHECKPOINT, wal_recycle): the
 * compose file's database user is one, and its server runs with wal_recycle=off, since
 * the checkpointer is a process of its own. Without those rights the tables are still
 * rewritten, and the log says what was left to the server's own checkpoints.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'

/** Every table whose rows name a person or carry their code or address. */
const TABLES_WITH_PERSONAL_DATA = [
  'participants',
  'mailing_recipients',
  'email_messages',
  'paper_drafts',
  'paper_keyings',
  'paper_duplicates',
  'answers_in_progress',
  'responses_waiting',
  'responses',
  'import_uploads',
  // Names to flag in open answers: the municipality's client managers (migration 016).
  'quote_names',
  // Scanned pages show a code and handwriting (migration 018).
  'scan_batches',
  'scan_pages',
  'scan_forms',
] as const

export interface ScrubResult {
  tablesRewritten: number
  /** False when the database user may not checkpoint (a server without superuser rights). */
  walMovedOn: boolean
}

export async function scrubDeletedRows(db: DB): Promise<ScrubResult> {
  for (const table of TABLES_WITH_PERSONAL_DATA) await sql`vacuum full ${sql.table(table)}`.execute(db)
  // One connection: wal_recycle is a setting of this session (PGlite's checkpoints run in it).
  const walMovedOn = await db.connection().execute(async (connection) => {
    try {
      await sql`set wal_recycle = off`.execute(connection)
      await sql`checkpoint`.execute(connection)
      await sql`select pg_switch_wal()`.execute(connection)
      await sql`checkpoint`.execute(connection)
      return true
    } catch {
      return false
    }
  })
  return { tablesRewritten: TABLES_WITH_PERSONAL_DATA.length, walMovedOn }
}
