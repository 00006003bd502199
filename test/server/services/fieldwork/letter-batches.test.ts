import { existsSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import type { AppConfig } from '#src/server/config.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import { completeContent, createPrintableRound, PRINTABLE_URL } from '#test/helpers/letters.ts'
import { testConfig } from '#test/helpers/app.ts'
import { createMailings } from '#src/server/services/fieldwork/mailings.ts'
import {
  batchesOfRound,
  batchFolder,
  batchManifest,
  changePrintLayout,
  printContents,
  runQueuedLetterBatches,
  PRINT_FILE_WRITERS,
} from '#src/server/services/fieldwork/letter-batches.ts'
import { checkPrintFile } from '#src/print-check/index.ts'
import { pageCount, pageTexts, printedLines } from '#test/mailmerge/pdf-tools.ts'
import { arabicDefinition } from '#test/mailmerge/fixtures.ts'
import { PAPER } from '#src/mailmerge/paper-pen.ts'
import { mm } from '#src/mailmerge/units.ts'
import { closeRound } from '#src/server/services/rounds/rounds.ts'
import { saveTemplate } from '#src/server/services/fieldwork/letter-templates.ts'
import { purgeRound } from '#src/server/services/rounds/purge.ts'

const actor = { id: null, username: 'test' }
let database: DatabaseHandle
let config: AppConfig
beforeAll(async () => {
  database = await createTestDatabase()
  config = testConfig({ publicUrl: PRINTABLE_URL })
})
afterAll(async () => database.close())

/** A round of one municipality with a reminder by letter: its print file is queued. */
async function reminderLetters(participantsPerStratum: number, stratum: { code: string; name: string }) {
  const round = await createPrintableRound(database.db, { participantsPerStratum, strata: [stratum] })
  const [mailing] = await createMailings(database.db, round.roundId, 'reminder', ['letter'], {
    actor,
    publicUrl: config.publicUrl,
  })
  return { round, mailing }
}

describe('print files', () => {
  it('are made off the request path: the event loop and the database keep serving while letters are drawn', async () => {
    const { round, mailing } = await reminderLetters(150, { code: 'hengelo', name: 'Hengelo' })
    let turns = 0
    const ticker = setInterval(() => turns++, 10)
    let finishedAt = 0
    let queryAnsweredAt = 0
    const started = performance.now()
    const job = runQueuedLetterBatches(database.db, config, {
      mailingId: mailing!.mailingId,
      onProgress: (_job, done) => {
        // What a respondent's request does, asked for halfway through the batch.
        if (done === 50)
          void database.db
            .selectFrom('rounds')
            .select('id')
            .execute()
            .then(() => (queryAnsweredAt = performance.now()))
      },
    }).then(() => (finishedAt = performance.now()))
    await job
    clearInterval(ticker)
    console.log(`150 letters in ${(finishedAt - started).toFixed(0)} ms, ${turns} event-loop turns`)
    expect(queryAnsweredAt).toBeGreaterThan(0)
    expect(queryAnsweredAt).toBeLessThan(finishedAt)
    // The letters are drawn a few at a time, with a turn of the event loop in between.
    expect(turns).toBeGreaterThanOrEqual(15)
    const [batch] = await batchesOfRound(database.db, round.roundId, mailing!.mailingId)
    expect(batch).toMatchObject({ status: 'done', done: 150, total: 150 })
    expect(await pageTexts(`${batchFolder(config, round.roundId)}/${batch!.fileName}`)).toHaveLength(150)
  })

  it('takes up a job again when the process making it died', async () => {
    const { round, mailing } = await reminderLetters(2, { code: 'borne', name: 'Borne' })
    // Another process claimed it and stopped beating three minutes ago.
    await database.db
      .updateTable('letter_batches')
      .set({ status: 'running', done: 1, heartbeat_at: new Date(Date.now() - 3 * 60_000) })
      .where('mailing_id', '=', mailing!.mailingId)
      .execute()
    expect(await runQueuedLetterBatches(database.db, config, { mailingId: mailing!.mailingId })).toBe(1)
    expect((await batchesOfRound(database.db, round.roundId, mailing!.mailingId))[0]).toMatchObject({
      status: 'done',
      done: 2,
    })
  })

  it('leaves a job that is being worked on alone', async () => {
    const { mailing } = await reminderLetters(1, { code: 'borne', name: 'Borne' })
    await database.db
      .updateTable('letter_batches')
      .set({ status: 'running', heartbeat_at: new Date() })
      .where('mailing_id', '=', mailing!.mailingId)
      .execute()
    expect(await runQueuedLetterBatches(database.db, config, { mailingId: mailing!.mailingId })).toBe(0)
  })

  it('records a failure and never leaves half a file', async () => {
    const { round, mailing } = await reminderLetters(3, { code: 'haaksbergen', name: 'Haaksbergen' })
    const original = PRINT_FILE_WRITERS.letters
    PRINT_FILE_WRITERS.letters = async (_db, _job, context) => {
      context.onProgress(1)
      throw new Error('printer on fire')
    }
    try {
      await runQueuedLetterBatches(database.db, config, { mailingId: mailing!.mailingId })
    } finally {
      PRINT_FILE_WRITERS.letters = original
    }
    const [batch] = await batchesOfRound(database.db, round.roundId, mailing!.mailingId)
    expect(batch).toMatchObject({ status: 'failed', error: 'printer on fire', fileName: null })
    const folder = batchFolder(config, round.roundId)
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([])
  })

  it('makes no file when the template lost a field after the mailing was made', async () => {
    const { round, mailing } = await reminderLetters(3, { code: 'haaksbergen', name: 'Haaksbergen' })
    await database.db
      .updateTable('letter_templates')
      .set({ content: JSON.stringify({ ...completeContent('reminder'), reference: '' }) })
      .where('round_id', '=', round.roundId)
      .where('kind', '=', 'reminder')
      .execute()
    await runQueuedLetterBatches(database.db, config, { mailingId: mailing!.mailingId })
    const [batch] = await batchesOfRound(database.db, round.roundId, mailing!.mailingId)
    expect(batch).toMatchObject({
      status: 'failed',
      error: 'reminder letters not printable; template of Haaksbergen lacks reference',
      fileName: null,
    })
    const folder = batchFolder(config, round.roundId)
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([])
  })

  it("prints the paper questionnaire in the client's language, Arabic right to left included", async () => {
    const round = await createPrintableRound(database.db, {
      participantsPerStratum: 2,
      strata: [{ code: 'borne', name: 'Borne' }],
      definition: arabicDefinition(),
    })
    await database.db
      .updateTable('participants')
      .set({ language: 'ar' })
      .where('id', '=', round.participants[0]!.id)
      .execute()
    const [mailing] = await createMailings(database.db, round.roundId, 'invitation', ['letter'], {
      actor,
      publicUrl: config.publicUrl,
      layout: 'separate',
    })
    await runQueuedLetterBatches(database.db, config, { mailingId: mailing!.mailingId, content: 'questionnaires' })
    const batch = (await batchesOfRound(database.db, round.roundId, mailing!.mailingId)).find(
      (b) => b.content === 'questionnaires',
    )
    expect(batch).toMatchObject({ status: 'done', done: 2 })
    const file = `${batchFolder(config, round.roundId)}/${batch!.fileName}`
    // Two forms of one page each, each padded to a sheet of its own.
    expect(await pageCount(file)).toBe(4)
    const titles = await Promise.all(
      [1, 3].map(async (page) => (await printedLines(file, page)).find((l) => l.baseline > mm(30))!),
    )
    const arabicTitle = Array.from('استبيان تجريبي').reverse().join('')
    expect(titles.map((t) => t.text).sort()).toEqual([arabicTitle, 'Proefvragenlijst'].sort())
    // The Arabic title is on the right, the Dutch one on the left.
    const arabic = titles.find((t) => t.text === arabicTitle)!
    const dutch = titles.find((t) => t.text === 'Proefvragenlijst')!
    expect(arabic.right).toBeCloseTo(PAPER.right, 0)
    expect(dutch.left).toBeCloseTo(PAPER.left, 0)
  })

  it("prints the round's last day and the municipality's reply address on the paper form", async () => {
    const round = await createPrintableRound(database.db, {
      participantsPerStratum: 1,
      strata: [{ code: 'hengelo', name: 'Hengelo' }],
      definition: arabicDefinition(),
      closesOn: '2027-01-03',
    })
    const stratumId = round.strata[0]!.id
    const content = completeContent('invitation')
    // The municipality's own template, with a reply address of its own.
    const replyAddress = ['Gemeente Hengelo', 'Antwoordnummer 4321', '7550 WB Hengelo']
    await saveTemplate(
      database.db,
      round.roundId,
      stratumId,
      'invitation',
      { ...content, sender: { ...content.sender, replyAddress } },
      'keep',
      actor,
    )
    const [mailing] = await createMailings(database.db, round.roundId, 'invitation', ['letter'], {
      actor,
      publicUrl: config.publicUrl,
    })
    await runQueuedLetterBatches(database.db, config, { mailingId: mailing!.mailingId })
    const batch = (await batchesOfRound(database.db, round.roundId, mailing!.mailingId)).find(
      (b) => b.content === 'sets',
    )
    // The set: the letter, its blank back, then the form's first page.
    const pages = await pageTexts(`${batchFolder(config, round.roundId)}/${batch!.fileName}`)
    const formFirst = pages[2]!
    expect(formFirst.replace(/\s+/g, ' ')).toContain('uiterlijk 3 januari 2027')
    for (const line of replyAddress) expect(formFirst).toContain(line)
  })

  describe('of a mailing with paper forms', () => {
    it('are one collated stream per municipality by default, with the list of sets beside it', async () => {
      const round = await createPrintableRound(database.db, {
        participantsPerStratum: 3,
        strata: [
          { code: 'hengelo', name: 'Hengelo' },
          { code: 'borne', name: 'Borne' },
        ],
      })
      const [mailing] = await createMailings(database.db, round.roundId, 'invitation', ['letter'], {
        actor,
        publicUrl: config.publicUrl,
      })
      expect(await runQueuedLetterBatches(database.db, config, { mailingId: mailing!.mailingId })).toBe(2)
      const batches = await batchesOfRound(database.db, round.roundId, mailing!.mailingId)
      expect(batches.map((b) => [b.stratumName, b.content, b.status])).toEqual([
        ['Hengelo', 'sets', 'done'],
        ['Borne', 'sets', 'done'],
      ])
      const batch = batches[0]!
      const file = `${batchFolder(config, round.roundId)}/${batch.fileName}`
      const check = await checkPrintFile(await readFile(file))
      expect(check).toMatchObject({ source: 'printFile', sets: 3, problems: [] })

      const manifest = await batchManifest(database.db, config, round.roundId, batch.id)
      const text = await readFile(manifest!.path, 'utf8')
      expect(text.startsWith('\uFEFF')).toBe(true)
      const lines = text.slice(1).trimEnd().split('\r\n')
      expect(lines[0]).toBe('set;code;vellen;postcode;gemeente;taal')
      expect(lines).toHaveLength(4)
      // In stream order, with the codes and sheet counts the marks carry.
      const pages = await pageTexts(file)
      let page = 0
      lines.slice(1).forEach((line, i) => {
        const [set, code, sheets, , municipality, language] = line.split(';')
        expect(set).toBe(String(i + 1))
        expect(municipality).toBe('Hengelo')
        expect(language).toBe('nl')
        expect(pages[page]!.replace(/\s/g, '')).toContain(code)
        expect(pages[page]).toContain(`vel 1 van ${sheets}`)
        page += 2 * Number(sheets)
      })
      expect(page).toBe(pages.length)
    })

    it('can be letters and forms apart instead, and back: same people, old files removed', async () => {
      const round = await createPrintableRound(database.db, {
        participantsPerStratum: 2,
        strata: [{ code: 'delden', name: 'Delden' }],
      })
      const [mailing] = await createMailings(database.db, round.roundId, 'invitation', ['letter'], {
        actor,
        publicUrl: config.publicUrl,
      })
      await runQueuedLetterBatches(database.db, config, { mailingId: mailing!.mailingId })
      const folder = batchFolder(config, round.roundId)
      const before = readdirSync(folder).sort()
      expect(before).toHaveLength(2)
      expect(before.some((name) => name.endsWith('-lijst.csv'))).toBe(true)

      expect(await changePrintLayout(database.db, config, round.roundId, mailing!.mailingId, 'separate', actor)).toBe(2)
      expect(readdirSync(folder)).toEqual([])
      await runQueuedLetterBatches(database.db, config, { mailingId: mailing!.mailingId })
      const separate = await batchesOfRound(database.db, round.roundId, mailing!.mailingId)
      expect(separate.map((b) => [b.content, b.status, b.total])).toEqual([
        ['letters', 'done', 2],
        ['questionnaires', 'done', 2],
      ])
      // Asking again for the layout it has changes nothing.
      expect(await changePrintLayout(database.db, config, round.roundId, mailing!.mailingId, 'separate', actor)).toBe(0)
      expect(await changePrintLayout(database.db, config, round.roundId, mailing!.mailingId, 'sets', actor)).toBe(1)
    })

    it('are letters only for a reminder, unless a fresh paper form is chosen', async () => {
      const round = await createPrintableRound(database.db, {
        participantsPerStratum: 2,
        strata: [{ code: 'goor', name: 'Goor' }],
      })
      const contentsOf = async (forms?: boolean) => {
        const [mailing] = await createMailings(database.db, round.roundId, 'reminder', ['letter'], {
          actor,
          publicUrl: config.publicUrl,
          ...(forms === undefined ? {} : { forms }),
        })
        return (await batchesOfRound(database.db, round.roundId, mailing!.mailingId)).map((b) => b.content)
      }
      expect(await contentsOf()).toEqual(['letters'])
      expect(await contentsOf(true)).toEqual(['sets'])
      expect(printContents('reminder', { forms: true, layout: 'separate' })).toEqual(['letters', 'questionnaires'])
    })
  })

  describe('and a purge of their round', () => {
    async function closedRoundWithLetters(code: string) {
      const round = await createPrintableRound(database.db, {
        participantsPerStratum: 2,
        strata: [{ code, name: code }],
      })
      const [mailing] = await createMailings(database.db, round.roundId, 'invitation', ['letter'], {
        actor,
        publicUrl: config.publicUrl,
      })
      await closeRound(database.db, actor, round.roundId)
      return { roundId: round.roundId, mailingId: mailing!.mailingId }
    }

    it('calls off the files still queued: nothing is drawn after the purge', async () => {
      const { roundId, mailingId } = await closedRoundWithLetters('delden')
      expect(await purgeRound(database.db, config, actor, roundId, 'confirmed')).toMatchObject({ ok: true })
      expect(await runQueuedLetterBatches(database.db, config, { mailingId })).toBe(0)
      expect(existsSync(batchFolder(config, roundId))).toBe(false)
      const [batch] = await batchesOfRound(database.db, roundId, mailingId)
      expect(batch).toMatchObject({ status: 'failed', error: 'purged', fileName: null })
    })

    it('does not keep a file that was being drawn while the round was purged, nor its folder', async () => {
      const { roundId, mailingId } = await closedRoundWithLetters('goor')
      const original = PRINT_FILE_WRITERS.sets
      PRINT_FILE_WRITERS.sets = async (db, job, context) => {
        await original(db, job, context)
        // The researcher purges the round just as the last page is written.
        expect(await purgeRound(database.db, config, actor, roundId, 'confirmed')).toMatchObject({ ok: true })
      }
      try {
        expect(await runQueuedLetterBatches(database.db, config, { mailingId })).toBe(1)
      } finally {
        PRINT_FILE_WRITERS.sets = original
      }
      expect(existsSync(batchFolder(config, roundId))).toBe(false)
      const [batch] = await batchesOfRound(database.db, roundId, mailingId)
      expect(batch).toMatchObject({ status: 'failed', error: 'purged', fileName: null })
    })
  })
})
