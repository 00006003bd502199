import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * Questionnaires managed in the app (/beheer/vragenlijsten): a version is either built in
 * (a file in questionnaires/, installed at start) or uploaded by a researcher, and may
 * name the version it was made from, for the diff. A version that a round has opened
 * with is frozen: answers were given to exactly that text, so the database refuses to
 * change it, whatever a bug in the app might try.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('questionnaires')
    .addColumn('origin', 'text', (c) =>
      c.notNull().defaultTo('built-in').check(sql`origin in ('built-in', 'uploaded')`),
    )
    .addColumn('based_on_id', 'integer', (c) => c.references('questionnaires.id'))
    .addColumn('uploaded_by', 'text')
    .addColumn('replaced_at', 'timestamptz')
    .execute()
  await sql`
    create function questionnaire_version_frozen() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from rounds where questionnaire_id = old.id and status <> 'draft')
        and (new.definition is distinct from old.definition
          or new.key is distinct from old.key
          or new.version is distinct from old.version) then
        raise exception 'questionnaire % version % is in use by an opened round and cannot change', old.key, old.version;
      end if;
      return new;
    end;
    $$`.execute(db)
  await sql`
    create trigger questionnaire_version_no_change before update on questionnaires
    for each row execute function questionnaire_version_frozen()`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger questionnaire_version_no_change on questionnaires`.execute(db)
  await sql`drop function questionnaire_version_frozen()`.execute(db)
  await db.schema
    .alterTable('questionnaires')
    .dropColumn('origin')
    .dropColumn('based_on_id')
    .dropColumn('uploaded_by')
    .dropColumn('replaced_at')
    .execute()
}
