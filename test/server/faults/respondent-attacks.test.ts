/**
 * Attacks on the respondent pages: forged forms (CSRF), markup in answers (XSS), SQL in
 * every input, and oversized or malformed requests. Each gets a clear refusal or is
 * stored as the plain text it is, and nothing else changes in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp, csrfTokenOf } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { testEngine } from '#test/helpers/database.ts'
import { ktoPageAsking } from '#test/questionnaire/kto.ts'

/** The pages with the open remarks (question 23) and the "what went well" choice with its "other" text (question 21). */
const REMARKS = ktoPageAsking('opmerkingen')
const WENT_WELL = ktoPageAsking('punt_goed')

let t: TestApp
let round: RoundFixture
let nextParticipant = 0

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db, { participantsPerStratum: 8 })
})
afterAll(async () => t?.close())

/** A respondent signed in with the next unused code, on the first page. */
async function respondent(ip = `192.0.2.${nextParticipant + 1}`) {
  const p = round.participants[nextParticipant++]!
  const browser = new Browser(t.app, ip)
  await browser.visit(`/c/${p.code}`)
  return Object.assign(browser, { participant: p })
}

const stored = async (participantId: number) =>
  (
    await t.database.db
      .selectFrom('answers_in_progress')
      .select('answers')
      .where('participant_id', '=', participantId)
      .executeTakeFirst()
  )?.answers
const status = async (participantId: number) =>
  (
    await t.database.db
      .selectFrom('participants')
      .select('status')
      .where('id', '=', participantId)
      .executeTakeFirstOrThrow()
  ).status

async function tableSizes() {
  const count = (
    table: 'participants' | 'answers_in_progress' | 'responses' | 'daily_counts' | 'rounds' | 'questionnaires',
  ) =>
    t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n))
  return {
    participants: await count('participants'),
    answersInProgress: await count('answers_in_progress'),
    responses: await count('responses'),
    dailyCounts: await count('daily_counts'),
    rounds: await count('rounds'),
    questionnaires: await count('questionnaires'),
  }
}

/** A raw POST (any content type) with this browser's session cookie; the helper's Browser only posts forms. */
async function rawPost(
  browser: Browser,
  url: string,
  payload: string | Buffer,
  contentType: string,
): Promise<LightMyRequestResponse> {
  const cookie = (browser as unknown as { cookieHeader(): string }).cookieHeader()
  return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': contentType }, payload })
}

function expectErrorPage(response: LightMyRequestResponse, status: number, text: string) {
  expect(response.statusCode).toBe(status)
  expect(response.headers['content-type']).toContain('text/html')
  expect(response.body).toContain(text)
  expect(response.body).toContain('<html lang="nl"')
}

describe(`forged forms: CSRF (${testEngine})`, () => {
  const EXPIRED = 'Uw formulier is verlopen'

  it('refuses every respondent form without a token, with a wrong one, or with another session’s, and stores nothing', async () => {
    const victim = await respondent()
    const attacker = await respondent()
    const othersToken = csrfTokenOf(attacker.lastPage)
    const forms: Array<[string, Record<string, string>]> = [
      ['/', { code: victim.participant.code }],
      ['/vragenlijst/deel/algemeen', { rapportcijfer_dienstverlening: '1', action: 'next' }],
      ['/vragenlijst/verzenden', {}],
      ['/vragenlijst/stoppen', {}],
    ]
    for (const [url, fields] of forms) {
      for (const csrf of [false, 'not-a-token', othersToken] as const) {
        const response = await victim.post(url, fields, { csrf })
        expectErrorPage(response, 403, EXPIRED)
      }
    }
    expect(await stored(victim.participant.id)).toBeUndefined()
    expect(await status(victim.participant.id)).toBe('pending')
    // The forged "stop" did not sign the victim out either.
    expect((await victim.visit('/vragenlijst/deel/algemeen')).statusCode).toBe(200)
  })
})

describe(`markup in answers: XSS (${testEngine})`, () => {
  const SCRIPT = '<script>alert("xss")</script>'

  it('shows open answers, "other" texts and a typed code escaped, never as markup', async () => {
    const r = await respondent()
    await r.visit(WENT_WELL)
    const other = await r.post(WENT_WELL, {
      punt_goed: '9',
      punt_goed_other: `"><script>alert(2)</script>`,
      action: 'review',
    })
    expect(other.statusCode).toBe(303)
    await r.visit(REMARKS)
    const saved = await r.post(REMARKS, { opmerkingen: `${SCRIPT} <img src=x onerror=alert(1)> '"&`, action: 'review' })
    expect(saved.statusCode).toBe(303)
    // Stored as the text it is.
    expect((await stored(r.participant.id))?.opmerkingen).toBe(`${SCRIPT} <img src=x onerror=alert(1)> '"&`)

    for (const url of [WENT_WELL, REMARKS, '/vragenlijst/overzicht']) {
      const page = await r.visit(url)
      expect(page.statusCode).toBe(200)
      expect(page.body).not.toContain('<script')
      expect(page.body).not.toContain('<img src=x')
    }
    expect((await r.visit(REMARKS)).body).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;')
    expect((await r.visit(WENT_WELL)).body).toMatch(/value="&quot;&gt;&lt;script&gt;alert\(2\)/)
    // The overview shows both back as text.
    const overview = (await r.visit('/vragenlijst/overzicht')).body
    expect(overview).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;')
    expect(overview).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;')

    const login = new Browser(t.app, '192.0.2.200')
    await login.visit('/')
    const echoed = await login.post('/', { code: `"><script>alert(3)</script>` })
    expect(echoed.statusCode).toBe(422)
    expect(echoed.body).not.toContain('<script')
    expect(echoed.body).toContain('value="&quot;&gt;&lt;script&gt;')
  })

  it('does not reflect markup from the address', async () => {
    const r = await respondent()
    for (const url of [
      `/${encodeURIComponent(SCRIPT)}`,
      `/vragenlijst/deel/${encodeURIComponent(SCRIPT)}`,
      `/c/${encodeURIComponent(SCRIPT)}`,
      `/?lang=${encodeURIComponent(SCRIPT)}`,
    ]) {
      const response = await r.get(url)
      expect(response.statusCode, url).toBeLessThan(500)
      expect(response.body, url).not.toContain('<script')
    }
  })
})

describe(`SQL in every input (${testEngine})`, () => {
  const INJECTIONS = [
    `' OR '1'='1`,
    `1; DROP TABLE responses;--`,
    `K7QXM'); DELETE FROM participants;--`,
    `1' UNION SELECT code FROM participants--`,
    `\\'; TRUNCATE rounds; --`,
  ]

  it('in the code field and the QR link: a clear "code not right" message, nobody signed in', async () => {
    const before = await tableSizes()
    const browser = new Browser(t.app, '192.0.2.201')
    for (const input of INJECTIONS) {
      await browser.visit('/')
      const response = await browser.post('/', { code: input })
      expect(response.statusCode).toBe(422)
      expect(response.body).toMatch(/De code heeft 10 tekens|In de code staan alleen/)
      const link = await browser.get(`/c/${encodeURIComponent(input)}`)
      expect(link.statusCode).toBe(404)
      expect(link.body).toMatch(/De code heeft 10 tekens|In de code staan alleen/)
    }
    expect((await browser.visit('/vragenlijst')).body).toContain('Log opnieuw in')
    expect(await tableSizes()).toEqual(before)
  })

  it('in answers: choices are refused with a message on the page, open answers are kept as plain text', async () => {
    const r = await respondent()
    const before = await tableSizes()
    for (const input of INJECTIONS) {
      await r.visit('/vragenlijst/deel/algemeen')
      const response = await r.post('/vragenlijst/deel/algemeen', {
        rapportcijfer_dienstverlening: input,
        action: 'next',
      })
      expect(response.statusCode).toBe(422)
      expect(response.body).toContain('class="error-summary"')
      expect(response.body).toContain('Kies een cijfer van 1 tot en met 10')
    }
    expect((await stored(r.participant.id))?.rapportcijfer_dienstverlening).toBeUndefined()

    await r.visit(WENT_WELL)
    const text = INJECTIONS.join(' | ')
    expect((await r.post(WENT_WELL, { punt_goed: INJECTIONS[1]!, action: 'review' })).statusCode).toBe(422)
    await r.visit(REMARKS)
    expect((await r.post(REMARKS, { opmerkingen: text, action: 'review' })).statusCode).toBe(303)
    expect((await stored(r.participant.id))?.opmerkingen).toBe(text)
    // One row of answers in progress (this respondent's), nothing else touched.
    expect(await tableSizes()).toEqual({ ...before, answersInProgress: before.answersInProgress + 1 })
  })

  it('in the language parameter and the address: ignored or "not found", nothing stored', async () => {
    const r = await respondent()
    const before = await tableSizes()
    for (const input of INJECTIONS) {
      const page = await r.get(`/vragenlijst/deel/algemeen?lang=${encodeURIComponent(input)}`)
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('<html lang="nl"')
      const section = await r.get(`/vragenlijst/deel/${encodeURIComponent(input)}`)
      expect(section.statusCode).toBe(303)
      expect(section.headers.location).toBe('/vragenlijst')
      await r.visit('/vragenlijst/deel/algemeen')
      const post = await r.post(`/vragenlijst/deel/${encodeURIComponent(input)}`, {
        rapportcijfer_dienstverlening: '5',
        action: 'next',
      })
      expect(post.statusCode).toBe(303)
    }
    expect(await stored(r.participant.id)).toBeUndefined()
    expect(await tableSizes()).toEqual(before)
  })
})

describe(`oversized and malformed requests (${testEngine})`, () => {
  it('refuses a body over 256 KB with a clear message, and stores nothing', async () => {
    const r = await respondent()
    await r.visit(REMARKS)
    const response = await r.post(REMARKS, {
      opmerkingen: 'x'.repeat(300 * 1024),
      action: 'review',
    })
    expectErrorPage(response, 413, 'Wat u stuurt is te groot')
    await r.visit('/')
    const login = await r.post('/', { code: 'x'.repeat(300 * 1024) })
    expectErrorPage(login, 413, 'Wat u stuurt is te groot')
    expect(await stored(r.participant.id)).toBeUndefined()
  })

  it('refuses a form with thousands of fields before doing any work', async () => {
    const r = await respondent()
    await r.visit('/vragenlijst/deel/algemeen')
    const fields: Record<string, string> = { rapportcijfer_dienstverlening: '8', action: 'next' }
    for (let i = 0; i < 5000; i++) fields[`f${i}`] = '1'
    const response = await r.post('/vragenlijst/deel/algemeen', fields)
    expectErrorPage(response, 413, 'Wat u stuurt is te groot')
    expect(await stored(r.participant.id)).toBeUndefined()
  })

  it('refuses bodies of another kind than a form, and broken forms, with a 4xx; nothing stored', async () => {
    const r = await respondent()
    await r.visit('/vragenlijst/deel/algemeen')
    const token = csrfTokenOf(r.lastPage)
    const url = '/vragenlijst/deel/algemeen'
    const xml = await rawPost(r, url, `<answers><a>1</a></answers>`, 'application/xml')
    expectErrorPage(xml, 415, 'Dit verzoek klopt niet')
    // Plain text is read as one string, so its token is not found.
    const text = await rawPost(r, url, `rapportcijfer_dienstverlening=8&_csrf=${token}`, 'text/plain')
    expectErrorPage(text, 403, 'Uw formulier is verlopen')
    const brokenJson = await rawPost(
      r,
      url,
      `{"_csrf": "${token}", "rapportcijfer_dienstverlening": `,
      'application/json',
    )
    expectErrorPage(brokenJson, 400, 'Dit verzoek klopt niet')
    const multipart = await rawPost(
      r,
      url,
      `--b\r\nContent-Disposition: form-data; name="rapportcijfer_dienstverlening"\r\n\r\n8\r\n--b--\r\n`,
      'multipart/form-data; boundary=b',
    )
    expect([400, 403, 415]).toContain(multipart.statusCode)
    expect(await stored(r.participant.id)).toBeUndefined()

    // Broken percent-encoding and doubled fields reach validation, which refuses them on the page.
    for (const body of [
      `rapportcijfer_dienstverlening=%E0%A4%A&action=next`,
      `rapportcijfer_dienstverlening=8&rapportcijfer_dienstverlening=9&action=next`,
      `rapportcijfer_dienstverlening=%01&action=next`,
    ]) {
      const response = await rawPost(
        r,
        url,
        `${body}&_csrf=${encodeURIComponent(token)}`,
        'application/x-www-form-urlencoded',
      )
      expect(response.statusCode, body).toBe(422)
      expect(response.body).toContain('class="error-summary"')
    }
    // NUL is left out of every field (PostgreSQL cannot store it): a grade of only NUL is no answer.
    const nul = await rawPost(
      r,
      url,
      `rapportcijfer_dienstverlening=%00&action=next&_csrf=${encodeURIComponent(token)}`,
      'application/x-www-form-urlencoded',
    )
    expect(nul.statusCode).toBe(303)
    expect(await stored(r.participant.id)).toEqual({})
    // Object-prototype names are just unknown fields.
    const proto = await rawPost(
      r,
      url,
      `__proto__[x]=1&constructor[prototype][y]=2&rapportcijfer_dienstverlening=6&action=next&_csrf=${encodeURIComponent(token)}`,
      'application/x-www-form-urlencoded',
    )
    expect(proto.statusCode).toBe(303)
    expect(await stored(r.participant.id)).toEqual({ rapportcijfer_dienstverlening: 6 })
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})
