import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * Per round: from which confidence level (whole percent, at a 5% margin) the report calls
 * a municipality's figures "zeer betrouwbaar" and "betrouwbaar"; below, "indicatief". The
 * municipal reports use these words without stating where they draw the line.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rounds')
    .addColumn('very_reliable_percent', 'integer', (c) => c.notNull().defaultTo(95))
    .addColumn('reliable_percent', 'integer', (c) => c.notNull().defaultTo(90))
    .execute()
  await sql`alter table rounds add constraint rounds_reliability_thresholds
    check (reliable_percent between 50 and 99 and very_reliable_percent between reliable_percent + 1 and 100)`.execute(
    db,
  )
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table rounds drop constraint rounds_reliability_thresholds`.execute(db)
  await db.schema.alterTable('rounds').dropColumn('very_reliable_percent').dropColumn('reliable_percent').execute()
}
