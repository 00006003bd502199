import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'
import { loadStaffRound } from '#src/server/services/rounds/staff-round.ts'
import { writeTestPrint } from '#src/server/services/fieldwork/test-print.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { completeContent, createPrintableRound, PRINTABLE_URL } from '#test/helpers/letters.ts'
import { pageTexts, useTempDir, writePdf } from '#test/mailmerge/pdf-tools.ts'

let database: DatabaseHandle
const tmp = useTempDir()
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

describe('a test print', () => {
  it('prints an incomplete template with a localhost address, TESTAFDRUK on every page of letters and forms, and records nothing', async () => {
    const round = await createRound(database.db, { strata: [{ code: 'hengelo', name: 'Hengelo' }] })
    const [first] = round.participants
    await database.db.updateTable('participants').set({ language: 'en' }).where('id', '=', first!.id).execute()
    const staffRound = (await loadStaffRound(database.db, round.roundId))!
    const request = { round: staffRound, stratumId: round.strata[0]!.id, kind: 'invitation' as const }

    const letters = await writePdf(tmp.file('letters.pdf'), (out) =>
      writeTestPrint(database.db, { ...request, content: 'letters', publicUrl: 'http://localhost:3917' }, out),
    )
    const letterPages = await pageTexts(letters)
    // One example per language of the municipality's clients: Dutch, and English for the one who reads it.
    expect(letterPages).toHaveLength(2)
    expect(letterPages[0]).toContain('Beste J. van der Voorbeeld,')
    expect(letterPages[1]).toContain('Dear J. van der Voorbeeld,')
    for (const page of letterPages) {
      expect(page).toContain('TESTAFDRUK')
      expect(page).toContain('localhost:3917')
      // Made-up codes: never one of a participant.
      for (const p of round.participants) expect(page).not.toContain(formatLoginCode(p.code))
    }

    const forms = await writePdf(tmp.file('forms.pdf'), (out) =>
      writeTestPrint(database.db, { ...request, content: 'questionnaires', publicUrl: 'http://localhost:3917' }, out),
    )
    const formPages = await pageTexts(forms)
    expect(formPages.length).toBeGreaterThan(2)
    for (const page of formPages) expect(page).toContain('TESTAFDRUK')

    // A form's test print shows what its print file will: the last day and the reply address.
    const printable = await createPrintableRound(database.db, {
      strata: [{ code: 'borne', name: 'Borne' }],
      closesOn: '2027-01-03',
    })
    const printableRound = (await loadStaffRound(database.db, printable.roundId))!
    const printableForms = await writePdf(tmp.file('printable-forms.pdf'), (out) =>
      writeTestPrint(
        database.db,
        {
          round: printableRound,
          stratumId: printable.strata[0]!.id,
          kind: 'invitation',
          content: 'questionnaires',
          publicUrl: PRINTABLE_URL,
        },
        out,
      ),
    )
    const [firstFormPage] = await pageTexts(printableForms)
    expect(firstFormPage!.replace(/\s+/g, ' ')).toContain('uiterlijk 3 januari 2027')
    for (const line of completeContent('invitation').sender.replyAddress!) expect(firstFormPage).toContain(line)

    const mailings = await database.db
      .selectFrom('mailings')
      .select('id')
      .where('round_id', '=', round.roundId)
      .execute()
    expect(mailings).toEqual([])
  })
})
