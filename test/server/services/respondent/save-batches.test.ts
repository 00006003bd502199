import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import type { SaveAll } from '#src/server/services/respondent/save-batches.ts'
import { SaveBatches } from '#src/server/services/respondent/save-batches.ts'
import type { ConditionalSave } from '#src/server/services/respondent/participation.ts'
import {
  loadParticipantContext,
  saveProgress,
  saveProgressIfUnchanged,
} from '#src/server/services/respondent/participation.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import { createRound } from '#test/helpers/fixtures.ts'

let handle: DatabaseHandle
let db: DB

beforeAll(async () => {
  handle = await createTestDatabase()
  db = handle.db
})
afterAll(async () => handle.close())

/** The real save, with the respondents of each statement noted in order. */
function recordingSaveAll(): { saveAll: SaveAll; statements: number[][] } {
  const statements: number[][] = []
  return {
    statements,
    saveAll: (saves) => {
      statements.push(saves.map((s) => s.participantId))
      return saveProgressIfUnchanged(db, saves)
    },
  }
}

/** Respondents who have saved a first page, with the versions their next save starts from. */
async function respondentsInProgress(count: number) {
  const round = await createRound(db, { participantsPerStratum: Math.ceil(count / 3) })
  const participants = round.participants.slice(0, count)
  for (const p of participants) await saveProgress(db, p.id, { rapportcijfer_dienstverlening: 5 }, 'nl')
  return Promise.all(
    participants.map(async (p) => ({ id: p.id, versions: (await loadParticipantContext(db, p.id))!.versions })),
  )
}

function pageSave(r: { id: number; versions: ConditionalSave['versions'] }, grade: number): ConditionalSave {
  return {
    participantId: r.id,
    versions: r.versions,
    answers: { rapportcijfer_dienstverlening: grade },
    language: 'nl',
  }
}

async function savedGrade(participantId: number) {
  const row = await db
    .selectFrom('answers_in_progress')
    .select('answers')
    .where('participant_id', '=', participantId)
    .executeTakeFirstOrThrow()
  return (row.answers as Record<string, unknown>).rapportcijfer_dienstverlening
}

describe('SaveBatches', () => {
  it('sends a save at once when a lane is free, and the saves that came in meanwhile together in the next statement', async () => {
    const [a, b, c, d] = await respondentsInProgress(4)
    const { saveAll, statements } = recordingSaveAll()
    const batches = new SaveBatches(saveAll, { lanes: 1, maxBatch: 100 })

    const versions = await Promise.all([
      batches.save(pageSave(a!, 6)),
      batches.save(pageSave(b!, 7)),
      batches.save(pageSave(c!, 8)),
      batches.save(pageSave(d!, 9)),
    ])
    expect(statements).toEqual([[a!.id], [b!.id, c!.id, d!.id]])
    expect(versions.every((v) => typeof v === 'string')).toBe(true)
    expect(await Promise.all([a, b, c, d].map((r) => savedGrade(r!.id)))).toEqual([6, 7, 8, 9])
  })

  it('puts at most maxBatch respondents in one statement', async () => {
    const respondents = await respondentsInProgress(5)
    const { saveAll, statements } = recordingSaveAll()
    const batches = new SaveBatches(saveAll, { lanes: 1, maxBatch: 2 })
    await Promise.all(respondents.map((r) => batches.save(pageSave(r, 3))))
    expect(statements.map((s) => s.length)).toEqual([1, 2, 2])
  })

  it("never has one respondent in two statements at once: a second tab's save waits, then finds the answers changed", async () => {
    const [a, b] = await respondentsInProgress(2)
    const { saveAll, statements } = recordingSaveAll()
    const batches = new SaveBatches(saveAll, { lanes: 2, maxBatch: 100 })

    const [first, second, other] = await Promise.all([
      batches.save(pageSave(a!, 6)),
      batches.save(pageSave(a!, 9)),
      batches.save(pageSave(b!, 4)),
    ])
    expect(statements).toEqual([[a!.id], [b!.id], [a!.id]])
    expect(first).not.toBeNull()
    expect(second).toBeNull()
    expect(other).not.toBeNull()
    expect(await savedGrade(a!.id)).toBe(6)
  })

  it('tries each save of a failing statement alone: only the save that cannot be made fails', async () => {
    const [a, b, c, d] = await respondentsInProgress(4)
    const { saveAll, statements } = recordingSaveAll()
    const batches = new SaveBatches(saveAll, { lanes: 1, maxBatch: 100 })
    // PostgreSQL refuses NUL in a text (the questionnaire removes it; this save skips that).
    const broken = { ...pageSave(c!, 1), answers: { opmerking: 'a\u0000b' } }

    const outcomes = await Promise.allSettled([
      batches.save(pageSave(a!, 6)),
      batches.save(pageSave(b!, 7)),
      batches.save(broken),
      batches.save(pageSave(d!, 9)),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    expect(statements).toEqual([[a!.id], [b!.id, c!.id, d!.id], [b!.id], [c!.id], [d!.id]])
    expect(await Promise.all([a, b, c, d].map((r) => savedGrade(r!.id)))).toEqual([6, 7, 5, 9])
  })

  it('gives every save of a statement the error when the database fails, without trying them again, and frees the lane', async () => {
    const [a, b, c] = await respondentsInProgress(3)
    const statements: number[][] = []
    const batches = new SaveBatches(
      async (saves) => {
        statements.push(saves.map((s) => s.participantId))
        if (statements.length === 2) throw new Error('Connection terminated unexpectedly')
        return saveProgressIfUnchanged(db, saves)
      },
      { lanes: 1, maxBatch: 100 },
    )

    const lost = {
      status: 'rejected',
      reason: expect.objectContaining({ message: 'Connection terminated unexpectedly' }),
    }
    const outcomes = await Promise.allSettled([
      batches.save(pageSave(a!, 6)),
      batches.save(pageSave(b!, 7)),
      // A second tab of a: waits until a's first statement has ended.
      batches.save(pageSave(a!, 9)),
      batches.save(pageSave(c!, 8)),
    ])
    expect(statements).toEqual([[a!.id], [b!.id, a!.id, c!.id]])
    expect(outcomes).toEqual([{ status: 'fulfilled', value: expect.any(String) }, lost, lost, lost])

    // The respondents send their pages again: the lane is free, and nothing of the failed statement was saved.
    expect(await batches.save(pageSave(b!, 7))).toEqual(expect.any(String))
    expect(await batches.save(pageSave(c!, 8))).toEqual(expect.any(String))
    expect(await Promise.all([a, b, c].map((r) => savedGrade(r!.id)))).toEqual([6, 7, 8])
  })
})
