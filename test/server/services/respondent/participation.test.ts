import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import {
  AlreadyCompletedError,
  loadParticipantContext,
  RoundNotOpenError,
  saveProgress,
  saveProgressIfUnchanged,
  StaleAnswersError,
  submitOnline,
} from '#src/server/services/respondent/participation.ts'
import { createTestDatabase, testEngine } from '#test/helpers/database.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'

let handle: DatabaseHandle
let db: DB
let round: RoundFixture

beforeAll(async () => {
  handle = await createTestDatabase()
  db = handle.db
  round = await createRound(db, { participantsPerStratum: 4 })
})
afterAll(async () => handle.close())

/** The participant's row, with the version PostgreSQL gives each written row (xmin). */
const participantRow = (id: number) =>
  db
    .selectFrom('participants')
    .select(['status', sql<string>`xmin::text`.as('version')])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

const linkedAnswers = (id: number) =>
  db.selectFrom('answers_in_progress').select('answers').where('participant_id', '=', id).execute()

describe('saving progress', () => {
  it('marks the participant started on the first save and only locks the row on later saves', async () => {
    const p = round.participants[0]!
    expect((await participantRow(p.id)).status).toBe('pending')

    await saveProgress(db, p.id, { rapportcijfer_dienstverlening: 7 }, 'nl')
    const started = await participantRow(p.id)
    expect(started.status).toBe('in_progress')

    await saveProgress(db, p.id, { rapportcijfer_dienstverlening: 8, intake_wanneer: 1 }, 'en')
    // The same row version: a later save writes the response, not the participant.
    expect(await participantRow(p.id)).toEqual(started)
    expect(await linkedAnswers(p.id)).toEqual([{ answers: { rapportcijfer_dienstverlening: 8, intake_wanneer: 1 } }])
  })

  it('refuses a save after the submission and keeps the submitted answers unlinked', async () => {
    const p = round.participants[1]!
    await saveProgress(db, p.id, { rapportcijfer_dienstverlening: 6 }, 'nl')
    await submitOnline(db, p.id, { rapportcijfer_dienstverlening: 6 }, 'nl')

    await expect(saveProgress(db, p.id, { rapportcijfer_dienstverlening: 1 }, 'nl')).rejects.toBeInstanceOf(
      AlreadyCompletedError,
    )
    expect(await linkedAnswers(p.id)).toEqual([])
    expect((await participantRow(p.id)).status).toBe('completed')
  })

  it('refuses a submission of answers read before another save, changes nothing, and takes the current ones', async () => {
    const p = round.participants[3]!
    const read = await saveProgress(db, p.id, { rapportcijfer_dienstverlening: 6 }, 'nl')
    const later = await saveProgress(db, p.id, { rapportcijfer_dienstverlening: 6, intake_wanneer: 1 }, 'nl')

    await expect(
      submitOnline(db, p.id, { rapportcijfer_dienstverlening: 6 }, 'nl', { answersVersion: read }),
    ).rejects.toBeInstanceOf(StaleAnswersError)
    expect((await participantRow(p.id)).status).toBe('in_progress')
    expect(await linkedAnswers(p.id)).toEqual([{ answers: { rapportcijfer_dienstverlening: 6, intake_wanneer: 1 } }])

    await submitOnline(db, p.id, { rapportcijfer_dienstverlening: 6, intake_wanneer: 1 }, 'nl', {
      answersVersion: later,
    })
    expect((await participantRow(p.id)).status).toBe('completed')
  })

  it('links no answers in a round that is not open, also not a first save', async () => {
    const closed = await createRound(db, { participantsPerStratum: 1, status: 'closed' })
    const p = closed.participants[0]!
    await expect(saveProgress(db, p.id, { rapportcijfer_dienstverlening: 6 }, 'nl')).rejects.toBeInstanceOf(
      RoundNotOpenError,
    )
    expect(await linkedAnswers(p.id)).toEqual([])
    expect((await participantRow(p.id)).status).toBe('pending')
  })

  // Needs a second connection to hold the submission open; PGlite has one.
  it.runIf(testEngine === 'postgres')('waits for a submission under way, then refuses the save', async () => {
    const p = round.participants[2]!
    await saveProgress(db, p.id, { rapportcijfer_dienstverlening: 5 }, 'nl')

    let releaseSubmission!: () => void
    const held = new Promise<void>((resolve) => (releaseSubmission = resolve))
    let locked!: () => void
    const isLocked = new Promise<void>((resolve) => (locked = resolve))
    const submission = db.transaction().execute(async (tx) => {
      await tx.selectFrom('participants').select('id').where('id', '=', p.id).forUpdate().execute()
      locked()
      await held
      await tx.deleteFrom('answers_in_progress').where('participant_id', '=', p.id).execute()
      await tx
        .updateTable('participants')
        .set({ status: 'completed', completed_mode: 'online' })
        .where('id', '=', p.id)
        .execute()
    })
    await isLocked
    let settled = false
    const save = saveProgress(db, p.id, { rapportcijfer_dienstverlening: 1 }, 'nl').finally(() => (settled = true))
    save.catch(() => {})
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(settled).toBe(false)

    releaseSubmission()
    await submission
    await expect(save).rejects.toBeInstanceOf(AlreadyCompletedError)
    expect(await linkedAnswers(p.id)).toEqual([])
  })

  it('saves several respondents in one statement, each only if unchanged', async () => {
    const several = await createRound(db, { participantsPerStratum: 1 })
    const [a, b, c] = several.participants as [
      RoundFixture['participants'][number],
      RoundFixture['participants'][number],
      RoundFixture['participants'][number],
    ]
    for (const p of [a, b, c]) await saveProgress(db, p.id, { rapportcijfer_dienstverlening: 5 }, 'nl')
    const versionsOf = async (id: number) => (await loadParticipantContext(db, id))!.versions
    const [va, vb, vc] = [await versionsOf(a.id), await versionsOf(b.id), await versionsOf(c.id)]
    // Another device saves b in between.
    await saveProgress(db, b.id, { rapportcijfer_dienstverlening: 2 }, 'nl')

    const saved = await saveProgressIfUnchanged(db, [
      { participantId: c.id, versions: vc, answers: { rapportcijfer_dienstverlening: 9 }, language: 'en' },
      { participantId: a.id, versions: va, answers: { rapportcijfer_dienstverlening: 8 }, language: 'nl' },
      { participantId: b.id, versions: vb, answers: { rapportcijfer_dienstverlening: 7 }, language: 'nl' },
    ])
    expect([...saved.keys()].sort()).toEqual([a.id, c.id].sort())
    expect(saved.get(a.id)).toBe((await versionsOf(a.id)).answers)
    expect(await linkedAnswers(a.id)).toEqual([{ answers: { rapportcijfer_dienstverlening: 8 } }])
    expect(await linkedAnswers(b.id)).toEqual([{ answers: { rapportcijfer_dienstverlening: 2 } }])
    expect(await linkedAnswers(c.id)).toEqual([{ answers: { rapportcijfer_dienstverlening: 9 } }])
    expect(
      (
        await db
          .selectFrom('answers_in_progress')
          .select('language')
          .where('participant_id', '=', c.id)
          .executeTakeFirstOrThrow()
      ).language,
    ).toBe('en')
  })

  // Needs several connections at once; PGlite has one.
  it.runIf(testEngine === 'postgres')(
    'holds off a save of remembered answers while a submission is under way; the save then saves nothing',
    async () => {
      const p = round.participants[4]!
      const checked = await saveProgress(db, p.id, { rapportcijfer_dienstverlening: 3 }, 'nl')
      const { versions } = (await loadParticipantContext(db, p.id))!

      // The real submission is held up after it has checked the saved answers: it then reads
      // the round's mailings, which this transaction keeps locked.
      let releaseMailings!: () => void
      const mailingsHeld = new Promise<void>((resolve) => (releaseMailings = resolve))
      let mailingsLocked!: () => void
      const isLocked = new Promise<void>((resolve) => (mailingsLocked = resolve))
      const holder = db.transaction().execute(async (tx) => {
        await sql`lock table mailings in access exclusive mode`.execute(tx)
        mailingsLocked()
        await mailingsHeld
      })
      await isLocked
      const submission = submitOnline(db, p.id, { rapportcijfer_dienstverlening: 3 }, 'nl', { answersVersion: checked })
      await waitUntilASessionWaitsForTheMailings()

      let settled = false
      const save = saveProgressIfUnchanged(db, [
        { participantId: p.id, versions, answers: { rapportcijfer_dienstverlening: 9 }, language: 'en' },
      ]).finally(() => (settled = true))
      save.catch(() => {})
      try {
        await new Promise((resolve) => setTimeout(resolve, 200))
        expect(settled).toBe(false)
      } finally {
        releaseMailings()
      }
      await holder
      await submission
      expect(await save).toEqual(new Map())
      expect((await participantRow(p.id)).status).toBe('completed')
      expect(await linkedAnswers(p.id)).toEqual([])
      const submitted = await db
        .selectFrom('responses')
        .select(['answers', 'language'])
        .where('round_id', '=', round.roundId)
        .where('status', '=', 'complete')
        .execute()
      expect(submitted).toContainEqual({ answers: { rapportcijfer_dienstverlening: 3 }, language: 'nl' })
      expect(submitted).not.toContainEqual(expect.objectContaining({ answers: { rapportcijfer_dienstverlening: 9 } }))
    },
  )
})

/** Until a session waits for the lock this test holds on the mailings table (at most 10 s). */
async function waitUntilASessionWaitsForTheMailings(): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const waiting = await sql<{
      n: number
    }>`select count(*)::int as n from pg_locks where not granted and relation = 'mailings'::regclass and database = (select oid from pg_database where datname = current_database())`.execute(
      db,
    )
    if (waiting.rows[0]!.n > 0) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('the submission did not come to wait for the mailings')
}
