import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * Indexes for the response monitor on big rounds (`npm run bench`: 100,000 participants,
 * 20,000 responses).
 *
 * - The monitor counts a round's responses per stratum, status, mode and mailing wave.
 *   With only (round_id, stratum_id, status) indexed, PostgreSQL read every response
 *   row, answers and all (about 1 kB each). With mode and wave in the index the counts
 *   come from the index alone. The new index starts with the old one's columns, so it
 *   serves every query the old one did, and replaces it. Answer saves change none of
 *   these columns, so the wider index costs them no more than the old one did.
 * - Until a sample is recorded, the number written to is the count of participants with
 *   a login code; without an index on that, every imported client's row was read.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('responses_counts_idx')
    .on('responses')
    .columns(['round_id', 'stratum_id', 'status', 'mode', 'wave'])
    .execute()
  await db.schema.dropIndex('responses_round_idx').execute()
  await db.schema
    .createIndex('participants_invited_idx')
    .on('participants')
    .columns(['round_id', 'stratum_id'])
    .where(sql.ref('code'), 'is not', null)
    .execute()
  // Fresh statistics, so the planner picks the new indexes at once.
  await sql`analyze responses, participants`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('participants_invited_idx').execute()
  await db.schema
    .createIndex('responses_round_idx')
    .on('responses')
    .columns(['round_id', 'stratum_id', 'status'])
    .execute()
  await db.schema.dropIndex('responses_counts_idx').execute()
}
