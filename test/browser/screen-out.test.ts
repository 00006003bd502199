/**
 * A screen-out answer in a real browser on a phone, with JavaScript on and off: tapping
 * it and "Volgende" leads to the end page with the questionnaire's own text, which axe-core
 * finds without WCAG 2.1 AA violations and which does not scroll sideways at 320 px.
 */
import type { Browser as ChromiumBrowser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { launchChromium, PHONE, screenshotPath, startServedApp } from '#test/helpers/chromium.ts'
import { SCREEN_OUT_TEXT, screenOutDefinition } from '#test/questionnaire/screen-out-fixture.ts'
import type { ServedApp } from './respondent-helpers.ts'
import { andWait, pressNext } from './respondent-helpers.ts'
import { expectNoAxeViolations } from '#test/helpers/axe.ts'

let served: ServedApp
let round: RoundFixture
let chromium: ChromiumBrowser

beforeAll(async () => {
  served = await startServedApp()
  round = await createRound(served.database.db, { definition: screenOutDefinition(), participantsPerStratum: 2 })
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
  await served?.close()
})

async function expectAccessible(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name)
  await page.setViewportSize({ width: 320, height: 640 })
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${name} scrolls sideways at 320 px`).toBeLessThanOrEqual(0)
}

async function screenOutOnPhone(javaScriptEnabled: boolean, index: number): Promise<void> {
  const p = round.participants[index]!
  const context = await chromium.newContext({ ...PHONE, javaScriptEnabled })
  const page = await context.newPage()
  await page.goto(`${served.baseUrl}/c/${p.code}`)
  expect(new URL(page.url()).pathname).toBe('/vragenlijst/deel/contact')
  // The screen-out question ends its page: nothing after it is asked beside it.
  expect(await page.locator('input[name="geholpen"]').count()).toBe(0)
  await page.locator('input[name="algemeen"][value="7"]').check()
  await page.getByText('Nee, geen contact').click()
  await pressNext(page)
  expect(new URL(page.url()).pathname).toBe('/vragenlijst/einde')
  await expect.poll(() => page.locator('h1').textContent()).toBe('Einde van de vragenlijst')
  expect(await page.locator('main').textContent()).toContain(SCREEN_OUT_TEXT.nl)
  await page.screenshot({
    path: screenshotPath(`screen-out-end-${javaScriptEnabled ? 'js' : 'no-js'}`),
    fullPage: true,
  })
  // The language switch offers the questionnaire's languages, and shows its text in them.
  expect(
    await page.locator('nav.languages a').evaluateAll((links) => links.map((a) => a.getAttribute('hreflang'))),
  ).toEqual(['nl', 'en'])
  await andWait(page, () => page.locator('nav.languages a[hreflang="en"]').click())
  expect(await page.locator('main').textContent()).toContain(SCREEN_OUT_TEXT.en)
  await andWait(page, () => page.locator('nav.languages a[hreflang="nl"]').click())
  // axe-core is a script: it checks the page this session got, in a context that runs it.
  const checking = await chromium.newContext(PHONE)
  await checking.addCookies(await context.cookies())
  await context.close()
  const checked = await checking.newPage()
  await checked.goto(`${served.baseUrl}/vragenlijst/einde`)
  expect(await checked.locator('main').textContent()).toContain(SCREEN_OUT_TEXT.nl)
  await expectAccessible(checked, `end page (reached ${javaScriptEnabled ? 'with' : 'without'} JavaScript)`)
  await checking.close()

  const stored = await served.database.db
    .selectFrom('participants')
    .select(['status', 'completed_mode'])
    .where('id', '=', p.id)
    .executeTakeFirstOrThrow()
  expect(stored).toEqual({ status: 'completed', completed_mode: 'online' })
}

describe('a screen-out answer on a phone', () => {
  it('leads to its own end page with JavaScript on', async () => {
    await screenOutOnPhone(true, 0)
  }, 120_000)

  it('leads to its own end page with JavaScript off', async () => {
    await screenOutOnPhone(false, 1)
  }, 120_000)

  it('has stored both as screened out, with the answers given', async () => {
    const rows = await served.database.db
      .selectFrom('responses')
      .select(['status', 'answers'])
      .where('round_id', '=', round.roundId)
      .execute()
    expect(rows).toEqual([
      { status: 'screened_out', answers: { algemeen: 7, contact_12m: 3 } },
      { status: 'screened_out', answers: { algemeen: 7, contact_12m: 3 } },
    ])
  })
})
