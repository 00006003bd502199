import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// Migrations take Kysely<any>: they describe the schema at one point in history,
// not the types of today's code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('questionnaires')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('questionnaires_key_version_unique', ['key', 'version'])
    .execute()

  await db.schema
    .createTable('rounds')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaires.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'open', 'closed', 'purged')`),
    )
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .addColumn('retention_until', 'date')
    .addColumn('double_keying', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('rounds_dates_check', sql`closes_on >= opens_on`)
    .execute()

  await db.schema
    .createTable('strata')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('strata_round_code_unique', ['round_id', 'code'])
    .execute()

  // Personal data lives here only, and only until the round's retention ends.
  await db.schema
    .createTable('participants')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('stratum_id', 'integer', (c) => c.notNull().references('strata.id'))
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('client_number', 'text')
    .addColumn('initials', 'text')
    .addColumn('name_prefix', 'text')
    .addColumn('last_name', 'text')
    .addColumn('street', 'text')
    .addColumn('house_number', 'text')
    .addColumn('house_number_suffix', 'text')
    .addColumn('postcode', 'text')
    .addColumn('city', 'text')
    .addColumn('email', 'text')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('nl'))
    // pending → in_progress (first answer saved) → completed. No dates: see DESIGN.md.
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'in_progress', 'completed')`),
    )
    .addColumn('completed_mode', 'text', (c) => c.check(sql`completed_mode in ('online', 'paper')`))
    .addColumn('opted_out', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('mail_returned', 'boolean', (c) => c.notNull().defaultTo(false))
    .addCheckConstraint(
      'participants_completion_consistent',
      sql`(status = 'completed') = (completed_mode is not null)`,
    )
    .execute()
  await db.schema.createIndex('participants_round_idx').on('participants').columns(['round_id', 'stratum_id']).execute()
  await db.schema
    .createIndex('participants_round_client_unique')
    .on('participants')
    .columns(['round_id', 'client_number'])
    .unique()
    .execute()

  // Random ids and no dates, so neither order nor time links a response to a person.
  await db.schema
    .createTable('responses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('stratum_id', 'integer', (c) => c.notNull().references('strata.id'))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('online', 'paper')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('in_progress', 'partial', 'complete')`))
    // Set only while in progress, so the respondent can resume; cleared on submit or close.
    .addColumn('participant_id', 'integer', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('nl'))
    .addColumn('wave', 'text', (c) => c.check(sql`wave in ('before_reminder', 'after_reminder')`))
    .addCheckConstraint('responses_link_only_in_progress', sql`participant_id is null or status = 'in_progress'`)
    .execute()
  await db.schema
    .createIndex('responses_participant_unique')
    .on('responses')
    .column('participant_id')
    .unique()
    .where(sql.ref('participant_id'), 'is not', null)
    .execute()
  await db.schema
    .createIndex('responses_round_idx')
    .on('responses')
    .columns(['round_id', 'stratum_id', 'status'])
    .execute()

  // The response curve, as aggregate counts only.
  await db.schema
    .createTable('daily_counts')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('stratum_id', 'integer', (c) => c.notNull().references('strata.id'))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('online', 'paper')`))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('daily_counts_pk', ['round_id', 'stratum_id', 'mode', 'day'])
    .execute()

  await db.schema
    .createTable('mailings')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('invitation', 'reminder')`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('letter', 'email')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer')
    .addColumn('recipient_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('administrator', 'researcher', 'typist')`))
    .addColumn('totp_secret', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // Hits per key per window, shared by every app instance on the database.
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_hits_pk', ['key', 'window_start'])
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('round_id', 'integer')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
  // The audit log is append-only, whatever a bug in the app might try.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end;
    $$`.execute(db)
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'rate_limit_hits',
    'staff_users',
    'mailings',
    'daily_counts',
    'responses',
    'participants',
    'strata',
    'rounds',
    'questionnaires',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await sql`drop function audit_log_append_only`.execute(db)
}
