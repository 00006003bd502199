import type { Kysely } from 'kysely'

/**
 * Per round: whether a paper answer to a question the routing skips counts (as the paper
 * shows it) or not. Results and exports follow the same choice (issue: one base, one rule).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rounds')
    .addColumn('count_outside_routing', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rounds').dropColumn('count_outside_routing').execute()
}
