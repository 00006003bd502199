/**
 * A researcher manages questionnaires in headless Chromium, by clicks and form fills
 * only: the list, a faulty upload (every fault with its line), a new version made from
 * the downloaded KTO, its differences, and the preview in Dutch and Arabic. axe-core on
 * every kind of page.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser as ChromiumBrowser, Page } from 'playwright-core'
import { DESKTOP, launchChromium, screenshotPath, startServedApp } from '#test/helpers/chromium.ts'
import { createStaffUser, TEST_PASSWORD } from '#test/helpers/staff.ts'
import type { TestApp } from '#test/helpers/app.ts'
import type { TempDir } from '#test/mailmerge/pdf-tools.ts'
import { tempDir } from '#test/mailmerge/pdf-tools.ts'
import { andWait } from './respondent-helpers.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'
import { expectNoAxeViolations } from '#test/helpers/axe.ts'

let served: TestApp & { baseUrl: string }
let chromium: ChromiumBrowser
let researcher: { id: number; username: string }
let tmp: TempDir

beforeAll(async () => {
  served = await startServedApp()
  await installShippedQuestionnaires(served.database.db)
  researcher = await createStaffUser(served.database.db, 'researcher')
  tmp = await tempDir()
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
  await served?.close()
  await tmp?.remove()
})

const url = (path: string) => `${served.baseUrl}${path}`
const pathOf = (page: Page) => new URL(page.url()).pathname

async function expectAccessible(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name)
}

describe('a researcher manages questionnaires in the staff console', () => {
  it('uploads a faulty file, then a new version, compares it and previews it', async () => {
    const context = await chromium.newContext({ ...DESKTOP, acceptDownloads: true })
    const page = await context.newPage()
    await page.goto(url('/beheer/inloggen'))
    await page.getByLabel('Gebruikersnaam').fill(researcher.username)
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD)
    await andWait(page, () => page.getByRole('button', { name: 'Inloggen' }).click())

    await andWait(page, () => page.getByRole('link', { name: 'Vragenlijsten', exact: true }).click())
    expect(pathOf(page)).toBe('/beheer/vragenlijsten')
    await expectAccessible(page, 'list')

    // A faulty file: every fault with its line, nothing stored.
    const faulty = tmp.file('fout.yaml')
    writeFileSync(faulty, 'id: fout\nversion: 1\nlanguages: [nl]\ntitle:\n  nl: Fout\nsections: []\n')
    await page.getByLabel('Bestand (.yaml, .yml of .xlsx)').setInputFiles(faulty)
    await andWait(page, () => page.getByRole('button', { name: 'Controleren en opslaan' }).click())
    const summary = page.getByRole('alert')
    await expect.poll(() => summary.textContent()).toContain('Regel 6, bij sections:')
    await expectAccessible(page, 'list with faults')

    // The KTO downloaded, one question reworded, as version 3.
    await andWait(page, () => page.getByRole('link', { name: 'Wat vindt u van Werk en Inkomen?, versie 2' }).click())
    expect(pathOf(page)).toBe('/beheer/vragenlijsten/kto-participatiewet/2')
    await expectAccessible(page, 'version')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als YAML' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('kto-participatiewet-versie-2.yaml')
    const original = tmp.file('kto.yaml')
    await download.saveAs(original)
    const edited = tmp.file('kto-3.yaml')
    writeFileSync(
      edited,
      readFileSync(original, 'utf8')
        .replace('\nversion: 2\n', '\nversion: 3\n')
        .replace('nl: Welk rapportcijfer geeft u', 'nl: Welk cijfer geeft u'),
    )
    await page.goto(url('/beheer/vragenlijsten'))
    await page.getByLabel('Bestand (.yaml, .yml of .xlsx)').setInputFiles(edited)
    await andWait(page, () => page.getByRole('button', { name: 'Controleren en opslaan' }).click())
    expect(pathOf(page)).toBe('/beheer/vragenlijsten/kto-participatiewet/3')
    const changes = page.locator('ul.diff-changed')
    await expect.poll(() => changes.textContent()).toContain('Vraagtekst veranderd (nl)')
    await expectAccessible(page, 'new version with differences')

    // The preview, in Dutch and in Arabic (right to left).
    await andWait(page, () => page.getByRole('link', { name: 'Op het scherm (Nederlands)' }).click())
    await expect.poll(() => page.locator('.preview').textContent()).toContain('Welk cijfer geeft u')
    // axe on the whole questionnaire takes long on a busy machine: once, in the harder of the two (right to left).
    await andWait(page, () => page.getByRole('link', { name: 'العربية' }).click())
    expect(await page.locator('.preview').getAttribute('dir')).toBe('rtl')
    await expectAccessible(page, 'preview ar')
    await page.screenshot({ path: screenshotPath('questionnaires-preview-ar') })
    await context.close()
  }, 240_000)
})
