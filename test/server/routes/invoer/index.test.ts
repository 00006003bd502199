/**
 * The typists' screen without JavaScript: plain forms that post, as a browser without
 * the script (or a screen reader user) uses them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp, Browser, csrfTokenOf } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { createStaffUser, signedInAs, TEST_PASSWORD } from '#test/helpers/staff.ts'
import { formBarcodeText } from '#src/codes/form-barcode.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'

let t: TestApp
let round: RoundFixture

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db, { participantsPerStratum: 4 })
})
afterAll(async () => t.close())

const draftIdOf = (html: string) => /name="concept" value="([^"]+)"/.exec(html)?.[1] ?? ''
const participantRow = (id: number) =>
  t.database.db
    .selectFrom('participants')
    .select(['status', 'completed_mode'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

describe('who may key', () => {
  it('sends someone who is not signed in to the sign-in page', async () => {
    const browser = new Browser(t.app)
    const response = await browser.get('/invoer')
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/beheer/inloggen?terug=%2Finvoer')
    const csrf = csrfTokenOf((await browser.visit('/')).body)
    for (const url of [
      '/invoer/formulier',
      '/invoer/zonder-code',
      '/invoer/opslaan',
      '/invoer/concept',
      '/invoer/weggooien',
    ]) {
      expect((await browser.post(url, { code: round.participants[0]!.code }, { csrf })).statusCode, url).toBe(401)
    }
  })

  it('refuses administrators on every route: they manage accounts, not data', async () => {
    const admin = await signedInAs(t.app, 'administrator')
    expect((await admin.get('/invoer')).statusCode).toBe(403)
    const csrf = csrfTokenOf((await admin.visit('/beheer')).body)
    for (const url of [
      '/invoer/formulier',
      '/invoer/zonder-code',
      '/invoer/opslaan',
      '/invoer/concept',
      '/invoer/weggooien',
    ]) {
      expect((await admin.post(url, { code: round.participants[0]!.code }, { csrf })).statusCode, url).toBe(403)
    }
    expect(await t.database.db.selectFrom('paper_drafts').select('id').execute()).toEqual([])
  })

  it('sends a typist with a password from the administrator to pick their own first', async () => {
    const user = await createStaffUser(t.database.db, 'typist')
    await t.database.db
      .updateTable('staff_users')
      .set({ must_change_password: true })
      .where('id', '=', user.id)
      .execute()
    const browser = new Browser(t.app)
    await browser.visit('/beheer/inloggen')
    await browser.post('/beheer/inloggen', { username: user.username, password: TEST_PASSWORD })
    const response = await browser.get('/invoer')
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/beheer/account')
  })

  it('lets researchers key too', async () => {
    const researcher = await signedInAs(t.app, 'researcher')
    const page = await researcher.visit('/invoer')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Code van het formulier')
    // Scanned forms are checked from their own page, one step from here.
    expect(page.body).toContain('<a href="/invoer/scans">Naar de scans</a>')
  })

  it('sends a typist from /beheer to the entry screen, with only that in the menu', async () => {
    const typist = await signedInAs(t.app, 'typist')
    const page = await typist.visit('/beheer')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Papieren formulieren invoeren')
    const menu = /<nav class="staff-nav"[\s\S]*?<\/nav>/.exec(page.body)?.[0] ?? ''
    const links = [...menu.matchAll(/href="([^"]+)"/g)].map((m) => m[1])
    expect(links).toContain('/invoer')
    // Their own account page at most; no staff console pages.
    expect(links.filter((l) => l !== '/invoer' && l !== '/beheer/account')).toEqual([])
  })
})

describe('keying a form without JavaScript', () => {
  it('opens the form of a scanned code, mirroring the paper: every question, the printed numbers, no personal data', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const p = round.participants[0]!
    const form = await typist.post('/invoer/formulier', { code: `${p.code.toLowerCase()}` })
    expect(form.statusCode).toBe(200)
    // What the scanner types from a page's barcode: the code, then the page number.
    const scanned = await typist.post('/invoer/formulier', { code: formBarcodeText(p.code, 3) })
    expect(scanned.statusCode).toBe(200)
    expect(scanned.body).toContain(`Formulier ${formatLoginCode(p.code)}`)
    expect(form.body).toContain(`Formulier ${formatLoginCode(p.code)}`)
    const labels = [...form.body.matchAll(/<label for="f-[^"]+" class="kf-label">([^<]+)/g)].map((m) => m[1])
    expect(labels.slice(0, 4)).toEqual(['1', '2', '3a', '3b'])
    expect(labels).toContain('13o')
    expect(labels.at(-1)).toBe('23')
    expect(labels.length).toBe(61)
    // The legend names the codes for what paper does.
    expect(form.body).toContain('meer dan één vakje aangekruist')
    expect(form.body).toContain('onleesbaar')
    // Typists see a code and a form, nothing else.
    const person = await t.database.db
      .selectFrom('participants')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow()
    for (const personal of [person.last_name, person.client_number, person.postcode, person.initials])
      expect(form.body).not.toContain(personal!)
  })

  it('catches a typo in the code at once, and an unknown code', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const code = round.participants[1]!.code
    const typo = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4)
    const wrong = await typist.post('/invoer/formulier', { code: typo })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.body).toContain('tikfout')
    const unknown = await typist.post('/invoer/formulier', { code: `${'KKKKKKKKKK'.slice(0, 9)}K` })
    expect(unknown.statusCode).toBe(422)
  })

  it('warns about what looks wrong without blocking it, then saves what is on paper', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const p = round.participants[1]!
    const opened = await typist.post('/invoer/formulier', { code: p.code })
    const concept = draftIdOf(opened.body)
    const fields = {
      concept,
      actie: 'opslaan',
      v_rapportcijfer_dienstverlening: '11',
      v_intake_wanneer: '2',
      v_intake_stellingen_a: '1',
      v_leeftijd: 'm',
      v_geslacht: '?',
    }
    const warned = await typist.post('/invoer/opslaan', fields)
    expect(warned.statusCode).toBe(422)
    expect(warned.body).toContain('Controleer deze velden')
    expect(warned.body).toContain('Vraag 1: &quot;11&quot; staat niet als antwoord op het formulier (1–10, 99)')
    expect(warned.body).toContain('Vraag 3a is ingevuld, maar had volgens de vragenlijst overgeslagen moeten worden')
    expect(warned.body).toContain('Opslaan zoals op papier')
    expect(await participantRow(p.id)).toEqual({ status: 'pending', completed_mode: null })

    // A correction that brings a different warning is warned about again.
    const fingerprint = /name="bevestigd" value="([^"]+)"/.exec(warned.body)![1]!
    const again = await typist.post('/invoer/opslaan', {
      ...fields,
      v_rapportcijfer_dienstverlening: '12',
      bevestigd: fingerprint,
    })
    expect(again.statusCode).toBe(422)
    const confirmed = /name="bevestigd" value="([^"]+)"/.exec(again.body)![1]!
    const saved = await typist.post('/invoer/opslaan', {
      ...fields,
      v_rapportcijfer_dienstverlening: '12',
      bevestigd: confirmed,
    })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe('/invoer')
    const next = await typist.visit('/invoer')
    expect(next.body).toContain('Opgeslagen. Scan het volgende formulier.')
    expect(next.body).toMatch(/<input id="code"[^>]*autofocus/)
    expect(await participantRow(p.id)).toEqual({ status: 'completed', completed_mode: 'paper' })
    const response = await t.database.db
      .selectFrom('responses')
      .select(['answers', 'paper_coding'])
      .where('round_id', '=', round.roundId)
      .where('mode', '=', 'paper')
      .executeTakeFirstOrThrow()
    expect(response.answers).toEqual({ intake_wanneer: 2, intake_stellingen_a: 1 })
    expect(response.paper_coding).toEqual({
      noCode: false,
      marks: { leeftijd: 'multiple', geslacht: 'unreadable' },
      invalid: { rapportcijfer_dienstverlening: '12' },
      outsideRouting: ['intake_stellingen_a'],
    })
    // Saving the same form again (a second Enter, the back button) changes nothing.
    expect((await typist.post('/invoer/opslaan', { ...fields, bevestigd: confirmed })).statusCode).toBe(303)
    expect((await typist.visit('/invoer')).body).toContain('Dit formulier was al opgeslagen.')
  })

  it('refuses "m" where several boxes may be ticked, however often it is confirmed, until the ticks are keyed', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const p = round.participants[4]!
    const opened = await typist.post('/invoer/formulier', { code: p.code })
    const fields = { concept: draftIdOf(opened.body), actie: 'opslaan', v_punt_verbeteren: 'm' }
    const refused = await typist.post('/invoer/opslaan', fields)
    expect(refused.statusCode).toBe(422)
    expect(refused.body).toContain(
      'Vraag 22: bij deze vraag mogen meer vakjes aangekruist zijn. Typ de nummers van alle aangekruiste vakjes, bijvoorbeeld 1 3.',
    )
    expect(refused.body).not.toContain('name="bevestigd"')
    expect(refused.body).not.toContain('Opslaan zoals op papier')
    expect((await typist.post('/invoer/opslaan', { ...fields, bevestigd: 'anything' })).statusCode).toBe(422)
    expect(await participantRow(p.id)).toEqual({ status: 'pending', completed_mode: null })
    // What was typed is kept in the draft, so the typist corrects only this field.
    expect(refused.body).toMatch(/name="v_punt_verbeteren"[^>]*value="m"/)
    expect((await typist.post('/invoer/opslaan', { ...fields, v_punt_verbeteren: '1 3' })).statusCode).toBe(303)
    expect(await participantRow(p.id)).toEqual({ status: 'completed', completed_mode: 'paper' })
  })

  it('keeps a form in progress for later, also when the script saves as you type', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const p = round.participants[2]!
    const opened = await typist.post('/invoer/formulier', { code: formatLoginCode(p.code) })
    const concept = draftIdOf(opened.body)
    const kept = await typist.post('/invoer/concept', {
      concept,
      v_rapportcijfer_dienstverlening: '6',
      v_parttimebaan: '1',
    })
    expect(kept.statusCode).toBe(200)
    expect(kept.json()).toEqual({ saved: true })
    const later = await typist.post('/invoer/opslaan', {
      concept,
      actie: 'concept',
      v_rapportcijfer_dienstverlening: '7',
    })
    expect(later.body).toContain('Tussendoor bewaard.')

    const list = await typist.visit('/invoer')
    expect(list.body).toContain('Nog niet opgeslagen')
    expect(list.body).toContain(formatLoginCode(p.code))
    const reopened = await typist.post('/invoer/formulier', { concept })
    expect(reopened.body).toContain('Uw eerdere invoer voor dit formulier is teruggezet.')
    expect(reopened.body).toMatch(/name="v_rapportcijfer_dienstverlening" value="7"/)

    await typist.post('/invoer/weggooien', { concept })
    expect((await typist.visit('/invoer')).body).not.toContain(formatLoginCode(p.code))
    expect((await typist.post('/invoer/concept', { concept, v_parttimebaan: '1' })).statusCode).toBe(410)
  })

  it('keys a form without code under a chosen municipality', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const stratum = round.strata[1]!
    const opened = await typist.post('/invoer/zonder-code', { stratum: stratum.id })
    expect(opened.statusCode).toBe(200)
    expect(opened.body).toContain('Formulier zonder code')
    expect(opened.body).toContain(stratum.name)
    const saved = await typist.submit('/invoer/opslaan', {
      concept: draftIdOf(opened.body),
      actie: 'opslaan',
      v_rapportcijfer_dienstverlening: '9',
    })
    expect(saved.body).toContain('Opgeslagen als formulier zonder code.')
    expect((await typist.post('/invoer/zonder-code', { stratum: 'x' })).statusCode).toBe(422)
  })

  it('tells the typist clearly when a code already has an answer, and keeps the form as a duplicate', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const p = round.participants[1]!
    const opened = await typist.post('/invoer/formulier', { code: p.code })
    expect(opened.body).toContain('voor deze code is al een papieren formulier ingevoerd')
    const saved = await typist.submit('/invoer/opslaan', {
      concept: draftIdOf(opened.body),
      actie: 'opslaan',
      v_geslacht: '1',
    })
    expect(saved.body).toContain('Opgeslagen als dubbel formulier')
    const complete = await t.database.db
      .selectFrom('responses')
      .select('id')
      .where('round_id', '=', round.roundId)
      .where('mode', '=', 'paper')
      .where('status', '=', 'complete')
      .execute()
    // The first form, the one without code and the one keyed with ticks above; not the duplicate.
    expect(complete).toHaveLength(3)
  })
})
