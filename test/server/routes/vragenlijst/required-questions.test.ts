/** A question marked `required: true` must be answered before the questionnaire can be sent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp, Browser, csrfTokenOf } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { sampleDefinition } from '#test/questionnaire/fixtures.ts'

let t: TestApp
let round: RoundFixture

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db, { participantsPerStratum: 1, definition: sampleDefinition() })
})
afterAll(async () => t.close())

const statusOf = async (id: number) =>
  (await t.database.db.selectFrom('participants').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status

describe('a required question', () => {
  it('is named on the overview, and the questionnaire is not sent until it is answered', async () => {
    const p = round.participants[0]!
    const phone = new Browser(t.app)
    await phone.visit(`/c/${p.code}`)
    // One answer, so that there is something saved; question 12 ("vervolg") is required.
    await phone.visit('/vragenlijst/deel/start')
    await phone.submit('/vragenlijst/deel/start', { tevredenheid: '4', action: 'next' })

    const overview = await phone.visit('/vragenlijst/overzicht')
    expect(overview.body).toContain('Deze vragen moet u beantwoorden voordat u kunt versturen.')
    expect(overview.body).toMatch(/id="required-open"[\s\S]*?href="\/vragenlijst\/deel\/slot-2#q-vervolg"/)

    const refused = await phone.post('/vragenlijst/verzenden', {}, { csrf: csrfTokenOf(overview.body) })
    expect(refused.statusCode).toBe(422)
    expect(refused.body).toContain('Uw antwoorden zijn nog niet verstuurd. Beantwoord eerst deze vragen.')
    expect(await statusOf(p.id)).toBe('in_progress')

    // Question 12 follows question 10, which depends on question 9: it is on the second page of the part.
    await phone.visit('/vragenlijst/deel/slot-2')
    await phone.submit('/vragenlijst/deel/slot-2', { vervolg: '2', action: 'review' })
    const ready = await phone.visit('/vragenlijst/overzicht')
    expect(ready.body).not.toContain('id="required-open"')
    const sent = await phone.post('/vragenlijst/verzenden', {}, { csrf: csrfTokenOf(ready.body) })
    expect(sent.statusCode).toBe(303)
    expect(sent.headers.location).toBe('/vragenlijst/bedankt')
    expect(await statusOf(p.id)).toBe('completed')
  })
})
