import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runCommand } from './_run-command.ts'
import { simpleParser } from 'mailparser'
import { testConfig } from '#test/helpers/app.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { CLIENT_FILES, createRound } from '#test/helpers/fixtures.ts'
import { createPrintableRound, PRINTABLE_URL } from '#test/helpers/letters.ts'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import type { AppConfig } from '#src/server/config.ts'
import { RefusedError, UsageError } from '#src/cli/command.ts'
import { pageTexts } from '#test/mailmerge/pdf-tools.ts'

const FIXTURES = CLIENT_FILES
let handle: DatabaseHandle
let config: AppConfig
let round: RoundFixture

beforeAll(async () => {
  handle = await createTestDatabase()
  config = testConfig({ publicUrl: PRINTABLE_URL })
  round = await createPrintableRound(handle.db, { participantsPerStratum: 0 })
})
afterAll(async () => handle.close())
afterEach(() => {
  process.exitCode = 0
})

function run(name: string, args: string[]): Promise<string> {
  return runCommand(name, args, { config, database: async () => handle })
}

const r = () => String(round.roundId)

const auditCount = async (action: string) =>
  (await handle.db.selectFrom('audit_log').select('id').where('action', 'like', `${action}%`).execute()).length

describe('fieldwork from the command line', () => {
  it('import: reports bad lines and imports nothing, unless told to skip them', async () => {
    const other = await createRound(handle.db, { participantsPerStratum: 0 })
    const report = await run('import', ['--round', String(other.roundId), `${FIXTURES}/clients-bad.csv`])
    expect(report).toContain('Regel 5: postcode "12345" klopt niet (moet zijn als 1234 AB)')
    expect(report).toContain('Regel 7: heeft 13 kolommen, de eerste regel heeft er 12')
    expect(report).toContain(
      'Nothing imported. More than half of the lines are bad: fix the file and import it again. (With --skip-errors 8 lines would be skipped and 2 read in.)',
    )
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
    expect(
      await handle.db.selectFrom('participants').select('id').where('round_id', '=', other.roundId).execute(),
    ).toEqual([])
    const skipped = await run('import', [
      '--round',
      String(other.roundId),
      `${FIXTURES}/clients-bad.csv`,
      '--skip-errors',
    ])
    expect(skipped).toMatch(/Imported 2 clients into round \d+ .* skipped 8 lines/)
  })

  it('import, sample, letters, paper forms and mailing list for the 2022 round', async () => {
    const imported = await run('import', ['--round', r(), `${FIXTURES}/clients-hengelo-haaksbergen-borne.csv`])
    expect(imported).toContain('3012 good lines, 0 bad lines.')
    expect(imported).toMatch(/Imported 3012 clients .* in \d+ ms/)

    const preview = await run('sample', ['--round', r(), '--seed', '2022', '--stratum', 'hengelo=1700'])
    expect(preview).toContain('Hengelo: 1700 of 2412 (at random)')
    expect(preview).toContain('Haaksbergen: 310 of 310 (everyone)')
    expect(preview).toContain('Total: 2300')
    expect(preview).toContain(
      'Nothing recorded yet. Recording gives these 2300 clients a login code and deletes the other 712',
    )
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
    expect(
      await handle.db.selectFrom('samples').select('round_id').where('round_id', '=', round.roundId).execute(),
    ).toEqual([])
    const confirmed = await run('sample', ['--round', r(), '--seed', '2022', '--stratum', 'hengelo=1700', '--confirm'])
    expect(confirmed).toContain('2300 participants have a login code.')

    // A folder that is not there yet is made before the letters are.
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'peiling-cli-letters-')), 'brieven', '2022')
    // Letters and forms apart, as a print shop with its own collating line wants them.
    const letters = await run('letters', ['--round', r(), '--out', outDir, '--separate'])
    expect(letters).toMatch(/Made the invitation letter mailing \d+: 2300 letters\./)
    expect(letters).toContain('Hengelo letters: 1700/1700 (100%)')
    expect(letters).toMatch(/2300 letters in [\d.]+ s \(\d+ per second\)/)
    console.log(
      letters
        .split('\n')
        .filter((l) => /per second/.test(l))
        .join('\n'),
    )
    const files = readdirSync(outDir)
    expect(files.filter((f) => f.includes('brieven'))).toHaveLength(3)
    const borne = path.join(outDir, files.find((f) => f.includes('brieven-borne'))!)
    const pages = await pageTexts(borne)
    expect(pages).toHaveLength(290)

    const list = path.join(outDir, 'lijst.csv')
    expect(await run('mailing-list', ['--round', r(), '--out', list])).toBe(`Wrote 2300 lines to ${list}.\n`)
    const lines = readFileSync(list, 'utf8').trim().split('\r\n')
    expect(lines).toHaveLength(2301)
    // The letters' order is the list's order.
    const firstBorneCode = lines
      .slice(1)
      .map((l) => l.split(';'))
      .find((c) => c[7] === 'Borne')![0]!
    expect(pages[0]!.replace(/\s/g, '')).toContain(firstBorneCode)
    const mailings = await handle.db
      .selectFrom('mailings')
      .select(['kind', 'channel', 'recipient_count'])
      .where('round_id', '=', round.roundId)
      .execute()
    expect(mailings).toEqual([{ kind: 'invitation', channel: 'letter', recipient_count: 2300 }])
  }, 180_000)

  it('collated sets for a small round, with the list of sets, and check-print on them', async () => {
    const small = await createPrintableRound(handle.db, { participantsPerStratum: 2 })
    const outDir = mkdtempSync(path.join(tmpdir(), 'peiling-cli-sets-'))
    const sets = await run('letters', ['--round', String(small.roundId), '--out', outDir])
    expect(sets).toContain('Hengelo sets: 2/2 (100%)')
    const [, file, list] = /Hengelo: 2 sets, (\S+\.pdf) and list (\S+\.csv)/.exec(sets)!
    expect(path.dirname(file!)).toBe(outDir)
    expect(readFileSync(list!, 'utf8').trim().split('\r\n')).toHaveLength(3)
    expect(await run('paper-forms', ['--round', String(small.roundId)])).toContain(
      'The paper forms of this mailing are in its sets files',
    )

    // A reprint makes the same files again and keeps the codes (shown here on a small
    // round: on the 2,300 of the 2022 round it took as long as the first print).
    const listBefore = path.join(outDir, 'lijst.csv')
    await run('mailing-list', ['--round', String(small.roundId), '--out', listBefore])
    const again = await run('letters', ['--round', String(small.roundId), '--again'])
    expect(again).toContain('Making 3 files again (same people, same codes).')
    const listAfter = path.join(outDir, 'lijst-opnieuw.csv')
    await run('mailing-list', ['--round', String(small.roundId), '--out', listAfter])
    expect(readFileSync(listAfter, 'utf8')).toBe(readFileSync(listBefore, 'utf8'))

    const checked = await run('check-print', [file!])
    expect(checked).toContain('sheets of 2 sets.')
    expect(checked).toContain('All correct')
    expect(process.exitCode ?? 0).toBe(0)

    // The print shop lost the last sheet of the last set.
    const bytes = readFileSync(file!).toString('latin1')
    const kids = /\/Kids \[([^\]]*)\]/.exec(bytes)!
    const refs = kids[1]!.trim().split(/\s+(?=\d+ 0 R)/)
    const short = path.join(outDir, 'short.pdf')
    writeFileSync(short, Buffer.from(bytes.replace(kids[0], `/Kids [${refs.slice(0, -2).join(' ')}]`), 'latin1'))
    const problems = await run('check-print', [short])
    expect(problems).toMatch(/Set 2, sheet (\d+) of \1 is missing/)
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
    await expect(run('check-print', [list!])).rejects.toThrow(RefusedError)
  })

  it('paper forms for a small round', async () => {
    const small = await createPrintableRound(handle.db, { participantsPerStratum: 2 })
    const forms = await run('paper-forms', ['--round', String(small.roundId)])
    expect(forms).toContain('Hengelo paper forms: 2/2 (100%)')
    const file = /Hengelo: 2 paper forms, (\S+\.pdf)/.exec(forms)![1]!
    expect(existsSync(file)).toBe(true)
  })

  it('send-email writes .eml files without a mail server; remind counts first, then sends', async () => {
    const small = await createPrintableRound(handle.db, { participantsPerStratum: 2 })
    for (const p of small.participants)
      await handle.db
        .updateTable('participants')
        .set({ email: `p${p.id}@example.nl` })
        .where('id', '=', p.id)
        .execute()
    await handle.db
      .updateTable('participants')
      .set({ status: 'completed', completed_mode: 'paper' })
      .where('id', '=', small.participants[0]!.id)
      .execute()
    const sent = await run('send-email', ['--round', String(small.roundId)])
    expect(sent).toMatch(/Made e-mail mailing \d+: 5 e-mails\./)
    expect(sent).toContain('Sent 5, failed 0')
    const mailDir = path.join(config.dataDir, 'mail')
    const eml = readdirSync(mailDir).filter((f) => f.endsWith('.eml'))
    expect(eml.length).toBeGreaterThanOrEqual(5)
    const parsed = await simpleParser(readFileSync(path.join(mailDir, eml[0]!)))
    expect(parsed.text).toContain(`${PRINTABLE_URL}/c/`)

    const counts = await run('remind', ['--round', String(small.roundId), '--channel', 'both'])
    expect(counts).toContain(
      'Reminder by letter, as things stand now:\n  Hengelo: 1\n  Haaksbergen: 2\n  Borne: 2\n  Total: 5',
    )
    expect(counts).toContain('Nothing made yet.')
    const made = await run('remind', ['--round', String(small.roundId), '--channel', 'both', '--confirm'])
    expect(made).toMatch(/Made reminder mailing \d+ by letter: 5\./)
    expect(made).toMatch(/Made reminder mailing \d+ by email: 5\./)
    expect(made).toContain('Sent 5, failed 0')
    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('round_id', '=', small.roundId)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'mailing.invitation.email',
      'mailing.reminder.letter',
      'mailing.reminder.email',
    ])
    expect(audit.every((a) => a.username?.startsWith('cli:'))).toBe(true)

    // A reminder with a fresh paper form: letter and form collated, as with the invitation.
    const withForms = await run('remind', [
      '--round',
      String(small.roundId),
      '--channel',
      'letter',
      '--with-forms',
      '--confirm',
    ])
    expect(withForms).toMatch(/5 sets in [\d.]+ s/)
    expect(withForms).toMatch(/Borne: 2 sets, \S+herinnering-sets-borne\S+\.pdf and list \S+\.csv/)
  })

  it('refuses letters while a template is incomplete, naming each field per municipality; --test-print prints anyway', async () => {
    const unready = await createRound(handle.db, { participantsPerStratum: 1 })
    const id = String(unready.roundId)
    const refused = await run('letters', ['--round', id]).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(refused).toBeInstanceOf(RefusedError)
    const message = (refused as Error).message
    expect(message).toContain('Nog niet klaar om te drukken')
    for (const name of ['Hengelo', 'Haaksbergen', 'Borne'])
      expect(message).toContain(`${name}: Logo, Retouradres (klein boven het adres), Telefoon voor vragen`)
    expect(message).toContain(
      'Ons kenmerk, Datum van de brief, Naam van de ondertekenaar, Functie van de ondertekenaar',
    )
    await expect(run('remind', ['--round', id, '--channel', 'letter', '--confirm'])).rejects.toThrow(/Ons kenmerk/)
    expect(
      await handle.db.selectFrom('mailings').select('id').where('round_id', '=', unready.roundId).execute(),
    ).toEqual([])

    const outDir = mkdtempSync(path.join(tmpdir(), 'peiling-cli-test-print-'))
    const letters = await run('letters', ['--round', id, '--test-print', '--out', outDir])
    expect(letters).toContain('nobody is recorded as written to')
    const forms = await run('paper-forms', ['--round', id, '--test-print', '--out', outDir])
    expect(forms).toMatch(/Borne: test print, \d+ pages/)
    await run('remind', ['--round', id, '--test-print', '--out', outDir])
    const files = readdirSync(outDir).sort()
    expect(files).toEqual(
      ['hengelo', 'haaksbergen', 'borne']
        .flatMap((m) => [
          `proefafdruk-herinnering-brieven-${m}.pdf`,
          `proefafdruk-uitnodiging-brieven-${m}.pdf`,
          `proefafdruk-uitnodiging-vragenlijsten-${m}.pdf`,
        ])
        .sort(),
    )
    for (const file of files) {
      const pages = await pageTexts(path.join(outDir, file))
      expect(pages.length).toBeGreaterThan(0)
      for (const page of pages) expect(page, file).toContain('TESTAFDRUK')
    }
    expect(
      await handle.db.selectFrom('mailings').select('id').where('round_id', '=', unready.roundId).execute(),
    ).toEqual([])
  })

  it('explains wrong use', async () => {
    await expect(run('sample', ['--round', 'x'])).rejects.toBeInstanceOf(UsageError)
    await expect(run('remind', ['--round', r(), '--channel', 'pigeon'])).rejects.toThrow(
      '--channel: letter, email or both',
    )
    await expect(run('import', ['--round', r(), `${FIXTURES}/clients-small.csv`])).rejects.toThrow(
      'De steekproef is al getrokken',
    )
    // A file in a folder that does not exist is refused before anything is read or logged.
    const missing = path.join(tmpdir(), 'peiling-no-such-folder', 'export.csv')
    const exportsBefore = await auditCount('export')
    await expect(run('export', ['--round', r(), '--out', missing])).rejects.toThrow(
      `Cannot write ${missing}: the folder ${path.dirname(missing)} does not exist.`,
    )
    await expect(run('mailing-list', ['--round', r(), '--out', missing])).rejects.toBeInstanceOf(RefusedError)
    expect(await auditCount('export')).toBe(exportsBefore)
  })
})
