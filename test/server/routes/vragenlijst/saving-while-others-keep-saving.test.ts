/**
 * The last resort of a page save and of a submission: when another device saves again
 * after every fresh read, the app stops re-reading after three reads and saves (or
 * submits) on top of the answers it read last, instead of sending the respondent away.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { linkedAnswers, onSecondPage } from './_respondent-pages.ts'

let database: DatabaseHandle
let t: TestApp
let round: RoundFixture

/** While set, "another device" saves this participant's grade right after each context read the app makes. */
let otherDevice: { participantId: number; grades: number[]; reads: number } | undefined

async function saveOnOtherDevice(participantId: number, grade: number) {
  await sql`update answers_in_progress set answers = jsonb_set(answers, '{rapportcijfer_dienstverlening}', to_jsonb(${grade}::int)) where participant_id = ${participantId}`.execute(
    database.db,
  )
}

/**
 * The app's database, with "another device" saving right after each context read the app
 * makes. After the read has given back its connection: the embedded database has only one.
 */
function withAnotherDeviceSavingAfterEachRead(db: DB): DB {
  return new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target)
      if (property !== 'executeQuery') return typeof value === 'function' ? value.bind(target) : value
      return async (...args: Parameters<DB['executeQuery']>) => {
        const result = await target.executeQuery(...args)
        const isContextRead = result.rows.length === 1 && Object.hasOwn(result.rows[0] as object, 'answers_version')
        if (otherDevice && isContextRead) {
          const grade = otherDevice.grades[otherDevice.reads++]
          if (grade !== undefined) await saveOnOtherDevice(otherDevice.participantId, grade)
        }
        return result
      }
    },
  })
}

beforeAll(async () => {
  database = await createTestDatabase()
  t = await createTestApp({}, { ...database, db: withAnotherDeviceSavingAfterEachRead(database.db) })
  round = await createRound(database.db, { participantsPerStratum: 1 })
})
afterAll(async () => {
  await t.close()
  await database.close()
})

describe('when another device saves again after every read', () => {
  it('saves the page after three fresh reads, on top of the answers read last', async () => {
    const p = round.participants[0]!
    const { browser, form, fields, csrf } = await onSecondPage(t.app, p.code, 7)
    // The other device saved while this page was open, and saves again after each read.
    await saveOnOtherDevice(p.id, 4)
    otherDevice = { participantId: p.id, grades: [5, 6, 8], reads: 0 }
    try {
      const response = await browser.post(form.action, { ...fields, action: 'next' }, { csrf })
      expect([200, 303]).toContain(response.statusCode)
      if (response.statusCode === 303) expect(response.headers.location).not.toBe('/vragenlijst')
      expect(otherDevice.reads).toBe(3)
    } finally {
      otherDevice = undefined
    }
    // The third read saw grade 6; this page's answers were saved with it (over the 8 saved after that read).
    const saved = await linkedAnswers(database.db, p.id)
    expect(saved).toMatchObject({ rapportcijfer_dienstverlening: 6 })
    for (const variable of Object.keys(fields)) expect(saved).toHaveProperty(variable)
  })

  it('submits after three fresh reads the answers read last', async () => {
    const p = round.participants[1]!
    const { browser } = await onSecondPage(t.app, p.code, 7)
    otherDevice = { participantId: p.id, grades: [5, 6, 8], reads: 0 }
    try {
      const response = await browser.submit('/vragenlijst/verzenden', {})
      expect(response.body).toContain('Bedankt')
      expect(otherDevice.reads).toBe(3)
    } finally {
      otherDevice = undefined
    }
    expect(
      (await database.db.selectFrom('participants').select('status').where('id', '=', p.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('completed')
    expect(await linkedAnswers(database.db, p.id)).toBeUndefined()
    const submitted = await database.db
      .selectFrom('responses')
      .select('answers')
      .where('round_id', '=', round.roundId)
      .where('status', '=', 'complete')
      .execute()
    expect(submitted).toEqual([{ answers: { rapportcijfer_dienstverlening: 6 } }])
  })
})
