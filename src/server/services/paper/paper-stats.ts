/**
 * Keying figures for the staff view: forms per typist per day, agreement of double
 * keying per typist, and the paper work still open in a round.
 *
 * Only aggregate counts are stored (typist, day, number of forms): nothing names a
 * form, so they cannot be joined to a participant or a response.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'

export interface StatsDelta {
  forms?: number
  fieldsCompared?: number
  fieldsDiffering?: number
  fieldsCorrected?: number
}

export async function addKeyingStats(
  db: DB,
  roundId: number,
  typistId: number,
  delta: StatsDelta,
  day = todayInAmsterdam(),
): Promise<void> {
  const values = {
    forms: delta.forms ?? 0,
    fields_compared: delta.fieldsCompared ?? 0,
    fields_differing: delta.fieldsDiffering ?? 0,
    fields_corrected: delta.fieldsCorrected ?? 0,
  }
  await db
    .insertInto('paper_keying_stats')
    .values({ round_id: roundId, typist_id: typistId, day, ...values })
    .onConflict((oc) =>
      oc.columns(['round_id', 'typist_id', 'day']).doUpdateSet({
        forms: sql`paper_keying_stats.forms + ${values.forms}`,
        fields_compared: sql`paper_keying_stats.fields_compared + ${values.fields_compared}`,
        fields_differing: sql`paper_keying_stats.fields_differing + ${values.fields_differing}`,
        fields_corrected: sql`paper_keying_stats.fields_corrected + ${values.fields_corrected}`,
      }),
    )
    .execute()
}

export interface TypistDay {
  day: string
  typistId: number
  typistName: string
  forms: number
}

export interface TypistTotals {
  typistId: number
  typistName: string
  forms: number
  fieldsCompared: number
  fieldsDiffering: number
  fieldsCorrected: number
  /** Share of compared fields where both keyings agreed; null without double keying. */
  agreement: number | null
  /** Share of compared fields where this typist's value stood after review. */
  accuracy: number | null
}

export interface StratumPaperCounts {
  stratumId: number
  stratumName: string
  /** Complete paper responses with a code. */
  withCode: number
  /** Complete paper responses keyed without (readable) code: counted apart. */
  noCode: number
}

export interface PaperWork {
  strata: StratumPaperCounts[]
  /** Forms keyed once in a round with double keying, waiting for the second keying. */
  awaitingSecondKeying: number
  /** Forms keyed twice with differences, waiting for a reviewer. */
  awaitingReview: number
  openDuplicates: number
  /** Forms typists have open (drafts). */
  openDrafts: number
}

export async function keyingPerDay(db: DB, roundId: number): Promise<TypistDay[]> {
  const rows = await db
    .selectFrom('paper_keying_stats as s')
    .innerJoin('staff_users as u', 'u.id', 's.typist_id')
    .select(['s.day', 's.typist_id', 'u.display_name', 's.forms'])
    .where('s.round_id', '=', roundId)
    .where('s.forms', '>', 0)
    .orderBy('s.day', 'desc')
    .orderBy('u.display_name')
    .execute()
  return rows.map((r) => ({ day: r.day, typistId: r.typist_id, typistName: r.display_name, forms: r.forms }))
}

export async function keyingPerTypist(db: DB, roundId: number): Promise<TypistTotals[]> {
  const rows = await db
    .selectFrom('paper_keying_stats as s')
    .innerJoin('staff_users as u', 'u.id', 's.typist_id')
    .select((eb) => [
      's.typist_id',
      'u.display_name',
      eb.fn.sum<number>('s.forms').as('forms'),
      eb.fn.sum<number>('s.fields_compared').as('compared'),
      eb.fn.sum<number>('s.fields_differing').as('differing'),
      eb.fn.sum<number>('s.fields_corrected').as('corrected'),
    ])
    .where('s.round_id', '=', roundId)
    .groupBy(['s.typist_id', 'u.display_name'])
    .orderBy('u.display_name')
    .execute()
  return rows.map((r) => {
    const compared = Number(r.compared)
    return {
      typistId: r.typist_id,
      typistName: r.display_name,
      forms: Number(r.forms),
      fieldsCompared: compared,
      fieldsDiffering: Number(r.differing),
      fieldsCorrected: Number(r.corrected),
      agreement: compared > 0 ? 1 - Number(r.differing) / compared : null,
      accuracy: compared > 0 ? 1 - Number(r.corrected) / compared : null,
    }
  })
}

/** Paper responses per stratum (with and without code) and the work still open. */
export async function paperWork(db: DB, roundId: number): Promise<PaperWork> {
  const strata = await db
    .selectFrom('strata as s')
    .leftJoin('responses as r', (join) =>
      join.onRef('r.stratum_id', '=', 's.id').on('r.mode', '=', 'paper').on('r.status', '=', 'complete'),
    )
    .select([
      's.id',
      's.name',
      sql<number>`count(r.id) filter (where not coalesce((r.paper_coding->>'noCode')::boolean, false))`.as('with_code'),
      sql<number>`count(r.id) filter (where coalesce((r.paper_coding->>'noCode')::boolean, false))`.as('no_code'),
    ])
    .where('s.round_id', '=', roundId)
    .groupBy(['s.id', 's.name'])
    .orderBy('s.id')
    .execute()
  // Pairs are grouped by code (or form number); one keying waits for the second, two for review.
  const pairs = await db
    .selectFrom('paper_keyings')
    .select((eb) => [eb.fn.count<number>('id').as('keyings')])
    .where('round_id', '=', roundId)
    .groupBy(['participant_id', 'form_number'])
    .execute()
  const count = async (table: 'paper_duplicates' | 'paper_drafts') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('round_id', '=', roundId)
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    strata: strata.map((s) => ({
      stratumId: s.id,
      stratumName: s.name,
      withCode: Number(s.with_code),
      noCode: Number(s.no_code),
    })),
    awaitingSecondKeying: pairs.filter((p) => Number(p.keyings) === 1).length,
    awaitingReview: pairs.filter((p) => Number(p.keyings) >= 2).length,
    openDuplicates: await count('paper_duplicates'),
    openDrafts: await count('paper_drafts'),
  }
}
