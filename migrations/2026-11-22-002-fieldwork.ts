import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// Fieldwork: the client import's staging area, the sample, letter templates, print
// jobs, who each mailing went to, and the durable e-mail queue.
// Every table that holds or points at personal data cascades from participants or
// rounds, so deleting a round's participants (purge) leaves none of it behind.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // An address that bounced is not mailed again (set from SMTP rejections or by staff).
  await db.schema
    .alterTable('participants')
    .addColumn('email_bounced', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()

  // An uploaded client file between its preview and the staff member's decision. It lives
  // in the database (not in a temporary file) so that personal data stays under the same
  // access control, backups and purge as the participants, and any app instance can
  // confirm it. Deleted on confirm, cancel, a new upload or after a day.
  await db.schema
    .createTable('import_uploads')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    // The rows that passed every check, normalised, ready to insert.
    .addColumn('rows', 'jsonb', (c) => c.notNull())
    // The rows that did not: line number, reasons, and what the line held (for the preview).
    .addColumn('problems', 'jsonb', (c) => c.notNull())
    .execute()

  // The confirmed sample, one row per stratum. The seed and the population's fingerprint
  // make the draw reproducible and checkable against the municipality's file, after the
  // clients who were not drawn have been deleted.
  await db.schema
    .createTable('samples')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('stratum_id', 'integer', (c) => c.notNull().references('strata.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('everyone', 'random')`))
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('selected', 'integer', (c) => c.notNull())
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .addColumn('population_sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer')
    .addPrimaryKeyConstraint('samples_pk', ['round_id', 'stratum_id'])
    .addCheckConstraint('samples_selected_in_population', sql`selected >= 0 and selected <= population`)
    .execute()

  // Letter texts per round (stratum_id null) and per municipality, for each kind of letter.
  await db.schema
    .createTable('letter_templates')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('stratum_id', 'integer', (c) => c.references('strata.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('invitation', 'reminder')`))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('logo', 'bytea')
    .addColumn('logo_type', 'text', (c) => c.check(sql`logo_type in ('image/png', 'image/jpeg')`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer')
    .execute()
  // PostgreSQL 15: one round-wide template (stratum null) per kind, one per municipality.
  await sql`create unique index letter_templates_unique on letter_templates (round_id, stratum_id, kind) nulls not distinct`.execute(
    db,
  )

  // Who a mailing went to, fixed when it was made: a reprint prints the same people,
  // with the same codes.
  await db.schema
    .createTable('mailing_recipients')
    .addColumn('mailing_id', 'integer', (c) => c.notNull().references('mailings.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('mailing_recipients_pk', ['mailing_id', 'participant_id'])
    .execute()
  await db.schema
    .createIndex('mailing_recipients_participant_idx')
    .on('mailing_recipients')
    .column('participant_id')
    .execute()

  // Print files (letters or paper questionnaires) made off the request path. The PDF is
  // written to DATA_DIR/batches/; making it again never changes codes.
  // A row is one file: one content of one mailing for one municipality.
  await db.schema
    .createTable('letter_batches')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('mailing_id', 'integer', (c) => c.notNull().references('mailings.id').onDelete('cascade'))
    // One print file per municipality: each has its own letterhead, sender and postage.
    .addColumn('stratum_id', 'integer', (c) => c.notNull().references('strata.id').onDelete('cascade'))
    .addColumn('content', 'text', (c) => c.notNull().check(sql`content in ('letters', 'questionnaires')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('queued').check(sql`status in ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('file_name', 'text')
    .addColumn('file_size', 'bigint')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer')
    // Renewed while a worker makes the file; a stale one means the worker died.
    .addColumn('heartbeat_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addUniqueConstraint('letter_batches_one_file', ['mailing_id', 'stratum_id', 'content'])
    .execute()
  await db.schema.createIndex('letter_batches_round_idx').on('letter_batches').columns(['round_id', 'id']).execute()

  // The e-mail queue: one row per participant per mailing. Workers on any app instance
  // claim rows with FOR UPDATE SKIP LOCKED. 'sending' is committed before the SMTP
  // conversation; a row found still 'sending' after its lease has expired may or may not
  // have gone out, so it becomes 'uncertain' and is never resent without a person's
  // decision (at most once). message_id is fixed per row, so even a resend carries the
  // same Message-ID.
  await db.schema
    .createTable('email_messages')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('mailing_id', 'integer', (c) => c.notNull().references('mailings.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'sending', 'sent', 'failed', 'uncertain', 'skipped')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('claimed_at', 'timestamptz')
    .addUniqueConstraint('email_messages_mailing_participant_unique', ['mailing_id', 'participant_id'])
    .execute()
  await sql`create index email_messages_due_idx on email_messages (next_attempt_at, id) where status = 'queued'`.execute(
    db,
  )
  await db.schema.createIndex('email_messages_participant_idx').on('email_messages').column('participant_id').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'email_messages',
    'letter_batches',
    'mailing_recipients',
    'letter_templates',
    'samples',
    'import_uploads',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.alterTable('participants').dropColumn('email_bounced').execute()
}
