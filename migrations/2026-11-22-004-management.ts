import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rounds')
    // The planned day of the reminder letter (the reminder itself is a mailing).
    .addColumn('reminder_on', 'date')
    // Results for a group smaller than this are not shown, so nobody is recognisable.
    .addColumn('min_group_size', 'integer', (c) => c.notNull().defaultTo(5).check(sql`min_group_size >= 1`))
    .execute()
  await sql`alter table rounds add constraint rounds_reminder_in_round check (reminder_on is null or (reminder_on >= opens_on and reminder_on <= closes_on))`.execute(
    db,
  )

  await db.schema
    .alterTable('staff_users')
    // The last 30-second step a second-factor code was accepted for: a code works once.
    .addColumn('totp_last_step', 'bigint')
    // Set for a password an administrator handed out; cleared when the user picks their own.
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()

  // What the monitor needs of the participants once their rows are deleted at purge.
  await db.schema
    .createTable('stratum_counts')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('stratum_id', 'integer', (c) => c.notNull().references('strata.id').onDelete('cascade'))
    .addColumn('invited', 'integer', (c) => c.notNull())
    .addColumn('opted_out', 'integer', (c) => c.notNull())
    .addColumn('mail_returned', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stratum_counts_pk', ['round_id', 'stratum_id'])
    .execute()

  await db.schema.createIndex('audit_log_round_idx').on('audit_log').columns(['round_id', 'id']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_round_idx').execute()
  await db.schema.dropTable('stratum_counts').execute()
  await db.schema.alterTable('staff_users').dropColumn('totp_last_step').dropColumn('must_change_password').execute()
  await sql`alter table rounds drop constraint rounds_reminder_in_round`.execute(db)
  await db.schema.alterTable('rounds').dropColumn('reminder_on').dropColumn('min_group_size').execute()
}
