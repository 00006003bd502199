/**
 * A typist at work in headless Chromium, with the keyboard alone: sign in, scan a code
 * (a handheld scanner types the code and Enter), key the whole KTO paper form, Enter to
 * save, and the next code field is ready. Also: a typo caught before anything is sent,
 * a closed tab that loses nothing, and axe-core on the typist's pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser as ChromiumBrowser, Page } from 'playwright-core'
import { DESKTOP, launchChromium, screenshotPath, startServedApp } from '#test/helpers/chromium.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { createStaffUser, TEST_PASSWORD } from '#test/helpers/staff.ts'
import type { TestApp } from '#test/helpers/app.ts'
import type { AnswerValue } from '#src/questionnaire/definition.ts'
import { expectNoAxeViolations } from '#test/helpers/axe.ts'

type Expected = AnswerValue | { mark: 'multiple' | 'unreadable' } | undefined

/** The paper form as the typist keys it: what is typed per field, and whether Tab follows. */
interface Keystroke {
  variable: string
  keys: string
  /** The code is not complete by itself ("1" could become "10"), or the field takes more than one code. */
  tab?: true
  expected: Expected
}

const m = { mark: 'multiple' } as const
const u = { mark: 'unreadable' } as const
const grid = (question: string, items: string, values: Array<[string, Expected, true?]>): Keystroke[] =>
  items.split('').map((item, i) => {
    const [keys, expected, tab] = values[i]!
    return { variable: `${question}_${item}`, keys, expected, ...(tab ? { tab } : {}) }
  })

// Answers that follow the routing (intake < 1 year, help finding work, no part-time job),
// with the marks paper needs: "m" (more than one ticked) and "?" (unreadable).
const KTO_FORM: Keystroke[] = [
  { variable: 'rapportcijfer_dienstverlening', keys: '7', expected: 7 },
  { variable: 'intake_wanneer', keys: '1', expected: 1 },
  ...grid('intake_stellingen', 'abcd', [
    ['1', 1],
    ['2', 2],
    ['3', 3],
    ['99', 99],
  ]),
  ...grid('eerste_betaling', 'abc', [
    ['4', 4],
    ['2', 2],
    ['1', 1],
  ]),
  { variable: 'begeleiding_werk', keys: '1', expected: 1 },
  { variable: 'begeleiding_door', keys: '12', tab: true, expected: [1, 2] },
  ...grid('reintegratie_cijfers', 'abcdef', [
    ['10', 10],
    ['1', 1, true],
    ['5', 5],
    ['6', 6],
    ['99', 99],
    ['8', 8],
  ]),
  ...grid('traject_stellingen', 'abcd', [
    ['2', 2],
    ['2', 2],
    ['3', 3],
    ['m', m],
  ]),
  { variable: 'parttimebaan', keys: '2', expected: 2 },
  { variable: 'kans_parttimebaan', keys: '3', expected: 3 },
  { variable: 'kans_baan_zonder_bijstand', keys: '4', expected: 4 },
  { variable: 'rapportcijfer_klantmanager', keys: '9', tab: true, expected: 9 },
  ...grid('medewerkers_stellingen', 'abcdefghijklmno', [
    ['1', 1],
    ['2', 2],
    ['2', 2],
    ['1', 1],
    ['3', 3],
    ['?', u],
    ['2', 2],
    ['2', 2],
    ['4', 4],
    ['1', 1],
    ['2', 2],
    ['99', 99],
    ['2', 2],
    ['3', 3],
    ['1', 1],
  ]),
  ...grid('balie', 'ab', [
    ['6', 6],
    ['7', 7],
  ]),
  ...grid('bereikbaarheid', 'abcde', [
    ['8', 8],
    ['8', 8],
    ['7', 7],
    ['6', 6],
    ['5', 5],
  ]),
  ...grid('informatie', 'abcde', [
    ['7', 7],
    ['7', 7],
    ['7', 7],
    ['99', 99],
    ['4', 4],
  ]),
  { variable: 'duur_uitkering', keys: '2', expected: 2 },
  { variable: 'internet_thuis', keys: '1', expected: 1 },
  { variable: 'leeftijd', keys: 'm', expected: m },
  { variable: 'geslacht', keys: '?', expected: u },
  { variable: 'punt_goed', keys: '139', tab: true, expected: [1, 3, 9] },
  { variable: 'punt_goed_other', keys: 'Snelle hulp', tab: true, expected: 'Snelle hulp' },
  { variable: 'punt_verbeteren', keys: '2', tab: true, expected: [2] },
  { variable: 'punt_verbeteren_other', keys: '', tab: true, expected: undefined },
  // The last field: Enter saves.
  { variable: 'opmerkingen', keys: 'Prima geholpen, dank!', expected: 'Prima geholpen, dank!' },
]

let served: TestApp & { baseUrl: string }
let chromium: ChromiumBrowser
let round: RoundFixture
let typist: { id: number; username: string }

beforeAll(async () => {
  served = await startServedApp()
  round = await createRound(served.database.db, { participantsPerStratum: 2 })
  typist = await createStaffUser(served.database.db, 'typist')
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
  await served?.close()
})

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '')

async function signIn(page: Page): Promise<void> {
  await page.goto(`${served.baseUrl}/beheer/inloggen`)
  await page.focus('#username')
  await page.keyboard.type(typist.username)
  await page.keyboard.press('Tab')
  await page.keyboard.type(TEST_PASSWORD)
  await Promise.all([page.waitForURL('**/invoer'), page.keyboard.press('Enter')])
  // A typist starts typing once the cursor is in the code field; under load Chromium may
  // apply autofocus after the load event, and keys typed before that would be lost.
  await expect.poll(() => activeId(page)).toBe('code')
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name)
}

describe('a typist keys a paper form with the keyboard alone', () => {
  it('scans the code, keys the whole KTO form, and Enter saves and opens the next code field', async () => {
    const context = await chromium.newContext(DESKTOP)
    const page = await context.newPage()
    await signIn(page)
    expect(await activeId(page)).toBe('code')
    await expectAccessible(page, 'entry page')

    const p = round.participants[0]!
    // The scanner types the code and Enter.
    await Promise.all([page.waitForURL('**/invoer/formulier'), page.keyboard.type(`${p.code}\n`)])
    expect(await activeId(page)).toBe(`f-${KTO_FORM[0]!.variable}`)
    expect(await page.locator('input.kf-input').count()).toBe(KTO_FORM.length)
    await expectAccessible(page, 'keying form')

    let keystrokes = p.code.length + 1
    const started = Date.now()
    for (const [i, stroke] of KTO_FORM.entries()) {
      expect(await activeId(page), `before ${stroke.variable}`).toBe(`f-${stroke.variable}`)
      await page.keyboard.type(stroke.keys)
      keystrokes += stroke.keys.length
      if (i === KTO_FORM.length - 1) break
      if (stroke.tab) {
        await page.keyboard.press('Tab')
        keystrokes++
      }
    }
    await page.screenshot({ path: screenshotPath('typist-keying-form'), fullPage: false })
    await Promise.all([page.waitForURL('**/invoer'), page.keyboard.press('Enter')])
    keystrokes++
    const elapsed = Date.now() - started
    console.log(
      `KTO form (${KTO_FORM.length} fields): ${keystrokes} keystrokes including the scan; ${elapsed} ms in Chromium`,
    )

    await expect.poll(() => page.locator('.flash').textContent()).toContain('Opgeslagen')
    expect(await activeId(page)).toBe('code')
    await page.screenshot({ path: screenshotPath('typist-saved'), fullPage: false })

    const answers: Record<string, AnswerValue> = {}
    const marks: Record<string, string> = {}
    for (const stroke of KTO_FORM) {
      if (stroke.expected === undefined) continue
      if (typeof stroke.expected === 'object' && 'mark' in stroke.expected)
        marks[stroke.variable] = stroke.expected.mark
      else answers[stroke.variable] = stroke.expected
    }
    const response = await served.database.db
      .selectFrom('responses')
      .select(['answers', 'paper_coding', 'mode', 'status', 'stratum_id'])
      .where('round_id', '=', round.roundId)
      .executeTakeFirstOrThrow()
    expect(response).toMatchObject({ mode: 'paper', status: 'complete', stratum_id: p.stratumId })
    expect(response.answers).toEqual(answers)
    expect(response.paper_coding).toEqual({ noCode: false, marks, invalid: {}, outsideRouting: [] })
    const participant = await served.database.db
      .selectFrom('participants')
      .select(['status', 'completed_mode'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow()
    expect(participant).toEqual({ status: 'completed', completed_mode: 'paper' })
    await context.close()
  })

  it('catches a typo in a scanned code before anything is sent', async () => {
    const context = await chromium.newContext(DESKTOP)
    const page = await context.newPage()
    await signIn(page)
    const posts: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url())
    })
    const code = round.participants[1]!.code
    const typo = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4)
    await page.keyboard.type(`${typo}\n`)
    await expect.poll(() => page.locator('#code-error').textContent()).toContain('tikfout')
    expect(posts).toEqual([])
    expect(new URL(page.url()).pathname).toBe('/invoer')
    expect(await activeId(page)).toBe('code')
    await context.close()
  })

  it('keeps what was typed when the tab is closed, and puts it back on the next scan', async () => {
    const context = await chromium.newContext(DESKTOP)
    const page = await context.newPage()
    await signIn(page)
    const code = round.participants[2]!.code
    await Promise.all([page.waitForURL('**/invoer/formulier'), page.keyboard.type(`${code}\n`)])
    await page.keyboard.type('8')
    await page.keyboard.type('2')
    await expect
      .poll(() => page.locator('#autosave-status').textContent(), { timeout: 5000 })
      .toContain('Invoer bewaard')
    await page.keyboard.type('3')
    // runBeforeUnload fires pagehide (and its beacon) but does not wait: wait for the tab to be gone,
    // so the next tab does not open while this one still holds the focus.
    await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })])

    const again = await context.newPage()
    await again.goto(`${served.baseUrl}/invoer`)
    await expect.poll(() => again.locator('.drafts').textContent()).toContain(`${code.slice(0, 5)}-${code.slice(5)}`)
    // The scanner types into whatever has the focus: the code field must have it by itself.
    await expect.poll(() => activeId(again), { timeout: 5000 }).toBe('code')
    await Promise.all([again.waitForURL('**/invoer/formulier', { timeout: 10_000 }), again.keyboard.type(`${code}\n`)])
    await expect.poll(() => again.locator('p.note').first().textContent()).toContain('teruggezet')
    expect(await again.inputValue('#f-rapportcijfer_dienstverlening')).toBe('8')
    expect(await again.inputValue('#f-intake_wanneer')).toBe('2')
    // Even the last keystroke before the tab closed (sent as the page went away).
    expect(await again.inputValue('#f-intake_stellingen_a')).toBe('3')
    // Work continues at the first empty field.
    expect(await activeId(again)).toBe('f-intake_stellingen_b')
    await context.close()
  })
})
