/**
 * Every page a respondent can see, checked with axe-core against WCAG 2.1 A and AA, and
 * for reflow: at 320 CSS pixels wide (a small phone, or 400% zoom on a PC) nothing may
 * scroll sideways. The accessibility statement (/toegankelijkheid) reports these results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser as ChromiumBrowser, BrowserContext, Page } from 'playwright-core'
import { DESKTOP, launchChromium } from '#test/helpers/chromium.ts'
import type { RespondentWorld } from './respondent-helpers.ts'
import { andWait, answerAtOnce, participantPool, pressNext, startRespondentWorld } from './respondent-helpers.ts'
import { MEASURED_CONFORMANCE } from '#src/server/routes/toegankelijkheid/_measured.ts'
import { expectNoAxeViolations, WCAG_21_AA } from '#test/helpers/axe.ts'

let world: RespondentWorld
let chromium: ChromiumBrowser
const checked: string[] = []
let axeVersion = ''

beforeAll(async () => {
  world = await startRespondentWorld()
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
  await world?.served.close()
})

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.newContext(DESKTOP)
  return { context, page: await context.newPage() }
}

/** Zero axe violations at WCAG 2.1 AA, and no sideways scrolling at 320 px. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  axeVersion = (await expectNoAxeViolations(page, name)).version

  const viewport = page.viewportSize()
  await page.setViewportSize({ width: 320, height: 640 })
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${name} scrolls sideways at 320 px`).toBeLessThanOrEqual(0)
  if (viewport) await page.setViewportSize(viewport)
  checked.push(name)
}

async function signIn(page: Page, code: string): Promise<void> {
  await page.goto(`${world.served.baseUrl}/c/${code}`)
  expect(new URL(page.url()).pathname).toMatch(/^\/vragenlijst(\/|$)/)
}

describe('axe-core finds no WCAG 2.1 AA violation', () => {
  it('on the start page, with and without an error, and on a wrong QR link', async () => {
    const { context, page } = await newPage()
    await page.goto(world.served.baseUrl)
    await expectAccessible(page, 'start page')
    await page.locator('#code').fill('K7QXM-4TR9D')
    await andWait(page, () => page.locator('form.login button').click())
    await expect.poll(() => page.locator('#code-error').textContent()).toContain('tikfout')
    await expectAccessible(page, 'start page with a code error')
    await page.goto(`${world.served.baseUrl}/c/ABCDEFGHJK`)
    await expectAccessible(page, 'wrong QR link')
    await context.close()
  })

  it('on every page of the KTO questionnaire (follow-up questions shown), the overview and the thank-you page', async () => {
    const next = participantPool(world.kto)
    const { context, page } = await newPage()
    await signIn(page, next().code)
    // intake_wanneer = 1 and begeleiding_werk = 1 show every follow-up question.
    for (let pages = 0; !page.url().endsWith('/overzicht'); pages++) {
      await expectAccessible(page, `section ${new URL(page.url()).pathname}`)
      await answerAtOnce(page)
      await pressNext(page)
      expect(pages).toBeLessThan(40)
    }
    await expectAccessible(page, 'overview, all answered')
    await andWait(page, () => page.locator('form[action="/vragenlijst/verzenden"] button').click())
    await expectAccessible(page, 'thank-you page')
    await context.close()
  }, 360_000)

  it('on the overview with unanswered questions, the signed-out page and the already-done page', async () => {
    const next = participantPool(world.kto)
    next()
    const p = next()
    const { context, page } = await newPage()
    await signIn(page, p.code)
    await page.goto(`${world.served.baseUrl}/vragenlijst/overzicht`)
    await expect.poll(() => page.locator('ul.unanswered li').count()).toBeGreaterThan(5)
    await expectAccessible(page, 'overview with unanswered questions')
    await page.goto(`${world.served.baseUrl}/vragenlijst/deel/algemeen`)
    await andWait(page, () => page.locator('form.stop button').click())
    await expectAccessible(page, 'signed-out page')

    await signIn(page, p.code)
    await page.goto(`${world.served.baseUrl}/vragenlijst/overzicht`)
    await andWait(page, () => page.locator('form[action="/vragenlijst/verzenden"] button').click())
    await signIn(page, p.code)
    await expect.poll(() => page.locator('h1').textContent()).toContain('al ingevuld')
    await expectAccessible(page, 'already-done page')
    await context.close()
  })

  it('on a page with errors, in English, and in Arabic (right to left)', async () => {
    const { context, page } = await newPage()
    await signIn(page, world.multilingual.participants[0]!.code)
    await page.locator('#uren').fill('99')
    await page.locator('#hulp_van-1').check()
    await page.locator('#hulp_van-2').check()
    await page.locator('#hulp_van-3').check()
    await pressNext(page)
    // The number is out of range and three answers are ticked where two are allowed.
    await expect.poll(() => page.locator('.error-summary li').count()).toBe(2)
    await expectAccessible(page, 'section with errors')
    await page.goto(`${world.served.baseUrl}/vragenlijst/deel/start?lang=en`)
    await expectAccessible(page, 'section in English')
    await page.goto(`${world.served.baseUrl}/vragenlijst/deel/start?lang=ar`)
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
    await expectAccessible(page, 'section in Arabic')
    await context.close()
  })

  it('on the closed-round and not-yet-open messages and the not-found page', async () => {
    const { context, page } = await newPage()
    await signIn(page, world.closed.participants[0]!.code)
    await expectAccessible(page, 'round closed')
    await signIn(page, world.notYetOpen.participants[0]!.code)
    await expectAccessible(page, 'round not yet open')
    await page.goto(`${world.served.baseUrl}/bestaat-niet`)
    await expectAccessible(page, 'not found')
    await context.close()
  })

  it('on the privacy statement and the accessibility statement, in Dutch and English', async () => {
    const { context, page } = await newPage()
    for (const lang of ['nl', 'en']) {
      await page.goto(`${world.served.baseUrl}/privacy?lang=${lang}`)
      await expectAccessible(page, `privacy statement (${lang})`)
      await page.goto(`${world.served.baseUrl}/toegankelijkheid?lang=${lang}`)
      const statement = await page.locator('main').textContent()
      expect(statement).toContain(`axe-core ${MEASURED_CONFORMANCE.axeVersion}`)
      expect(statement).toContain(`${MEASURED_CONFORMANCE.pagesChecked} `)
      await expectAccessible(page, `accessibility statement (${lang})`)
    }
    await context.close()
  })
})

describe('the accessibility statement', () => {
  it('reports the axe-core version and rules these tests use', () => {
    expect(MEASURED_CONFORMANCE.pagesChecked, `pages checked: ${checked.join(', ')}`).toBe(checked.length)
    expect(MEASURED_CONFORMANCE.axeVersion).toBe(axeVersion)
    expect(MEASURED_CONFORMANCE.axeTags).toEqual(WCAG_21_AA)
  })
})
