/**
 * A scan shows the code and handwriting: once its form is stored, the scan goes. Call in
 * the transaction that stores the form, so a stored form never leaves its scan behind
 * and a failed store keeps it for another try.
 */
import type { DB } from '#src/server/db/connect.ts'

export async function forgetScannedForm(tx: DB, formId: string): Promise<void> {
  await tx.deleteFrom('scan_pages').where('form_id', '=', formId).execute()
  await tx.deleteFrom('scan_forms').where('id', '=', formId).execute()
}
