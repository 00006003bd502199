/**
 * Letter templates that staff edit: one per round (for every municipality) and,
 * where a municipality needs its own letterhead or text, one per municipality, for the
 * invitation and the reminder. A letter uses the municipality's template, else the
 * round's, else the mail-merge module's default texts.
 */
import { Writable } from 'node:stream'
import type { KeyUnder } from '#src/i18n/translate.ts'
import { translator } from '#src/i18n/translate.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { MailingKind } from '#src/server/db/schema.ts'
import type { AddressWindow, LetterBody, LetterSender, LetterTemplate, LetterData } from '#src/mailmerge/index.ts'
import { defaultTemplate, unknownMergeFields, writeLetterBatch } from '#src/mailmerge/index.ts'
import { formatLoginCode, generateLoginCode } from '#src/codes/login-code.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { isCalendarDate } from '#src/server/services/calendar.ts'
import { personalUrl, postcodeLine, siteAddress } from './recipients.ts'

/** What is stored in letter_templates.content: the template without its kind and logo. */
export interface TemplateContent {
  sender: LetterSender
  signature: { name: string; role: string }
  reference?: string
  /** YYYY-MM-DD */
  letterDate?: string
  bodies: LetterTemplate['bodies']
  addressWindow: AddressWindow
}

export interface Logo {
  data: Buffer
  type: 'image/png' | 'image/jpeg'
}

export interface StoredTemplate {
  template: LetterTemplate
  /** Where it came from: this municipality's own, the round's, or the built-in default. */
  source: 'stratum' | 'round' | 'default'
  /** The stored template's row (letter_templates.id); null for the built-in default. */
  id: number | null
  logoType: Logo['type'] | null
  updatedAt: Date | null
}

function toTemplate(kind: MailingKind, content: TemplateContent, logo: Uint8Array | null): LetterTemplate {
  return { kind, ...content, ...(logo ? { logo: Buffer.from(logo) } : {}) }
}

/** The default for a municipality: the built-in texts, with the municipality's name filled in. */
function defaultFor(kind: MailingKind, stratumName: string | null): LetterTemplate {
  const template = defaultTemplate(kind)
  if (stratumName) {
    const nl = translator('nl')
    template.sender.organisation = nl('letter.placeholders.municipality', { name: stratumName })
    template.signature = { name: nl('letter.placeholders.signatureName'), role: template.sender.organisation }
  }
  return template
}

/**
 * The template a letter of this municipality (or, with stratumId null, the round's own)
 * is printed with.
 */
export async function effectiveTemplate(
  db: DB,
  roundId: number,
  stratumId: number | null,
  kind: MailingKind,
): Promise<StoredTemplate> {
  const rows = await db
    .selectFrom('letter_templates')
    .select(['id', 'stratum_id', 'content', 'logo', 'logo_type', 'updated_at'])
    .where('round_id', '=', roundId)
    .where('kind', '=', kind)
    .where((eb) =>
      stratumId === null
        ? eb('stratum_id', 'is', null)
        : eb.or([eb('stratum_id', 'is', null), eb('stratum_id', '=', stratumId)]),
    )
    .execute()
  const own = rows.find((r) => r.stratum_id !== null)
  const round = rows.find((r) => r.stratum_id === null)
  const row = own ?? round
  if (row) {
    return {
      template: toTemplate(kind, row.content as TemplateContent, row.logo),
      source: own ? 'stratum' : 'round',
      id: row.id,
      logoType: row.logo_type,
      updatedAt: row.updated_at,
    }
  }
  const stratum =
    stratumId === null
      ? undefined
      : await db.selectFrom('strata').select('name').where('id', '=', stratumId).executeTakeFirst()
  return {
    template: defaultFor(kind, stratum?.name ?? null),
    source: 'default',
    id: null,
    logoType: null,
    updatedAt: null,
  }
}

/** Which templates a round has, for the overview. */
export async function templateOverview(db: DB, roundId: number) {
  return db
    .selectFrom('letter_templates')
    .select(['stratum_id', 'kind', 'updated_at', 'logo_type'])
    .where('round_id', '=', roundId)
    .execute()
}

/** A problem with an edited template; `key` names a UI text below fieldwork.letters.template.problems. */
export interface TemplateProblem {
  field: string
  key: KeyUnder<'fieldwork.letters.template.problems'>
  params?: Record<string, string | number>
}

const LIMITS = { short: 200, body: 6000, lines: 6 }

/** Checks an edited template; an empty list means it can be saved. */
export function checkTemplate(content: TemplateContent): TemplateProblem[] {
  const problems: TemplateProblem[] = []
  const short = (field: string, value: string | undefined, required: boolean) => {
    if (required && !value?.trim()) problems.push({ field, key: 'required' })
    if (value && value.length > LIMITS.short) problems.push({ field, key: 'tooLong', params: { max: LIMITS.short } })
  }
  short('organisation', content.sender.organisation, true)
  short('department', content.sender.department, false)
  short('returnAddress', content.sender.returnAddress, false)
  short('phone', content.sender.phone, false)
  short('email', content.sender.email, false)
  short('openingHours', content.sender.openingHours, false)
  short('reference', content.reference, false)
  if (content.letterDate && !isCalendarDate(content.letterDate)) problems.push({ field: 'letterDate', key: 'notADate' })
  const replyAddress = content.sender.replyAddress ?? []
  if (replyAddress.length > LIMITS.lines)
    problems.push({ field: 'replyAddress', key: 'tooManyLines', params: { max: LIMITS.lines } })
  replyAddress.forEach((l) => short('replyAddress', l, false))
  if (content.sender.phone && !/^[0-9+][0-9 ()-]{2,}$/.test(content.sender.phone))
    problems.push({ field: 'phone', key: 'notAPhoneNumber' })
  if (content.sender.email && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(content.sender.email))
    problems.push({ field: 'email', key: 'notAnEmailAddress' })
  short('signatureName', content.signature.name, true)
  short('signatureRole', content.signature.role, false)
  if (content.sender.addressLines.length > LIMITS.lines)
    problems.push({ field: 'addressLines', key: 'tooManyLines', params: { max: LIMITS.lines } })
  content.sender.addressLines.forEach((l) => short('addressLines', l, false))
  for (const [language, body] of Object.entries(content.bodies) as Array<[string, LetterBody | undefined]>) {
    if (!body) continue
    short(`subject-${language}`, body.subject, true)
    short(`openingHours-${language}`, body.openingHours, false)
    if (!body.body.trim()) problems.push({ field: `body-${language}`, key: 'required' })
    if (body.body.length > LIMITS.body)
      problems.push({ field: `body-${language}`, key: 'tooLong', params: { max: LIMITS.body } })
    for (const [field, text] of [
      [`subject-${language}`, body.subject],
      [`body-${language}`, body.body],
    ] as const) {
      const unknown = unknownMergeFields(text)
      if (unknown.length > 0)
        problems.push({ field, key: 'unknownField', params: { fields: unknown.map((f) => `{${f}}`).join(', ') } })
    }
  }
  const w = content.addressWindow
  const within = (field: keyof AddressWindow, min: number, max: number) => {
    if (!Number.isFinite(w[field]) || w[field] < min || w[field] > max)
      problems.push({ field: `window-${field}`, key: 'range', params: { min, max } })
  }
  within('leftMm', 0, 150)
  within('topMm', 0, 250)
  within('widthMm', 40, 150)
  within('heightMm', 20, 100)
  return problems
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])
const JPEG = Buffer.from([0xff, 0xd8, 0xff])
export const MAX_LOGO_BYTES = 1024 * 1024

/** The logo's type from its first bytes (not from the name or the browser's say-so), or null. */
export function logoType(data: Buffer): Logo['type'] | null {
  if (data.subarray(0, 4).equals(PNG)) return 'image/png'
  if (data.subarray(0, 3).equals(JPEG)) return 'image/jpeg'
  return null
}

/** A made-up addressee for previews: never a real participant's data. */
export function exampleLetter(
  publicUrl: string,
  closingDate: string,
  stratumName: string,
  language = 'nl',
): LetterData {
  const code = generateLoginCode()
  return {
    code,
    loginUrl: personalUrl(publicUrl, code),
    siteUrl: siteAddress(publicUrl),
    name: 'J. van der Voorbeeld',
    addressLines: ['Voorbeeldstraat 1 A', postcodeLine({ postcode: '7551 AA', city: stratumName })],
    language,
    stratumName,
    closingDate,
  }
}

/** Writes a one-letter PDF to `out` (the live preview). */
export async function writePreview(template: LetterTemplate, letter: LetterData, out: Writable): Promise<void> {
  await writeLetterBatch([letter], template, out, { title: formatLoginCode(letter.code) })
}

/** A logo prints at most 50 × 22 mm; this is far more than any printer needs. */
const MAX_LOGO_PIXELS = 4000

/**
 * Whether every chunk of a PNG lies within the file, and its size is a logo's. pdfkit's
 * PNG reader trusts each chunk's length: a corrupt one (a damaged or made-up file) makes
 * it copy, byte by byte and without yielding, up to 4 GB past the end of the file, which
 * stops the whole server.
 */
export function pngChunksFit(data: Buffer): boolean {
  if (data.length < 33 || data.toString('latin1', 12, 16) !== 'IHDR') return false
  const width = data.readUInt32BE(16)
  const height = data.readUInt32BE(20)
  if (width === 0 || height === 0 || width > MAX_LOGO_PIXELS || height > MAX_LOGO_PIXELS) return false
  for (let pos = 8; pos + 12 <= data.length; ) {
    const end = pos + 12 + data.readUInt32BE(pos)
    if (end > data.length) return false
    if (data.toString('latin1', pos + 4, pos + 8) === 'IEND') return true
    pos = end
  }
  return false
}

/** Renders the template once into nothing: a logo pdfkit cannot read fails here, not in a 2,300-letter batch. */
/**
 * Whether a JPEG is whole: it ends with the end-of-image marker. pdfkit only looks for the
 * frame header, so a cut-off or damaged file would be embedded and print as noise.
 */
export function jpegIsWhole(data: Buffer): boolean {
  return data.length > 4 && data[data.length - 2] === 0xff && data[data.length - 1] === 0xd9
}

export async function templatePrints(template: LetterTemplate, letter: LetterData): Promise<boolean> {
  if (template.logo && logoType(template.logo) === 'image/png' && !pngChunksFit(template.logo)) return false
  if (template.logo && logoType(template.logo) === 'image/jpeg' && !jpegIsWhole(template.logo)) return false
  const sink = new Writable({ write: (_chunk, _enc, done) => done() })
  try {
    await writePreview(template, letter, sink)
    return true
  } catch {
    return false
  }
}

export async function saveTemplate(
  db: DB,
  roundId: number,
  stratumId: number | null,
  kind: MailingKind,
  content: TemplateContent,
  logo: Logo | 'keep' | 'remove',
  actor: AuditActor,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('letter_templates')
      .select('id')
      .where('round_id', '=', roundId)
      .where('kind', '=', kind)
      .where((eb) => (stratumId === null ? eb('stratum_id', 'is', null) : eb('stratum_id', '=', stratumId)))
      .forUpdate()
      .executeTakeFirst()
    const logoColumns =
      logo === 'keep'
        ? {}
        : logo === 'remove'
          ? { logo: null, logo_type: null }
          : { logo: logo.data, logo_type: logo.type }
    if (existing) {
      await tx
        .updateTable('letter_templates')
        .set({ content: JSON.stringify(content), updated_at: new Date(), updated_by: actor.id, ...logoColumns })
        .where('id', '=', existing.id)
        .execute()
    } else {
      // A new municipality template starts with the logo of the template it replaces.
      const inherited =
        logo === 'keep' && stratumId !== null ? await effectiveTemplate(tx, roundId, stratumId, kind) : undefined
      await tx
        .insertInto('letter_templates')
        .values({
          round_id: roundId,
          stratum_id: stratumId,
          kind,
          content: JSON.stringify(content),
          updated_by: actor.id,
          ...(inherited?.template.logo ? { logo: inherited.template.logo, logo_type: inherited.logoType } : {}),
          ...logoColumns,
        })
        .execute()
    }
    await audit(
      tx,
      actor,
      'letters.template.save',
      { kind, stratumId, logo: logo === 'keep' ? 'kept' : logo === 'remove' ? 'removed' : 'new' },
      roundId,
    )
  })
}

/** Back to the round's template (or the default) for this municipality. */
export async function deleteStratumTemplate(
  db: DB,
  roundId: number,
  stratumId: number,
  kind: MailingKind,
  actor: AuditActor,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('letter_templates')
      .where('round_id', '=', roundId)
      .where('stratum_id', '=', stratumId)
      .where('kind', '=', kind)
      .execute()
    await audit(tx, actor, 'letters.template.delete', { kind, stratumId }, roundId)
  })
}
