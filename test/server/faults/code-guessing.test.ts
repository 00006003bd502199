/**
 * Someone tries to guess login codes. A thousand well-formed random codes from many
 * addresses find nobody; one address is stopped after CODE_ATTEMPTS wrong codes; and
 * because the counts live in the database, the limit holds when the guesser spreads
 * the attempts over two app instances on one database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { CODE_ENTROPY_BITS, generateLoginCode, formatLoginCode } from '#src/codes/login-code.ts'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { testEngine } from '#test/helpers/database.ts'
import { openDatabaseTwice } from './_helpers.ts'

let databases: Awaited<ReturnType<typeof openDatabaseTwice>>
let a: TestApp
let b: TestApp
let round: RoundFixture

beforeAll(async () => {
  databases = await openDatabaseTwice()
  a = await createTestApp({}, databases.first)
  b = await createTestApp({}, databases.second)
  round = await createRound(a.database.db, { participantsPerStratum: 3 })
})
afterAll(async () => {
  await a?.close()
  await b?.close()
  await databases?.close()
})

const LIMIT = 20 // CODE_ATTEMPTS' default

async function tryCode(app: TestApp, ip: string, code: string, via: 'form' | 'link' = 'form') {
  const browser = new Browser(app.app, ip)
  if (via === 'link') return browser.get(`/c/${code}`)
  await browser.visit('/')
  return browser.post('/', { code })
}

describe(`guessing login codes (${testEngine})`, () => {
  it('finds no participant with 1,000 random well-formed codes from 50 addresses over two instances', async () => {
    expect(CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(40)
    const real = new Set(round.participants.map((p) => p.code))
    const outcomes = new Map<number, number>()
    const addresses = Array.from({ length: 50 }, (_, i) => `198.51.100.${i}`)
    // Addresses work in parallel, each one's attempts one after the other (LIMIT per address).
    await Promise.all(
      addresses.map(async (ip, i) => {
        for (let n = 0; n < LIMIT; n++) {
          let code = generateLoginCode()
          while (real.has(code)) code = generateLoginCode()
          const response = await tryCode(
            (i + n) % 2 === 0 ? a : b,
            ip,
            n % 3 === 0 ? formatLoginCode(code).toLowerCase() : code,
            n % 5 === 0 ? 'link' : 'form',
          )
          outcomes.set(response.statusCode, (outcomes.get(response.statusCode) ?? 0) + 1)
        }
      }),
    )
    // 422 from the form, 404 from the QR link: "we do not know this code"; never a sign-in.
    expect(Object.fromEntries(outcomes)).toEqual({ 422: 800, 404: 200 })

    // Every failure was counted, across both instances, for the global guessing watch.
    const global = await a.database.db
      .selectFrom('rate_limit_hits')
      .select(sql<number>`sum(hits)::int`.as('hits'))
      .where('key', '=', 'code-all:all')
      .executeTakeFirstOrThrow()
    expect(global.hits).toBe(1000)
  }, 240_000)

  it('refuses an address after the limit, on both instances, even with a right code; other addresses still get in', async () => {
    const ip = '203.0.113.7'
    const right = round.participants[0]!.code
    for (let n = 0; n < LIMIT; n++) {
      const response = await tryCode(n % 2 === 0 ? a : b, ip, generateLoginCode())
      expect(response.statusCode, `attempt ${n + 1}`).toBe(422)
      expect(response.body).toContain('Deze code kennen wij niet')
    }
    for (const app of [a, b]) {
      const refused = await tryCode(app, ip, right)
      expect(refused.statusCode).toBe(429)
      expect(refused.body).toContain('U heeft te vaak een verkeerde code ingevuld')
      expect((await tryCode(app, ip, right, 'link')).statusCode).toBe(429)
    }
    // The refused address did not sign in: the questionnaire asks for a code.
    const browser = new Browser(b.app, ip)
    await browser.visit('/')
    await browser.post('/', { code: right })
    expect((await browser.visit('/vragenlijst')).body).toContain('Log opnieuw in')

    const other = await tryCode(b, '203.0.113.8', right)
    expect(other.statusCode).toBe(303)
    // A successful sign-in leaves no trace of the respondent's address.
    const traces = await a.database.db
      .selectFrom('rate_limit_hits')
      .select('key')
      .where('key', 'like', '%203.0.113.8%')
      .execute()
    expect(traces).toEqual([])
  })

  it('holds the limit when one address sends 100 guesses at the same moment to both instances', async () => {
    const ip = '203.0.113.50'
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, n) => tryCode(n % 2 ? a : b, ip, generateLoginCode())),
    )
    const looked = responses.filter((r) => r.statusCode === 422).length
    const refused = responses.filter((r) => r.statusCode === 429).length
    expect({ looked, refused }).toEqual({ looked: LIMIT, refused: 100 - LIMIT })
  })

  it('does not count typos caught by the check character (no look-up happens)', async () => {
    const ip = '203.0.113.9'
    const code = round.participants[1]!.code
    const typo = code.slice(0, 9) + (code[9] === 'A' ? 'B' : 'A')
    for (let n = 0; n < LIMIT + 5; n++) {
      const response = await tryCode(n % 2 ? a : b, ip, typo)
      expect(response.statusCode).toBe(422)
      expect(response.body).toContain('tikfout')
    }
    expect((await tryCode(a, ip, code)).statusCode).toBe(303)
  })
})
