/**
 * A respondent on a 360×640 phone answers a ranking (3 of 5) and a constant sum (100
 * points), with JavaScript on and off: the mistakes a person makes (a number used twice,
 * a number skipped, a sum that is not 100) come back in plain Dutch at the question, the
 * page passes axe-core, and what is sent is what was chosen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser as ChromiumBrowser, Page } from 'playwright-core'
import { PHONE, launchChromium, screenshotPath } from '#test/helpers/chromium.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { startServedApp } from '#test/helpers/chromium.ts'
import { rankingSumDefinition } from '#test/questionnaire/ranking-sum.ts'
import type { ServedApp } from './respondent-helpers.ts'
import { andWait, completedResponses, participantPool, pressNext } from './respondent-helpers.ts'
import { expectNoAxeViolations } from '#test/helpers/axe.ts'

let served: ServedApp
let round: RoundFixture
let chromium: ChromiumBrowser
let next: ReturnType<typeof participantPool>

beforeAll(async () => {
  served = await startServedApp()
  round = await createRound(served.database.db, {
    definition: rankingSumDefinition(),
    participantsPerStratum: 4,
    strata: [{ code: 'borne', name: 'Borne' }],
  })
  chromium = await launchChromium()
  next = participantPool(round)
})
afterAll(async () => {
  await chromium?.close()
  await served?.close()
})

const pathOf = (page: Page) => new URL(page.url()).pathname

async function expectAccessibleOnPhone(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name)
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${name} scrolls sideways`,
  ).toBeLessThanOrEqual(360)
}

/** Without scripts: each rank select and amount field lies inside the 360 px screen, big enough to tap. */
async function expectWithinPhone(page: Page): Promise<void> {
  const fields = page.locator('.item-number select, .item-number input')
  expect(await fields.count()).toBe(9)
  for (const field of await fields.all()) {
    const box = (await field.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(360)
    expect(box.height).toBeGreaterThanOrEqual(40)
  }
}

/** The error messages of the page, as the summary at the top lists them. */
async function summaryErrors(page: Page): Promise<string[]> {
  return (await page.locator('.error-summary li').allTextContents()).map((t) => t.trim())
}

async function rank(page: Page, ranks: Record<string, string>): Promise<void> {
  for (const item of ['geld', 'werk', 'contact', 'uitleg', 'snel'])
    await page.locator(`#belangrijk_${item}`).selectOption(ranks[item] ?? '')
}

async function amounts(page: Page, values: Record<string, string>): Promise<void> {
  for (const item of ['bereikbaar', 'brieven', 'snelheid', 'vriendelijk'])
    await page.locator(`#verdeling_${item}`).fill(values[item] ?? '')
}

async function submit(page: Page): Promise<void> {
  expect(pathOf(page)).toBe('/vragenlijst/overzicht')
  await andWait(page, () => page.locator('form[action="/vragenlijst/verzenden"] button[type="submit"]').click())
  expect(pathOf(page)).toBe('/vragenlijst/bedankt')
}

async function storedAnswers(text: string) {
  const [response] = (await completedResponses(served, round.roundId)).filter((r) => r.answers.opmerking === text)
  expect(response).toBeDefined()
  return response!.answers
}

describe('ranking and constant sum on a phone', () => {
  it('with JavaScript: the sum shows while typing, a repeated rank and a wrong sum are explained, the fix is sent', async () => {
    const context = await chromium.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(`${served.baseUrl}/c/${next().code}`)
    expect(pathOf(page)).toBe('/vragenlijst/deel/keuzes')
    await expectAccessibleOnPhone(page, 'ranking and constant sum page')
    // The choices of a rank: none, or 1 to 3 (3 of 5 items).
    expect(await page.locator('#belangrijk_geld option').allTextContents()).toEqual(['Geen nummer', '1', '2', '3'])

    await page.locator('input[name="tevreden"][value="8"]').check()
    await rank(page, { geld: '1', werk: '1' })
    await amounts(page, { bereikbaar: '50', snelheid: '40' })
    await expect.poll(() => page.locator('#sum-verdeling').textContent()).toBe('Nu samen: 90 van de 100.')
    await page.locator('#opmerking').fill('met js')
    await pressNext(page)

    expect(pathOf(page)).toBe('/vragenlijst/deel/keuzes')
    expect(await summaryErrors(page)).toEqual([
      'U heeft nummer 1 vaker dan één keer gebruikt. Gebruik elk nummer maar één keer.',
      'De getallen moeten samen 100 zijn. Nu zijn ze samen 90.',
    ])
    expect(await page.locator('#q-belangrijk .error').textContent()).toContain('nummer 1')
    // What was chosen stays on the page to be corrected.
    expect(await page.locator('#belangrijk_werk').inputValue()).toBe('1')
    expect(await page.locator('#verdeling_snelheid').inputValue()).toBe('40')
    await expectAccessibleOnPhone(page, 'ranking and constant sum page with errors')
    await page.screenshot({ path: screenshotPath('ranking-sum-phone-errors'), fullPage: true })

    await rank(page, { geld: '1', werk: '2', snel: '3' })
    await amounts(page, { bereikbaar: '50', snelheid: '40', vriendelijk: '10' })
    await expect.poll(() => page.locator('#sum-verdeling').textContent()).toBe('Nu samen: 100 van de 100.')
    await pressNext(page)
    expect(pathOf(page)).toBe('/vragenlijst/overzicht')
    const overview = (await page.locator('main').textContent()) ?? ''
    expect(overview).toContain('1. Op tijd mijn geld krijgen')
    expect(overview).toContain('3. Snel antwoord op vragen')
    await expectAccessibleOnPhone(page, 'overview with a ranking and a constant sum')
    await submit(page)
    await context.close()

    expect(await storedAnswers('met js')).toEqual({
      tevreden: 8,
      belangrijk_geld: 1,
      belangrijk_werk: 2,
      belangrijk_snel: 3,
      verdeling_bereikbaar: 50,
      verdeling_brieven: 0,
      verdeling_snelheid: 40,
      verdeling_vriendelijk: 10,
      opmerking: 'met js',
    })
  }, 180_000)

  it('without JavaScript: selects and number fields work, a skipped rank is explained, the server says the sum', async () => {
    const context = await chromium.newContext({ ...PHONE, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${served.baseUrl}/c/${next().code}`)
    expect(pathOf(page)).toBe('/vragenlijst/deel/keuzes')
    // axe runs as a script, so it checked this markup in the test above; here: every field within the screen.
    await expectWithinPhone(page)
    await rank(page, { uitleg: '1', contact: '3' })
    await amounts(page, { bereikbaar: '20', brieven: '20', snelheid: '20', vriendelijk: '20' })
    await page.locator('#opmerking').fill('zonder js')
    // Without the script nothing adds up while typing.
    expect(await page.locator('#sum-verdeling').textContent()).toBe('')
    await pressNext(page)

    expect(await summaryErrors(page)).toEqual([
      'Nummer 2 ontbreekt. Begin bij 1 en sla geen nummer over.',
      'De getallen moeten samen 100 zijn. Nu zijn ze samen 80.',
    ])
    expect(await page.locator('#sum-verdeling').textContent()).toBe('Nu samen: 80 van de 100.')
    await expectWithinPhone(page)

    await rank(page, { uitleg: '1', contact: '2' })
    await amounts(page, { bereikbaar: '40', brieven: '20', snelheid: '20', vriendelijk: '20' })
    await pressNext(page)
    await submit(page)
    await context.close()

    expect(await storedAnswers('zonder js')).toMatchObject({
      belangrijk_uitleg: 1,
      belangrijk_contact: 2,
      verdeling_bereikbaar: 40,
      verdeling_vriendelijk: 20,
    })
  }, 180_000)
})
