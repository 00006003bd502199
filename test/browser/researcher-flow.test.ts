/**
 * A researcher's fieldwork in headless Chromium, by clicks and form fills only: sign in,
 * make a round, import the client file (a bad file first: reported line by line, nothing
 * stored), draw the sample, make the invitation letters and download them, open the
 * round, watch the monitor change as a client answers online and a paper form is keyed,
 * and make a reminder letter that skips those who answered. axe-core on every staff page.
 */
import { checkPrintFile } from '#src/print-check/index.ts'
import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser as ChromiumBrowser, Locator, Page } from 'playwright-core'
import { DESKTOP, launchChromium, screenshotPath, startServedApp } from '#test/helpers/chromium.ts'
import { completeLetterTemplates, PRINTABLE_URL } from '#test/helpers/letters.ts'
import { createStaffUser, TEST_PASSWORD } from '#test/helpers/staff.ts'
import { CLIENT_FILES } from '#test/helpers/fixtures.ts'
import type { TestApp } from '#test/helpers/app.ts'
import type { TempDir } from '#test/mailmerge/pdf-tools.ts'
import { pageCount, tempDir } from '#test/mailmerge/pdf-tools.ts'
import { andWait, fillPage, pressNext } from './respondent-helpers.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'
import { fieldworkIdle } from '#src/server/jobs/fieldwork.ts'
import { expectNoAxeViolations } from '#test/helpers/axe.ts'

const FIXTURES = CLIENT_FILES

/** How many clients of each municipality the test's client file holds, and how many are drawn. */
const FILE = { Hengelo: 12, Haaksbergen: 3, Borne: 2 }
const HENGELO_DRAWN = 4
const WRITTEN_TO = { Hengelo: HENGELO_DRAWN, Haaksbergen: FILE.Haaksbergen, Borne: FILE.Borne }
const MUNICIPALITIES = Object.keys(FILE) as Array<keyof typeof FILE>

let served: TestApp & { baseUrl: string }
let chromium: ChromiumBrowser
let researcher: { id: number; username: string }
let tmp: TempDir
let clientFile: string

/** The first clients of each municipality from the 3,012-client fixture, as the municipality exports them (BOM, `;`, CRLF). */
function sliceOfClientFile(): string {
  const lines = readFileSync(`${FIXTURES}/clients-hengelo-haaksbergen-borne.csv`, 'utf8').split('\r\n')
  const wanted: Record<string, number> = { ...FILE }
  const kept = lines.slice(1).filter((line) => {
    const municipality = line.split(';')[9] ?? ''
    if (!wanted[municipality]) return false
    wanted[municipality]--
    return true
  })
  expect(Object.values(wanted)).toEqual([0, 0, 0])
  return `${[lines[0]!, ...kept].join('\r\n')}\r\n`
}

beforeAll(async () => {
  served = await startServedApp({ publicUrl: PRINTABLE_URL })
  // As main.ts does at start-up: the shipped questionnaires are there to choose from.
  await installShippedQuestionnaires(served.database.db)
  researcher = await createStaffUser(served.database.db, 'researcher')
  tmp = await tempDir()
  clientFile = tmp.file('klanten-ronde-1.csv')
  writeFileSync(clientFile, sliceOfClientFile())
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
  // The reminder's print files are still being made in the background.
  if (served) await fieldworkIdle(served.app.db)
  await served?.close()
  await tmp?.remove()
})

const url = (path: string) => `${served.baseUrl}${path}`
const pathOf = (page: Page) => new URL(page.url()).pathname
const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: screenshotPath(`researcher-${name}`), fullPage: true })
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()

async function expectAccessible(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name)
}

/** A table's body (or foot) rows as text cells, e.g. [['Hengelo', '24'], …]. */
async function rowsOf(page: Page, table: string | Locator, part: 'tbody' | 'tfoot' = 'tbody'): Promise<string[][]> {
  const rows = (typeof table === 'string' ? page.locator(table) : table).locator(`${part} tr`)
  return rows.evaluateAll((rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
    ),
  )
}

/** The monitor's figures for one municipality (or "Totaal"). */
async function monitorRow(page: Page, stratum: string): Promise<Record<string, string>> {
  return page
    .locator(`table.monitor tr[data-stratum="${stratum}"] td[data-figure]`)
    .evaluateAll((cells) =>
      Object.fromEntries(cells.map((cell) => [cell.getAttribute('data-figure')!, (cell.textContent ?? '').trim()])),
    )
}

async function participantsOf(roundId: number) {
  return served.database.db
    .selectFrom('participants')
    .innerJoin('strata', 'strata.id', 'participants.stratum_id')
    .select(['participants.id', 'participants.code', 'participants.language', 'strata.name as stratum'])
    .where('participants.round_id', '=', roundId)
    .orderBy('participants.id')
    .execute()
}

describe('a researcher runs the fieldwork of a round in the staff console', () => {
  it('imports, samples, prints letters, sends a reminder and sees the monitor change', async () => {
    const context = await chromium.newContext(DESKTOP)
    const page = await context.newPage()

    // --- Sign in, and make the round
    await page.goto(url('/beheer/inloggen'))
    await page.getByLabel('Gebruikersnaam').fill(researcher.username)
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD)
    await andWait(page, () => page.getByRole('button', { name: 'Inloggen' }).click())
    expect(pathOf(page)).toBe('/beheer')

    await andWait(page, () => page.getByRole('link', { name: 'Rondes', exact: true }).click())
    await andWait(page, () => page.getByRole('link', { name: 'Nieuwe ronde' }).click())
    expect(pathOf(page)).toBe('/beheer/rondes/nieuw')
    await page.getByLabel('Naam van de ronde').fill('KTO Participatiewet proef')
    await page.getByLabel('Gemeenten (strata)').fill(MUNICIPALITIES.join('\n'))
    await andWait(page, () => page.getByRole('button', { name: 'Ronde maken' }).click())
    const roundId = Number(/^\/beheer\/rondes\/(\d+)$/.exec(pathOf(page))?.[1])
    expect(roundId).toBeGreaterThan(0)
    const base = `/beheer/rondes/${roundId}`

    // --- A bad file: every bad line with its number and reason, and nothing stored
    await andWait(page, () =>
      page
        .getByRole('navigation', { name: 'Onderdelen van deze ronde' })
        .getByRole('link', { name: 'Klanten importeren' })
        .click(),
    )
    expect(pathOf(page)).toBe(`${base}/import`)
    await expectAccessible(page, 'import page')
    await page.getByLabel('Bestand').setInputFiles(`${FIXTURES}/clients-bad.csv`)
    await andWait(page, () => page.getByRole('button', { name: 'Bestand controleren' }).click())
    expect(pathOf(page)).toMatch(new RegExp(`^${base}/import/[^/]+$`))
    await expect.poll(() => text(page, 'h2')).toBe('Controle van het bestand')
    const problems = Object.fromEntries(
      (await rowsOf(page, 'table.problems')).map(([line, , , reasons]) => [line, reasons]),
    )
    expect(problems).toMatchObject({
      '2': expect.stringContaining('klantnummer K200001 staat meer dan één keer in het bestand'),
      '3': expect.stringContaining('klantnummer K200001 staat meer dan één keer in het bestand'),
      '4': expect.stringContaining('postcode ontbreekt'),
      '5': expect.stringContaining('postcode "12345" klopt niet'),
      '6': expect.stringContaining('e-mailadres "niet-een-adres@" klopt niet'),
      '7': expect.stringContaining('heeft 13 kolommen, de eerste regel heeft er 12'),
      '9': expect.stringContaining('gemeente "Nergenshuizen" hoort niet bij deze ronde'),
      '10': expect.stringContaining('taal "xx" is onbekend'),
    })
    // The quoted semicolon and the markup are good lines; the markup is shown as text.
    expect(Object.keys(problems)).not.toContain('11')
    expect(Object.keys(problems)).not.toContain('12')
    expect(await page.locator('table.first-rows').textContent()).toContain('<script>alert(1)</script>')
    expect(await page.locator('table.first-rows script').count()).toBe(0)
    await screenshot(page, '01-import-bad-file')
    await expectAccessible(page, 'import preview of a bad file')
    // Most lines are bad: fixing the file is the main button; its bad lines download as a CSV.
    expect(await page.locator('main button.primary').textContent()).toBe('Bestand verbeteren en opnieuw uploaden')
    expect(await page.getByRole('link', { name: 'Download de lijst met foute regels (CSV)' }).count()).toBe(1)
    await andWait(page, () => page.getByRole('button', { name: 'Bestand verbeteren en opnieuw uploaden' }).click())
    expect(pathOf(page)).toBe(`${base}/import`)
    expect(await text(page, 'p.note[role="status"]')).toBe('De import is geannuleerd. Er is niets opgeslagen.')
    expect(await rowsOf(page, 'table.data', 'tfoot')).toEqual([['Totaal', '0']])
    expect(await participantsOf(roundId)).toEqual([])

    // --- The real client file
    await page.getByLabel('Bestand').setInputFiles(clientFile)
    await andWait(page, () => page.getByRole('button', { name: 'Bestand controleren' }).click())
    const fileTotal = FILE.Hengelo + FILE.Haaksbergen + FILE.Borne
    expect(await text(page, 'main')).toContain(`${fileTotal} regels zijn goed.`)
    expect(await text(page, 'main')).toContain('Alle regels zijn goed.')
    expect(await rowsOf(page, 'table.data:not(.first-rows)')).toEqual(MUNICIPALITIES.map((m) => [m, String(FILE[m])]))
    expect(await page.locator('table.first-rows tbody tr').count()).toBe(5)
    await screenshot(page, '02-import-preview')
    await expectAccessible(page, 'import preview')
    await andWait(page, () => page.getByRole('button', { name: `Importeer ${fileTotal} klanten` }).click())
    expect(await text(page, 'p.note[role="status"]')).toBe(`${fileTotal} klanten geïmporteerd.`)
    expect(await rowsOf(page, 'table.data')).toEqual(MUNICIPALITIES.map((m) => [m, String(FILE[m])]))
    expect(await rowsOf(page, 'table.data', 'tfoot')).toEqual([['Totaal', String(fileTotal)]])

    // --- The sample: a few at random in Hengelo, everyone elsewhere
    await andWait(page, () => page.getByRole('link', { name: 'Volgende stap: de steekproef trekken.' }).click())
    expect(pathOf(page)).toBe(`${base}/steekproef`)
    const hengelo = page.getByRole('group', { name: 'Wie aanschrijven in Hengelo' })
    await hengelo.getByLabel('Aselect').check()
    await page.getByLabel('Aantal in Hengelo').fill(String(HENGELO_DRAWN))
    await page.getByLabel('Startgetal').fill('2022')
    await andWait(page, () => page.getByRole('button', { name: 'Bekijk de steekproef' }).click())
    const writtenTo = HENGELO_DRAWN + FILE.Haaksbergen + FILE.Borne
    expect(await rowsOf(page, 'table.sample-result')).toEqual(
      MUNICIPALITIES.map((m) => [m, String(FILE[m]), String(WRITTEN_TO[m])]),
    )
    // Looking changes nothing: nobody has a code yet.
    expect((await participantsOf(roundId)).filter((p) => p.code !== null)).toEqual([])
    await screenshot(page, '03-sample-preview')
    await expectAccessible(page, 'sample preview')
    await page.getByLabel('Ik begrijp dat dit niet terug kan').check()
    await andWait(page, () =>
      page.getByRole('button', { name: `Bevestig de steekproef (${writtenTo} klanten)` }).click(),
    )
    expect(await text(page, 'p.note[role="status"]')).toBe(
      `De steekproef is vastgelegd. ${writtenTo} klanten hebben een inlogcode.`,
    )
    const participants = await participantsOf(roundId)
    expect(participants).toHaveLength(writtenTo)
    expect(participants.every((p) => p.code !== null)).toBe(true)
    for (const m of MUNICIPALITIES)
      expect(
        participants.filter((p) => p.stratum === m),
        m,
      ).toHaveLength(WRITTEN_TO[m])

    // --- The invitation letters: the page refreshes itself until the files are there
    await andWait(page, () => page.getByRole('link', { name: 'Volgende stap: de brieven.' }).click())
    expect(pathOf(page)).toBe(`${base}/brieven`)
    // The built-in templates lack what a letter from the municipality needs: no letters yet.
    expect(await text(page, '#drukklaar')).toContain('Nog niet klaar om te drukken')
    await expectAccessible(page, 'letters page, templates incomplete')
    // (Filling in the template editor is tested in letters-and-mailings.test.ts.)
    await completeLetterTemplates(served.database.db, roundId)
    await page.reload()
    await andWait(page, () => page.getByRole('button', { name: `Maak de uitnodigingsbrieven (${writtenTo})` }).click())
    expect(pathOf(page)).toMatch(new RegExp(`^${base}/brieven/\\d+$`))
    const letters = page.locator('table.batches').first()
    await expect
      .poll(() => page.locator('table.batches a[download]').count(), { timeout: 30_000, interval: 500 })
      .toBe(2 * MUNICIPALITIES.length)
    expect(await page.getByText('De bestanden worden gemaakt').count()).toBe(0)
    expect(await rowsOf(page, letters)).toEqual(
      MUNICIPALITIES.map((m) => [
        m,
        String(WRITTEN_TO[m]),
        'Klaar',
        // One collated print stream per municipality, with its list of sets for the print shop.
        expect.stringMatching(new RegExp(`^PDF ${m} \\(\\d+ kB\\)Lijst van sets ${m} \\(CSV\\)$`)),
      ]),
    )
    // The day the letters were made, in the municipality's calendar (the monitor marks the same day).
    const madeOn = /^Uitnodiging: brieven van (\d{1,2} \p{L}+ \d{4})$/u.exec(await text(page, 'main h2'))?.[1]
    expect(madeOn).toBeDefined()
    await screenshot(page, '04-letters-ready')
    await expectAccessible(page, 'letter mailing page')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      letters.getByRole('link', { name: /^PDF Hengelo/ }).click(),
    ])
    const pdf = tmp.file('brieven-hengelo.pdf')
    await download.saveAs(pdf)
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // A set per person (letter, then paper form), in order, each on whole sheets.
    const printed = await checkPrintFile(readFileSync(pdf))
    expect(printed).toMatchObject({ source: 'printFile', sets: HENGELO_DRAWN, problems: [] })
    expect(await pageCount(pdf)).toBe(2 * printed.sheets)

    // --- Open the round, and look at the monitor before anyone answered
    await page.goto(url(base))
    // The checklist: what is done, in words.
    const checklist = page.locator('ol.checklist-steps')
    expect(await checklist.locator('li', { hasText: 'Klanten geïmporteerd' }).textContent()).toContain('Klaar')
    expect(await checklist.locator('li', { hasText: 'Steekproef getrokken' }).textContent()).toContain(
      `${writtenTo} klanten in de steekproef`,
    )
    expect(await checklist.locator('li', { hasText: 'Ronde open' }).textContent()).toContain('Nog te doen')
    await expectAccessible(page, 'round page with checklist')
    await andWait(page, () =>
      page.getByRole('region', { name: 'Status' }).getByRole('link', { name: 'Ronde openen' }).click(),
    )
    expect(pathOf(page)).toBe(`${base}/openen`)
    expect(await text(page, 'main')).toContain(`${writtenTo} mensen hebben een code.`)
    await expectAccessible(page, 'open round confirmation')
    await page.getByLabel('Ik begrijp dat dit niet terug kan').check()
    await andWait(page, () => page.getByRole('button', { name: 'Ja, open de ronde' }).click())
    expect(await text(page, 'main')).toContain('De ronde is open.')
    await andWait(page, () =>
      page
        .getByRole('navigation', { name: 'Onderdelen van deze ronde' })
        .getByRole('link', { name: 'Respons' })
        .click(),
    )
    expect(pathOf(page)).toBe(`${base}/monitor`)
    for (const m of MUNICIPALITIES) {
      expect(await monitorRow(page, m), m).toMatchObject({
        invited: String(WRITTEN_TO[m]),
        online: '0',
        paper: '0',
        completed: '0',
        rate: '0,0%',
      })
    }
    expect(await monitorRow(page, 'Totaal')).toMatchObject({ invited: String(writtenTo), completed: '0', rate: '0,0%' })
    expect(await text(page, 'ul.mailings')).toBe(`${madeOn}: Uitnodiging (brief), ${writtenTo} ontvangers`)

    // --- A Hengelo client answers online with the link from the letter; a Borne client's paper form is keyed
    // Dutch-speaking clients: the buttons below are found by their Dutch names.
    const online = participants.find((p) => p.stratum === 'Hengelo' && p.language === 'nl')!
    const paper = participants.find((p) => p.stratum === 'Borne' && p.language === 'nl')!
    const phone = await chromium.newContext(DESKTOP)
    const respondent = await phone.newPage()
    await respondent.goto(url(`/c/${online.code}`))
    expect(pathOf(respondent)).toBe('/vragenlijst/deel/algemeen')
    // A quick respondent: gives a grade, skips the rest, and sends.
    await fillPage(respondent, { pick: { rapportcijfer_dienstverlening: 8 } })
    for (let i = 0; i < 30 && pathOf(respondent) !== '/vragenlijst/overzicht'; i++) await pressNext(respondent)
    await andWait(respondent, () => respondent.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click())
    expect(pathOf(respondent)).toBe('/vragenlijst/bedankt')
    await phone.close()

    await page.goto(url('/invoer'))
    await page.getByLabel('Code van het formulier').fill(paper.code!)
    await andWait(page, () => page.getByRole('button', { name: 'Formulier openen' }).click())
    expect(pathOf(page)).toBe('/invoer/formulier')
    await page.locator('#f-rapportcijfer_dienstverlening').fill('6')
    await andWait(page, () => page.getByRole('button', { name: 'Opslaan', exact: true }).click())
    expect(await text(page, '.flash')).toContain('Opgeslagen')

    // --- The monitor after: one more completed in Hengelo (online) and in Borne (paper)
    await page.goto(url(`${base}/monitor`))
    expect(await monitorRow(page, 'Hengelo')).toMatchObject({
      invited: '4',
      online: '1',
      paper: '0',
      completed: '1',
      rate: '25,0%',
    })
    expect(await monitorRow(page, 'Haaksbergen')).toMatchObject({
      invited: '3',
      online: '0',
      paper: '0',
      completed: '0',
      rate: '0,0%',
    })
    expect(await monitorRow(page, 'Borne')).toMatchObject({
      invited: '2',
      online: '0',
      paper: '1',
      completed: '1',
      rate: '50,0%',
    })
    expect(await monitorRow(page, 'Totaal')).toMatchObject({
      invited: '9',
      online: '1',
      paper: '1',
      completed: '2',
      rate: '22,2%',
    })
    await screenshot(page, '05-monitor')
    await expectAccessible(page, 'monitor')

    // --- A reminder by letter: not to the two who answered
    await andWait(page, () =>
      page
        .getByRole('navigation', { name: 'Onderdelen van deze ronde' })
        .getByRole('link', { name: 'Verzendingen' })
        .click(),
    )
    expect(pathOf(page)).toBe(`${base}/verzendingen`)
    await expectAccessible(page, 'mailings page')
    const channels = page.getByRole('group', { name: 'Hoe herinneren?' })
    await channels.getByLabel('Brief', { exact: true }).check()
    await channels.getByLabel('E-mail').uncheck()
    await andWait(page, () => page.getByRole('button', { name: 'Bekijk wie een herinnering krijgt' }).click())
    expect(pathOf(page)).toBe(`${base}/verzendingen/herinnering`)
    const reminded = { Hengelo: HENGELO_DRAWN - 1, Haaksbergen: FILE.Haaksbergen, Borne: FILE.Borne - 1 }
    expect(await rowsOf(page, 'table.reminder-counts')).toEqual(MUNICIPALITIES.map((m) => [m, String(reminded[m])]))
    expect(await rowsOf(page, 'table.reminder-counts', 'tfoot')).toEqual([['Totaal', String(writtenTo - 2)]])
    await screenshot(page, '06-reminder-preview')
    await expectAccessible(page, 'reminder preview')
    await andWait(page, () => page.getByRole('button', { name: 'Maak de herinnering' }).click())
    expect(pathOf(page)).toBe(`${base}/verzendingen`)
    expect(await text(page, 'p.note[role="status"]')).toBe('De herinnering is gemaakt.')
    const history = (await rowsOf(page, 'table.mailings')).map(([date, kind, channel, by, count]) => [
      kind,
      channel,
      by,
      count,
      date,
    ])
    expect(history).toEqual(
      expect.arrayContaining([
        ['Uitnodiging', 'Brief', 'Test researcher', String(writtenTo), madeOn],
        ['Herinnering', 'Brief', 'Test researcher', String(writtenTo - 2), expect.any(String)],
      ]),
    )
    expect(history).toHaveLength(2)
    await screenshot(page, '07-mailings')
    await context.close()
  }, 240_000)
})
