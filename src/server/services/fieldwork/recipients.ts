/**
 * The people a mailing goes to, with what a letter, an e-mail or a print shop's list
 * needs, in postal presort order (postcode, street, house number).
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'

export interface Recipient {
  participantId: number
  /** The normalised code (no dash). */
  code: string
  clientNumber: string | null
  initials: string | null
  namePrefix: string | null
  lastName: string | null
  street: string | null
  houseNumber: string | null
  houseNumberSuffix: string | null
  postcode: string | null
  city: string | null
  email: string | null
  language: string
  stratumId: number
  stratumCode: string
  stratumName: string
}

/** "J. van der Meijer", as on an envelope. */
export function displayName(r: Pick<Recipient, 'initials' | 'namePrefix' | 'lastName'>): string {
  return [r.initials, r.namePrefix, r.lastName].filter((part) => part?.trim()).join(' ')
}

/** "Deldenerstraat 177 B". */
export function streetLine(r: Pick<Recipient, 'street' | 'houseNumber' | 'houseNumberSuffix'>): string {
  return [r.street, r.houseNumber, r.houseNumberSuffix].filter((part) => part?.trim()).join(' ')
}

/** "7551 AA  HENGELO": postcode and town as PostNL asks, town in capitals after two spaces. */
export function postcodeLine(r: Pick<Recipient, 'postcode' | 'city'>): string {
  return [r.postcode, (r.city ?? '').toUpperCase()].filter(Boolean).join('  ')
}

/** The address people type, as printed: `enquete.hengelo.nl` for https://enquete.hengelo.nl. */
export function siteAddress(publicUrl: string): string {
  return publicUrl.replace(/^https?:\/\//, '')
}

/** The link in the QR code and the e-mail: signs in with the code, then drops it from the address bar. */
export function personalUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/c/${code}`
}

export function printedCode(code: string): string {
  return formatLoginCode(code)
}

/** Code-unit order ("C" collation), the same on every PostgreSQL server, as PostNL sorts. */
const PRESORT = sql`p.postcode collate "C", p.street collate "C",
  nullif(substring(p.house_number from '^[0-9]+'), '')::integer, p.house_number_suffix collate "C", p.id`

/** The participant ids of a mailing (or of one municipality in it) in presort order: small, a number per person. */
export async function mailingRecipientIds(db: DB, mailingId: number, stratumId?: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    select p.id from mailing_recipients m join participants p on p.id = m.participant_id
    where m.mailing_id = ${mailingId} ${stratumId === undefined ? sql`` : sql`and p.stratum_id = ${stratumId}`}
    order by ${PRESORT}`.execute(db)
  return rows.rows.map((r) => r.id)
}

export async function loadRecipients(db: DB, ids: number[]): Promise<Recipient[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('participants as p')
    .innerJoin('strata as s', 's.id', 'p.stratum_id')
    .select([
      'p.id',
      'p.code',
      'p.client_number',
      'p.initials',
      'p.name_prefix',
      'p.last_name',
      'p.street',
      'p.house_number',
      'p.house_number_suffix',
      'p.postcode',
      'p.city',
      'p.email',
      'p.language',
      'p.stratum_id',
      's.name as stratum_name',
      's.code as stratum_code',
    ])
    .where('p.id', 'in', ids)
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r?.code) return []
    return [
      {
        participantId: r.id,
        code: r.code,
        clientNumber: r.client_number,
        initials: r.initials,
        namePrefix: r.name_prefix,
        lastName: r.last_name,
        street: r.street,
        houseNumber: r.house_number,
        houseNumberSuffix: r.house_number_suffix,
        postcode: r.postcode,
        city: r.city,
        email: r.email,
        language: r.language,
        stratumId: r.stratum_id,
        stratumCode: r.stratum_code,
        stratumName: r.stratum_name,
      },
    ]
  })
}

/** A mailing's recipients in presort order, read in chunks so memory stays flat for any size. */
export async function* mailingRecipients(
  db: DB,
  mailingId: number,
  options: { stratumId?: number; chunkSize?: number } = {},
): AsyncGenerator<Recipient> {
  const chunkSize = options.chunkSize ?? 500
  const ids = await mailingRecipientIds(db, mailingId, options.stratumId)
  for (let i = 0; i < ids.length; i += chunkSize) {
    yield* await loadRecipients(db, ids.slice(i, i + chunkSize))
  }
}
