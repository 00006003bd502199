import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import { saveProgress } from '#src/server/services/respondent/participation.ts'
import { unlinkCompleted } from '#src/server/services/respondent/unlink-completed.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'

let handle: DatabaseHandle
let db: DB
let round: RoundFixture

beforeAll(async () => {
  handle = await createTestDatabase()
  db = handle.db
  round = await createRound(db, { participantsPerStratum: 3 })
})
afterAll(async () => handle.close())

const responsesOf = (roundId: number) =>
  db
    .selectFrom('responses')
    .select(['participant_id', 'status', 'answers'])
    .where('round_id', '=', roundId)
    .orderBy('id')
    .execute()

describe('the database keeps the link only while a response is in progress', () => {
  it('has the check constraint that enforces it', async () => {
    const { rows } = await sql<{ definition: string }>`
      select pg_get_constraintdef(oid) as definition from pg_constraint
      where conrelid = 'responses'::regclass and conname = 'responses_link_only_in_progress'`.execute(db)
    expect(rows.map((r) => r.definition)).toEqual([
      "CHECK (((participant_id IS NULL) OR (status = 'in_progress'::text)))",
    ])
  })

  it('refuses a complete response that still names its participant', async () => {
    const participant = round.participants[0]!
    await saveProgress(db, participant.id, { Q1: 1 }, 'nl')
    await expect(
      db.updateTable('responses').set({ status: 'complete' }).where('participant_id', '=', participant.id).execute(),
    ).rejects.toThrow(/responses_link_only_in_progress/)
    await expect(
      db.updateTable('responses').set({ status: 'partial' }).where('participant_id', '=', participant.id).execute(),
    ).rejects.toThrow(/responses_link_only_in_progress/)
  })
})

describe('unlinkCompleted', () => {
  it('completes a submitted response with the submitted answers and without its participant', async () => {
    const own = await createRound(db, { participantsPerStratum: 1 })
    const participant = own.participants[0]!
    await saveProgress(db, participant.id, { Q1: 1 }, 'nl')
    const unlinked = await db.transaction().execute((tx) =>
      unlinkCompleted(tx, {
        kind: 'submitted',
        participantId: participant.id,
        answers: { Q1: 2 },
        language: 'en',
        wave: 'before_reminder',
      }),
    )
    expect(unlinked).toBe(1)
    expect(await responsesOf(own.roundId)).toEqual([{ participant_id: null, status: 'complete', answers: { Q1: 2 } }])
  })

  it('makes every response in progress partial when the round closes, and leaves complete ones alone', async () => {
    const own = await createRound(db, { participantsPerStratum: 2 })
    const [first, second, third] = own.participants
    await saveProgress(db, first!.id, { Q1: 1 }, 'nl')
    await saveProgress(db, second!.id, { Q1: 3 }, 'nl')
    await saveProgress(db, third!.id, { Q1: 2 }, 'nl')
    await db.transaction().execute((tx) =>
      unlinkCompleted(tx, {
        kind: 'submitted',
        participantId: third!.id,
        answers: { Q1: 4 },
        language: 'nl',
        wave: 'before_reminder',
      }),
    )
    const unlinked = await db
      .transaction()
      .execute((tx) => unlinkCompleted(tx, { kind: 'roundClosed', roundId: own.roundId }))
    expect(unlinked).toBe(2)
    const ended = (await responsesOf(own.roundId)).map((r) => [r.participant_id, r.status])
    expect(ended.sort()).toEqual([
      [null, 'complete'],
      [null, 'partial'],
      [null, 'partial'],
    ])
  })

  it('removes the unfinished online answers of someone whose paper form is stored', async () => {
    const own = await createRound(db, { participantsPerStratum: 1 })
    const participant = own.participants[0]!
    await saveProgress(db, participant.id, { Q1: 1 }, 'nl')
    const removed = await db
      .transaction()
      .execute((tx) => unlinkCompleted(tx, { kind: 'answeredOnPaper', participantId: participant.id }))
    expect(removed).toBe(1)
    expect(await responsesOf(own.roundId)).toEqual([])
  })
})
