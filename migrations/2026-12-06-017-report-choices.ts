import type { Kysely } from 'kysely'

/**
 * Per round: what the researcher last chose to compare the report with (earlier rounds
 * for trends, rounds pooled as reference group, a set of reference figures, weighting),
 * so the summary on the results page compares with the same, and the report opens with
 * it. Null: the defaults (earlier rounds of the same questionnaire, no reference group).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rounds').addColumn('report_choices', 'jsonb').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rounds').dropColumn('report_choices').execute()
}
