/** The batch date on /invoer: the day paper forms came in decides their wave and the day they count on. */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound, daysFromToday } from '#test/helpers/fixtures.ts'
import { signedInAs } from '#test/helpers/staff.ts'

let t: TestApp
let round: RoundFixture

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db, { participantsPerStratum: 2 })
  // The reminder went out today.
  await t.database.db
    .insertInto('mailings')
    .values({ round_id: round.roundId, kind: 'reminder', channel: 'letter' })
    .execute()
})
afterAll(async () => t.close())

const draftIdOf = (html: string) => /name="concept" value="([^"]+)"/.exec(html)?.[1] ?? ''

async function keyForm(typist: Awaited<ReturnType<typeof signedInAs>>, code: string, grade: string) {
  const opened = await typist.post('/invoer/formulier', { code })
  const saved = await typist.post('/invoer/opslaan', {
    concept: draftIdOf(opened.body),
    actie: 'opslaan',
    v_rapportcijfer_dienstverlening: grade,
  })
  expect(saved.statusCode).toBe(303)
}

const paperOf = (grade: number) =>
  t.database.db
    .selectFrom('responses')
    .select('wave')
    .where('round_id', '=', round.roundId)
    .where('mode', '=', 'paper')
    .where(sql<boolean>`answers @> ${JSON.stringify({ rapportcijfer_dienstverlening: grade })}::jsonb`)
    .executeTakeFirstOrThrow()

const paperDays = () =>
  t.database.db
    .selectFrom('daily_counts')
    .select(['day', 'count'])
    .where('round_id', '=', round.roundId)
    .where('mode', '=', 'paper')
    .orderBy('day')
    .execute()

describe('the day a batch of paper forms came in', () => {
  it('counts a form received before the reminder as before it, on the day it came in, however late it is keyed', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const yesterday = daysFromToday(-1)
    const set = await typist.submit('/invoer/ontvangen', { datum: yesterday })
    expect(set.body).toMatch(/De formulieren die u nu opslaat, tellen als ontvangen op [^.]+\./)
    expect(set.body).toContain(`data-received-on="${yesterday}"`)
    await keyForm(typist, round.participants[0]!.code, '6')
    expect(await paperOf(6)).toEqual({ wave: 'before_reminder' })

    // Back to today: after the reminder.
    const reset = await typist.submit('/invoer/ontvangen', { datum: '' })
    expect(reset.body).toContain('tellen als ontvangen vandaag')
    await keyForm(typist, round.participants[1]!.code, '7')
    expect(await paperOf(7)).toEqual({ wave: 'after_reminder' })
    expect(await paperDays()).toEqual([
      { day: yesterday, count: 1 },
      { day: daysFromToday(0), count: 1 },
    ])
  })

  it('refuses a day that is no date, still to come, or more than a year back', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    for (const [datum, message] of [
      ['3 december', 'Vul een datum in'],
      [daysFromToday(1), 'Die datum is nog niet geweest'],
      [daysFromToday(-400), 'meer dan een jaar geleden'],
    ] as const) {
      const page = await typist.post('/invoer/ontvangen', { datum })
      expect(page.statusCode).toBe(422)
      expect(page.body).toContain(message)
    }
  })
})
