import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * Population margins for weighting to age × sex (services/report/population-margins.ts).
 * The client file may carry a birth year and a sex per client; neither is stored with
 * the client (the response has no link to the client file, and a participant row would
 * give both away). Only their counts are kept: per stratum, birth year and sex (null
 * where the file left it empty or had no such column), the clients of the imported
 * file, i.e. the population the sample is drawn from. Written with the import, in its
 * transaction; kept at the purge, like `stratum_counts`, since a count names nobody.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('population_margins')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('stratum_id', 'integer', (c) => c.notNull().references('strata.id').onDelete('cascade'))
    .addColumn('birth_year', 'integer', (c) => c.check(sql`birth_year between 1900 and 2100`))
    .addColumn('sex', 'text', (c) => c.check(sql`sex in ('man', 'vrouw', 'anders')`))
    .addColumn('clients', 'integer', (c) => c.notNull().check(sql`clients >= 1`))
    .execute()
  // One row per cell, null a value of its own: a second import of the round adds to it.
  await sql`create unique index population_margins_cell on population_margins
    (round_id, stratum_id, coalesce(birth_year, 0), coalesce(sex, ''))`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('population_margins').execute()
}
