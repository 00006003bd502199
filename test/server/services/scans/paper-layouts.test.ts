/**
 * The layout of every printed form is kept with the round, and each printed person points
 * at theirs: a scan is read against the layout its form was printed with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import type { AppConfig } from '#src/server/config.ts'
import type { FormLayout } from '#src/mailmerge/paper-layout.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import { createPrintableRound, PRINTABLE_URL } from '#test/helpers/letters.ts'
import { testConfig } from '#test/helpers/app.ts'
import { createMailings } from '#src/server/services/fieldwork/mailings.ts'
import { batchesOfRound, batchFolder, runQueuedLetterBatches } from '#src/server/services/fieldwork/letter-batches.ts'
import { pageCount } from '#test/mailmerge/pdf-tools.ts'
import { arabicDefinition } from '#test/mailmerge/fixtures.ts'
import { useTempDir, writePdf } from '#test/mailmerge/pdf-tools.ts'
import { loadStaffRound } from '#src/server/services/rounds/staff-round.ts'
import { writeTestPrint } from '#src/server/services/fieldwork/test-print.ts'

const actor = { id: null, username: 'test' }
let database: DatabaseHandle
let config: AppConfig
const tmp = useTempDir()
beforeAll(async () => {
  database = await createTestDatabase()
  config = testConfig({ publicUrl: PRINTABLE_URL })
})
afterAll(async () => database.close())

async function layoutsOfParticipants(roundId: number) {
  return database.db
    .selectFrom('participants as p')
    .leftJoin('paper_layouts as l', 'l.id', 'p.paper_layout_id')
    .select(['p.id', 'p.language', 'p.paper_layout_id', 'l.layout', 'l.language as layoutLanguage', 'l.round_id'])
    .where('p.round_id', '=', roundId)
    .orderBy('p.id')
    .execute()
}

describe('printing paper forms', () => {
  it('records the layout of each language, and points every printed person at the one of their form', async () => {
    const round = await createPrintableRound(database.db, {
      participantsPerStratum: 3,
      strata: [{ code: 'borne', name: 'Borne' }],
      definition: arabicDefinition(),
    })
    const arabic = round.participants[0]!.id
    await database.db.updateTable('participants').set({ language: 'ar' }).where('id', '=', arabic).execute()
    const [mailing] = await createMailings(database.db, round.roundId, 'invitation', ['letter'], {
      actor,
      publicUrl: config.publicUrl,
      layout: 'separate',
    })
    await runQueuedLetterBatches(database.db, config, { mailingId: mailing!.mailingId, content: 'questionnaires' })
    const [batch] = (await batchesOfRound(database.db, round.roundId, mailing!.mailingId)).filter(
      (b) => b.content === 'questionnaires',
    )
    const file = `${batchFolder(config, round.roundId)}/${batch!.fileName}`

    const rows = await layoutsOfParticipants(round.roundId)
    expect(rows.every((r) => r.paper_layout_id !== null && r.round_id === round.roundId)).toBe(true)
    // Two variants: one layout for Dutch (shared by two people), one for Arabic.
    expect(new Set(rows.map((r) => r.paper_layout_id)).size).toBe(2)
    for (const row of rows) expect(row.layoutLanguage).toBe(row.language)
    const layout = rows[0]!.layout as FormLayout
    expect(layout.lang).toBe('ar')
    // What the PDF shows: three forms of as many pages as their layout has.
    expect(layout.pages.map((p) => p.page)).toEqual([1, 2])
    expect(await pageCount(file)).toBe(3 * layout.pages.length)
    const variables = new Set(layout.pages.flatMap((p) => p.areas.map((a) => a.variable)))
    const questions = arabicDefinition().sections.flatMap((s) => s.questions.map((q) => q.id))
    for (const variable of variables)
      expect(questions.some((q) => variable === q || variable.startsWith(`${q}_`))).toBe(true)
    expect(layout.pages[0]!.areas.some((a) => a.kind === 'tick')).toBe(true)

    // Printing again stores nothing new: the same layout is found by its fingerprint.
    const before = await database.db
      .selectFrom('paper_layouts')
      .select('id')
      .where('round_id', '=', round.roundId)
      .execute()
    await database.db.updateTable('letter_batches').set({ status: 'queued' }).where('id', '=', batch!.id).execute()
    await runQueuedLetterBatches(database.db, config, { mailingId: mailing!.mailingId, content: 'questionnaires' })
    const after = await database.db
      .selectFrom('paper_layouts')
      .select('id')
      .where('round_id', '=', round.roundId)
      .execute()
    expect(after).toEqual(before)
  })

  it('records the layouts of collated print sets too', async () => {
    const round = await createPrintableRound(database.db, {
      participantsPerStratum: 2,
      strata: [
        { code: 'hengelo', name: 'Hengelo' },
        { code: 'delden', name: 'Delden' },
      ],
    })
    const [mailing] = await createMailings(database.db, round.roundId, 'invitation', ['letter'], {
      actor,
      publicUrl: config.publicUrl,
    })
    await runQueuedLetterBatches(database.db, config, { mailingId: mailing!.mailingId })
    const rows = await layoutsOfParticipants(round.roundId)
    expect(rows).toHaveLength(4)
    expect(rows.every((r) => r.paper_layout_id !== null)).toBe(true)
    const layouts = await database.db
      .selectFrom('paper_layouts')
      .select(['stratum_code', 'layout'])
      .where('round_id', '=', round.roundId)
      .orderBy('stratum_code')
      .execute()
    // The form names its municipality: one layout per stratum.
    expect(layouts.map((l) => l.stratum_code)).toEqual(['delden', 'hengelo'])
    for (const l of layouts) expect(l.layout.pages.some((p) => p.areas.length > 0)).toBe(true)
  })

  it('records nothing for a test print: its codes are made up', async () => {
    const round = await createPrintableRound(database.db, { strata: [{ code: 'goor', name: 'Goor' }] })
    const staffRound = (await loadStaffRound(database.db, round.roundId))!
    for (const content of ['questionnaires', 'sets'] as const)
      await writePdf(tmp.file(`${content}.pdf`), (out) =>
        writeTestPrint(
          database.db,
          { round: staffRound, stratumId: round.strata[0]!.id, kind: 'invitation', content, publicUrl: PRINTABLE_URL },
          out,
        ),
      )
    expect(
      await database.db.selectFrom('paper_layouts').where('round_id', '=', round.roundId).select('id').execute(),
    ).toEqual([])
    expect((await layoutsOfParticipants(round.roundId)).every((r) => r.paper_layout_id === null)).toBe(true)
  })
})
