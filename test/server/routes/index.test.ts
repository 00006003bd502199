import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp, Browser } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound, daysFromToday } from '#test/helpers/fixtures.ts'
import { generateLoginCode, formatLoginCode } from '#src/codes/login-code.ts'

let t: TestApp
let round: RoundFixture

beforeAll(async () => {
  t = await createTestApp({ codeAttemptsPerWindow: 5 })
  round = await createRound(t.database.db)
})
afterAll(async () => t.close())

describe('signing in with the code from the letter', () => {
  it('shows the code form in Dutch, and in English on request', async () => {
    const browser = new Browser(t.app)
    const nl = await browser.visit('/')
    expect(nl.body).toContain('Uw inlogcode')
    expect(nl.body).toContain('<html lang="nl" dir="ltr">')
    const en = await browser.visit('/?lang=en')
    expect(en.body).toContain('Your login code')
    expect(en.body).toContain('<html lang="en"')
  })

  it('accepts the code in lower case, with spaces or dashes', async () => {
    const code = round.participants[0]!.code
    for (const typed of [code.toLowerCase(), formatLoginCode(code), ` ${code.slice(0, 5)} ${code.slice(5)} `]) {
      const browser = new Browser(t.app)
      await browser.visit('/')
      const response = await browser.post('/', { code: typed })
      expect(response.statusCode, typed).toBe(303)
    }
  })

  it('catches a typo with the check character, before any look-up', async () => {
    const code = round.participants[0]!.code
    const typo = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4)
    const browser = new Browser(t.app, '10.9.9.9')
    await browser.visit('/')
    const response = await browser.post('/', { code: typo })
    expect(response.statusCode).toBe(422)
    expect(response.body).toContain('tikfout')
    const hits = await t.database.db
      .selectFrom('rate_limit_hits')
      .selectAll()
      .where('key', 'like', '%10.9.9.9%')
      .execute()
    expect(hits).toEqual([])
  })

  it('explains codes with wrong characters or length', async () => {
    const browser = new Browser(t.app)
    await browser.visit('/')
    expect((await browser.post('/', { code: 'K0QXM-4TR9C' })).body).toContain('O, I en L')
    expect((await browser.post('/', { code: 'K7QX' })).body).toContain('10 tekens')
    expect((await browser.post('/', { code: '' })).body).toContain('Vul de inlogcode')
  })

  it('opening the QR link signs in but stores nothing', async () => {
    const p = round.participants[1]!
    const browser = new Browser(t.app)
    const response = await browser.get(`/c/${p.code}`)
    expect(response.statusCode).toBe(303)
    // Straight to the first question: on a slow line every redirect is a round trip.
    expect(response.headers.location).toBe('/vragenlijst/deel/algemeen')
    const page = await browser.visit('/vragenlijst')
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toContain(p.code)
    const participant = await t.database.db
      .selectFrom('participants')
      .select('status')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow()
    expect(participant.status).toBe('pending')
    const responses = await t.database.db
      .selectFrom('responses')
      .selectAll()
      .where('round_id', '=', round.roundId)
      .execute()
    expect(responses).toEqual([])
  })

  it('refuses further attempts from an address after too many unknown codes', async () => {
    const browser = new Browser(t.app, '10.6.6.6')
    await browser.visit('/')
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await browser.post('/', { code: generateLoginCode() })).statusCode)
    expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422])
    expect(statuses.slice(5)).toEqual([429, 429])
    // The failures were just made: they are forgotten after 15 minutes and at most one more.
    expect(browser.lastPage).toMatch(/te vaak een verkeerde code ingevuld\. Probeer het over 1[56] minuten opnieuw\./)
    // Even a right code is refused while blocked; another address is not affected.
    expect((await browser.post('/', { code: round.participants[0]!.code })).statusCode).toBe(429)
    const other = new Browser(t.app, '10.6.6.7')
    await other.visit('/')
    expect((await other.post('/', { code: round.participants[0]!.code })).statusCode).toBe(303)
  })

  it('refuses a form post without the CSRF token', async () => {
    const browser = new Browser(t.app)
    await browser.visit('/')
    const response = await browser.post('/', { code: round.participants[0]!.code }, { csrf: false })
    expect(response.statusCode).toBe(403)
    expect(response.body).toContain('verlopen')
  })

  it('says when a round is closed or not open yet, with its dates', async () => {
    const closed = await createRound(t.database.db, { opensOn: daysFromToday(-40), closesOn: daysFromToday(-10) })
    const browser = new Browser(t.app)
    await browser.visit(`/c/${closed.participants[0]!.code}`)
    expect(browser.lastPage).toContain('De vragenlijst is gesloten')

    const later = await createRound(t.database.db, {
      status: 'draft',
      opensOn: daysFromToday(5),
      closesOn: daysFromToday(30),
    })
    const other = new Browser(t.app)
    await other.visit(`/c/${later.participants[0]!.code}`)
    expect(other.lastPage).toContain('nog niet open')
  })
})

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  const PROXY = '10.9.0.1'
  let proxied: TestApp

  beforeAll(async () => {
    proxied = await createTestApp({ codeAttemptsPerWindow: 3, trustProxy: [PROXY] }, t.database)
  })
  afterAll(async () => proxied.close())

  const unknownCodes = async (browser: Browser, forwardedFor: (i: number) => string) => {
    await browser.visit('/')
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const response = await browser.post(
        '/',
        { code: generateLoginCode() },
        { headers: { 'x-forwarded-for': forwardedFor(i) } },
      )
      statuses.push(response.statusCode)
    }
    return statuses
  }

  it('limits a client that reaches the app directly, whatever X-Forwarded-For it makes up', async () => {
    const direct = new Browser(proxied.app, '10.9.9.9')
    expect(await unknownCodes(direct, (i) => `203.0.113.${i + 1}`)).toEqual([422, 422, 422, 429, 429])
  })

  it("counts the respondent's own address when the request comes through the proxy", async () => {
    const viaProxy = new Browser(proxied.app, PROXY)
    expect(await unknownCodes(viaProxy, () => '198.51.100.7')).toEqual([422, 422, 422, 429, 429])
    // Another respondent behind the same proxy is not affected.
    const other = new Browser(proxied.app, PROXY)
    expect(await unknownCodes(other, () => '198.51.100.8')).toEqual([422, 422, 422, 429, 429])
  })
})
