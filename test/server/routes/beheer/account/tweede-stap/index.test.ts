import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp } from '#test/helpers/app.ts'
import { signedInAs, TEST_PASSWORD } from '#test/helpers/staff.ts'
import { currentTotpCode } from '#src/server/services/staff/totp.ts'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

/** The secret as the set-up page shows it for typing by hand. */
function secretOn(html: string): string {
  const match = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(html)
  if (!match) throw new Error('no secret on the page')
  return match[1]!.replace(/ /g, '')
}

const THIRTY_SECONDS = 30_000

describe('the second sign-in step', () => {
  it('is set up with a QR code and confirmed with a code from the app', async () => {
    const researcher = await signedInAs(t.app, 'researcher')
    const page = await researcher.visit('/beheer/account/tweede-stap')
    expect(page.body).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/)
    const secret = secretOn(page.body)
    const wrong = await researcher.post('/beheer/account/tweede-stap', {
      code: '000000' === currentTotpCode(secret) ? '111111' : '000000',
    })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.body).toContain('Deze code klopt niet')
    // The page shown again keeps the same secret, so the app already set up still works.
    expect(secretOn(wrong.body)).toBe(secret)
    const setUpCode = currentTotpCode(secret)
    const done = await researcher.submit('/beheer/account/tweede-stap', { code: setUpCode })
    expect(done.body).toContain('De tweede stap staat nu aan.')
    const row = await t.database.db
      .selectFrom('staff_users')
      .select('totp_secret')
      .where('id', '=', researcher.userId)
      .executeTakeFirstOrThrow()
    expect(row.totp_secret).toBe(secret)
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'account.second-factor-on')
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(entry)).not.toContain(secret)

    // Signing in now takes the password and a code, and a code works once.
    const browser = new Browser(t.app, '10.7.0.1')
    await browser.visit('/beheer/inloggen')
    const first = await browser.post('/beheer/inloggen', {
      username: researcher.username,
      password: TEST_PASSWORD,
      terug: '/beheer/audit',
    })
    expect(first.headers.location).toBe('/beheer/inloggen/tweede-stap?terug=%2Fbeheer%2Faudit')
    expect((await browser.get('/beheer/rondes')).statusCode).toBe(303)
    await browser.visit(String(first.headers.location))
    expect(browser.lastPage).toContain('Code uit de app')
    // The code used to switch it on is used up; the next step's code is accepted.
    const reused = await browser.post('/beheer/inloggen/tweede-stap', { code: setUpCode, terug: '/beheer/audit' })
    expect(reused.statusCode).toBe(401)
    const signedIn = await browser.post('/beheer/inloggen/tweede-stap', {
      code: currentTotpCode(secret, Date.now() + THIRTY_SECONDS),
      terug: '/beheer/audit',
    })
    expect(signedIn.statusCode).toBe(303)
    expect(signedIn.headers.location).toBe('/beheer/audit')
    expect((await browser.get('/beheer/rondes')).statusCode).toBe(200)
    const signIn = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'staff.sign-in')
      .where('username', '=', researcher.username)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(signIn.details).toEqual({ secondFactor: true })

    // Off again, with the password.
    await researcher.visit('/beheer/account')
    expect((await researcher.post('/beheer/account/tweede-stap/uitzetten', { current: 'fout' })).body).toContain(
      'Uw huidige wachtwoord klopt niet.',
    )
    const off = await researcher.submit('/beheer/account/tweede-stap/uitzetten', { current: TEST_PASSWORD })
    expect(off.body).toContain('De tweede stap staat nu uit.')
  })

  it('refuses the second step without the password step, and throttles guessing', async () => {
    const stranger = new Browser(t.app, '10.7.0.2')
    expect((await stranger.get('/beheer/inloggen/tweede-stap')).headers.location).toBe('/beheer/inloggen')

    const admin = await signedInAs(t.app, 'administrator')
    const setUp = await admin.visit('/beheer/account/tweede-stap')
    const secret = secretOn(setUp.body)
    await admin.submit('/beheer/account/tweede-stap', { code: currentTotpCode(secret) })

    const browser = new Browser(t.app, '10.7.0.3')
    await browser.visit('/beheer/inloggen')
    await browser.post('/beheer/inloggen', { username: admin.username, password: TEST_PASSWORD })
    await browser.visit('/beheer/inloggen/tweede-stap')
    const valid = currentTotpCode(secret, Date.now() + THIRTY_SECONDS)
    const wrong = valid === '123456' ? '654321' : '123456'
    const statuses: number[] = []
    for (let i = 0; i < 6; i++)
      statuses.push((await browser.post('/beheer/inloggen/tweede-stap', { code: wrong })).statusCode)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    expect((await browser.post('/beheer/inloggen/tweede-stap', { code: valid })).statusCode).toBe(429)
  })

  it('can be removed by an administrator for someone who lost their phone', async () => {
    const researcher = await signedInAs(t.app, 'researcher')
    const secret = secretOn((await researcher.visit('/beheer/account/tweede-stap')).body)
    await researcher.submit('/beheer/account/tweede-stap', { code: currentTotpCode(secret) })
    const admin = await signedInAs(t.app, 'administrator')
    const page = await admin.visit(`/beheer/accounts/${researcher.userId}`)
    expect(page.body).toContain('Tweede stap uitzetten')
    await admin.submit(`/beheer/accounts/${researcher.userId}/tweede-stap`, {})
    const browser = new Browser(t.app, '10.7.0.4')
    await browser.visit('/beheer/inloggen')
    expect(
      (await browser.post('/beheer/inloggen', { username: researcher.username, password: TEST_PASSWORD })).headers
        .location,
    ).toBe('/beheer')
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'account.second-factor-removed')
      .executeTakeFirstOrThrow()
    expect(entry.details).toEqual({ userId: researcher.userId })
  })
})
