/**
 * A respondent in a real browser: opens the QR link on a phone, answers part of the
 * KTO questionnaire, stops, continues on another device, and submits — with and without
 * JavaScript, in Dutch and English, and with the keyboard only. Screenshots of the key
 * pages go to test-artifacts/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser as ChromiumBrowser, Page } from 'playwright-core'
import { DESKTOP, PHONE, launchChromium, screenshotPath } from '#test/helpers/chromium.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'
import type { Filled, RespondentWorld } from './respondent-helpers.ts'
import {
  andWait,
  answerPages,
  completedResponses,
  expectAnswersStored,
  fillPage,
  participantPool,
  participantStatus,
  pressNext,
  startRespondentWorld,
} from './respondent-helpers.ts'
import { ktoPageAsking } from '#test/questionnaire/kto.ts'

let world: RespondentWorld
let chromium: ChromiumBrowser
let nextKto: ReturnType<typeof participantPool>

beforeAll(async () => {
  world = await startRespondentWorld()
  chromium = await launchChromium()
  nextKto = participantPool(world.kto)
})
afterAll(async () => {
  await chromium?.close()
  await world?.served.close()
})

const url = (path: string) => `${world.served.baseUrl}${path}`
const pathOf = (page: Page) => new URL(page.url()).pathname
const screenshot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(name), fullPage: true })

/** A text no respondent would type, so the stored response can be found again; markup included to prove escaping. */
function openAnswer(tag: string): string {
  return `Prima geholpen <script>window.__injected = "${tag}"</script> & <b>snel</b> "${tag}"`
}

async function submitFromOverview(page: Page): Promise<void> {
  expect(pathOf(page)).toBe('/vragenlijst/overzicht')
  await andWait(page, () => page.locator('form[action="/vragenlijst/verzenden"] button[type="submit"]').click())
  expect(pathOf(page)).toBe('/vragenlijst/bedankt')
}

/** The one completed response holding this open answer; nothing in it points back to the person. */
async function storedResponse(roundId: number, text: string) {
  const matches = (await completedResponses(world.served, roundId)).filter((r) => r.answers.opmerkingen === text)
  expect(matches).toHaveLength(1)
  const response = matches[0]!
  expect(response.mode).toBe('online')
  return response
}

describe('a respondent on a phone', () => {
  it('opens the QR link, answers three pages, stops, continues on a PC with the typed code, and submits', async () => {
    const p = nextKto()
    const text = openAnswer('resume')
    const filled: Filled = {}

    const phone = await chromium.newContext(PHONE)
    const page = await phone.newPage()
    await page.goto(url('/'))
    await screenshot(page, 'respondent-01-login-phone')

    await page.goto(url(`/c/${p.code}`))
    // Signed in, and the code is gone from the address bar.
    expect(pathOf(page)).toBe('/vragenlijst/deel/algemeen')
    expect(page.url()).not.toContain(p.code)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Algemeen')
    await screenshot(page, 'respondent-02-grade-question-phone')
    Object.assign(filled, await fillPage(page, { pick: { rapportcijfer_dienstverlening: 8 } }))
    await pressNext(page)

    // Intake: "less than a year ago" brings up the follow-up grid, on the next page.
    expect(pathOf(page)).toBe('/vragenlijst/deel/intake')
    Object.assign(filled, await fillPage(page))
    await pressNext(page)
    expect(pathOf(page)).toBe('/vragenlijst/deel/intake-2')
    await expect.poll(() => page.locator('fieldset.grid').count()).toBeGreaterThan(0)
    // On a phone every statement of a grid is its own question: nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await screenshot(page, 'respondent-03-grid-phone')
    Object.assign(filled, await fillPage(page))
    await pressNext(page)
    expect(pathOf(page)).toBe('/vragenlijst/deel/intake-3')
    Object.assign(filled, await fillPage(page))
    await pressNext(page)
    expect(pathOf(page)).toBe('/vragenlijst/deel/begeleiding')
    Object.assign(filled, await fillPage(page))
    await pressNext(page)
    // Help with finding work: its follow-up questions come next.
    const resumeAt = pathOf(page)
    expect(resumeAt).toBe('/vragenlijst/deel/begeleiding-2')

    await andWait(page, () => page.locator('form.stop button').click())
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tot later')
    expect(await participantStatus(world.served, p.id)).toEqual({ status: 'in_progress', completed_mode: null })
    // Signed out: the questionnaire asks for the code again.
    await page.goto(url('/vragenlijst'))
    await expect.poll(() => page.locator('#code').count()).toBe(1)
    await phone.close()

    const pc = await chromium.newContext(DESKTOP)
    const desk = await pc.newPage()
    await desk.goto(url('/'))
    await desk.locator('#code').fill(formatLoginCode(p.code).toLowerCase())
    await andWait(desk, () => desk.locator('form.login button').click())
    expect(pathOf(desk)).toBe(resumeAt)
    // What was answered on the phone is there.
    await desk.goto(url('/vragenlijst/deel/algemeen'))
    expect(await desk.locator('input[name="rapportcijfer_dienstverlening"][value="8"]').isChecked()).toBe(true)
    await desk.goto(url('/vragenlijst'))
    expect(pathOf(desk)).toBe(resumeAt)
    Object.assign(filled, (await answerPages(desk, { text })).filled)
    await screenshot(desk, 'respondent-04-review')

    // The open answer comes back as text, and its markup never ran.
    await desk.goto(url(ktoPageAsking('opmerkingen')))
    expect(await desk.locator('textarea[name="opmerkingen"]').inputValue()).toBe(text)
    expect(await desk.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined()
    await desk.goto(url('/vragenlijst/overzicht'))
    await submitFromOverview(desk)
    await expect.poll(() => desk.locator('h1').textContent()).toBe('Bedankt!')
    await screenshot(desk, 'respondent-05-thank-you')
    await pc.close()

    expect(await participantStatus(world.served, p.id)).toEqual({ status: 'completed', completed_mode: 'online' })
    const response = await storedResponse(world.kto.roundId, text)
    expect(response.stratum_id).toBe(p.stratumId)
    expect(response.language).toBe('nl')
    expectAnswersStored(response.answers, filled)
    expect(Object.keys(filled).length).toBeGreaterThan(40)
  }, 300_000)

  it('does the whole questionnaire with JavaScript switched off', async () => {
    const p = nextKto()
    const text = openAnswer('no-js')
    const context = await chromium.newContext({ ...PHONE, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(url(`/c/${p.code}`))
    expect(pathOf(page)).toBe('/vragenlijst/deel/algemeen')
    const { filled, pages } = await answerPages(page, {
      text,
      pick: { rapportcijfer_dienstverlening: 3, begeleiding_werk: 2 },
    })
    expect(pages.length).toBeGreaterThanOrEqual(8)
    await submitFromOverview(page)
    await context.close()

    expect(await participantStatus(world.served, p.id)).toEqual({ status: 'completed', completed_mode: 'online' })
    expectAnswersStored((await storedResponse(world.kto.roundId, text)).answers, filled)
  }, 300_000)

  it('switches to English and answers in English', async () => {
    const p = nextKto()
    const text = openAnswer('english')
    const context = await chromium.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(url(`/c/${p.code}`))
    await andWait(page, () => page.locator('nav.languages a[hreflang="en"]').click())
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await expect.poll(() => page.locator('h1').textContent()).toBe('General')
    expect(await page.locator('form.questions button[value="next"]').textContent()).toBe('Next')
    await screenshot(page, 'respondent-06-english-phone')
    const { filled } = await answerPages(page, { text })
    expect(await page.locator('form[action="/vragenlijst/verzenden"] button').textContent()).toBe('Send my answers')
    await submitFromOverview(page)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you!')
    await context.close()

    const response = await storedResponse(world.kto.roundId, text)
    expect(response.language).toBe('en')
    expectAnswersStored(response.answers, filled)
  }, 300_000)

  it('answers a page with the keyboard only, and always shows where the focus is', async () => {
    const p = nextKto()
    const context = await chromium.newContext(DESKTOP)
    const page = await context.newPage()
    await page.goto(url(`/c/${p.code}`))
    const focused = () =>
      page.evaluate(() => {
        const e = document.activeElement as HTMLElement
        const style = getComputedStyle(e)
        return {
          name: e.getAttribute('name'),
          value: (e as HTMLInputElement).value,
          text: e.textContent?.trim(),
          outline: style.outlineStyle,
          outlineWidth: style.outlineWidth,
        }
      })
    // The first Tab reaches the skip link.
    await page.keyboard.press('Tab')
    expect((await focused()).text).toBe('Naar de inhoud')
    let f = await focused()
    for (let i = 0; i < 10 && f.name !== 'rapportcijfer_dienstverlening'; i++) {
      await page.keyboard.press('Tab')
      f = await focused()
      expect(f.outline, `focus outline on ${f.name ?? f.text}`).not.toBe('none')
    }
    expect(f.name).toBe('rapportcijfer_dienstverlening')
    await page.keyboard.press('Space')
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown')
    expect((await focused()).value).toBe('7')
    await page.keyboard.press('Tab')
    expect((await focused()).text).toBe('Volgende')
    expect((await focused()).outline).not.toBe('none')
    await andWait(page, () => page.keyboard.press('Enter'))
    expect(pathOf(page)).toBe('/vragenlijst/deel/intake')
    await context.close()

    const stored = await world.served.database.db
      .selectFrom('answers_in_progress')
      .select('answers')
      .where('participant_id', '=', p.id)
      .executeTakeFirstOrThrow()
    expect(stored.answers.rapportcijfer_dienstverlening).toBe(7)
  }, 120_000)
})

describe('what a respondent sees when something is wrong, and in Arabic', () => {
  it('explains a mistyped code on the start page', async () => {
    const context = await chromium.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(url('/'))
    await page.locator('#code').fill('K7QXM-4TR9D')
    await andWait(page, () => page.locator('form.login button').click())
    await expect.poll(() => page.locator('#code-error').textContent()).toContain('tikfout')
    expect(await page.locator('#code').getAttribute('aria-invalid')).toBe('true')
    await screenshot(page, 'respondent-07-login-error-phone')
    await context.close()
  })

  it('lists the errors of a page above the form and keeps what was typed', async () => {
    const context = await chromium.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(url(`/c/${world.multilingual.participants[0]!.code}`))
    await page.locator('#uren').fill('99')
    for (const v of [1, 2, 3]) await page.locator(`#hulp_van-${v}`).check()
    await pressNext(page)
    await expect.poll(() => page.locator('.error-summary li').count()).toBe(2)
    expect(await page.locator('.error-summary').textContent()).toContain('Vul een getal in van 0 tot en met 40')
    expect(await page.locator('#uren').inputValue()).toBe('99')
    expect(await page.locator('#uren').getAttribute('aria-invalid')).toBe('true')
    // The summary's links lead to the questions.
    await page.locator('.error-summary a').first().click()
    expect(new URL(page.url()).hash).toBe('#q-uren')
    await screenshot(page, 'respondent-08-errors-phone')
    await context.close()
  })

  it('shows an Arabic questionnaire right to left', async () => {
    const context = await chromium.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(url(`/c/${world.multilingual.participants[1]!.code}`))
    await andWait(page, () => page.locator('nav.languages a[hreflang="ar"]').click())
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
    expect(await page.locator('html').getAttribute('lang')).toBe('ar')
    await expect.poll(() => page.locator('h1').textContent()).toBe('عنك')
    // Right to left: the grade runs from the right, 1 at the right edge of its row.
    const [one, two] = await Promise.all([
      page.locator('label:has(#cijfer-1)').boundingBox(),
      page.locator('label:has(#cijfer-2)').boundingBox(),
    ])
    expect(one!.x).toBeGreaterThan(two!.x)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await screenshot(page, 'respondent-09-arabic-rtl-phone')
    await context.close()
  })
})
