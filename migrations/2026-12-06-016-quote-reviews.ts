import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * Open answers reviewed before a report may quote them (issue 15), and the names each
 * round's reviewer wants flagged in them (the municipality's client managers).
 *
 * A review belongs to a response, which names nobody (DESIGN.md, privacy model), and must
 * keep it that way: no date and no staff member on the row (the audit log records that
 * someone reviewed, with counts only). Nor a foreign key to `responses`: checking one
 * locks the response row (FOR KEY SHARE), which writes the reviewing transaction's id
 * into the response's `xmax`. A trigger deletes a response's reviews with it instead; the
 * round's foreign key deletes them with the round.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('quote_reviews')
    .addColumn('response_id', 'uuid', (c) => c.notNull())
    .addColumn('variable', 'text', (c) => c.notNull())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('accepted', 'rejected')`))
    .addColumn('reviewed_text', 'text')
    .addColumn('print', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('quote_reviews_pkey', ['response_id', 'variable'])
    .addCheckConstraint(
      'quote_reviews_decision_text',
      sql`(decision = 'accepted' and reviewed_text is not null) or (decision = 'rejected' and reviewed_text is null and not print)`,
    )
    .execute()
  await db.schema.createIndex('quote_reviews_round_idx').on('quote_reviews').column('round_id').execute()
  await sql`create function quote_reviews_follow_response() returns trigger language plpgsql as $$
    begin
      delete from quote_reviews where response_id = old.id;
      return old;
    end $$`.execute(db)
  await sql`create trigger responses_delete_quote_reviews after delete on responses
    for each row execute function quote_reviews_follow_response()`.execute(db)

  await db.schema
    .createTable('quote_names')
    .addColumn('round_id', 'integer', (c) => c.primaryKey().references('rounds.id').onDelete('cascade'))
    .addColumn('names', 'text', (c) => c.notNull())
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('quote_names').execute()
  await sql`drop trigger responses_delete_quote_reviews on responses`.execute(db)
  await sql`drop function quote_reviews_follow_response()`.execute(db)
  await db.schema.dropTable('quote_reviews').execute()
}
