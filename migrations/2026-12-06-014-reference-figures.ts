import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * Reference figures: what a benchmark organisation (e.g. Divosa) publishes as the
 * average of the participating municipalities, imported as a CSV so a report can set a
 * municipality's figures beside them (services/report/reference-figures.ts).
 * - `reference_sets`: one imported file, named by the researcher, with its source and year.
 * - `reference_figures`: per concept key (src/questionnaire/definition.ts `concept`) and
 *   statistic, the value as the file gave it (a mean 1–10 or a percentage 0–100) and the
 *   number of respondents it rests on. A statistic is `gemiddelde`, `onvoldoende`,
 *   `eens` or `percentage:<code>` (docs/reference-figures.md).
 * Aggregates of other municipalities only: no personal data, so nothing here is purged.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reference_sets')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`length(source) between 1 and 200`))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1990 and 2100`))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('imported_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
    .execute()

  await db.schema
    .createTable('reference_figures')
    .addColumn('set_id', 'integer', (c) => c.notNull().references('reference_sets.id').onDelete('cascade'))
    .addColumn('concept', 'text', (c) => c.notNull())
    .addColumn('statistic', 'text', (c) =>
      c.notNull().check(sql`statistic in ('gemiddelde', 'onvoldoende', 'eens') or statistic ~ '^percentage:-?[0-9]+$'`),
    )
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull().check(sql`n >= 1`))
    .addPrimaryKeyConstraint('reference_figures_pkey', ['set_id', 'concept', 'statistic'])
    .addCheckConstraint(
      'reference_figures_value_range',
      sql`case when statistic = 'gemiddelde' then value between 1 and 10 else value between 0 and 100 end`,
    )
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reference_figures').execute()
  await db.schema.dropTable('reference_sets').execute()
}
