import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * Scanned paper forms (src/scan reads them):
 * - paper_layouts: where every answer area of a printed form variant is (per round,
 *   language and stratum), recorded when the forms are printed; a participant's form
 *   points at the layout it was printed with;
 * - scan_batches: one uploaded file (or several from the command line) and how far its
 *   reading is; scan_pages: each page as a grey PNG until its form is stored, with what
 *   was read from it (barcode, placement) or why it could not be read;
 * - scan_forms: the pages of one login code put together, with the values read, until a
 *   typist has checked and stored the form.
 * A scan shows the code and handwriting: the pages and the form are deleted when the form
 * is stored (they are never linked to the response), and go with the round.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('paper_layouts')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('stratum_code', 'text')
    /** The same layout printed twice is stored once: a hash of the layout. */
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('layout', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('paper_layouts_round_fingerprint', ['round_id', 'fingerprint'])
    .execute()
  await db.schema
    .alterTable('participants')
    .addColumn('paper_layout_id', 'integer', (c) => c.references('paper_layouts.id').onDelete('set null'))
    .execute()

  await db.schema
    .createTable('scan_batches')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('created_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('reading').check(sql`status in ('reading', 'done', 'failed')`),
    )
    .addColumn('error', 'text')
    .execute()

  await db.schema
    .createTable('scan_forms')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('layout_id', 'integer', (c) => c.notNull().references('paper_layouts.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('incomplete').check(sql`status in ('incomplete', 'ready')`),
    )
    /** The values read (FormReading of src/scan), once every page is there. */
    .addColumn('reading', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('scan_forms_participant', ['participant_id'])
    .execute()

  await db.schema
    .createTable('scan_pages')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('scan_batches.id').onDelete('cascade'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    /** 1-based page of the uploaded file(s), in upload order. */
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('image', 'bytea', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'read', 'problem')`),
    )
    /** Why the page could not be used: see ScanPageProblem in schema.ts. */
    .addColumn('problem', 'text')
    .addColumn('form_id', 'uuid', (c) => c.references('scan_forms.id').onDelete('cascade'))
    .addColumn('form_page', 'integer')
    /** Where the printed page lies on the image (PagePlacement of src/scan). */
    .addColumn('placement', 'jsonb')
    /** What each answer area of the page shows (PageMarks of src/scan): the form is put together from these. */
    .addColumn('marks', 'jsonb')
    .execute()
  await db.schema.createIndex('scan_pages_batch').on('scan_pages').columns(['batch_id', 'position']).execute()
  await db.schema.createIndex('scan_pages_form').on('scan_pages').columns(['form_id', 'form_page']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scan_pages').execute()
  await db.schema.dropTable('scan_forms').execute()
  await db.schema.dropTable('scan_batches').execute()
  await db.schema.alterTable('participants').dropColumn('paper_layout_id').execute()
  await db.schema.dropTable('paper_layouts').execute()
}
