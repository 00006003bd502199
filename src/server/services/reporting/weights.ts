/**
 * Weights that make totals over municipalities stand for the population: municipalities
 * are sampled at different rates (Hengelo 800 of 2,412, the others everyone) and answer
 * at different rates, so an unweighted total leans towards the small ones.
 *
 * Post-stratification by municipality: a response in municipality h weighs
 * w_h = (N_h / n_h) · (n / N), with N_h its population, n_h its responses, and n and N
 * the sums over the municipalities with responses. The weights of the n responses add up
 * to n, so counts stay counts. Municipalities are the strata the sample was drawn in.
 * The export carries them (`gewicht`) and the report issue builds on the same numbers.
 */
import type { DB } from '#src/server/db/connect.ts'
import type { ResponseStatus } from '#src/server/db/schema.ts'
import { writtenToPerStratum } from './monitor.ts'

export interface StratumWeight {
  stratumId: number
  name: string
  /** Clients in the municipality's file (the sample's population); the number written to without a recorded sample. */
  population: number
  writtenTo: number
  responses: number
  /** Null without responses. */
  weight: number | null
}

export async function stratumWeights(db: DB, roundId: number, statuses: ResponseStatus[]): Promise<StratumWeight[]> {
  const rows = await writtenToPerStratum(db, roundId)
    .select((eb) =>
      eb
        .selectFrom('responses as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.stratum_id', '=', 's.id')
        .where('r.status', 'in', statuses)
        .as('responses'),
    )
    .execute()
  const strata = rows.map((r) => ({
    stratumId: r.id,
    name: r.name,
    writtenTo: Number(r.written_to),
    population: Number(r.population ?? r.written_to),
    responses: Number(r.responses ?? 0),
  }))
  const answering = strata.filter((s) => s.responses > 0 && s.population > 0)
  const n = answering.reduce((sum, s) => sum + s.responses, 0)
  const N = answering.reduce((sum, s) => sum + s.population, 0)
  return strata.map((s) => ({
    ...s,
    weight: s.responses > 0 && s.population > 0 ? (s.population / s.responses) * (n / N) : null,
  }))
}
