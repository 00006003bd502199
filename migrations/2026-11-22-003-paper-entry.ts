import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * Paper entry: typists' drafts, double keying, duplicates and keying counts.
 *
 * Privacy (DESIGN.md): drafts, keyings and duplicates are forms that are not yet a
 * counted response; like an online response in progress they are linked to the code
 * until they become a response, and then they are deleted. Complete responses stay
 * without link and without date. The only per-day figures are aggregate counts per
 * typist, which name no form.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // How the paper form was coded beyond its answers (marks, values that are no code,
  // answers outside routing, no code): see src/server/services/paper-coding.ts.
  await db.schema.alterTable('responses').addColumn('paper_coding', 'jsonb').execute()
  await sql`alter table responses add constraint responses_paper_coding_only_paper check (paper_coding is null or mode = 'paper')`.execute(
    db,
  )

  // Numbers for forms without a code in rounds with double keying: the first typist
  // writes the number on the form, the second types it instead of a code.
  await sql`create sequence paper_form_number_seq`.execute(db)

  // A form being keyed: one per typist per code (or per round for a form without code),
  // so it survives a closed tab. `fields` holds what was typed, per answer key.
  await db.schema
    .createTable('paper_drafts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('typist_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.references('participants.id').onDelete('cascade'))
    .addColumn('form_number', 'integer')
    .addColumn('stratum_id', 'integer', (c) => c.notNull().references('strata.id').onDelete('cascade'))
    .addColumn('fields', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
  await sql`create unique index paper_drafts_typist_code_unique on paper_drafts (typist_id, participant_id) where participant_id is not null`.execute(
    db,
  )
  await sql`create unique index paper_drafts_typist_number_unique on paper_drafts (typist_id, form_number) where form_number is not null`.execute(
    db,
  )
  await sql`create unique index paper_drafts_typist_nocode_unique on paper_drafts (typist_id, round_id) where participant_id is null and form_number is null`.execute(
    db,
  )

  // Double keying: each keying of a form until the two agree or a reviewer decides.
  await db.schema
    .createTable('paper_keyings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('stratum_id', 'integer', (c) => c.notNull().references('strata.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.references('participants.id').onDelete('cascade'))
    .addColumn('form_number', 'integer')
    .addColumn('typist_id', 'integer', (c) => c.notNull().references('staff_users.id'))
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('nl'))
    .addColumn('wave', 'text', (c) => c.notNull().check(sql`wave in ('before_reminder', 'after_reminder')`))
    // The day the form was first keyed: the day it is counted in daily_counts once it is
    // reconciled. The row is deleted then, so the date never sits next to a response.
    .addColumn('keyed_on', 'date', (c) => c.notNull())
    .addCheckConstraint('paper_keyings_code_or_number', sql`(participant_id is null) <> (form_number is null)`)
    .execute()
  await db.schema.createIndex('paper_keyings_participant_idx').on('paper_keyings').column('participant_id').execute()
  await db.schema
    .createIndex('paper_keyings_round_idx')
    .on('paper_keyings')
    .columns(['round_id', 'form_number'])
    .execute()

  // A paper form for a code that already has a response, until a researcher resolves it.
  await db.schema
    .createTable('paper_duplicates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('stratum_id', 'integer', (c) => c.notNull().references('strata.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('earlier_mode', 'text', (c) => c.notNull().check(sql`earlier_mode in ('online', 'paper')`))
    .addColumn('typist_id', 'integer', (c) => c.notNull().references('staff_users.id'))
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('nl'))
    .addColumn('wave', 'text', (c) => c.notNull().check(sql`wave in ('before_reminder', 'after_reminder')`))
    .execute()
  await db.schema.createIndex('paper_duplicates_round_idx').on('paper_duplicates').column('round_id').execute()

  // Keying work per typist per day, as aggregate counts only.
  await db.schema
    .createTable('paper_keying_stats')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('typist_id', 'integer', (c) => c.notNull().references('staff_users.id'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('forms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fields_compared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fields_differing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fields_corrected', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('paper_keying_stats_pk', ['round_id', 'typist_id', 'day'])
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['paper_keying_stats', 'paper_duplicates', 'paper_keyings', 'paper_drafts']) {
    await db.schema.dropTable(table).execute()
  }
  await sql`drop sequence paper_form_number_seq`.execute(db)
  await sql`alter table responses drop constraint responses_paper_coding_only_paper`.execute(db)
  await db.schema.alterTable('responses').dropColumn('paper_coding').execute()
}
