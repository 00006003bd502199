/**
 * The mailing list for a print shop that does its own merge: one line per letter, in
 * the same postcode order as the PDF, with the code as printed and the personal URL of
 * the QR code. CSV with ";" and a byte-order mark, so Excel opens it in Dutch settings
 * with accents intact.
 */
import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import type { DB } from '#src/server/db/connect.ts'
import { displayName, mailingRecipients, personalUrl, postcodeLine, printedCode, streetLine } from './recipients.ts'

export const MAILING_LIST_COLUMNS = [
  'code',
  'url',
  'naam',
  'adres',
  'postcode',
  'woonplaats',
  'postcode_woonplaats',
  'gemeente',
  'taal',
] as const

/** A spreadsheet must not run a name as a formula (CSV injection). */
function cell(value: string | null): string {
  const text = value ?? ''
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

export function mailingListCsv(db: DB, mailingId: number, publicUrl: string): Readable {
  async function* rows() {
    for await (const r of mailingRecipients(db, mailingId)) {
      yield [
        printedCode(r.code),
        personalUrl(publicUrl, r.code),
        cell(displayName(r)),
        cell(streetLine(r)),
        cell(r.postcode),
        cell(r.city),
        cell(postcodeLine(r)),
        cell(r.stratumName),
        r.language,
      ]
    }
  }
  const csv = stringify({
    delimiter: ';',
    bom: true,
    header: true,
    columns: [...MAILING_LIST_COLUMNS],
    record_delimiter: 'windows',
  })
  Readable.from(rows()).pipe(csv)
  return csv
}
