/**
 * Two app instances on one database, as behind a load balancer: a respondent whose
 * requests land on either one sees one consistent questionnaire. Sessions are encrypted
 * cookies with a shared secret, and everything else lives in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { testEngine } from '#test/helpers/database.ts'
import { HttpRespondent, openDatabaseTwice, textareaValue } from './_helpers.ts'
import { onFreePort } from '#test/setup/free-port.ts'
import { ktoPageAsking } from '#test/questionnaire/kto.ts'

/** The page with the open remarks (question 23). */
const REMARKS = ktoPageAsking('opmerkingen')

let databases: Awaited<ReturnType<typeof openDatabaseTwice>>
let a: TestApp & { url: string }
let b: TestApp & { url: string }
let round: RoundFixture

async function instance(database: typeof databases.first) {
  const t = await createTestApp({}, database)
  return Object.assign(t, { url: await onFreePort((port) => t.app.listen({ port, host: '127.0.0.1' })) })
}

beforeAll(async () => {
  databases = await openDatabaseTwice()
  a = await instance(databases.first)
  b = await instance(databases.second)
  round = await createRound(a.database.db, { participantsPerStratum: 1 })
})
afterAll(async () => {
  await a?.close()
  await b?.close()
  await databases?.close()
})

const participantRow = (id: number) =>
  a.database.db
    .selectFrom('participants')
    .select(['status', 'completed_mode'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

describe(`two app instances on one database (${testEngine})`, () => {
  it('sign in on A, answer on B with the token from A, resume on A, submit on B; A then knows it is done', async () => {
    const p = round.participants[0]!
    const phone = new HttpRespondent(a.url)
    const first = await phone.visit(`/c/${p.code}`)
    expect(first.status).toBe(200)
    expect(new URL(first.url).pathname).toBe('/vragenlijst/deel/algemeen')

    phone.baseUrl = b.url
    // The CSRF token of A's page is good on B.
    const saved = await phone.post('/vragenlijst/deel/algemeen', { rapportcijfer_dienstverlening: '9', action: 'next' })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe('/vragenlijst/deel/intake')

    phone.baseUrl = a.url
    expect(await (await phone.visit('/vragenlijst/deel/algemeen')).text()).toContain(
      'name="rapportcijfer_dienstverlening" value="9" checked',
    )
    await phone.visit(REMARKS)
    expect((await phone.post(REMARKS, { opmerkingen: 'via A', action: 'review' })).status).toBe(303)

    phone.baseUrl = b.url
    expect(textareaValue(await (await phone.visit(REMARKS)).text(), 'opmerkingen')).toBe('via A')
    await phone.visit('/vragenlijst/overzicht')
    expect((await phone.post('/vragenlijst/verzenden', {})).status).toBe(303)
    expect(await (await phone.visit('/vragenlijst/bedankt')).text()).toContain('Bedankt')

    phone.baseUrl = a.url
    expect(await (await phone.visit('/vragenlijst')).text()).toContain('U heeft de vragenlijst al ingevuld')
    expect(await participantRow(p.id)).toEqual({ status: 'completed', completed_mode: 'online' })
    const responses = await a.database.db
      .selectFrom('responses')
      .select(['answers'])
      .where('round_id', '=', round.roundId)
      .where('status', '=', 'complete')
      .execute()
    expect(responses).toEqual([{ answers: { rapportcijfer_dienstverlening: 9, opmerkingen: 'via A' } }])
  })

  it('counts exactly one of two submissions that reach A and B at the same moment', async () => {
    const p = round.participants[1]!
    const onA = new HttpRespondent(a.url)
    const onB = new HttpRespondent(b.url)
    await onA.visit(`/c/${p.code}`)
    await onB.visit(`/c/${p.code}`)
    expect(
      (await onA.post('/vragenlijst/deel/algemeen', { rapportcijfer_dienstverlening: '4', action: 'next' })).status,
    ).toBe(303)
    await onA.visit('/vragenlijst/overzicht')
    await onB.visit('/vragenlijst/overzicht')
    const [ra, rb] = await Promise.all([onA.post('/vragenlijst/verzenden', {}), onB.post('/vragenlijst/verzenden', {})])
    const outcomes = await Promise.all(
      [ra, rb].map(async (r) =>
        r.status === 303 ? 'submitted' : (await r.text()).includes('al ingevuld') ? 'already' : `other ${r.status}`,
      ),
    )
    expect(outcomes.sort()).toEqual(['already', 'submitted'])
    const counts = await a.database.db
      .selectFrom('daily_counts')
      .select('count')
      .where('stratum_id', '=', p.stratumId)
      .execute()
    expect(counts).toEqual([{ count: 1 }])
  })

  it('signs a respondent out on both when they stop on one', async () => {
    const p = round.participants[2]!
    const phone = new HttpRespondent(a.url)
    await phone.visit(`/c/${p.code}`)
    await phone.visit('/vragenlijst/deel/algemeen')
    expect((await phone.post('/vragenlijst/stoppen', {})).status).toBe(200)
    phone.baseUrl = b.url
    expect(await (await phone.visit('/vragenlijst/deel/algemeen')).text()).toContain('Log opnieuw in')
  })
})
