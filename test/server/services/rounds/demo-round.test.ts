/**
 * The demo round's login codes can be listed again after the first start (the start
 * output and `peiling demo` print them), for as long as its participants exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#test/helpers/database.ts'
import { testConfig } from '#test/helpers/app.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import type { DemoRound } from '#src/server/services/rounds/demo-round.ts'
import { createDemoRoundIfEmpty, listDemoCodes } from '#src/server/services/rounds/demo-round.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'
import { closeRound } from '#src/server/services/rounds/rounds.ts'
import { purgeRound } from '#src/server/services/rounds/purge.ts'
import { printProblems } from '#src/server/services/fieldwork/print-readiness.ts'
import { MunicipalityFaces } from '#src/server/services/respondent/municipality-face.ts'

let handle: DatabaseHandle
const actor = { id: null, username: 'test' }

beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(async () => handle.close())

describe('listDemoCodes', () => {
  let demo: DemoRound

  it('finds nothing before the demo round is made', async () => {
    expect(await listDemoCodes(handle.db)).toBeUndefined()
  })

  it('lists the codes the first start printed, and no one else', async () => {
    demo = (await createDemoRoundIfEmpty(handle.db, await installShippedQuestionnaires(handle.db)))!
    // A real round beside it, with a client whose number happens to look like a demo one.
    const real = await createRound(handle.db, { participantsPerStratum: 2 })
    await handle.db
      .updateTable('participants')
      .set({ client_number: 'DEMO001' })
      .where('id', '=', real.participants[0]!.id)
      .execute()

    const listed = await listDemoCodes(handle.db)
    expect(listed).toEqual({ roundId: demo.roundId, codes: demo.codes })
    expect(listed!.codes).toHaveLength(5)
    expect(listed!.codes[0]).toEqual({
      code: expect.stringMatching(/^\w{5}-\w{5}$/),
      name: 'J. Jansen',
      stratum: 'Hengelo',
    })
  })

  it("gives each municipality's invitation a contact line and a logo, which the questionnaire shows", async () => {
    const borne = await handle.db
      .selectFrom('strata')
      .select('id')
      .where('round_id', '=', demo.roundId)
      .where('code', '=', 'borne')
      .executeTakeFirstOrThrow()
    expect(await new MunicipalityFaces(handle.db).of(demo.roundId, borne.id)).toEqual({
      name: 'Gemeente Borne',
      phone: '0800 - 000 00 00',
      email: 'werkeninkomen@borne.example',
      logoPath: expect.stringMatching(/^\/gemeente-logo\/\d+-/),
    })
  })

  it('has complete letters: only a public PUBLIC_URL stands between the demo and printing', async () => {
    for (const kind of ['invitation', 'reminder'] as const) {
      expect(await printProblems(handle.db, demo.roundId, kind, 'https://enquete.hengelo.nl')).toBeUndefined()
      expect(await printProblems(handle.db, demo.roundId, kind, 'http://localhost:3917')).toEqual({
        kind,
        publicUrl: 'notHttps',
        templates: [],
      })
    }
  })

  it('finds nothing once the personal data of the demo round are deleted', async () => {
    await handle.db.updateTable('rounds').set({ status: 'open' }).where('id', '=', demo.roundId).execute()
    expect(await closeRound(handle.db, actor, demo.roundId)).toMatchObject({ ok: true })
    expect(await purgeRound(handle.db, testConfig(), actor, demo.roundId, 'confirmed')).toMatchObject({ ok: true })
    expect(await listDemoCodes(handle.db)).toBeUndefined()
  })
})
