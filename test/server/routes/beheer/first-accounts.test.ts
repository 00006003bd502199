/**
 * The accounts the first start makes (the first administrator and, with DEMO, the demo
 * researcher and typist) have printed passwords, like an account an administrator makes
 * at /beheer/accounts: each must be replaced at the first sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp } from '#test/helpers/app.ts'
import { createFirstAdministrator } from '#src/server/services/staff/first-administrator.ts'
import { createDemoRoundIfEmpty } from '#src/server/services/rounds/demo-round.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'

let t: TestApp
const printed = new Map<string, string>()

beforeAll(async () => {
  t = await createTestApp()
  const admin = await createFirstAdministrator(t.database.db)
  const demo = await createDemoRoundIfEmpty(t.database.db, await installShippedQuestionnaires(t.database.db))
  for (const account of [admin!, ...demo!.staff]) printed.set(account.username, account.password)
})
afterAll(async () => t.close())

async function signIn(username: string, password: string) {
  const browser = new Browser(t.app)
  await browser.visit('/beheer/inloggen')
  const response = await browser.post('/beheer/inloggen', { username, password })
  return { browser, response }
}

describe('the accounts made at the first start', () => {
  it('are the three whose passwords the start prints', () => {
    expect([...printed.keys()]).toEqual(['beheerder', 'onderzoeker', 'invoerder'])
  })

  // Each role's own first page: the typist has only paper entry.
  it.each([
    ['beheerder', '/beheer/accounts'],
    ['onderzoeker', '/beheer/rondes'],
    ['invoerder', '/invoer'],
  ])(
    '%s signs in with the printed password and must choose an own one before anything else',
    async (username, page) => {
      const { browser, response } = await signIn(username, printed.get(username)!)
      expect(response.statusCode).toBe(303)
      expect(response.headers.location).toBe('/beheer/account')
      expect((await browser.get(page)).headers.location).toBe('/beheer/account')
      expect((await browser.visit('/beheer/account')).body).toContain('Kies eerst een eigen wachtwoord')
    },
  )

  it('opens every page once the printed password is replaced, and the printed one no longer works', async () => {
    const printedPassword = printed.get('onderzoeker')!
    const { browser } = await signIn('onderzoeker', printedPassword)
    await browser.visit('/beheer/account')
    const done = await browser.submit('/beheer/account/wachtwoord', {
      current: printedPassword,
      password: 'mijn eigen lange zin',
      repeat: 'mijn eigen lange zin',
    })
    expect(done.body).toContain('Uw wachtwoord is gewijzigd.')
    expect((await browser.get('/beheer/rondes')).statusCode).toBe(200)
    expect((await signIn('onderzoeker', printedPassword)).response.statusCode).toBe(401)
    expect((await signIn('onderzoeker', 'mijn eigen lange zin')).response.headers.location).toBe('/beheer')
  })
})
