/**
 * What a round needs before letters can be printed (print-readiness.ts): a complete
 * template and a public HTTPS address. Tests that make letter mailings use both; tests of
 * the refusal leave them out.
 */
import type { DB } from '#src/server/db/connect.ts'
import type { MailingKind } from '#src/server/db/schema.ts'
import { demoLogo } from '#src/server/services/rounds/demo-logo.ts'
import type { TemplateContent } from '#src/server/services/fieldwork/letter-templates.ts'
import type { RoundFixture } from './fixtures.ts'
import { createRound } from './fixtures.ts'
import { template } from '#test/mailmerge/fixtures.ts'

/** A PUBLIC_URL that letters may print: HTTPS on a public host name. */
export const PRINTABLE_URL = 'https://enquete.example.nl'

/** Every field a printed letter needs, filled with made-up values (the mail-merge tests' template). */
export function completeContent(kind: MailingKind): TemplateContent {
  const { kind: _, logo: __, ...content } = template(kind)
  return content
}

/** The template editor's fields (its form names) for everything but the logo and the texts, filled in. */
export const COMPLETE_TEMPLATE_FIELDS: Record<string, string> = {
  organisatie: 'Gemeente Hengelo',
  afdeling: 'Afdeling Werk en Inkomen',
  adresregels: 'Postbus 18\n7550 AA Hengelo',
  retouradres: 'Retouradres: Postbus 18, 7550 AA Hengelo',
  telefoon: '14 074',
  'e-mail': 'werkeninkomen@hengelo.nl',
  openingstijden: 'maandag tot en met vrijdag 9.00–12.00 uur',
  antwoordadres: 'Gemeente Hengelo\nAntwoordnummer 1234\n7550 VB Hengelo',
  kenmerk: 'WI/KTO-2026',
  briefdatum: '2026-12-01',
  'ondertekening-naam': 'A. de Vries',
  'ondertekening-functie': 'Teamleider Werk en Inkomen',
}

/** Stores complete round-wide templates (invitation and reminder), with a logo, for every municipality of the round. */
export async function completeLetterTemplates(db: DB, roundId: number): Promise<void> {
  for (const kind of ['invitation', 'reminder'] as const) {
    await db
      .insertInto('letter_templates')
      .values({
        round_id: roundId,
        stratum_id: null,
        kind,
        content: JSON.stringify(completeContent(kind)),
        logo: demoLogo(),
        logo_type: 'image/png',
      })
      .execute()
  }
}

/** createRound, with complete letter templates: a round whose letters can be printed. */
export async function createPrintableRound(
  db: DB,
  options: Parameters<typeof createRound>[1] = {},
): Promise<RoundFixture> {
  const round = await createRound(db, options)
  await completeLetterTemplates(db, round.roundId)
  return round
}
