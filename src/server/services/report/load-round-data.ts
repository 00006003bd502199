/**
 * Reads a round's complete responses into the columnar form the report computes on
 * (src/report/round-data.ts). Responses are read in batches by id, and only closed
 * answers are kept, as numbers: a round of 20,000 responses stays a few tens of MB
 * however long its open answers are. Paper answers outside the routing are left out
 * when the round does not count them, as the results page and the export do. The client
 * file's counts by birth year and sex come along, for raking to age and sex.
 */
import { sql } from 'kysely'
import type { ClosedAnswer, RoundData } from '#src/report/round-data.ts'
import type { DB } from '#src/server/db/connect.ts'
import { writtenToPerStratum } from '#src/server/services/reporting/monitor.ts'
import { loadPopulationMargins } from './population-margins.ts'

const BATCH = 2000

function closedAnswer(value: unknown): ClosedAnswer {
  if (typeof value === 'number') return value
  if (Array.isArray(value)) return value.filter((v): v is number => typeof v === 'number')
  return null
}

/** The year the round opened, or its name when another of `rounds` opened in the same year. */
export function roundLabel(
  round: { name: string; opens_on: string },
  others: ReadonlyArray<{ opens_on: string }>,
): string {
  const year = round.opens_on.slice(0, 4)
  return others.filter((o) => o.opens_on.slice(0, 4) === year).length > 1 ? round.name : year
}

export async function loadRoundData(db: DB, roundId: number, label?: string): Promise<RoundData | undefined> {
  const round = await db
    .selectFrom('rounds as r')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .select(['r.id', 'r.name', 'r.opens_on', 'r.min_group_size', 'r.count_outside_routing', 'q.definition'])
    .where('r.id', '=', roundId)
    .executeTakeFirst()
  if (!round) return undefined
  const strataRows = await writtenToPerStratum(db, roundId).select('s.code').execute()
  const strata = strataRows.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    writtenTo: Number(s.written_to),
    population: Number(s.population ?? s.written_to),
  }))
  const stratumIndex = new Map(strata.map((s, i) => [s.id, i]))
  const stratumOf: number[] = []
  const columns = new Map<string, ClosedAnswer[]>()
  let after: string | null = null
  for (;;) {
    const rows = await db
      .selectFrom('responses')
      .select([
        'id',
        'stratum_id',
        'answers',
        sql<string[] | null>`paper_coding->'outsideRouting'`.as('outside_routing'),
      ])
      .where('round_id', '=', roundId)
      .where('status', '=', 'complete')
      .$if(after !== null, (q) => q.where('id', '>', after!))
      .orderBy('id')
      .limit(BATCH)
      .execute()
    for (const row of rows) {
      const index = stratumOf.length
      stratumOf.push(stratumIndex.get(row.stratum_id) ?? 0)
      const skipped =
        !round.count_outside_routing && Array.isArray(row.outside_routing) ? new Set(row.outside_routing) : null
      for (const [variable, value] of Object.entries(row.answers)) {
        if (skipped?.has(variable)) continue
        const answer = closedAnswer(value)
        if (answer === null) continue
        let column = columns.get(variable)
        if (!column) {
          column = []
          columns.set(variable, column)
        }
        column[index] = answer
      }
    }
    if (rows.length < BATCH) break
    after = rows.at(-1)!.id
  }
  // Sparse columns: fill the holes so every column has one entry per response.
  for (const column of columns.values()) for (let i = 0; i < stratumOf.length; i++) column[i] ??= null
  const margins = await loadPopulationMargins(db, roundId)
  const codeOf = new Map(strata.map((s) => [s.id, s.code]))
  return {
    id: round.id,
    name: round.name,
    label: label ?? round.opens_on.slice(0, 4),
    definition: round.definition,
    minGroupSize: round.min_group_size,
    strata,
    stratumOf: Int32Array.from(stratumOf),
    answers: columns,
    ...(margins.size > 0
      ? {
          ageSex: {
            year: Number(round.opens_on.slice(0, 4)),
            perStratum: new Map([...margins].map(([stratumId, counts]) => [codeOf.get(stratumId) ?? '', counts])),
          },
        }
      : {}),
  }
}
