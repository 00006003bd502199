import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import { stratumWeights } from '#src/server/services/reporting/weights.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import { createRound } from '#test/helpers/fixtures.ts'

let handle: DatabaseHandle
let db: DB

beforeAll(async () => {
  handle = await createTestDatabase()
  db = handle.db
})
afterAll(async () => handle.close())

async function respond(roundId: number, stratumId: number, count: number, status: 'complete' | 'partial' = 'complete') {
  for (let i = 0; i < count; i++)
    await db
      .insertInto('responses')
      .values({
        round_id: roundId,
        stratum_id: stratumId,
        mode: 'online',
        status,
        answers: '{}',
        language: 'nl',
        wave: null,
      })
      .execute()
}

describe('weights to the population per municipality', () => {
  it('weighs a municipality sampled at a third three times, and adds up to the number of responses', async () => {
    const round = await createRound(db, {
      participantsPerStratum: 0,
      strata: [
        { code: 'hengelo', name: 'Hengelo' },
        { code: 'borne', name: 'Borne' },
      ],
    })
    const [hengelo, borne] = round.strata
    const sample = {
      round_id: round.roundId,
      method: 'random' as const,
      seed: 1,
      population_sha256: 'x',
      created_by: null,
    }
    await db
      .insertInto('samples')
      .values([
        { ...sample, stratum_id: hengelo!.id, population: 2400, selected: 800 },
        { ...sample, stratum_id: borne!.id, population: 400, selected: 400 },
      ])
      .execute()
    await respond(round.roundId, hengelo!.id, 80)
    await respond(round.roundId, borne!.id, 40)
    await respond(round.roundId, borne!.id, 5, 'partial')

    const weights = await stratumWeights(db, round.roundId, ['complete'])
    expect(
      weights.map(({ name, population, writtenTo, responses }) => ({ name, population, writtenTo, responses })),
    ).toEqual([
      { name: 'Hengelo', population: 2400, writtenTo: 800, responses: 80 },
      { name: 'Borne', population: 400, writtenTo: 400, responses: 40 },
    ])
    // n = 120, N = 2,800: Hengelo (2400/80)·(120/2800) = 1.2857…, Borne (400/40)·(120/2800) = 0.4285…
    expect(weights[0]!.weight).toBeCloseTo(9 / 7, 10)
    expect(weights[1]!.weight).toBeCloseTo(3 / 7, 10)
    expect(80 * weights[0]!.weight! + 40 * weights[1]!.weight!).toBeCloseTo(120, 10)
    // Hengelo stands for 6 in 7 of the population, as its weighted share of the responses says.
    expect((80 * weights[0]!.weight!) / 120).toBeCloseTo(2400 / 2800, 10)

    const withPartial = await stratumWeights(db, round.roundId, ['complete', 'partial'])
    expect(withPartial[1]!.responses).toBe(45)
    expect(80 * withPartial[0]!.weight! + 45 * withPartial[1]!.weight!).toBeCloseTo(125, 10)
  })

  it('gives no weight to a municipality without responses, and leaves it out of the sums', async () => {
    const round = await createRound(db, { participantsPerStratum: 2 })
    const [first, , third] = round.strata
    await respond(round.roundId, first!.id, 2)
    const weights = await stratumWeights(db, round.roundId, ['complete'])
    // Without a recorded sample the population is the number written to (every participant with a code).
    expect(weights.map((w) => [w.population, w.writtenTo, w.responses])).toEqual([
      [2, 2, 2],
      [2, 2, 0],
      [2, 2, 0],
    ])
    expect(weights[0]!.weight).toBe(1)
    expect(weights.find((w) => w.stratumId === third!.id)!.weight).toBeNull()
  })
})
