/**
 * Keying a paper form with a screen-out answer on the typists' screen (without the
 * script): the hint says which code ends the questionnaire, and what is keyed after it is
 * outside routing, warned about and kept as routing does; the form is stored as screened out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { screenOutDefinition } from '#test/questionnaire/screen-out-fixture.ts'

let t: TestApp
let round: RoundFixture

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db, { definition: screenOutDefinition(), participantsPerStratum: 2 })
})
afterAll(async () => t.close())

const draftIdOf = (html: string) => /name="concept" value="([^"]+)"/.exec(html)?.[1] ?? ''

describe('a screen-out answer keyed by a typist', () => {
  it('shows which code ends the questionnaire beside the field', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const opened = await typist.post('/invoer/formulier', { code: round.participants[0]!.code })
    expect(opened.body).toContain('1–3; bij 3 stopt de vragenlijst (niet in doelgroep)')
    // The rest of the paper form is there as printed: the typist keys what is on paper.
    expect(opened.body).toContain('name="v_geholpen"')
  })

  it('skips the rest as routing does: later answers are warned about, kept and marked; the form is screened out', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const p = round.participants[1]!
    const opened = await typist.post('/invoer/formulier', { code: p.code })
    const fields = {
      concept: draftIdOf(opened.body),
      actie: 'opslaan',
      v_algemeen: '4',
      v_contact_12m: '3',
      v_geholpen: '2',
    }
    const warned = await typist.post('/invoer/opslaan', fields)
    expect(warned.statusCode).toBe(422)
    expect(warned.body).toContain('Vraag 3 is ingevuld, maar had volgens de vragenlijst overgeslagen moeten worden')
    const confirmed = /name="bevestigd" value="([^"]+)"/.exec(warned.body)![1]!
    const saved = await typist.post('/invoer/opslaan', { ...fields, bevestigd: confirmed })
    expect(saved.statusCode).toBe(303)
    const response = await t.database.db
      .selectFrom('responses')
      .select(['status', 'answers', 'paper_coding'])
      .where('round_id', '=', round.roundId)
      .executeTakeFirstOrThrow()
    expect(response.status).toBe('screened_out')
    expect(response.answers).toEqual({ algemeen: 4, contact_12m: 3, geholpen: 2 })
    expect(response.paper_coding).toMatchObject({ outsideRouting: ['geholpen'] })
    const participant = await t.database.db
      .selectFrom('participants')
      .select(['status', 'completed_mode'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow()
    expect(participant).toEqual({ status: 'completed', completed_mode: 'paper' })
  })
})
