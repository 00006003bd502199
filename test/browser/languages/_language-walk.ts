/**
 * A client in one client language (a file per language in this folder, so that the
 * languages run in parallel), on a 360×640 phone: the QR link from the letter opens
 * the first question in the language of the client file, without a tap and without
 * scrolling; then every page of the KTO, a page with an error, the overview and the
 * thank-you page. On every page: axe-core finds no WCAG 2.1 AA violation, the page is at
 * most four screens tall, and (on a non-Dutch page) no Dutch interface text shows.
 * Screenshots of each language's first question, split grid, error page, overview and
 * thank-you page are saved in test-artifacts/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser as ChromiumBrowser, Page } from 'playwright-core'
import { screenshotPath, launchChromium, PHONE } from '#test/helpers/chromium.ts'
import type { UI_LANGUAGES } from '#src/i18n/translate.ts'
import { catalogue, RESPONDENT_GROUPS } from '#src/i18n/translate.ts'
import { leafTexts } from '#test/i18n/leaf-texts.ts'
import type { RespondentWorld } from '../respondent-helpers.ts'
import { andWait, answerAtOnce, participantPool, pressNext, startRespondentWorld } from '../respondent-helpers.ts'
import { expectNoAxeViolations } from '#test/helpers/axe.ts'

const SCREEN = 640
const MAX_SCREENS = 4

let world: RespondentWorld
let chromium: ChromiumBrowser

/**
 * The Dutch interface texts that a page in `language` must not show: every respondent text
 * whose translation differs, cut at its placeholders into pieces long enough to be telling.
 */
function dutchLeftovers(language: string): string[] {
  if (language === 'nl') return []
  const own = leafTexts(catalogue(language as (typeof UI_LANGUAGES)[number]))
  const pieces = new Set<string>()
  for (const [key, text] of leafTexts(catalogue('nl'))) {
    if (!RESPONDENT_GROUPS.some((group) => key.startsWith(`${group}.`)) || own.get(key) === text) continue
    for (const piece of String(text).split(/\{\w+\}/)) if (piece.trim().length >= 12) pieces.add(piece.trim())
  }
  return [...pieces]
}

async function setLanguage(participantId: number, language: string): Promise<void> {
  await world.served.database.db.updateTable('participants').set({ language }).where('id', '=', participantId).execute()
}

interface Checked {
  name: string
  screens: number
}

/** Axe, height and language on the page now shown; returns its height in screens. */
async function checkPage(page: Page, language: string, name: string, leftovers: string[]): Promise<Checked> {
  expect(await page.locator('html').getAttribute('lang'), name).toBe(language)
  expect(await page.locator('html').getAttribute('dir'), name).toBe(language === 'ar' ? 'rtl' : 'ltr')
  await expectNoAxeViolations(page, name)
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ')
  expect(
    leftovers.filter((dutch) => text.includes(dutch)),
    `Dutch interface text on ${name}`,
  ).toEqual([])
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  const screens = Math.round((height / SCREEN) * 100) / 100
  expect(screens, `${name} is ${screens} screens tall`).toBeLessThanOrEqual(MAX_SCREENS)
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0)
  return { name, screens }
}

const kto = () => participantPool(world.kto)
let nextKto: ReturnType<typeof kto>
let nextSample: ReturnType<typeof participantPool>

/** The tests of one language; the file that calls it starts the world and the browser. */
export function describeLanguage(language: (typeof UI_LANGUAGES)[number]): void {
  beforeAll(async () => {
    world = await startRespondentWorld()
    chromium = await launchChromium()
  })
  afterAll(async () => {
    await chromium?.close()
    await world?.served.close()
  })
  describe(`a client whose file says "${language}", on a phone`, () => {
    const leftovers = dutchLeftovers(language)

    it('gets the first question in that language straight from the QR link, then every page', async () => {
      nextKto ??= kto()
      const p = nextKto()
      await setLanguage(p.id, language)
      const context = await chromium.newContext({ ...PHONE, locale: 'nl-NL' })
      const page = await context.newPage()
      await page.goto(`${world.served.baseUrl}/c/${p.code}`)
      // No tap between the QR code and the first question, and its answers show without scrolling.
      expect(new URL(page.url()).pathname).toBe('/vragenlijst/deel/algemeen')
      await page.screenshot({ path: screenshotPath(`phone-${language}-first-question`) })
      const firstOption = await page.locator('.question .option').first().boundingBox()
      expect(firstOption!.y + firstOption!.height).toBeLessThanOrEqual(SCREEN)

      const pages: Checked[] = []
      let splitGridShot = false
      while (!page.url().endsWith('/overzicht')) {
        const path = new URL(page.url()).pathname
        pages.push(await checkPage(page, language, path, leftovers))
        if (!splitGridShot && (await page.locator('.hint.part').count()) > 0) {
          // A grid over several pages: the stem repeated, four statements at most.
          expect(await page.locator('.grid-item').count()).toBeLessThanOrEqual(4)
          await page.screenshot({ path: screenshotPath(`phone-${language}-split-grid`), fullPage: true })
          splitGridShot = true
        }
        await answerAtOnce(page)
        await pressNext(page)
        expect(pages.length).toBeLessThan(40)
      }
      expect(splitGridShot).toBe(true)
      pages.push(await checkPage(page, language, 'overview', leftovers))
      await page.screenshot({ path: screenshotPath(`phone-${language}-overview`), fullPage: true })
      await andWait(page, () => page.locator('form[action="/vragenlijst/verzenden"] button').click())
      expect(new URL(page.url()).pathname).toBe('/vragenlijst/bedankt')
      pages.push(await checkPage(page, language, 'thank-you page', leftovers))
      await page.screenshot({ path: screenshotPath(`phone-${language}-thanks`) })
      console.info(
        `page heights (${language}, screens of ${SCREEN} px): ${pages.map((p) => `${p.name} ${p.screens}`).join(', ')}`,
      )
      await context.close()
    }, 360_000)

    it('sees an error in that language, next to the question it concerns', async () => {
      nextSample ??= participantPool(world.multilingual)
      const p = nextSample()
      await setLanguage(p.id, language)
      const context = await chromium.newContext({ ...PHONE, locale: 'nl-NL' })
      const page = await context.newPage()
      await page.goto(`${world.served.baseUrl}/c/${p.code}`)
      await page.locator('#uren').fill('99')
      await pressNext(page)
      await expect.poll(() => page.locator('.error-summary li').count()).toBe(1)
      await expect.poll(() => page.locator('#q-uren .error').count()).toBe(1)
      await checkPage(page, language, 'page with an error', leftovers)
      await page.screenshot({ path: screenshotPath(`phone-${language}-error`) })
      await context.close()
    })
  })
}
