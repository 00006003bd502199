/**
 * A page save starts from what the previous save left (RecentContexts) and is made in one
 * query, but only while nothing has changed: these tests change things between two pages
 * the way another device, a staff member or a typist would.
 */
import type { KyselyPlugin } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp } from '#test/helpers/app.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound, daysFromToday } from '#test/helpers/fixtures.ts'
import { linkedAnswers, onSecondPage } from './_respondent-pages.ts'
import { sampleDefinition } from '#test/questionnaire/fixtures.ts'

let database: DatabaseHandle
let t: TestApp
let round: RoundFixture
/** Every query the app sends, counted. */
let queries = 0
const countQueries: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    queries++
    return args.result
  },
}

beforeAll(async () => {
  database = await createTestDatabase()
  t = await createTestApp({}, { ...database, db: database.db.withPlugin(countQueries) })
  round = await createRound(database.db, { participantsPerStratum: 3 })
})
afterAll(async () => {
  await t.close()
  await database.close()
})

const FIRST_GRADE = 7

describe('saving the next page from the recent context', () => {
  it('saves in one query when nothing has changed since the previous page', async () => {
    const p = round.participants[0]!
    const { browser, form, fields } = await onSecondPage(t.app, p.code, FIRST_GRADE)

    queries = 0
    const response = await browser.post(form.action, { ...fields, action: 'next' })
    // 303 to the next page, or 200 when the answers bring up a follow-up question on this page.
    expect([200, 303]).toContain(response.statusCode)
    expect(queries).toBe(1)
    expect(await linkedAnswers(database.db, p.id)).toMatchObject({
      rapportcijfer_dienstverlening: FIRST_GRADE,
      ...numbersOf(fields),
    })
  })

  it('saves the pages that several respondents send at the same moment, each as their own', async () => {
    const several = await createRound(database.db, { participantsPerStratum: 2 })
    const respondents = await Promise.all(several.participants.map((p) => onSecondPage(t.app, p.code, FIRST_GRADE)))
    // Each goes back to the first page and gives another grade; all pages are sent at once (saved together, see SaveBatches).
    const responses = await Promise.all(
      respondents.map(({ browser }, i) =>
        browser.post('/vragenlijst/deel/algemeen', { rapportcijfer_dienstverlening: i + 1, action: 'next' }),
      ),
    )
    for (const response of responses) expect(response.statusCode).toBe(303)
    const grades = await Promise.all(
      several.participants.map(async (p) => (await linkedAnswers(database.db, p.id))?.rapportcijfer_dienstverlening),
    )
    expect(grades).toEqual(several.participants.map((_, i) => i + 1))
  })

  it('keeps what another device saved in between through another app instance, and adds this page to it', async () => {
    const p = round.participants[1]!
    const phone = await onSecondPage(t.app, p.code, FIRST_GRADE)

    const other = await createTestApp({}, database)
    try {
      const pc = new Browser(other.app)
      await pc.visit('/')
      await pc.post('/', { code: p.code })
      await pc.visit('/vragenlijst/deel/algemeen')
      expect(
        (await pc.post('/vragenlijst/deel/algemeen', { rapportcijfer_dienstverlening: 9, action: 'next' })).statusCode,
      ).toBe(303)
    } finally {
      await other.app.close()
    }

    expect([200, 303]).toContain(
      (await phone.browser.post(phone.form.action, { ...phone.fields, action: 'next' })).statusCode,
    )
    expect(await linkedAnswers(database.db, p.id)).toMatchObject({
      rapportcijfer_dienstverlening: 9,
      ...numbersOf(phone.fields),
    })
  })

  it('shows that the round has closed when it closed in between, and saves nothing', async () => {
    const p = round.participants[2]!
    const { browser, form, fields } = await onSecondPage(t.app, p.code, FIRST_GRADE)
    await database.db.updateTable('rounds').set({ status: 'closed' }).where('id', '=', round.roundId).execute()
    try {
      const response = await browser.post(form.action, { ...fields, action: 'next' })
      expect(response.statusCode).toBe(200)
      expect(response.body).toContain('De vragenlijst is gesloten')
      expect(await linkedAnswers(database.db, p.id)).toEqual({ rapportcijfer_dienstverlening: FIRST_GRADE })
    } finally {
      await database.db.updateTable('rounds').set({ status: 'open' }).where('id', '=', round.roundId).execute()
    }
  })

  it('saves the page when the closing date was moved later after this instance last read the round', async () => {
    const p = round.participants[5]!
    const { browser, form, fields, csrf } = await onSecondPage(t.app, p.code, FIRST_GRADE)
    const { closes_on } = await database.db
      .selectFrom('rounds')
      .select('closes_on')
      .where('id', '=', round.roundId)
      .executeTakeFirstOrThrow()
    try {
      // The round closed yesterday: the page the respondent opens now says so (and this instance reads it so).
      await database.db
        .updateTable('rounds')
        .set({ closes_on: daysFromToday(-1) })
        .where('id', '=', round.roundId)
        .execute()
      expect((await browser.get(form.action)).body).toContain('De vragenlijst is gesloten')
      // A staff member gives another week; the respondent sends the page still open on the phone.
      await database.db
        .updateTable('rounds')
        .set({ closes_on: daysFromToday(7) })
        .where('id', '=', round.roundId)
        .execute()
      const response = await browser.post(form.action, { ...fields, action: 'next' }, { csrf })
      expect([200, 303]).toContain(response.statusCode)
      expect(await linkedAnswers(database.db, p.id)).toMatchObject(numbersOf(fields))
    } finally {
      await database.db.updateTable('rounds').set({ closes_on }).where('id', '=', round.roundId).execute()
    }
  })

  it('shows "already done" when a paper form completed the participant in between, and saves nothing', async () => {
    const p = round.participants[3]!
    const { browser, form, fields } = await onSecondPage(t.app, p.code, FIRST_GRADE)
    await database.db
      .updateTable('participants')
      .set({ status: 'completed', completed_mode: 'paper' })
      .where('id', '=', p.id)
      .execute()

    const response = await browser.post(form.action, { ...fields, action: 'next' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('U heeft de vragenlijst al ingevuld')
    expect(await linkedAnswers(database.db, p.id)).toEqual({ rapportcijfer_dienstverlening: FIRST_GRADE })
  })

  it('forgets the context at submission: a later post reads the database, finds it done and saves nothing', async () => {
    const p = round.participants[4]!
    const { browser, form, fields, csrf } = await onSecondPage(t.app, p.code, FIRST_GRADE)
    expect((await browser.submit('/vragenlijst/verzenden', {})).body).toContain('Bedankt')

    queries = 0
    const response = await browser.post(form.action, { ...fields, action: 'next' }, { csrf })
    expect(response.body).toContain('U heeft de vragenlijst al ingevuld')
    // Only the fresh read: no save was tried from a remembered context.
    expect(queries).toBe(1)
    expect(await linkedAnswers(database.db, p.id)).toBeUndefined()
  })
})

describe('a section that the remembered answers hide', () => {
  it('is saved when the answers saved meanwhile through another instance show it', async () => {
    const routed = await createRound(database.db, { participantsPerStratum: 1, definition: sampleDefinition() })
    const p = routed.participants[0]!
    const signIn = async (browser: Browser) => {
      await browser.visit('/')
      await browser.post('/', { code: p.code })
      await browser.visit('/vragenlijst/deel/start')
    }
    // On the phone: no help, so the help section is not shown (and that is what this instance remembers).
    const phone = new Browser(t.app)
    await signIn(phone)
    // Question 3 follows from question 2: it is asked on the next page.
    await phone.submit('/vragenlijst/deel/start', { tevredenheid: 7, contact: 1, action: 'next' })
    await phone.submit('/vragenlijst/deel/start-2', { hulp: 2, action: 'next' })
    expect((await phone.visit('/vragenlijst')).body).not.toContain('Van wie?')

    // On the PC, through another instance: help after all.
    const other = await createTestApp({}, database)
    try {
      const pc = new Browser(other.app)
      await signIn(pc)
      await pc.visit('/vragenlijst/deel/start-2')
      expect((await pc.post('/vragenlijst/deel/start-2', { hulp: 1, action: 'next' })).headers.location).toBe(
        '/vragenlijst/deel/hulp_details',
      )
    } finally {
      await other.app.close()
    }

    // The phone posts the help section (a page the respondent opened meanwhile).
    const response = await phone.post('/vragenlijst/deel/hulp_details', { hulp_van: 1, action: 'next' })
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).not.toBe('/vragenlijst')
    expect(await linkedAnswers(database.db, p.id)).toMatchObject({ hulp: 1, hulp_van: [1] })
  })
})

/** The posted first choices as the stored answers hold them: codes as numbers, ticks as lists of numbers. */
function numbersOf(fields: Record<string, string | string[]>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v.map(Number) : /^\d+$/.test(v) ? Number(v) : v]),
  )
}
