import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * A response can be screened out: the respondent gave a screen-out answer (not in the
 * survey's target group, src/questionnaire/definition.ts `ScreenOut`) and the
 * questionnaire ended there. It is stored like a complete response, with the answers
 * given so far, in the same two tables and by the same anonymous path (migration 006);
 * only its status says it. No column is added: the participant keeps "completed" and
 * the mode, as for any response, so nothing that names a person says who was screened
 * out (that would be an answer about them).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['responses', 'responses_waiting']) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_status_check`)}`.execute(db)
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_status_check`)}
      check (status in ('partial', 'complete', 'screened_out'))`.execute(db)
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['responses', 'responses_waiting']) {
    // A screened-out response has no place in the older model: it goes, as it is not a response.
    await sql`delete from ${sql.table(table)} where status = 'screened_out'`.execute(db)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_status_check`)}`.execute(db)
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_status_check`)}
      check (status in ('partial', 'complete'))`.execute(db)
  }
}
