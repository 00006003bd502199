import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import { saveProgress } from '#src/server/services/respondent/participation.ts'
import { endAnswersInProgress } from '#src/server/services/respondent/end-answers-in-progress.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import { createRound } from '#test/helpers/fixtures.ts'

let handle: DatabaseHandle
let db: DB

beforeAll(async () => {
  handle = await createTestDatabase()
  db = handle.db
})
afterAll(async () => handle.close())

const waitingOf = (roundId: number) =>
  db
    .selectFrom('responses_waiting')
    .select(['status', 'mode', 'answers', 'language'])
    .where('round_id', '=', roundId)
    .orderBy('status')
    .execute()
const inProgressOf = (participantIds: number[]) =>
  db.selectFrom('answers_in_progress').select('participant_id').where('participant_id', 'in', participantIds).execute()

describe('the database has no place for a link between a response and a person', () => {
  it('has no participant column in the tables of ended responses', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name in ('responses', 'responses_waiting')
      order by table_name, ordinal_position`.execute(db)
    const columns = (table: string) => rows.filter((r) => r.table_name === table).map((r) => r.column_name)
    const ended = ['round_id', 'stratum_id', 'mode', 'status', 'answers', 'language', 'wave', 'paper_coding']
    expect(columns('responses')).toEqual(['id', ...ended])
    expect(columns('responses_waiting')).toEqual(ended)
  })
})

describe('endAnswersInProgress', () => {
  it('holds a submitted response with the submitted answers, and ends the answers in progress', async () => {
    const own = await createRound(db, { participantsPerStratum: 1 })
    const participant = own.participants[0]!
    await saveProgress(db, participant.id, { Q1: 1 }, 'nl')
    const held = await db.transaction().execute((tx) =>
      endAnswersInProgress(tx, {
        kind: 'submitted',
        participant: { id: participant.id, round_id: own.roundId, stratum_id: participant.stratumId },
        answers: { Q1: 2 },
        language: 'en',
        wave: 'before_reminder',
      }),
    )
    expect(held).toBe(1)
    expect(await waitingOf(own.roundId)).toEqual([
      { status: 'complete', mode: 'online', answers: { Q1: 2 }, language: 'en' },
    ])
    expect(await inProgressOf([participant.id])).toEqual([])
  })

  it('holds every response in progress as partial when the round closes, and no other round’s', async () => {
    const own = await createRound(db, { participantsPerStratum: 2 })
    const other = await createRound(db, { participantsPerStratum: 1 })
    const [first, second] = own.participants
    await saveProgress(db, first!.id, { Q1: 1 }, 'nl')
    await saveProgress(db, second!.id, { Q1: 3 }, 'tr')
    await saveProgress(db, other.participants[0]!.id, { Q1: 4 }, 'nl')
    const held = await db
      .transaction()
      .execute((tx) => endAnswersInProgress(tx, { kind: 'roundClosed', roundId: own.roundId }))
    expect(held).toBe(2)
    const waiting = await waitingOf(own.roundId)
    expect(waiting.map((w) => [w.status, w.answers, w.language]).sort()).toEqual([
      ['partial', { Q1: 1 }, 'nl'],
      ['partial', { Q1: 3 }, 'tr'],
    ])
    expect(await inProgressOf([first!.id, second!.id])).toEqual([])
    expect(await inProgressOf([other.participants[0]!.id])).toHaveLength(1)
  })

  it('removes the unfinished online answers of someone whose paper form is stored', async () => {
    const own = await createRound(db, { participantsPerStratum: 1 })
    const participant = own.participants[0]!
    await saveProgress(db, participant.id, { Q1: 1 }, 'nl')
    await db
      .transaction()
      .execute((tx) => endAnswersInProgress(tx, { kind: 'answeredOnPaper', participantId: participant.id }))
    expect(await inProgressOf([participant.id])).toEqual([])
    expect(await waitingOf(own.roundId)).toEqual([])
  })
})
