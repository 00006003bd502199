/**
 * Checking a scanned form without JavaScript: the keying screen with the values read and
 * the scan of every question, the cursor on what the reader was not sure of; storing it
 * as a keyed paper form is stored, and the scan gone in the same step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp, csrfTokenOf } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import type { ReadValue } from '#test/helpers/scanned-form.ts'
import { createScannedForm } from '#test/helpers/scanned-form.ts'
import { renderToolsAvailable, useTempDir } from '#test/mailmerge/pdf-tools.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'
import { pngToPage } from '#src/scan/index.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()

let t: TestApp
let round: RoundFixture
let doubleRound: RoundFixture

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db, { participantsPerStratum: 2 })
  doubleRound = await createRound(t.database.db, { participantsPerStratum: 1 })
  await t.database.db.updateTable('rounds').set({ double_keying: true }).where('id', '=', doubleRound.roundId).execute()
})
afterAll(async () => t.close())

/** A KTO form as read: most of it certain, one box unclear, two handwritten texts to type. */
const READ: Record<string, ReadValue> = {
  rapportcijfer_dienstverlening: { value: '7' },
  intake_wanneer: { value: '1', certain: false, reason: 'unclear' },
  begeleiding_werk: { value: '1' },
  begeleiding_door: { value: '1 2' },
  punt_goed: { value: '1 3 9' },
  punt_goed_other: { value: '', certain: false, reason: 'written' },
  opmerkingen: { value: '', certain: false, reason: 'written' },
}

/** What the typist types: the unclear box was a 2, and the two texts. */
const TYPED = { v_intake_wanneer: '2', v_punt_goed_other: 'Snelle hulp', v_opmerkingen: 'Prima geholpen' }

const EXPECTED_ANSWERS = {
  rapportcijfer_dienstverlening: 7,
  intake_wanneer: 2,
  begeleiding_werk: 1,
  begeleiding_door: [1, 2],
  punt_goed: [1, 3, 9],
  punt_goed_other: 'Snelle hulp',
  opmerkingen: 'Prima geholpen',
}

/** The fields of the form as a browser posts them: every input's name and value. */
function postedFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const m of html.matchAll(/<input type="text" id="[^"]+" name="(v_[^"]+)" value="([^"]*)"/g))
    fields[m[1]!] = m[2]!
  return fields
}

function inputTag(html: string, variable: string): string {
  return new RegExp(`<input type="text" id="f-${variable}"[^>]*>`).exec(html)?.[0] ?? ''
}

/**
 * The notice a stored form leaves, on the page the typist is sent to. The list of scans
 * (/invoer/scans) is the intake's page; any staff page shows the notice once.
 */
async function noticeAfter(browser: Browser, location: string): Promise<string> {
  const page = await browser.visit(location === '/invoer/scans' ? '/invoer' : location)
  return /<p class="[^"]*\bflash"[^>]*>([\s\S]*?)<\/p>/.exec(page.body)?.[1] ?? ''
}

async function scanRowsOf(formId: string) {
  const db = t.database.db
  return {
    forms: await db.selectFrom('scan_forms').select('id').where('id', '=', formId).execute(),
    pages: await db.selectFrom('scan_pages').select('id').where('form_id', '=', formId).execute(),
  }
}

describe.runIf(tools)('checking a scanned form', () => {
  it('shows the values read, the scan of each question, and the cursor on the fields to check', async () => {
    const p = round.participants[0]!
    const { formId, reading, layout } = await createScannedForm(t.database.db, {
      round,
      participant: p,
      read: READ,
      dir: tmp.dir,
    })
    const typist = await signedInAs(t.app, 'typist')
    const page = await typist.get(`/invoer/scans/${formId}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`Scan nakijken: formulier ${formatLoginCode(p.code)}`)
    expect(page.body).toContain(`3 van ${reading.fields.length} velden nakijken`)

    // Read for certain: filled in, out of the Tab order, but there to correct.
    const certain = inputTag(page.body, 'rapportcijfer_dienstverlening')
    expect(certain).toContain('value="7"')
    expect(certain).toContain('tabindex="-1"')
    expect(inputTag(page.body, 'punt_goed')).toContain('value="1 3 9"')
    expect(inputTag(page.body, 'geslacht')).toContain('tabindex="-1"')
    // Not sure: the best guess, in the Tab order, the cursor on the first of them.
    const unclear = inputTag(page.body, 'intake_wanneer')
    expect(unclear).toContain('value="1"')
    expect(unclear).not.toContain('tabindex')
    expect(unclear).toContain('autofocus')
    expect(page.body.match(/autofocus/g)).toHaveLength(1)
    for (const written of ['punt_goed_other', 'opmerkingen']) {
      expect(inputTag(page.body, written)).not.toContain('tabindex')
      expect(inputTag(page.body, written)).toContain('value=""')
    }
    expect(page.body).toContain('Nakijken: niet zeker gelezen.')
    expect(page.body).toContain('Nakijken: met de hand geschreven.')
    // Every focusable field in page order: exactly the three to check.
    const stops = [...page.body.matchAll(/<input type="text" id="f-([^"]+)"[^>]*>/g)]
      .filter((m) => !m[0].includes('tabindex="-1"'))
      .map((m) => m[1])
    expect(stops).toEqual(['intake_wanneer', 'punt_goed_other', 'opmerkingen'])

    // The scan of a question beside it: a picture of that part of the page, never cached.
    const src = /<img class="kq-scan" src="([^"]+)" alt="Scan van vraag 1"/.exec(page.body)?.[1]
    expect(src).toBe(`/invoer/scans/${formId}/beeld/1/rapportcijfer_dienstverlening.png`)
    const picture = await typist.get(src!)
    expect(picture.statusCode).toBe(200)
    expect(picture.headers['content-type']).toBe('image/png')
    expect(picture.headers['cache-control']).toBe('no-store')
    const field = reading.fields.find((f) => f.variable === 'rapportcijfer_dienstverlening')!
    const image = await pngToPage(picture.rawPayload)
    // The text column between the registration marks, as high as the question's boxes and a
    // little more, at the scan's 150 dpi; with the cross in box 7.
    const scale = 150 / 72
    const [topLeft, topRight] = layout.marks
    const column = topRight!.x - (topLeft!.x + topLeft!.width)
    expect(Math.abs(image.width - column * scale)).toBeLessThan(3)
    expect(image.height).toBeGreaterThan(field.rect.height * scale)
    expect(image.height).toBeLessThan((field.rect.height + 30) * scale)
    // The right part of the page: the cross drawn in box 7 is inside box 7 of the picture, box 6 is empty.
    const inkInBox = (value: number) => {
      const box = layout.pages[0]!.areas.find(
        (a) => a.kind === 'tick' && a.variable === 'rapportcijfer_dienstverlening' && a.value === value,
      )!.rect
      let ink = 0
      for (let y = box.y + 2; y < box.y + box.height - 2; y++)
        for (let x = box.x + 2; x < box.x + box.width - 2; x++) {
          const px = Math.round((x - (topLeft!.x + topLeft!.width)) * scale)
          const py = Math.round((y - (field.rect.y - 8)) * scale)
          if (image.data[py * image.width + px]! < 100) ink++
        }
      return ink
    }
    expect(inkInBox(7)).toBeGreaterThan(5)
    expect(inkInBox(6)).toBe(0)
    expect((await typist.get(`/invoer/scans/${formId}/beeld/1/bestaat_niet.png`)).statusCode).toBe(404)

    // Without JavaScript, a keyboard user can still take every field in the Tab order.
    const all = await typist.get(`/invoer/scans/${formId}?alle=1`)
    expect(inputTag(all.body, 'rapportcijfer_dienstverlening')).not.toContain('tabindex')
    expect(all.body).toContain('name="alle" value="1"')
  })

  it('stores the checked form as a keyed paper form, deletes the scan, and opens the next form', async () => {
    const own = await createRound(t.database.db, { participantsPerStratum: 1 })
    const [p, next] = [own.participants[0]!, own.participants[1]!]
    const { formId } = await createScannedForm(t.database.db, { round: own, participant: p, read: READ, dir: tmp.dir })
    const { formId: nextId } = await createScannedForm(t.database.db, {
      round: own,
      participant: next,
      read: { rapportcijfer_dienstverlening: { value: '8' } },
      dir: tmp.dir,
    })
    const typist = await signedInAs(t.app, 'typist')
    const page = await typist.get(`/invoer/scans/${formId}`)
    const saved = await typist.post(`/invoer/scans/${formId}`, {
      ...postedFields(page.body),
      ...TYPED,
      actie: 'opslaan',
    })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe(`/invoer/scans/${nextId}`)
    expect(await noticeAfter(typist, saved.headers.location!)).toContain(
      'Opgeslagen. De scan van dit formulier is verwijderd.',
    )

    const response = await t.database.db
      .selectFrom('responses')
      .select(['answers', 'paper_coding', 'mode', 'status', 'stratum_id'])
      .where('round_id', '=', own.roundId)
      .executeTakeFirstOrThrow()
    expect(response).toMatchObject({ mode: 'paper', status: 'complete', stratum_id: p.stratumId })
    expect(response.answers).toEqual(EXPECTED_ANSWERS)
    expect(response.paper_coding).toEqual({ noCode: false, marks: {}, invalid: {}, outsideRouting: [] })
    const participant = await t.database.db
      .selectFrom('participants')
      .select(['status', 'completed_mode'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow()
    expect(participant).toEqual({ status: 'completed', completed_mode: 'paper' })

    // No image, no code left of the scan.
    expect(await scanRowsOf(formId)).toEqual({ forms: [], pages: [] })
    expect(await t.database.db.selectFrom('scan_pages').select('id').where('form_id', 'is', null).execute()).toEqual([])
    // A second Enter (or the back button) stores nothing twice.
    const again = await typist.post(`/invoer/scans/${formId}`, { ...postedFields(page.body), ...TYPED })
    expect(again.statusCode).toBe(303)
    expect(again.headers.location).toBe('/invoer/scans')
    expect(await noticeAfter(typist, again.headers.location!)).toContain('Dit formulier is al opgeslagen')
    expect(
      await t.database.db.selectFrom('responses').select('id').where('round_id', '=', own.roundId).execute(),
    ).toHaveLength(1)
  })

  it('warns as the keying screen does, and keeps paper codes', async () => {
    const own = await createRound(t.database.db, { participantsPerStratum: 1 })
    const p = own.participants[0]!
    const { formId } = await createScannedForm(t.database.db, {
      round: own,
      participant: p,
      read: { ...READ, leeftijd: { value: 'm' }, geslacht: { value: '?', certain: false, reason: 'unclear' } },
      dir: tmp.dir,
    })
    const typist = await signedInAs(t.app, 'typist')
    const page = await typist.get(`/invoer/scans/${formId}`)
    const fields = { ...postedFields(page.body), ...TYPED, v_intake_wanneer: '11' }
    const warned = await typist.post(`/invoer/scans/${formId}`, fields)
    expect(warned.statusCode).toBe(422)
    expect(warned.body).toContain('Vraag 2: &quot;11&quot; staat niet als antwoord op het formulier')
    expect(inputTag(warned.body, 'intake_wanneer')).toContain('autofocus')
    expect(await scanRowsOf(formId)).not.toEqual({ forms: [], pages: [] })
    const confirmed = /name="bevestigd" value="([^"]+)"/.exec(warned.body)![1]!
    const saved = await typist.post(`/invoer/scans/${formId}`, { ...fields, bevestigd: confirmed })
    expect(saved.statusCode).toBe(303)
    const response = await t.database.db
      .selectFrom('responses')
      .select(['paper_coding'])
      .where('round_id', '=', own.roundId)
      .executeTakeFirstOrThrow()
    expect(response.paper_coding).toMatchObject({
      marks: { leeftijd: 'multiple', geslacht: 'unreadable' },
      invalid: { intake_wanneer: '11' },
    })
    expect(await scanRowsOf(formId)).toEqual({ forms: [], pages: [] })
  })

  it('with double keying, counts the reading as the first keying and the check as the second', async () => {
    const p = doubleRound.participants[0]!
    const { formId } = await createScannedForm(t.database.db, {
      round: doubleRound,
      participant: p,
      read: READ,
      dir: tmp.dir,
    })
    const typist = await signedInAs(t.app, 'typist')
    const page = await typist.get(`/invoer/scans/${formId}`)
    expect(page.body).toContain('Het lezen van de scan telt als de eerste keer, uw controle als de tweede.')
    const saved = await typist.post(`/invoer/scans/${formId}`, { ...postedFields(page.body), ...TYPED })
    expect(saved.statusCode).toBe(303)
    expect(await noticeAfter(typist, saved.headers.location!)).toContain(
      'Tweede invoer opgeslagen. De twee invoeren zijn gelijk: het formulier telt mee.',
    )
    const response = await t.database.db
      .selectFrom('responses')
      .select(['answers', 'mode'])
      .where('round_id', '=', doubleRound.roundId)
      .executeTakeFirstOrThrow()
    expect(response).toEqual({ answers: EXPECTED_ANSWERS, mode: 'paper' })
    expect(
      await t.database.db
        .selectFrom('paper_keyings')
        .select('id')
        .where('round_id', '=', doubleRound.roundId)
        .execute(),
    ).toEqual([])
    expect(await scanRowsOf(formId)).toEqual({ forms: [], pages: [] })
    // Two keyings were compared: the reader's, under its own account that cannot sign in, and the typist's.
    const stats = await t.database.db
      .selectFrom('paper_keying_stats as s')
      .innerJoin('staff_users as u', 'u.id', 's.typist_id')
      .select(['u.username', 'u.active', 's.forms', 's.fields_compared', 's.fields_differing'])
      .where('s.round_id', '=', doubleRound.roundId)
      .orderBy('u.username')
      .execute()
    expect(stats).toEqual([
      { username: 'peiling:scan', active: false, forms: 1, fields_compared: expect.any(Number), fields_differing: 0 },
      { username: typist.username, active: true, forms: 1, fields_compared: expect.any(Number), fields_differing: 0 },
    ])
  })

  it('with double keying, sends a certain reading the typist overruled to review', async () => {
    const p = doubleRound.participants[1]!
    const { formId } = await createScannedForm(t.database.db, {
      round: doubleRound,
      participant: p,
      read: READ,
      dir: tmp.dir,
    })
    const typist = await signedInAs(t.app, 'typist')
    // Another scanned form, whose paper this typist keyed by hand before: someone else must check it.
    const keyedByHand = doubleRound.participants[2]!
    const { formId: otherId } = await createScannedForm(t.database.db, {
      round: doubleRound,
      participant: keyedByHand,
      read: READ,
      dir: tmp.dir,
    })
    await t.database.db
      .insertInto('paper_keyings')
      .values({
        round_id: doubleRound.roundId,
        stratum_id: keyedByHand.stratumId,
        participant_id: keyedByHand.id,
        typist_id: typist.userId,
        fields: JSON.stringify({ rapportcijfer_dienstverlening: '7' }),
        wave: 'before_reminder',
        keyed_on: '2026-12-01',
      })
      .execute()
    const refused = await typist.get(`/invoer/scans/${otherId}`)
    expect(refused.statusCode).toBe(303)
    expect(await noticeAfter(typist, refused.headers.location!)).toContain('U heeft dit formulier al ingevoerd.')

    const page = await typist.get(`/invoer/scans/${formId}`)
    const saved = await typist.post(`/invoer/scans/${formId}`, {
      ...postedFields(page.body),
      ...TYPED,
      v_rapportcijfer_dienstverlening: '8',
    })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe('/invoer/scans')
    expect(await noticeAfter(typist, saved.headers.location!)).toContain('Er zijn 1 verschillen met de eerste invoer.')
    const keyings = await t.database.db
      .selectFrom('paper_keyings as k')
      .innerJoin('staff_users as u', 'u.id', 'k.typist_id')
      .select(['u.username', 'k.fields'])
      .where('k.participant_id', '=', p.id)
      .orderBy('k.id')
      .execute()
    expect(keyings.map((k) => [k.username, k.fields.rapportcijfer_dienstverlening])).toEqual(
      expect.arrayContaining([
        ['peiling:scan', '7'],
        [typist.username, '8'],
      ]),
    )
    expect(await scanRowsOf(formId)).toEqual({ forms: [], pages: [] })
  })
})

describe.runIf(tools)('who may check scans', () => {
  it('lets typists and researchers in, and no one else', async () => {
    const p = round.participants[1]!
    const { formId } = await createScannedForm(t.database.db, { round, participant: p, read: READ, dir: tmp.dir })
    const urls = [`/invoer/scans/${formId}`, `/invoer/scans/${formId}/beeld/1/rapportcijfer_dienstverlening.png`]

    const stranger = new Browser(t.app)
    for (const url of urls) expect((await stranger.get(url)).statusCode, url).toBe(303)
    const csrf = csrfTokenOf((await stranger.visit('/')).body)
    expect((await stranger.post(urls[0]!, TYPED, { csrf })).statusCode).toBe(401)

    const admin = await signedInAs(t.app, 'administrator')
    for (const url of urls) expect((await admin.get(url)).statusCode, url).toBe(403)
    const adminCsrf = csrfTokenOf((await admin.visit('/beheer')).body)
    expect((await admin.post(urls[0]!, TYPED, { csrf: adminCsrf })).statusCode).toBe(403)

    // Without the form's CSRF token nothing is stored.
    const typist = await signedInAs(t.app, 'typist')
    expect((await typist.post(urls[0]!, TYPED, { csrf: false })).statusCode).toBe(403)
    const kept = await scanRowsOf(formId)
    expect(kept.forms).toEqual([{ id: formId }])
    expect(kept.pages.length).toBeGreaterThan(1)

    const researcher = await signedInAs(t.app, 'researcher')
    for (const url of urls) expect((await researcher.get(url)).statusCode, url).toBe(200)
    expect((await typist.get(urls[1]!)).statusCode).toBe(200)
  })
})
