/**
 * The list beside a collated print stream, for the print shop: one line per set in
 * stream order, with the set number of its mark, the code as printed, the number of
 * sheets, and what sorting and checking the post needs. CSV with ";" and a byte-order
 * mark, as the mailing list (Excel in Dutch settings).
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import { stringify } from 'csv-stringify/sync'
import type { Recipient } from './recipients.ts'
import { printedCode } from './recipients.ts'

export const MANIFEST_COLUMNS = ['set', 'code', 'vellen', 'postcode', 'gemeente', 'taal'] as const

const CSV = { delimiter: ';', record_delimiter: 'windows' } as const

/** The manifest's file name beside the print file's. */
export function manifestName(printFileName: string): string {
  return `${printFileName.replace(/\.pdf$/, '')}-lijst.csv`
}

export interface ManifestWriter {
  add(set: number, sheets: number, recipient: Recipient): Promise<void>
  end(): Promise<void>
  abort(): void
}

export function openManifest(file: string): ManifestWriter {
  const out = createWriteStream(file, { mode: 0o600 })
  out.write(`\uFEFF${stringify([[...MANIFEST_COLUMNS]], CSV)}`)
  return {
    async add(set, sheets, r) {
      const row = [set, printedCode(r.code), sheets, r.postcode ?? '', cell(r.stratumName), r.language]
      if (!out.write(stringify([row], CSV))) await once(out, 'drain')
    },
    async end() {
      out.end()
      await finished(out)
    },
    abort() {
      out.destroy()
    },
  }
}

/** A spreadsheet must not run a value as a formula (CSV injection). */
function cell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
