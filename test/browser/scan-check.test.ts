/**
 * A typist checks a scanned KTO form in headless Chromium with the keyboard alone: the
 * cursor starts on the one box the reader was not sure of, Tab and Enter go only to the
 * fields to check (the handwritten texts typed from the scan beside them), Shift+Tab
 * still reaches any field, and Enter on the last one stores the form. axe-core on the
 * checking screen, and screenshots of it for people to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser as ChromiumBrowser, Page } from 'playwright-core'
import { DESKTOP, launchChromium, screenshotPath, startServedApp } from '#test/helpers/chromium.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { createStaffUser, TEST_PASSWORD } from '#test/helpers/staff.ts'
import type { TestApp } from '#test/helpers/app.ts'
import { expectNoAxeViolations } from '#test/helpers/axe.ts'
import { createScannedForm } from '#test/helpers/scanned-form.ts'
import { renderToolsAvailable, useTempDir } from '#test/mailmerge/pdf-tools.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()

let served: TestApp & { baseUrl: string }
let chromium: ChromiumBrowser
let round: RoundFixture
let typist: { id: number; username: string }

beforeAll(async () => {
  served = await startServedApp()
  round = await createRound(served.database.db, { participantsPerStratum: 1 })
  typist = await createStaffUser(served.database.db, 'typist')
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
  await served?.close()
})

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '')

describe.runIf(tools)('a typist checks a scanned form with the keyboard alone', () => {
  it('types only what the reader was not sure of, and Enter stores the form', async () => {
    const p = round.participants[0]!
    const { formId, reading } = await createScannedForm(served.database.db, {
      round,
      participant: p,
      dpi: 200,
      dir: tmp.dir,
      handwriting: { punt_goed_other: 'Snelle hulp', opmerkingen: 'Prima geholpen' },
      read: {
        rapportcijfer_dienstverlening: { value: '7' },
        intake_wanneer: { value: '2', certain: false, reason: 'unclear' },
        intake_stellingen_a: { value: '2' },
        intake_stellingen_b: { value: '2' },
        begeleiding_werk: { value: '1' },
        begeleiding_door: { value: '1 2' },
        punt_goed: { value: '1 3 9' },
        punt_goed_other: { value: '', certain: false, reason: 'written' },
        opmerkingen: { value: '', certain: false, reason: 'written' },
      },
    })

    const context = await chromium.newContext(DESKTOP)
    const page = await context.newPage()
    await page.goto(`${served.baseUrl}/beheer/inloggen?terug=${encodeURIComponent(`/invoer/scans/${formId}`)}`)
    await page.focus('#username')
    await page.keyboard.type(typist.username)
    await page.keyboard.press('Tab')
    await page.keyboard.type(TEST_PASSWORD)
    await Promise.all([page.waitForURL(`**/invoer/scans/${formId}`), page.keyboard.press('Enter')])
    await expect.poll(() => activeId(page)).toBe('f-intake_wanneer')
    expect(await page.locator('#scan-count').textContent()).toContain(`3 van ${reading.fields.length} velden nakijken`)
    // Every question's scan has loaded beside it.
    const pictures = page.locator('img.kq-scan')
    expect(await pictures.count()).toBeGreaterThan(10)
    await expect
      .poll(() => pictures.evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)))
      .toBe(true)
    await expectNoAxeViolations(page, 'scan check form')
    await page.screenshot({ path: screenshotPath('scan-check-form'), fullPage: false })

    let keystrokes = 0
    const type = async (keys: string) => {
      await page.keyboard.type(keys)
      keystrokes += keys.length
    }
    const press = async (key: string) => {
      await page.keyboard.press(key)
      keystrokes++
    }
    // The unclear box was a 1 (the reader guessed 2): a complete code moves on, past every field read for certain.
    await type('1')
    expect(await activeId(page)).toBe('f-punt_goed_other')
    await type('Snelle hulp')
    await press('Enter')
    expect(await activeId(page)).toBe('f-opmerkingen')
    // A certain field can still be reached to correct it, and Tab comes back.
    // (Not counted: a typist who finds nothing to correct does not do this.)
    await page.keyboard.press('Shift+Tab')
    expect(await activeId(page)).toBe('f-punt_verbeteren_other')
    await page.keyboard.press('Tab')
    expect(await activeId(page)).toBe('f-opmerkingen')
    await type('Prima geholpen')
    // The field Tab moved to is in sight, not under the save bar; the screenshot shows its question and scan.
    expect(
      await page.evaluate(() => {
        const field = document.activeElement!.getBoundingClientRect()
        return field.bottom <= document.querySelector('.keying-actions')!.getBoundingClientRect().top
      }),
    ).toBe(true)
    await page.evaluate(() => document.activeElement!.closest('.kq')!.scrollIntoView({ block: 'center' }))
    await page.screenshot({ path: screenshotPath('scan-check-texts'), fullPage: false })
    await Promise.all([page.waitForURL('**/invoer/scans'), press('Enter')])
    console.log(`scanned KTO form checked with ${keystrokes} keystrokes (177 when keyed by hand)`)

    const response = await served.database.db
      .selectFrom('responses')
      .select(['answers', 'mode', 'status'])
      .where('round_id', '=', round.roundId)
      .executeTakeFirstOrThrow()
    expect(response).toEqual({
      mode: 'paper',
      status: 'complete',
      answers: {
        rapportcijfer_dienstverlening: 7,
        intake_wanneer: 1,
        intake_stellingen_a: 2,
        intake_stellingen_b: 2,
        begeleiding_werk: 1,
        begeleiding_door: [1, 2],
        punt_goed: [1, 3, 9],
        punt_goed_other: 'Snelle hulp',
        opmerkingen: 'Prima geholpen',
      },
    })
    expect(await served.database.db.selectFrom('scan_pages').select('id').execute()).toEqual([])
    await context.close()
  })
})
