import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp, Browser } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { readQuestionForm, firstChoices } from '#test/helpers/form.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'

let t: TestApp
let round: RoundFixture

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db, { participantsPerStratum: 3 })
})
afterAll(async () => t.close())

async function signIn(browser: Browser, code: string) {
  await browser.visit('/')
  const response = await browser.post('/', { code })
  expect(response.statusCode).toBe(303)
  expect(response.headers.location).toMatch(/^\/vragenlijst(\/deel\/[a-z0-9_-]+)?$/)
  return browser.visit('/vragenlijst')
}

/** Answers every page with the first choices until the overview; returns the number of pages. */
async function answerAllPages(browser: Browser): Promise<number> {
  let pages = 0
  let response = await browser.visit('/vragenlijst')
  while (!response.body.includes('action="/vragenlijst/verzenden"')) {
    const form = readQuestionForm(response.body)
    response = await browser.submit(form.action, { ...firstChoices(form), action: 'next' })
    expect(response.statusCode).toBe(200)
    if (++pages > 30) throw new Error('questionnaire does not end')
  }
  return pages
}

async function participantRow(id: number) {
  return t.database.db
    .selectFrom('participants')
    .select(['status', 'completed_mode'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

describe('the online questionnaire', () => {
  it('fills in every page, submits once, and stores the response without a link to the person', async () => {
    const p = round.participants[0]!
    const browser = new Browser(t.app)
    const first = await signIn(browser, p.code)
    expect(first.statusCode).toBe(200)
    expect(first.body).toContain('Deel 1 van')

    const pages = await answerAllPages(browser)
    expect(pages).toBeGreaterThan(5)
    expect(await participantRow(p.id)).toEqual({ status: 'in_progress', completed_mode: null })

    const overview = await browser.visit('/vragenlijst/overzicht')
    expect(overview.body).toContain('Verstuur mijn antwoorden')
    const thanks = await browser.submit('/vragenlijst/verzenden', {})
    expect(thanks.statusCode).toBe(200)
    expect(thanks.body).toContain('Bedankt')

    expect(await participantRow(p.id)).toEqual({ status: 'completed', completed_mode: 'online' })
    const responses = await t.database.db
      .selectFrom('responses')
      .selectAll()
      .where('round_id', '=', round.roundId)
      .where('status', '=', 'complete')
      .execute()
    expect(responses).toHaveLength(1)
    const response = responses[0]!
    expect(response.mode).toBe('online')
    expect(response.stratum_id).toBe(p.stratumId)
    expect(response.wave).toBe('before_reminder')
    expect(Object.keys(response.answers).length).toBeGreaterThan(20)
    // No column of the response holds a date or the code.
    expect(JSON.stringify(response)).not.toContain(p.code)
    const counts = await t.database.db
      .selectFrom('daily_counts')
      .selectAll()
      .where('round_id', '=', round.roundId)
      .execute()
    expect(counts).toEqual([expect.objectContaining({ stratum_id: p.stratumId, mode: 'online', count: 1 })])
  })

  it('shows "already answered" after submitting, and changes nothing', async () => {
    const p = round.participants[0]!
    const browser = new Browser(t.app)
    const page = await signIn(browser, p.code)
    expect(page.body).toContain('al ingevuld')
    const before = await t.database.db
      .selectFrom('responses')
      .select('answers')
      .where('round_id', '=', round.roundId)
      .execute()
    await browser.visit('/?lang=nl')
    const attempt = await browser.post('/vragenlijst/deel/algemeen', { rapportcijfer_dienstverlening: '1' })
    expect(attempt.body).toContain('al ingevuld')
    const after = await t.database.db
      .selectFrom('responses')
      .select('answers')
      .where('round_id', '=', round.roundId)
      .execute()
    expect(after).toEqual(before)
  })

  it('resumes on another device with the same code', async () => {
    const p = round.participants[1]!
    const phone = new Browser(t.app, '10.0.0.1')
    const firstPage = await signIn(phone, p.code)
    const form = readQuestionForm(firstPage.body)
    const [name, values] = [...form.radios][0]!
    await phone.submit(form.action, { [name]: values[values.length - 1]!, action: 'next' })

    const pc = new Browser(t.app, '10.0.0.2')
    await signIn(pc, formatLoginCode(p.code).toLowerCase())
    const again = await pc.visit(form.action)
    expect(again.body).toMatch(new RegExp(`name="${name}" value="${values[values.length - 1]}" checked`))
  })

  it('lets exactly one of two simultaneous submissions count', async () => {
    const p = round.participants[2]!
    const countComplete = async () =>
      (
        await t.database.db
          .selectFrom('responses')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('round_id', '=', round.roundId)
          .where('status', '=', 'complete')
          .executeTakeFirstOrThrow()
      ).n
    const before = await countComplete()
    const a = new Browser(t.app, '10.0.1.1')
    const b = new Browser(t.app, '10.0.1.2')
    await signIn(a, p.code)
    await signIn(b, p.code)
    const form = readQuestionForm(a.lastPage)
    await a.submit(form.action, { ...firstChoices(form), action: 'next' })
    await a.visit('/vragenlijst/overzicht')
    await b.visit('/vragenlijst/overzicht')
    const [ra, rb] = await Promise.all([a.post('/vragenlijst/verzenden', {}), b.post('/vragenlijst/verzenden', {})])
    const outcomes = [ra, rb].map((r) =>
      r.statusCode === 303 ? 'submitted' : r.body.includes('al ingevuld') ? 'already' : `other ${r.statusCode}`,
    )
    expect(outcomes.sort()).toEqual(['already', 'submitted'])
    expect(await countComplete()).toBe(before + 1)
  })

  it('shows an error on the page for an impossible answer, and keeps the rest', async () => {
    const p = round.participants[3]!
    const browser = new Browser(t.app)
    const page = await signIn(browser, p.code)
    const form = readQuestionForm(page.body)
    const [name] = [...form.radios][0]!
    const response = await browser.post(form.action, { [name]: '42', action: 'next' })
    expect(response.statusCode).toBe(422)
    expect(response.body).toContain('class="error-summary"')
  })
})

describe('routing on the web form', () => {
  it('asks a follow-up question on the next page once its condition is answered, and drops it when the answer changes', async () => {
    const p = round.participants[4]!
    const browser = new Browser(t.app)
    await signIn(browser, p.code)
    const intake = await browser.visit('/vragenlijst/deel/intake')
    expect(intake.body).not.toContain('name="intake_stellingen_a"')
    const pagesBefore = progressTotal(intake.body)

    // No silent reload of the same page: "next" goes on to the page with the follow-up,
    // which now counts in the progress.
    const answered = await browser.post('/vragenlijst/deel/intake', { intake_wanneer: '1', action: 'next' })
    expect(answered.statusCode).toBe(303)
    expect(answered.headers.location).toBe('/vragenlijst/deel/intake-2')
    const followUp = await browser.visit('/vragenlijst/deel/intake-2')
    expect(followUp.body).toContain('name="intake_stellingen_a"')
    expect(followUp.body).not.toContain('name="intake_wanneer"')
    expect(progressTotal(followUp.body)).toBeGreaterThan(pagesBefore)

    const next = await browser.post('/vragenlijst/deel/intake-2', { intake_stellingen_a: '2', action: 'next' })
    expect(next.statusCode).toBe(303)
    expect(next.headers.location).toBe('/vragenlijst/deel/intake-3')
    const stored = async () =>
      (
        await t.database.db
          .selectFrom('answers_in_progress')
          .select('answers')
          .where('participant_id', '=', p.id)
          .executeTakeFirstOrThrow()
      ).answers
    expect(await stored()).toMatchObject({ intake_wanneer: 1, intake_stellingen_a: 2 })

    await browser.visit('/vragenlijst/deel/intake')
    const changed = await browser.post('/vragenlijst/deel/intake', { intake_wanneer: '2', action: 'next' })
    expect(changed.statusCode).toBe(303)
    expect(changed.headers.location).toBe('/vragenlijst/deel/begeleiding')
    const answers = await stored()
    expect(answers.intake_wanneer).toBe(2)
    expect(answers).not.toHaveProperty('intake_stellingen_a')
    // The follow-up's page is gone: asking for it sends the respondent on.
    expect((await browser.get('/vragenlijst/deel/intake-2')).statusCode).toBe(303)
  })
})

/** "Deel 3 van 21" → 21. */
function progressTotal(html: string): number {
  const match = /<progress max="(\d+)"/.exec(html)
  if (!match) throw new Error('no progress bar on the page')
  return Number(match[1])
}
