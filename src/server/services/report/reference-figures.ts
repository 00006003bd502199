/**
 * Reference figures in the database: sets imported from a benchmark organisation's CSV
 * (reference-file.ts checks the file), listed and deleted at /beheer/referentiecijfers,
 * and read by a report to set a municipality's figures beside the reference group's.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import type { ReferenceFigureRow } from './reference-file.ts'

import type { ReferenceFigures } from '#src/report/reference-figures.ts'

export interface ReferenceSet {
  id: number
  name: string
  source: string
  year: number
  importedAt: Date
  /** Null once the account is gone. */
  importedBy: string | null
  figures: number
}

export interface ReferenceSetFields {
  name: string
  source: string
  year: number
}

export async function listReferenceSets(db: DB): Promise<ReferenceSet[]> {
  const rows = await db
    .selectFrom('reference_sets as s')
    .leftJoin('staff_users as u', 'u.id', 's.imported_by')
    .select([
      's.id',
      's.name',
      's.source',
      's.year',
      's.imported_at',
      'u.username',
      (eb) =>
        eb
          .selectFrom('reference_figures as f')
          .select(sql<number>`count(*)::integer`.as('n'))
          .whereRef('f.set_id', '=', 's.id')
          .as('figures'),
    ])
    .orderBy('s.year', 'desc')
    .orderBy('s.id', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    source: r.source,
    year: r.year,
    importedAt: r.imported_at,
    importedBy: r.username,
    figures: Number(r.figures ?? 0),
  }))
}

/** Stores a checked file as a new set, all rows or none; returns the set's id. */
export async function saveReferenceSet(
  db: DB,
  fields: ReferenceSetFields,
  figures: ReferenceFigureRow[],
  actor: AuditActor,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('reference_sets')
      .values({ name: fields.name, source: fields.source, year: fields.year, imported_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    // One statement with one JSON parameter, as for the client file (client-import.ts).
    const json = JSON.stringify(figures.map(({ concept, statistic, value, n }) => ({ concept, statistic, value, n })))
    await sql`
      insert into reference_figures (set_id, concept, statistic, value, n)
      select ${id}, r.concept, r.statistic, r.value, r.n
      from jsonb_to_recordset(${json}::jsonb) as r(concept text, statistic text, value double precision, n integer)`.execute(
      tx,
    )
    await audit(tx, actor, 'reference-figures.upload', { name: fields.name, rows: figures.length })
    return id
  })
}

/** Deletes a set and its figures; returns its name, or null when there was no such set. */
export async function deleteReferenceSet(db: DB, setId: number, actor: AuditActor): Promise<string | null> {
  return db.transaction().execute(async (tx) => {
    const { figures } = await tx
      .selectFrom('reference_figures')
      .select(sql<number>`count(*)::integer`.as('figures'))
      .where('set_id', '=', setId)
      .executeTakeFirstOrThrow()
    const deleted = await tx.deleteFrom('reference_sets').where('id', '=', setId).returning('name').executeTakeFirst()
    if (!deleted) return null
    await audit(tx, actor, 'reference-figures.delete', { name: deleted.name, rows: figures })
    return deleted.name
  })
}

/** A set's figures, percentages as shares 0–1; an empty map for a set that does not exist. */
export async function loadReferenceFigures(db: DB, setId: number): Promise<ReferenceFigures> {
  const rows = await db
    .selectFrom('reference_figures')
    .select(['concept', 'statistic', 'value', 'n'])
    .where('set_id', '=', setId)
    .orderBy('concept')
    .orderBy('statistic')
    .execute()
  const figures = new Map<string, Map<string, { value: number; n: number }>>()
  for (const r of rows) {
    let perStatistic = figures.get(r.concept)
    if (!perStatistic) figures.set(r.concept, (perStatistic = new Map()))
    perStatistic.set(r.statistic, { value: r.statistic === 'gemiddelde' ? r.value : r.value / 100, n: r.n })
  }
  return figures
}
