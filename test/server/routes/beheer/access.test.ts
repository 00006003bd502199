/**
 * Who may use which staff page: every route of the staff console (management part),
 * for every role and for someone not signed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { createStaffUser, signedInAs } from '#test/helpers/staff.ts'
import type { StaffRole } from '#src/server/db/schema.ts'

let t: TestApp
let round: RoundFixture
let otherUserId: number
const browsers = {} as Record<StaffRole, Browser>

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db)
  otherUserId = (await createStaffUser(t.database.db, 'researcher')).id
  for (const role of ['administrator', 'researcher', 'typist'] as const) browsers[role] = await signedInAs(t.app, role)
})
afterAll(async () => t.close())

type Who = StaffRole | 'anonymous'
const ALL: StaffRole[] = ['administrator', 'researcher', 'typist']

function pages(): Array<{ url: string; allowed: StaffRole[] }> {
  const r = `/beheer/rondes/${round.roundId}`
  return [
    { url: '/beheer/rondes', allowed: ['researcher'] },
    { url: '/beheer/rondes/nieuw', allowed: ['researcher'] },
    { url: r, allowed: ['researcher'] },
    { url: `${r}/voorbeeld`, allowed: ['researcher'] },
    { url: `${r}/voorbeeld?taal=en`, allowed: ['researcher'] },
    { url: `${r}/monitor`, allowed: ['researcher', 'administrator'] },
    { url: `${r}/resultaten`, allowed: ['researcher'] },
    { url: `${r}/citaten`, allowed: ['researcher', 'administrator'] },
    { url: `${r}/rapport`, allowed: ['researcher'] },
    { url: `${r}/rapport.docx`, allowed: ['researcher'] },
    { url: `${r}/export`, allowed: ['researcher'] },
    { url: '/beheer/vertalingen', allowed: ['researcher'] },
    { url: '/beheer/vertalingen/bestand/en', allowed: ['researcher'] },
    { url: '/beheer/referentiecijfers', allowed: ['administrator', 'researcher'] },
    { url: '/beheer/accounts', allowed: ['administrator'] },
    { url: `/beheer/accounts/${otherUserId}`, allowed: ['administrator'] },
    { url: '/beheer/audit', allowed: ['administrator', 'researcher'] },
    // Every role changes its own password; typists have no second step.
    { url: '/beheer/account', allowed: ALL },
    { url: '/beheer/account/tweede-stap', allowed: ['administrator', 'researcher'] },
  ]
}

function forms(): Array<{ url: string; allowed: StaffRole[] }> {
  const r = `/beheer/rondes/${round.roundId}`
  const u = `/beheer/accounts/${otherUserId}`
  return [
    { url: '/beheer/rondes', allowed: ['researcher'] },
    { url: r, allowed: ['researcher'] },
    { url: `${r}/openen`, allowed: ['researcher'] },
    { url: `${r}/sluiten`, allowed: ['researcher'] },
    { url: `${r}/opschonen`, allowed: ['researcher'] },
    { url: `${r}/export`, allowed: ['researcher'] },
    { url: `${r}/rapport`, allowed: ['researcher'] },
    { url: `${r}/citaten`, allowed: ['researcher', 'administrator'] },
    { url: `${r}/citaten/namen`, allowed: ['researcher', 'administrator'] },
    { url: '/beheer/vertalingen', allowed: ['researcher'] },
    { url: '/beheer/referentiecijfers/1/verwijderen', allowed: ['administrator', 'researcher'] },
    { url: '/beheer/accounts', allowed: ['administrator'] },
    { url: `${u}/rol`, allowed: ['administrator'] },
    { url: `${u}/status`, allowed: ['administrator'] },
    { url: `${u}/wachtwoord`, allowed: ['administrator'] },
    { url: `${u}/tweede-stap`, allowed: ['administrator'] },
    { url: '/beheer/account/wachtwoord', allowed: ALL },
    { url: '/beheer/account/tweede-stap', allowed: ['administrator', 'researcher'] },
    { url: '/beheer/account/tweede-stap/uitzetten', allowed: ['administrator', 'researcher'] },
  ]
}

describe('staff pages by role', () => {
  it('sends someone not signed in to the sign-in page, and back afterwards', async () => {
    const anonymous = new Browser(t.app)
    for (const page of [{ url: '/beheer', allowed: [] }, ...pages()]) {
      const response = await anonymous.get(page.url)
      expect(response.statusCode, page.url).toBe(303)
      expect(response.headers.location, page.url).toBe(`/beheer/inloggen?terug=${encodeURIComponent(page.url)}`)
    }
  })

  for (const role of ALL) {
    it(`shows a ${role} the pages of that role and refuses the others`, async () => {
      const browser = browsers[role]
      for (const page of pages()) {
        const response = await browser.get(page.url)
        const expected = page.allowed.includes(role) ? 200 : 403
        expect(response.statusCode, `${role} GET ${page.url}`).toBe(expected)
        if (expected === 403) expect(response.body).toContain('Geen toegang')
      }
    })
  }

  it('sends a typist from the start page to paper entry', async () => {
    const response = await browsers.typist.get('/beheer')
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/invoer')
    for (const role of ['administrator', 'researcher'] as const)
      expect((await browsers[role].get('/beheer')).statusCode).toBe(200)
  })

  it('refuses every form of another role before doing anything', async () => {
    const auditBefore = await t.database.db.selectFrom('audit_log').select('id').execute()
    const roundBefore = await t.database.db
      .selectFrom('rounds')
      .selectAll()
      .where('id', '=', round.roundId)
      .executeTakeFirstOrThrow()
    for (const who of [...ALL, 'anonymous'] as Who[]) {
      const browser = who === 'anonymous' ? new Browser(t.app) : browsers[who]
      for (const form of forms()) {
        if (who !== 'anonymous' && form.allowed.includes(who)) continue
        // A page of the browser's own gives it a valid CSRF token, so only the role decides.
        await browser.visit(who === 'anonymous' ? '/beheer/inloggen' : '/beheer/account')
        const response = await browser.post(form.url, {
          format: 'csv',
          confirm: 'ja',
          role: 'administrator',
          active: 'false',
          name: 'X',
        })
        expect(response.statusCode, `${who} POST ${form.url}`).toBe(who === 'anonymous' ? 401 : 403)
      }
    }
    const auditAfter = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', 'not like', 'staff.sign-%')
      .execute()
    expect(auditAfter.length).toBeLessThanOrEqual(auditBefore.length)
    expect(
      await t.database.db.selectFrom('rounds').selectAll().where('id', '=', round.roundId).executeTakeFirstOrThrow(),
    ).toEqual(roundBefore)
    const other = await t.database.db
      .selectFrom('staff_users')
      .select(['role', 'active'])
      .where('id', '=', otherUserId)
      .executeTakeFirstOrThrow()
    expect(other).toEqual({ role: 'researcher', active: true })
  })

  it('answers "not found" for a round or account that does not exist', async () => {
    expect((await browsers.researcher.get('/beheer/rondes/999999')).statusCode).toBe(404)
    expect((await browsers.researcher.get('/beheer/rondes/abc/monitor')).statusCode).toBe(404)
    expect((await browsers.researcher.get('/beheer/rondes/999999/export')).statusCode).toBe(404)
    expect((await browsers.administrator.get('/beheer/accounts/999999')).statusCode).toBe(404)
  })

  it('shows each role only its own menu entries', async () => {
    const admin = (await browsers.administrator.visit('/beheer/account')).body
    expect(admin).toContain('href="/beheer/accounts"')
    expect(admin).not.toContain('href="/beheer/rondes"')
    const researcher = (await browsers.researcher.visit('/beheer/account')).body
    expect(researcher).toContain('href="/beheer/rondes"')
    expect(researcher).not.toContain('href="/beheer/accounts"')
    const typist = (await browsers.typist.visit('/beheer/account')).body
    expect(typist).not.toContain('href="/beheer/rondes"')
    expect(typist).not.toContain('href="/beheer/audit"')
  })

  it('links an administrator on a round page back to the start page, not to the rounds list they may not open', async () => {
    const monitor = (await browsers.administrator.visit(`/beheer/rondes/${round.roundId}/monitor`)).body
    expect(monitor).not.toContain('href="/beheer/rondes"')
    expect(monitor).toContain('<p class="breadcrumb"><a href="/beheer">')
    expect((await browsers.researcher.visit(`/beheer/rondes/${round.roundId}/monitor`)).body).toContain(
      '<p class="breadcrumb"><a href="/beheer/rondes">',
    )
  })
})
