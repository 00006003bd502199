/**
 * A scan shows a code and handwriting: it is kept only until its form is stored
 * (forget-scanned-form.ts), and at the latest until the round's purge. Deleting marks
 * rows dead; `vacuumScans` (after the commit) clears their bytes from the table files,
 * as the purge's scrub does for a round.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'

/** Every scan of a round: uploaded files, their pages (problem pages too) and forms. For the purge. */
export async function deleteRoundScans(tx: DB, roundId: number): Promise<void> {
  await tx.deleteFrom('scan_pages').where('round_id', '=', roundId).execute()
  await tx.deleteFrom('scan_forms').where('round_id', '=', roundId).execute()
  await tx.deleteFrom('scan_batches').where('round_id', '=', roundId).execute()
}

/**
 * Clears deleted scans from the table files (and their TOAST files, where images are).
 * Outside a transaction, after the deletion is committed; skips a table another vacuum holds.
 */
export async function vacuumScans(db: DB): Promise<void> {
  await sql`vacuum (truncate false, skip_locked) scan_pages, scan_forms`.execute(db)
}
