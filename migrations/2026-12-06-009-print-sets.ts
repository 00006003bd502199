import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * A print file may hold sets: per person the letter and then their paper questionnaire,
 * one collated stream per municipality (src/mailmerge/print-sets.ts), beside the
 * separate letter and questionnaire files.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table letter_batches drop constraint letter_batches_content_check`.execute(db)
  await sql`alter table letter_batches add constraint letter_batches_content_check
    check (content in ('letters', 'questionnaires', 'sets'))`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from letter_batches where content = 'sets'`.execute(db)
  await sql`alter table letter_batches drop constraint letter_batches_content_check`.execute(db)
  await sql`alter table letter_batches add constraint letter_batches_content_check
    check (content in ('letters', 'questionnaires'))`.execute(db)
}
