/**
 * A scan shows a code and handwriting: it is kept only until its form is stored, and at
 * the latest until the round's purge. Deleting marks rows dead; `vacuumScans` (after the
 * commit) clears their bytes from the table files, as the purge's scrub does for a round.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import { UUID } from './scanned-forms.ts'

/**
 * Deletes the form and every page of it (problem pages kept with it included). Call it
 * in the transaction that stores the response, so that a stored form leaves no scan.
 */
export async function forgetScannedForm(tx: DB, formId: string): Promise<void> {
  if (!UUID.test(formId)) return
  await tx.deleteFrom('scan_pages').where('form_id', '=', formId).execute()
  await tx.deleteFrom('scan_forms').where('id', '=', formId).execute()
}

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
