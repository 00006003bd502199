import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * Completed responses no longer share a transaction with anything that names a person.
 *
 * Before, a submission unlinked the response and completed the participant in one
 * transaction, so both rows carried the same `xmin`: `participants join responses on
 * xmin` named who gave which answers. Now three tables each hold one stage:
 * - `answers_in_progress`: answers being filled in online, keyed by participant (the
 *   respondent must be able to resume), never complete;
 * - `responses_waiting`: a completed response, without participant, written in the
 *   transaction that completes the participant;
 * - `responses`: written only by a later transaction that moves a round's waiting
 *   responses together, in random order, once at least `rounds.release_batch_size` wait
 *   (or when the round closes), and then vacuums the tables whose old row versions could
 *   bridge the two (services/responses/release-responses.ts).
 *
 * The responses already stored are rewritten in random order by this migration's
 * transaction, so they lose the `xmin` and the physical order they were written in;
 * TRUNCATE gives the table a new file, so their old row versions are not left behind.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('answers_in_progress')
    .addColumn('participant_id', 'integer', (c) => c.primaryKey().references('participants.id').onDelete('cascade'))
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('nl'))
    .execute()
  await sql`
    insert into answers_in_progress (participant_id, answers, language)
    select participant_id, answers, language from responses
    where status = 'in_progress' and participant_id is not null`.execute(db)

  await db.schema
    .createTable('responses_waiting')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('stratum_id', 'integer', (c) => c.notNull().references('strata.id'))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('online', 'paper')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('partial', 'complete')`))
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('wave', 'text', (c) => c.check(sql`wave in ('before_reminder', 'after_reminder')`))
    .addColumn('paper_coding', 'jsonb', (c) => c.check(sql`paper_coding is null or mode = 'paper'`))
    .execute()
  await db.schema.createIndex('responses_waiting_round_idx').on('responses_waiting').column('round_id').execute()

  await db.schema
    .alterTable('rounds')
    .addColumn('release_batch_size', 'integer', (c) =>
      c.notNull().defaultTo(10).check(sql`release_batch_size between 1 and 1000`),
    )
    .execute()

  // Dropping the column drops its unique index and the responses_link_only_in_progress check.
  await sql`alter table responses drop column participant_id`.execute(db)
  await sql`create temporary table responses_shuffled on commit drop as
    select * from responses where status <> 'in_progress' order by random()`.execute(db)
  await sql`truncate responses`.execute(db)
  await sql`alter table responses drop constraint responses_status_check`.execute(db)
  await sql`alter table responses add constraint responses_status_check check (status in ('partial', 'complete'))`.execute(
    db,
  )
  await sql`insert into responses select * from responses_shuffled`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`insert into responses (round_id, stratum_id, mode, status, answers, language, wave, paper_coding)
    select round_id, stratum_id, mode, status, answers, language, wave, paper_coding from responses_waiting`.execute(db)
  await sql`alter table responses drop constraint responses_status_check`.execute(db)
  await sql`alter table responses add constraint responses_status_check
    check (status in ('in_progress', 'partial', 'complete'))`.execute(db)
  await sql`alter table responses add column participant_id integer references participants(id) on delete set null`.execute(
    db,
  )
  await sql`alter table responses add constraint responses_link_only_in_progress
    check (participant_id is null or status = 'in_progress')`.execute(db)
  await sql`create unique index responses_participant_unique on responses (participant_id)
    where participant_id is not null`.execute(db)
  await sql`insert into responses (round_id, stratum_id, mode, status, participant_id, answers, language)
    select p.round_id, p.stratum_id, 'online', 'in_progress', a.participant_id, a.answers, a.language
    from answers_in_progress a join participants p on p.id = a.participant_id`.execute(db)
  await db.schema.alterTable('rounds').dropColumn('release_batch_size').execute()
  await db.schema.dropTable('responses_waiting').execute()
  await db.schema.dropTable('answers_in_progress').execute()
}
