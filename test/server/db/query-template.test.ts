import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import { queryTemplate } from '#src/server/db/query-template.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'

let database: DatabaseHandle
let round: RoundFixture

beforeAll(async () => {
  database = await createTestDatabase()
  round = await createRound(database.db, { participantsPerStratum: 2 })
})
afterAll(() => database?.close())

// Values of the call and constants of the query side by side, one of them inside a raw sql fragment.
const participantsOfStratum = queryTemplate(
  'test_participants_of_stratum',
  (db: DB, v: { stratumId: number; roundId: number; label: string }) =>
    db
      .selectFrom('participants')
      .select(['id', sql<string>`${v.label}::text`.as('label')])
      .where('stratum_id', '=', v.stratumId)
      .where('status', '<>', 'completed')
      .where('round_id', '=', v.roundId)
      .orderBy('id'),
)

describe('queryTemplate', () => {
  it('runs one compiled text with the values of each call in their own places, and keeps the constants', async () => {
    const [first, second] = round.strata
    const a = participantsOfStratum(database.db, { stratumId: first!.id, roundId: round.roundId, label: 'a' })
    const b = participantsOfStratum(database.db, { stratumId: second!.id, roundId: round.roundId, label: 'b' })
    expect(b.sql).toBe(a.sql)
    expect(a.parameters).toEqual(['a', first!.id, 'completed', round.roundId])
    expect(b.parameters).toEqual(['b', second!.id, 'completed', round.roundId])

    const rows = (await database.db.executeQuery(b)).rows
    const expected = round.participants.filter((p) => p.stratumId === second!.id).map((p) => ({ id: p.id, label: 'b' }))
    expect(rows).toEqual(expected.sort((x, y) => x.id - y.id))
    expect(
      (
        await database.db.executeQuery(
          participantsOfStratum(database.db, { stratumId: first!.id, roundId: -1, label: 'c' }),
        )
      ).rows,
    ).toEqual([])
  })

  it('also runs inside a transaction', async () => {
    const stratum = round.strata[0]!
    const rows = await database.db
      .transaction()
      .execute(
        async (trx) =>
          (
            await trx.executeQuery(
              participantsOfStratum(trx, { stratumId: stratum.id, roundId: round.roundId, label: 't' }),
            )
          ).rows,
      )
    expect(rows.map((r) => r.label)).toEqual(
      round.participants.filter((p) => p.stratumId === stratum.id).map(() => 't'),
    )
  })
})
