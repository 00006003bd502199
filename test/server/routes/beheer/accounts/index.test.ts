import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp } from '#test/helpers/app.ts'
import { createStaffUser, signedInAs, TEST_PASSWORD } from '#test/helpers/staff.ts'
import { SCAN_READER_USERNAME } from '#src/server/services/scans/check-form.ts'

let t: TestApp
let admin: Browser & { userId: number; username: string }

beforeAll(async () => {
  t = await createTestApp()
  admin = await signedInAs(t.app, 'administrator')
})
afterAll(async () => t.close())

function shownPassword(html: string): string {
  const match = /<code class="secret">([^<]+)<\/code>/.exec(html)
  if (!match) throw new Error('no password on the page')
  return match[1]!
}

async function signIn(username: string, password: string) {
  const browser = new Browser(t.app, `10.5.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`)
  await browser.visit('/beheer/inloggen')
  const response = await browser.post('/beheer/inloggen', { username, password })
  return { browser, response }
}

async function lastAudit(action: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['username', 'details'])
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

describe('account management', () => {
  it('creates an account whose password is shown once and must be changed at the first sign-in', async () => {
    await admin.visit('/beheer/accounts')
    const page = await admin.post('/beheer/accounts', {
      username: 'A.deVries',
      displayName: 'Anna de Vries',
      role: 'researcher',
    })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Het account a.devries is gemaakt.')
    const password = shownPassword(page.body)
    expect(password).toHaveLength(20)
    // Not stored, not logged, not shown again.
    expect(JSON.stringify(await t.database.db.selectFrom('staff_users').selectAll().execute())).not.toContain(password)
    expect(JSON.stringify(await t.database.db.selectFrom('audit_log').selectAll().execute())).not.toContain(password)
    expect((await admin.visit('/beheer/accounts')).body).not.toContain(password)
    expect(await lastAudit('account.create')).toMatchObject({
      username: admin.username,
      details: { username: 'a.devries', role: 'researcher' },
    })

    const { browser, response } = await signIn('a.devries', password)
    expect(response.headers.location).toBe('/beheer/account')
    // Every other page waits until the user has chosen a password.
    expect((await browser.get('/beheer/rondes')).headers.location).toBe('/beheer/account')
    const accountPage = await browser.visit('/beheer/account')
    expect(accountPage.body).toContain('Kies eerst een eigen wachtwoord')
    const short = await browser.post('/beheer/account/wachtwoord', {
      current: password,
      password: 'kort',
      repeat: 'kort',
    })
    expect(short.statusCode).toBe(422)
    expect(short.body).toContain('Het nieuwe wachtwoord is te kort. Gebruik minstens 12 tekens.')
    const mismatch = await browser.post('/beheer/account/wachtwoord', {
      current: password,
      password: 'een lange zin van mij',
      repeat: 'een lange zin van jou',
    })
    expect(mismatch.body).toContain('twee verschillende nieuwe wachtwoorden')
    const wrong = await browser.post('/beheer/account/wachtwoord', {
      current: 'niet goed',
      password: 'een lange zin van mij',
      repeat: 'een lange zin van mij',
    })
    expect(wrong.body).toContain('Uw huidige wachtwoord klopt niet.')
    const done = await browser.submit('/beheer/account/wachtwoord', {
      current: password,
      password: 'een lange zin van mij',
      repeat: 'een lange zin van mij',
    })
    expect(done.body).toContain('Uw wachtwoord is gewijzigd.')
    expect((await browser.get('/beheer/rondes')).statusCode).toBe(200)
    expect((await signIn('a.devries', 'een lange zin van mij')).response.headers.location).toBe('/beheer')
    expect(await lastAudit('account.password-change')).toMatchObject({ username: 'a.devries' })
  })

  it('explains what is wrong with a new account', async () => {
    await admin.visit('/beheer/accounts')
    expect(
      (await admin.post('/beheer/accounts', { username: 'a b', displayName: 'X', role: 'typist' })).body,
    ).toContain('De gebruikersnaam mag alleen kleine letters')
    expect(
      (await admin.post('/beheer/accounts', { username: 'a.devries', displayName: 'X', role: 'typist' })).body,
    ).toContain('Er is al een account met deze gebruikersnaam')
    expect(
      (await admin.post('/beheer/accounts', { username: 'nieuw', displayName: '', role: 'typist' })).body,
    ).toContain('Vul een naam in')
    expect(
      (await admin.post('/beheer/accounts', { username: 'nieuw', displayName: 'X', role: 'superuser' })).body,
    ).toContain('Kies een rol.')
  })

  it('changes a role, which takes effect at once', async () => {
    const user = await createStaffUser(t.database.db, 'researcher')
    const { browser } = await signIn(user.username, TEST_PASSWORD)
    expect((await browser.get('/beheer/rondes')).statusCode).toBe(200)
    await admin.visit(`/beheer/accounts/${user.id}`)
    const page = await admin.submit(`/beheer/accounts/${user.id}/rol`, { role: 'typist' })
    expect(page.body).toContain('De wijziging is opgeslagen.')
    expect((await browser.get('/beheer/rondes')).statusCode).toBe(403)
    expect(await lastAudit('account.role')).toMatchObject({
      details: { userId: user.id, from: 'researcher', to: 'typist' },
    })
  })

  it('switches an account off, which signs its user out at once, and on again', async () => {
    const user = await createStaffUser(t.database.db, 'researcher')
    const { browser } = await signIn(user.username, TEST_PASSWORD)
    await admin.visit(`/beheer/accounts/${user.id}`)
    await admin.submit(`/beheer/accounts/${user.id}/status`, { active: 'false' })
    expect((await browser.get('/beheer/rondes')).headers.location).toContain('/beheer/inloggen')
    expect((await signIn(user.username, TEST_PASSWORD)).response.statusCode).toBe(401)
    await admin.submit(`/beheer/accounts/${user.id}/status`, { active: 'true' })
    expect((await signIn(user.username, TEST_PASSWORD)).response.statusCode).toBe(303)
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['account.deactivate', 'account.activate'])
      .orderBy('id')
      .execute()
    expect(actions.map((a) => a.action).slice(-2)).toEqual(['account.deactivate', 'account.activate'])
  })

  it('makes a new password for someone who lost theirs', async () => {
    const user = await createStaffUser(t.database.db, 'typist')
    await admin.visit(`/beheer/accounts/${user.id}`)
    const page = await admin.post(`/beheer/accounts/${user.id}/wachtwoord`, {})
    const password = shownPassword(page.body)
    expect((await signIn(user.username, TEST_PASSWORD)).response.statusCode).toBe(401)
    const { response } = await signIn(user.username, password)
    expect(response.headers.location).toBe('/beheer/account')
    expect(await lastAudit('account.password-reset')).toMatchObject({ details: { userId: user.id } })
  })

  it('never leaves the console without an active administrator, nor lets one lock themself out', async () => {
    const self = await admin.visit(`/beheer/accounts/${admin.userId}`)
    expect(self.body).toContain('Dit is uw eigen account')
    const demote = await admin.post(`/beheer/accounts/${admin.userId}/rol`, { role: 'researcher' })
    expect(demote.statusCode).toBe(422)
    expect(demote.body).toContain('U kunt uw eigen rol niet wijzigen')
    expect((await admin.post(`/beheer/accounts/${admin.userId}/status`, { active: 'false' })).statusCode).toBe(422)
    // Another administrator cannot remove the last one either.
    const other = await signedInAs(t.app, 'administrator')
    await t.database.db
      .updateTable('staff_users')
      .set({ active: false })
      .where('role', '=', 'administrator')
      .where('id', 'not in', [admin.userId, other.userId])
      .execute()
    await other.visit(`/beheer/accounts/${admin.userId}`)
    expect((await other.submit(`/beheer/accounts/${admin.userId}/rol`, { role: 'researcher' })).body).toContain(
      'De wijziging is opgeslagen.',
    )
    await admin.visit('/beheer/account')
    const last = await other.post(`/beheer/accounts/${other.userId}/rol`, { role: 'researcher' })
    expect(last.statusCode).toBe(422)
    const stillAdmin = await t.database.db
      .selectFrom('staff_users')
      .select('id')
      .where('role', '=', 'administrator')
      .where('active', '=', true)
      .execute()
    expect(stillAdmin).toEqual([{ id: other.userId }])
  })

  it('lets a typist change their own password, and nothing else under /beheer', async () => {
    const typist = await signedInAs(t.app, 'typist')
    const page = await typist.visit('/beheer/account')
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toContain('Tweede stap')
    const done = await typist.submit('/beheer/account/wachtwoord', {
      current: TEST_PASSWORD,
      password: 'typist wachtwoord 2026',
      repeat: 'typist wachtwoord 2026',
    })
    expect(done.body).toContain('Uw wachtwoord is gewijzigd.')
  })

  it('throttles guessing the current password on the change form', async () => {
    const user = await signedInAs(t.app, 'researcher')
    await user.visit('/beheer/account')
    const statuses: number[] = []
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await user.post('/beheer/account/wachtwoord', {
            current: `fout ${i}`,
            password: 'een lange zin van mij',
            repeat: 'een lange zin van mij',
          })
        ).statusCode,
      )
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429])
  })

  it("hides the scan reader's own account: not listed, not to open, activate or give a password", async () => {
    const reader = await t.database.db
      .insertInto('staff_users')
      .values({
        username: SCAN_READER_USERNAME,
        display_name: 'Scan',
        password_hash: '!',
        role: 'typist',
        active: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const boss = await signedInAs(t.app, 'administrator')
    const list = await boss.visit('/beheer/accounts')
    expect(list.statusCode).toBe(200)
    expect(list.body).not.toContain(SCAN_READER_USERNAME)
    expect((await boss.visit(`/beheer/accounts/${reader.id}`)).statusCode).toBe(404)
    await boss.visit('/beheer/accounts')
    expect((await boss.post(`/beheer/accounts/${reader.id}/status`, { active: 'true' })).statusCode).toBe(404)
    expect((await boss.post(`/beheer/accounts/${reader.id}/wachtwoord`, {})).statusCode).toBe(404)
    const after = await t.database.db
      .selectFrom('staff_users')
      .select(['active', 'password_hash'])
      .where('id', '=', reader.id)
      .executeTakeFirstOrThrow()
    expect(after).toEqual({ active: false, password_hash: '!' })
  })
})
