/**
 * The report of a round as a researcher sees it in headless Chromium, and as it prints:
 * axe-core at WCAG 2.1 AA, every chart an image with a name and a table behind it, the
 * page without JavaScript and on a 360 px phone, and printed to A4 as PDF (read back:
 * chapters start a page, the console around the report is not printed). Also axe on the
 * pages that feed the report: quotes and reference figures. Screenshots of the report go
 * to test-artifacts/report/ for a person to look at.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser as ChromiumBrowser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { ARTIFACTS_DIR, DESKTOP, launchChromium, startServedApp } from '#test/helpers/chromium.ts'
import type { TestApp } from '#test/helpers/app.ts'
import { createStaffUser, TEST_PASSWORD } from '#test/helpers/staff.ts'
import { CLIENT_FILES } from '#test/helpers/fixtures.ts'
import type { SeededRound } from '#test/server/routes/beheer/seed.ts'
import { seedRound } from '#test/server/routes/beheer/seed.ts'
import type { TempDir } from '#test/mailmerge/pdf-tools.ts'
import { pageCount, pageTexts, renderPagePng, renderToolsAvailable, tempDir } from '#test/mailmerge/pdf-tools.ts'
import type { Answers } from '#src/questionnaire/definition.ts'
import { saveReportChoices } from '#src/server/services/report/round-report.ts'
import { andWait } from './respondent-helpers.ts'
import { expectNoAxeViolations } from '#test/helpers/axe.ts'

const SCREENSHOTS = path.join(ARTIFACTS_DIR, 'report')
const PHONE_360: BrowserContextOptions = { viewport: { width: 360, height: 640 }, locale: 'nl-NL' }

const STRATA = [
  { code: 'hengelo', name: 'Hengelo', invited: 200, online: 40, paper: 30 },
  { code: 'haaksbergen', name: 'Haaksbergen', invited: 80, online: 12, paper: 14 },
  { code: 'borne', name: 'Borne', invited: 60, online: 10, paper: 12 },
]

/** Answers that vary with the respondent, so every chart and table has something in it. */
function answersOf(year: 2024 | 2026) {
  return (i: number, stratum: string): Answers => {
    const better = year === 2026 ? 1 : 0
    return {
      rapportcijfer_dienstverlening: i % 11 === 0 ? 99 : Math.min(10, 4 + better + (i % 6)),
      rapportcijfer_klantmanager: 5 + better + (i % 5),
      intake_wanneer: 1,
      intake_stellingen_a: 1 + ((i + better) % 4),
      intake_stellingen_b: 1 + (i % 3),
      intake_stellingen_c: i % 9 === 0 ? 99 : 1 + (i % 2),
      intake_stellingen_d: 2 + (i % 3),
      medewerkers_stellingen_a: 1 + (i % 4),
      medewerkers_stellingen_b: 1 + ((i + 1) % 3),
      begeleiding_door: i % 2 === 0 ? [1, 2] : [3],
      punt_goed: i % 3 === 0 ? [1, 7] : [2],
      punt_verbeteren: [1 + (i % 4)],
      ...(stratum === 'hengelo' && i % 4 === 0 ? { opmerkingen: `Graag vaker terugbellen, opmerking ${i}.` } : {}),
    }
  }
}

let served: TestApp & { baseUrl: string }
let chromium: ChromiumBrowser
let researcher: { username: string }
let earlier: SeededRound
let current: SeededRound
let tmp: TempDir

beforeAll(async () => {
  served = await startServedApp()
  const db = served.database.db
  earlier = await seedRound(db, STRATA, { status: 'closed', opensOn: '2024-09-01', answers: answersOf(2024) })
  current = await seedRound(db, STRATA, { opensOn: '2026-09-01', answers: answersOf(2026) })
  const reference = await seedRound(db, [{ code: 'enschede', name: 'Enschede', invited: 100, online: 30, paper: 10 }], {
    status: 'closed',
    opensOn: '2025-09-01',
    answers: answersOf(2024),
  })
  // As the researcher's choice on the report page keeps it: the 2024 round for the trend, Enschede as reference.
  await saveReportChoices(db, current.roundId, {
    trendRoundIds: [earlier.roundId],
    referenceRoundIds: [reference.roundId],
    referenceSetId: null,
    weigh: true,
  })
  researcher = await createStaffUser(db, 'researcher')
  tmp = await tempDir()
  mkdirSync(SCREENSHOTS, { recursive: true })
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
  await served?.close()
  await tmp?.remove()
})

const url = (path: string) => `${served.baseUrl}${path}`
const reportPath = () => `/beheer/rondes/${current.roundId}/rapport`
const squeeze = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()

async function expectAccessible(page: Page, name: string): Promise<string[]> {
  return (await expectNoAxeViolations(page, name)).passes
}

async function signedIn(options: BrowserContextOptions = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.newContext(options)
  const page = await context.newPage()
  await page.goto(url('/beheer/inloggen'))
  await page.getByLabel('Gebruikersnaam').fill(researcher.username)
  await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD)
  await andWait(page, () => page.getByRole('button', { name: 'Inloggen' }).click())
  expect(new URL(page.url()).pathname).toBe('/beheer')
  return { context, page }
}

/** How far the page itself scrolls sideways, in CSS pixels (0: it fits). */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe('the report page in a browser', () => {
  it('has no axe violations, names every chart and gives it a table', async () => {
    const { context, page } = await signedIn()
    // The report compares with the earlier round and with the reference group.
    await page.goto(url(reportPath()))
    expect(squeeze(await page.locator('#report-title').textContent())).not.toBe('')
    expect(await page.locator('.report-table thead th').filter({ hasText: '2024' }).count()).toBeGreaterThan(0)
    expect(await page.locator('.report-table thead th').filter({ hasText: 'Referentiegroep' }).count()).toBeGreaterThan(
      0,
    )
    const passes = await expectAccessible(page, 'report page')
    // The rules that matter most here did run, and passed.
    expect(passes).toEqual(expect.arrayContaining(['svg-img-alt', 'th-has-data-cells', 'color-contrast']))

    const charts = page.locator('figure.chart')
    const count = await charts.count()
    expect(count).toBeGreaterThanOrEqual(4)
    for (let i = 0; i < count; i++) {
      const chart = charts.nth(i)
      const svg = chart.locator('svg[role="img"]')
      await expect.poll(() => svg.isVisible()).toBe(true)
      const box = await svg.boundingBox()
      expect(box!.width).toBeGreaterThan(300)
      expect(box!.height).toBeGreaterThan(100)
      // Its name for a screen reader is its title; its description gives the figures.
      const title = squeeze(await svg.locator('title').textContent())
      expect(title).not.toBe('')
      expect(await page.getByRole('img', { name: title }).count(), title).toBe(1)
      // The same figures as a table, behind a summary that opens it.
      const table = chart.locator('details table')
      expect(await table.locator('tbody tr').count(), title).toBeGreaterThan(1)
      expect(await table.isVisible()).toBe(false)
      await chart.locator('summary').click()
      expect(await table.isVisible()).toBe(true)
    }
    // Opened tables and all, the page passes again.
    await expectAccessible(page, 'report page with the chart tables open')

    await page.locator('.report-summary').scrollIntoViewIfNeeded()
    await page.locator('.report-title').screenshot({ path: path.join(SCREENSHOTS, 'title-screen.png') })
    await page.locator('.report-summary').screenshot({ path: path.join(SCREENSHOTS, 'summary-screen.png') })
    const chapterWithCharts = page.locator('section.report-chapter:has(figure.chart)').first()
    await chapterWithCharts.screenshot({ path: path.join(SCREENSHOTS, 'chapter-with-charts-screen.png') })
    await context.close()
  })

  it('works without JavaScript: charts show, tables open, the choice of municipality is sent', async () => {
    const { context, page } = await signedIn({ ...DESKTOP, javaScriptEnabled: false })
    await page.goto(url(reportPath()))
    expect(await page.locator('figure.chart svg').first().isVisible()).toBe(true)
    const firstChart = page.locator('figure.chart').first()
    await firstChart.locator('summary').click()
    expect(await firstChart.locator('details table').isVisible()).toBe(true)
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Borne' })
    await andWait(page, () => page.getByRole('button', { name: 'Rapport tonen' }).click())
    expect(new URL(page.url()).search).toBe('?gemeente=borne')
    expect(squeeze(await page.locator('.report-title').textContent())).toContain('Gemeente Borne')
    await context.close()
  })

  it('fits a 360 px phone: only the tables scroll sideways, each in its own box', async () => {
    const { context, page } = await signedIn(PHONE_360)
    await page.goto(url(reportPath()))
    expect(await sidewaysScroll(page), 'the page scrolls sideways at 360 px').toBeLessThanOrEqual(0)
    // The wide tables do not fit: they scroll inside their box, which takes keyboard focus.
    const boxes = await page
      .locator('.report .table-scroll')
      .evaluateAll((all) =>
        all.map((box) => ({ scrolls: box.scrollWidth > box.clientWidth, focusable: box.tabIndex === 0 })),
      )
    expect(boxes.length).toBeGreaterThan(10)
    expect(boxes.some((b) => b.scrolls)).toBe(true)
    expect(boxes.every((b) => b.focusable)).toBe(true)
    // A chart is as wide as the screen allows.
    const chartWidth = await page
      .locator('figure.chart svg')
      .first()
      .evaluate((svg) => svg.getBoundingClientRect().width)
    expect(chartWidth).toBeLessThanOrEqual(360)
    await expectAccessible(page, 'report page at 360 px')
    await page.locator('.report-summary').screenshot({ path: path.join(SCREENSHOTS, 'summary-phone.png') })
    await context.close()
  })

  it('prints on A4: chapters start a page, the console around the report is left out', async () => {
    const { context, page } = await signedIn()
    await page.goto(url(reportPath()))
    const chapters = (await page.locator('section.report-chapter > h2').allTextContents()).map(squeeze)
    expect(chapters.length).toBeGreaterThanOrEqual(5)
    const appendices = (await page.locator('section.report-appendix > h3').allTextContents()).map(squeeze)
    expect(appendices).toHaveLength(STRATA.length)
    await page.emulateMedia({ media: 'print' })
    const pdf = tmp.file('rapport.pdf')
    const printed = await page.pdf({ format: 'A4', printBackground: true })
    writeFileSync(pdf, printed)
    writeFileSync(path.join(SCREENSHOTS, 'rapport.pdf'), printed)

    const pages = (await pageTexts(pdf)).map(squeeze)
    expect(await pageCount(pdf)).toBeGreaterThan(chapters.length)
    // First the title page, then each chapter, and each municipality's appendix, from the top of a page of its own.
    expect(pages[0]).toMatch(/^Klanttevredenheid/)
    for (const title of [...chapters, ...appendices]) {
      expect(
        pages.some((text) => text.startsWith(title)),
        `"${title}" starts a page`,
      ).toBe(true)
    }
    const everything = pages.join('\n')
    for (const console of [
      'Wat komt er in het rapport?',
      'Rapport tonen',
      'Download als Word-bestand',
      'Afdrukken: gebruik de afdrukfunctie',
      'Klanten importeren',
      'Uitloggen',
      'Tabel bij de grafiek',
    ])
      expect(everything, console).not.toContain(console)
    // The report's own figures are there.
    expect(everything).toContain('Hengelo')

    // Two printed pages as pictures: the summary and the first chapter with charts.
    const firstChartChapter = squeeze(
      await page.locator('section.report-chapter:has(figure.chart) > h2').first().textContent(),
    )
    const summaryPage = pages.findIndex((text) => text.startsWith(chapters[0]!))
    const chartPage = pages.findIndex((text) => text.startsWith(firstChartChapter))
    expect(summaryPage).toBeGreaterThan(0)
    expect(chartPage).toBeGreaterThan(summaryPage)
    if (renderToolsAvailable()) {
      for (const [index, name] of [
        [summaryPage, 'summary-a4'],
        [chartPage, 'chapter-with-charts-a4'],
      ] as const)
        copyFileSync(await renderPagePng(pdf, index + 1, tmp.dir, 100), path.join(SCREENSHOTS, `${name}.png`))
    }
    await context.close()
  })
})

describe('the pages that feed the report', () => {
  it('quotes and reference figures have no axe violations', async () => {
    const { context, page } = await signedIn()
    await page.goto(url(`/beheer/rondes/${current.roundId}/citaten`))
    expect(await page.locator('article').count()).toBeGreaterThan(0)
    await expectAccessible(page, 'quotes page')
    // One quote for the report: the report's quotes chapter shows it.
    const first = page.locator('article').first()
    await first.getByLabel('Opnemen in rapport').check()
    await andWait(page, () => first.getByRole('button', { name: 'Goedkeuren' }).click())
    await expectAccessible(page, 'quotes page after a review')

    await page.goto(url('/beheer/referentiecijfers'))
    await expectAccessible(page, 'reference figures, none yet')
    await page.getByLabel('Naam van de set').fill('Benchmark Klantbeleving 2025')
    await page.getByLabel('Bron (organisatie)').fill('Divosa')
    await page.getByLabel('Jaar van de cijfers').fill('2025')
    await page.getByLabel('Bestand (.csv)').setInputFiles(`${CLIENT_FILES}/reference-figures.csv`)
    await andWait(page, () => page.getByRole('button', { name: 'Controleren en opslaan' }).click())
    expect(await page.locator('table.data tbody tr').count()).toBe(1)
    await expectAccessible(page, 'reference figures with a set')

    await page.goto(url(reportPath()))
    expect(await page.locator('#ch-quotes ~ blockquote').count()).toBe(1)
    await context.close()
  })
})
