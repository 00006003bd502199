import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import { submitOnline } from '#src/server/services/respondent/participation.ts'
import { releaseWaitingResponses, waitingResponses } from '#src/server/services/responses/release-responses.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import { createRound } from '#test/helpers/fixtures.ts'

let handle: DatabaseHandle
let db: DB

beforeAll(async () => {
  handle = await createTestDatabase()
  db = handle.db
})
afterAll(async () => handle.close())

/** The round's responses, grouped by the transaction that added them. */
async function groupsOf(roundId: number): Promise<number[]> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from responses where round_id = ${roundId} group by xmin::text order by 1`.execute(db)
  return rows.map((r) => r.n)
}

describe('releaseWaitingResponses', () => {
  it('holds completed responses back until k wait, then adds them together', async () => {
    const round = await createRound(db, { participantsPerStratum: 3, releaseBatchSize: 4 })
    const [a, b, c, d, e] = round.participants
    for (const p of [a!, b!, c!]) await submitOnline(db, p.id, { rapportcijfer_dienstverlening: 8 }, 'nl')
    expect(await groupsOf(round.roundId)).toEqual([])
    expect(await waitingResponses(db, round.roundId)).toEqual({ count: 3, batchSize: 4 })
    // Asking again changes nothing while fewer than k wait.
    expect(await releaseWaitingResponses(db, round.roundId)).toBe(0)

    await submitOnline(db, d!.id, { rapportcijfer_dienstverlening: 8 }, 'nl')
    expect(await groupsOf(round.roundId)).toEqual([4])
    expect(await waitingResponses(db, round.roundId)).toEqual({ count: 0, batchSize: 4 })

    await submitOnline(db, e!.id, { rapportcijfer_dienstverlening: 8 }, 'nl')
    expect(await waitingResponses(db, round.roundId)).toEqual({ count: 1, batchSize: 4 })
  })

  it('adds whatever waits once the round is closed, however few', async () => {
    const round = await createRound(db, { participantsPerStratum: 1, releaseBatchSize: 10 })
    await submitOnline(db, round.participants[0]!.id, { rapportcijfer_dienstverlening: 5 }, 'nl')
    expect(await releaseWaitingResponses(db, round.roundId)).toBe(0)
    await db.updateTable('rounds').set({ status: 'closed' }).where('id', '=', round.roundId).execute()
    expect(await releaseWaitingResponses(db, round.roundId)).toBe(1)
    expect(await groupsOf(round.roundId)).toEqual([1])
  })

  it('never adds a smaller group than k when many submit at the same moment', async () => {
    const round = await createRound(db, { participantsPerStratum: 30, releaseBatchSize: 3 })
    await Promise.all(round.participants.map((p) => submitOnline(db, p.id, { rapportcijfer_dienstverlening: 9 }, 'nl')))
    const groups = await groupsOf(round.roundId)
    expect(groups.every((n) => n >= 3)).toBe(true)
    const { count } = await waitingResponses(db, round.roundId)
    expect(groups.reduce((sum, n) => sum + n, 0) + count).toBe(round.participants.length)
  })
})
