/**
 * `npm start` on an empty data folder, as the README promises: the embedded database,
 * a demo round with login codes that work, and staff accounts whose passwords are
 * printed once. The real program in a child process.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { testEngine } from '#test/helpers/database.ts'
import { HttpRespondent, startServerProcess } from '#test/helpers/server-process.ts'

const dataDir = mkdtempSync(path.join(tmpdir(), 'peiling-start-'))
const env = { DATA_DIR: dataDir, DATABASE_URL: '', DEMO: 'true', LOG_LEVEL: 'warn' }

afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

function printedPassword(output: string, username: string): string {
  const match = new RegExp(`user: ${username}\\s+password: (\\S+)`).exec(output)
  if (!match) throw new Error(`no password printed for ${username}:\n${output}`)
  return match[1]!
}

/** Signs in with the printed password, which must be replaced first (as for any handed-out password). */
async function signIn(baseUrl: string, username: string, password: string): Promise<HttpRespondent> {
  const staff = new HttpRespondent(baseUrl)
  await staff.visit('/beheer/inloggen')
  const response = await staff.post('/beheer/inloggen', { terug: '/beheer', username, password })
  expect(response.status).toBe(303)
  expect(response.headers.get('location')).toBe('/beheer/account')
  await staff.visit('/beheer/account')
  const own = `${username} kiest een eigen wachtwoord`
  const changed = await staff.post('/beheer/account/wachtwoord', { current: password, password: own, repeat: own })
  expect(changed.status).toBe(303)
  return staff
}

// The embedded database is what `npm start` uses without DATABASE_URL; once is enough.
describe.runIf(testEngine === 'pglite')('the first start on the embedded database', () => {
  it('creates the demo round and accounts, prints what is needed to try every part, prints passwords only once and the codes at every start', async () => {
    const server = await startServerProcess(env, { timeoutMs: 90_000 })
    let output: string
    let links: RegExpMatchArray[] = []
    try {
      output = server.output()
      expect(output).toContain(`Peiling is running at ${server.baseUrl}`)
      expect(output).toContain(`embedded, in ${dataDir}`)

      // Five demo respondents; the printed QR link signs one in and shows the first questions.
      links = [...output.matchAll(/\s([0-9A-Z]{5}-[0-9A-Z]{5})\s+(\S+\/c\/[0-9A-Z]{10})\s/g)]
      expect(links).toHaveLength(5)
      const respondent = new HttpRespondent(server.baseUrl)
      const page = await respondent.visit(new URL(links[0]![2]!).pathname)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('rapportcijfer')

      // The researcher sees the demo round; the administrator manages accounts; the typist keys paper.
      const researcher = await signIn(server.baseUrl, 'onderzoeker', printedPassword(output, 'onderzoeker'))
      expect(await (await researcher.visit('/beheer')).text()).toContain('Demo: klanttevredenheid Werk en Inkomen')
      const administrator = await signIn(server.baseUrl, 'beheerder', printedPassword(output, 'beheerder'))
      expect((await administrator.visit('/beheer/accounts')).status).toBe(200)
      const typist = await signIn(server.baseUrl, 'invoerder', printedPassword(output, 'invoerder'))
      expect((await typist.visit('/invoer')).status).toBe(200)
    } finally {
      await server.kill('SIGTERM')
    }

    // A restart prints the same login codes again, but no password.
    const again = await startServerProcess(env, { timeoutMs: 90_000 })
    try {
      const restarted = again.output()
      expect(restarted).not.toMatch(/password|Demo round created/)
      expect(restarted).toMatch(/Demo round \d+: login codes for respondents/)
      const codesAgain = [...restarted.matchAll(/\s([0-9A-Z]{5}-[0-9A-Z]{5})\s+\S+\/c\/[0-9A-Z]{10}\s/g)]
      expect(codesAgain.map((m) => m[1])).toEqual(links.map((m) => m[1]))
    } finally {
      await again.kill('SIGTERM')
    }
  }, 200_000)
})
