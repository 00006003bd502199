/**
 * A test print ("proefafdruk"): the letters or paper forms of one municipality as they
 * would come out now, to check the layout with staff or the print shop, also while the
 * template is incomplete or PUBLIC_URL is not public. It is not a mailing: one example
 * per language the municipality's clients have, with a made-up name, address and code
 * (exampleLetter), TESTAFDRUK across every page. Nobody is recorded as written to, no
 * code is handed out, and no personal data ends up in a file nobody tracks.
 */
import type { Writable } from 'node:stream'
import { generateLoginCode } from '#src/codes/login-code.ts'
import { formatDate } from '#src/i18n/translate.ts'
import type { LetterData, PaperFormItem } from '#src/mailmerge/index.ts'
import { letterLanguage, writeLetterBatch, writePaperQuestionnaireBatch } from '#src/mailmerge/index.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { LetterBatchContent, MailingKind } from '#src/server/db/schema.ts'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'
import { effectiveTemplate, exampleLetter } from './letter-templates.ts'
import { eligibleLanguageCounts } from './mailings.ts'

export interface TestPrintRequest {
  round: StaffRound
  stratumId: number
  kind: MailingKind
  content: LetterBatchContent
  publicUrl: string
}

/** Dutch first, then every other language the municipality's letters would go out in. */
async function languagesOf(db: DB, request: TestPrintRequest): Promise<string[]> {
  const counts = await eligibleLanguageCounts(db, request.round.id, request.kind, 'letter')
  const present = counts.filter((c) => c.stratumId === request.stratumId && c.count > 0).map((c) => c.language)
  return [...new Set(['nl', ...present.sort()])]
}

/** Writes the test print to `out` (and ends it). Throws when the municipality is not the round's. */
export async function writeTestPrint(db: DB, request: TestPrintRequest, out: Writable): Promise<{ pages: number }> {
  const { round, kind, content, publicUrl } = request
  const stratum = round.strata.find((s) => s.id === request.stratumId)
  if (!stratum) throw new Error(`stratum ${request.stratumId} is not in round ${round.id}`)
  const languages = await languagesOf(db, request)
  if (content === 'letters') {
    const { template } = await effectiveTemplate(db, round.id, stratum.id, kind)
    const printed = [...new Set(languages.map((l) => letterLanguage(template, l)))]
    const letters: LetterData[] = printed.map((language) =>
      exampleLetter(publicUrl, formatDate(round.closesOn, language), stratum.name, language),
    )
    return writeLetterBatch(letters, template, out, { testPrint: true, title: 'Proefafdruk' })
  }
  const definition = round.definition
  const formLanguages = [...new Set(languages.map((l) => (definition.languages.includes(l) ? l : 'nl')))]
  const forms: PaperFormItem[] = formLanguages.map((lang) => ({
    code: generateLoginCode(),
    lang,
    stratumName: stratum.name,
    stratum: stratum.code,
  }))
  // As the print files have it (letter-batches.ts): the round's last day, and the reply
  // address kept with the municipality's invitation letter.
  const invitation = await effectiveTemplate(db, round.id, stratum.id, 'invitation')
  const { pages } = await writePaperQuestionnaireBatch(definition, forms, out, {
    stratumNames: Object.fromEntries(round.strata.map((s) => [s.code, s.name])),
    returnBy: round.closesOn,
    replyAddress: invitation.template.sender.replyAddress,
    testPrint: true,
  })
  return { pages }
}

/** The file name of a test print, e.g. proefafdruk-uitnodiging-brieven-hengelo.pdf. */
export function testPrintFileName(kind: MailingKind, content: LetterBatchContent, stratumCode: string): string {
  const what = `${kind === 'invitation' ? 'uitnodiging' : 'herinnering'}-${content === 'letters' ? 'brieven' : 'vragenlijsten'}`
  return `proefafdruk-${what}-${stratumCode.replace(/[^\w-]/g, '')}.pdf`
}
