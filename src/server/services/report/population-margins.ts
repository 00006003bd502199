/**
 * The population a round's sample was drawn from, by birth year and sex, per stratum:
 * the margins a report weights the response to (age class × sex). They come from the
 * client file as counts only (client-import.ts, `population_margins`), since the
 * response has no link to the client file; the respondent's own answers give their class.
 */
import type { DB } from '#src/server/db/connect.ts'
import type { Sex } from '#src/server/db/schema.ts'

export interface PopulationMargin {
  /** Null: the client file left it empty (or had no such column). */
  birthYear: number | null
  sex: Sex | null
  clients: number
}

const SEX_ORDER: Record<Sex, number> = { man: 0, vrouw: 1, anders: 2 }

/**
 * Per stratum id, the imported clients per birth year and sex (unknowns included, so the
 * counts add up to the population). An empty map when no client file of the round had a
 * birth year or a sex: there are no margins to weight to.
 */
export async function loadPopulationMargins(db: DB, roundId: number): Promise<Map<number, PopulationMargin[]>> {
  const rows = await db
    .selectFrom('population_margins')
    .select(['stratum_id', 'birth_year', 'sex', 'clients'])
    .where('round_id', '=', roundId)
    .execute()
  const margins = new Map<number, PopulationMargin[]>()
  if (rows.every((r) => r.birth_year === null && r.sex === null)) return margins
  rows.sort(
    (a, b) =>
      a.stratum_id - b.stratum_id ||
      (a.birth_year ?? Number.MAX_SAFE_INTEGER) - (b.birth_year ?? Number.MAX_SAFE_INTEGER) ||
      (a.sex === null ? 3 : SEX_ORDER[a.sex]) - (b.sex === null ? 3 : SEX_ORDER[b.sex]),
  )
  for (const r of rows) {
    const list = margins.get(r.stratum_id) ?? []
    list.push({ birthYear: r.birth_year, sex: r.sex, clients: r.clients })
    margins.set(r.stratum_id, list)
  }
  return margins
}
