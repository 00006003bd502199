/**
 * Whether letters can be printed: every municipality's template holds what a letter
 * from a municipality must have (sender, logo, return address, where to ask questions,
 * reference, date, a person who signs), and PUBLIC_URL is the public HTTPS site. A
 * mailing of letters is refused until both hold; a test print (test-print.ts) shows the
 * letters as they are, marked TESTAFDRUK, without either.
 */
import type { Translate } from '#src/i18n/translate.ts'
import { translator } from '#src/i18n/translate.ts'
import type { LetterTemplate } from '#src/mailmerge/index.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { MailingKind } from '#src/server/db/schema.ts'
import { isCalendarDate } from '#src/server/services/calendar.ts'
import { strataOf } from '#src/server/services/rounds/strata.ts'
import { effectiveTemplate } from './letter-templates.ts'
import type { PublicUrlProblem } from './public-url.ts'
import { publicUrlProblem } from './public-url.ts'

/** A template field a printed letter needs; the names are the editor's field ids. */
export type TemplateField =
  | 'organisation'
  | 'department'
  | 'logo'
  | 'returnAddress'
  | 'phone'
  | 'email'
  | 'openingHours'
  | 'replyAddress'
  | 'reference'
  | 'letterDate'
  | 'signatureName'
  | 'signatureRole'

const blank = (value: string | undefined) => !value?.trim()

/**
 * What the template still lacks, in the order of the editor. A placeholder of the
 * built-in template counts as missing: "Gemeente" is no municipality, and a department
 * or the municipality is no person who signs.
 */
export function missingTemplateFields(template: LetterTemplate): TemplateField[] {
  const nl = translator('nl')
  const { sender, signature } = template
  const same = (a: string | undefined, b: string | undefined) =>
    Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase())
  const missing: TemplateField[] = []
  if (blank(sender.organisation) || same(sender.organisation, nl('letter.placeholders.organisation')))
    missing.push('organisation')
  if (blank(sender.department)) missing.push('department')
  if (!template.logo || template.logo.length === 0) missing.push('logo')
  if (blank(sender.returnAddress)) missing.push('returnAddress')
  if (blank(sender.phone)) missing.push('phone')
  if (blank(sender.email)) missing.push('email')
  if (blank(sender.openingHours)) missing.push('openingHours')
  // The reply address goes on the paper form, which only the invitation carries.
  if (template.kind === 'invitation' && !sender.replyAddress?.some((line) => line.trim())) missing.push('replyAddress')
  if (blank(template.reference)) missing.push('reference')
  if (!template.letterDate || !isCalendarDate(template.letterDate)) missing.push('letterDate')
  if (
    blank(signature.name) ||
    same(signature.name, nl('letter.placeholders.signatureName')) ||
    same(signature.name, sender.department) ||
    same(signature.name, sender.organisation)
  )
    missing.push('signatureName')
  if (
    blank(signature.role) ||
    same(signature.role, nl('letter.placeholders.signatureRole')) ||
    same(signature.role, sender.organisation)
  )
    missing.push('signatureRole')
  return missing
}

export interface IncompleteTemplate {
  stratumId: number
  stratumName: string
  fields: TemplateField[]
}

export interface PrintProblems {
  kind: MailingKind
  /** Why PUBLIC_URL cannot go on paper. */
  publicUrl?: PublicUrlProblem
  /** Per municipality whose letters would lack something. */
  templates: IncompleteTemplate[]
}

/**
 * What stands in the way of printing this kind of letter for the round, or for one of
 * its municipalities (`stratumId`); undefined when nothing does.
 */
export async function printProblems(
  db: DB,
  roundId: number,
  kind: MailingKind,
  publicUrl: string,
  stratumId?: number,
): Promise<PrintProblems | undefined> {
  const templates: IncompleteTemplate[] = []
  const strata = await strataOf(db, roundId)
  for (const stratum of stratumId === undefined ? strata : strata.filter((s) => s.id === stratumId)) {
    const { template } = await effectiveTemplate(db, roundId, stratum.id, kind)
    const fields = missingTemplateFields(template)
    if (fields.length > 0) templates.push({ stratumId: stratum.id, stratumName: stratum.name, fields })
  }
  const urlProblem = publicUrlProblem(publicUrl)
  if (!urlProblem && templates.length === 0) return undefined
  return { kind, ...(urlProblem ? { publicUrl: urlProblem } : {}), templates }
}

/** Letters were not made: the template is incomplete or PUBLIC_URL is not public. The message is for logs. */
export class PrintRefusedError extends Error {
  readonly problems: PrintProblems

  constructor(problems: PrintProblems) {
    super(problemsForLog(problems))
    this.problems = problems
    this.name = 'PrintRefusedError'
  }
}

/**
 * Refuses with every problem at once, so staff can fix them in one go. With `stratumId`,
 * for the print file of one municipality just before it is made: its template or
 * PUBLIC_URL may have changed since the mailing was accepted (a file waits in the queue
 * while the server is down).
 */
export async function assertPrintable(
  db: DB,
  roundId: number,
  kind: MailingKind,
  publicUrl: string,
  stratumId?: number,
): Promise<void> {
  const problems = await printProblems(db, roundId, kind, publicUrl, stratumId)
  if (problems) throw new PrintRefusedError(problems)
}

/** One sentence per problem, in the user's language: "Hengelo: Logo, Telefoon voor vragen." */
export function describeProblems(problems: PrintProblems, t: Translate): string[] {
  const lines: string[] = []
  if (problems.publicUrl) lines.push(t(`fieldwork.letters.readiness.publicUrl.${problems.publicUrl}`))
  for (const template of problems.templates) {
    const fields = template.fields.map((f) => t(`fieldwork.letters.template.fields.${f}`)).join(', ')
    lines.push(`${template.stratumName}: ${fields}.`)
  }
  return lines
}

/** The same in English, naming fields by their ids, for logs and errors. */
export function problemsForLog(problems: PrintProblems): string {
  const parts = [`${problems.kind} letters not printable`]
  if (problems.publicUrl) parts.push(`PUBLIC_URL ${problems.publicUrl}`)
  for (const template of problems.templates)
    parts.push(`template of ${template.stratumName} lacks ${template.fields.join(', ')}`)
  return parts.join('; ')
}
