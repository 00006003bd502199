import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { translator } from '#src/i18n/translate.ts'
import type { LetterTemplate } from '#src/mailmerge/index.ts'
import { createMailings } from '#src/server/services/fieldwork/mailings.ts'
import type { TemplateField } from '#src/server/services/fieldwork/print-readiness.ts'
import {
  describeProblems,
  missingTemplateFields,
  PrintRefusedError,
} from '#src/server/services/fieldwork/print-readiness.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { completeContent, completeLetterTemplates, PRINTABLE_URL } from '#test/helpers/letters.ts'
import { demoLogo } from '#src/server/services/rounds/demo-logo.ts'

const actor = { id: null, username: 'test' }
let database: DatabaseHandle
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

function complete(kind: 'invitation' | 'reminder' = 'invitation'): LetterTemplate {
  return { kind, ...completeContent(kind), logo: demoLogo() }
}

async function refusal(promise: Promise<unknown>): Promise<PrintRefusedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PrintRefusedError)
  return error as PrintRefusedError
}

async function mailingCount(roundId: number): Promise<number> {
  const rows = await database.db.selectFrom('mailings').select('id').where('round_id', '=', roundId).execute()
  return rows.length
}

describe('missingTemplateFields', () => {
  it('finds nothing missing in a complete template', () => {
    expect(missingTemplateFields(complete())).toEqual([])
    expect(missingTemplateFields(complete('reminder'))).toEqual([])
  })

  it('names each field that is empty', () => {
    const cases: Array<[TemplateField, (t: LetterTemplate) => void]> = [
      ['organisation', (t) => (t.sender.organisation = ' ')],
      ['department', (t) => delete t.sender.department],
      ['logo', (t) => delete t.logo],
      ['returnAddress', (t) => delete t.sender.returnAddress],
      ['phone', (t) => delete t.sender.phone],
      ['email', (t) => delete t.sender.email],
      ['openingHours', (t) => delete t.sender.openingHours],
      ['replyAddress', (t) => (t.sender.replyAddress = [])],
      ['reference', (t) => delete t.reference],
      ['letterDate', (t) => delete t.letterDate],
      ['signatureName', (t) => (t.signature.name = '')],
      ['signatureRole', (t) => (t.signature.role = '')],
    ]
    for (const [field, remove] of cases) {
      const template = complete()
      remove(template)
      expect(missingTemplateFields(template), field).toEqual([field])
    }
  })

  it('takes the placeholders of a new template for missing: a department does not sign, "Gemeente" is no municipality', () => {
    const nl = translator('nl')
    const template = complete()
    template.sender.organisation = nl('letter.placeholders.organisation')
    template.signature = { name: template.sender.department!, role: 'Gemeente' }
    expect(missingTemplateFields(template)).toEqual(['organisation', 'signatureName', 'signatureRole'])
  })

  it('does not ask a reminder for the reply address of the paper form it does not carry', () => {
    const template = complete('reminder')
    delete template.sender.replyAddress
    expect(missingTemplateFields(template)).toEqual([])
  })
})

describe('making letters', () => {
  it('refuses a round with the built-in templates, listing per municipality every field missing, and records nothing', async () => {
    const round = await createRound(database.db, {
      strata: [
        { code: 'hengelo', name: 'Hengelo' },
        { code: 'borne', name: 'Borne' },
      ],
    })
    const error = await refusal(
      createMailings(database.db, round.roundId, 'invitation', ['letter'], { actor, publicUrl: PRINTABLE_URL }),
    )
    const missing = [
      'logo',
      'returnAddress',
      'phone',
      'email',
      'openingHours',
      'replyAddress',
      'reference',
      'letterDate',
      'signatureName',
      'signatureRole',
    ]
    expect(error.problems).toEqual({
      kind: 'invitation',
      templates: [
        { stratumId: round.strata[0]!.id, stratumName: 'Hengelo', fields: missing },
        { stratumId: round.strata[1]!.id, stratumName: 'Borne', fields: missing },
      ],
    })
    expect(error.message).toContain('template of Hengelo lacks logo, returnAddress')
    expect(describeProblems(error.problems, translator('nl'))).toEqual([
      'Hengelo: Logo, Retouradres (klein boven het adres), Telefoon voor vragen (staat op de website), E-mail voor vragen (staat op de website), Openingstijden van de telefoon, Antwoordnummer voor de vragenlijst, Ons kenmerk, Datum van de brief, Naam van de ondertekenaar, Functie van de ondertekenaar.',
      'Borne: Logo, Retouradres (klein boven het adres), Telefoon voor vragen (staat op de website), E-mail voor vragen (staat op de website), Openingstijden van de telefoon, Antwoordnummer voor de vragenlijst, Ons kenmerk, Datum van de brief, Naam van de ondertekenaar, Functie van de ondertekenaar.',
    ])
    expect(await mailingCount(round.roundId)).toBe(0)
  })

  it('refuses a localhost PUBLIC_URL even with complete templates, and accepts the public HTTPS site', async () => {
    const round = await createRound(database.db)
    await completeLetterTemplates(database.db, round.roundId)
    for (const [url, problem] of [
      ['http://localhost:3917', 'notHttps'],
      ['https://localhost:3917', 'notPublic'],
    ] as const) {
      const error = await refusal(
        createMailings(database.db, round.roundId, 'reminder', ['letter'], { actor, publicUrl: url }),
      )
      expect(error.problems).toEqual({ kind: 'reminder', publicUrl: problem, templates: [] })
      expect(describeProblems(error.problems, translator('nl'))[0]).toMatch(/PUBLIC_URL/)
    }
    expect(await mailingCount(round.roundId)).toBe(0)
    const [made] = await createMailings(database.db, round.roundId, 'reminder', ['letter'], {
      actor,
      publicUrl: PRINTABLE_URL,
    })
    expect(made).toMatchObject({ channel: 'letter', recipients: 6 })
  })

  it('leaves e-mail alone: its texts do not come from the letter template', async () => {
    const round = await createRound(database.db)
    await database.db
      .updateTable('participants')
      .set({ email: 'x@example.nl' })
      .where('round_id', '=', round.roundId)
      .execute()
    const [made] = await createMailings(database.db, round.roundId, 'invitation', ['email'], {
      actor,
      publicUrl: PRINTABLE_URL,
    })
    expect(made).toMatchObject({ channel: 'email', recipients: 6 })
  })
})
