/**
 * A scanned form as the checking screen uses it: the values read, the pages to cut the
 * answers out of, and forgetting it all once the form is stored. A scan shows the code
 * and handwriting: it is never linked to the stored response, and goes as soon as the
 * form is stored (or with the round's purge).
 */
import type { DB } from '#src/server/db/connect.ts'
import type { ScanFormStatus } from '#src/server/db/schema.ts'
import type { FormLayout } from '#src/mailmerge/paper-layout.ts'
import type { FormReading, PlacedPage } from '#src/scan/index.ts'
import { placedPagesOf } from './read-scans.ts'

export interface ScannedForm {
  id: string
  roundId: number
  participantId: number
  /** The normalised login code (no dash). */
  code: string
  status: ScanFormStatus
  layout: FormLayout
  /** Undefined until every page with answers is there. */
  reading: FormReading | undefined
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The scanned form `formId`; undefined when there is none (stored, or never there). */
export async function loadScannedForm(db: DB, formId: string): Promise<ScannedForm | undefined> {
  if (!UUID.test(formId)) return undefined
  const row = await db
    .selectFrom('scan_forms as f')
    .innerJoin('participants as p', 'p.id', 'f.participant_id')
    .innerJoin('paper_layouts as l', 'l.id', 'f.layout_id')
    .select(['f.id', 'f.round_id', 'f.participant_id', 'p.code', 'f.status', 'l.layout', 'f.reading'])
    .where('f.id', '=', formId)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    roundId: row.round_id,
    participantId: row.participant_id,
    code: row.code ?? '',
    status: row.status,
    layout: row.layout,
    reading: (row.reading as FormReading | null) ?? undefined,
  }
}

/** The form's pages, decoded and placed: give one with a field's rect to `cutOut` of src/scan. */
export function scannedFormPages(db: DB, formId: string): Promise<PlacedPage[]> {
  return placedPagesOf(db, formId)
}
