/**
 * The names a round's open answers are searched for besides titles and capitals: the
 * municipality's client managers and anyone else clients may name. Uploaded as a plain
 * text file or pasted, one name per line. The list is personal data of those staff, so
 * it goes with the round (and is deleted when the round's personal data is).
 */
import type { DB } from '#src/server/db/connect.ts'
import type { KeyUnder } from '#src/i18n/translate.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { decodeText } from '#src/server/services/fieldwork/client-file.ts'

/** A few thousand names fit in far less; anything bigger is the wrong file. Checked before reading. */
export const MAX_NAME_LIST_BYTES = 64 * 1024
export const MAX_NAMES = 2000
export const MAX_NAME_LENGTH = 100

export class NameListError extends Error {
  readonly key: KeyUnder<'management.quotes.names.errors'>
  readonly params: Record<string, string | number>

  constructor(key: KeyUnder<'management.quotes.names.errors'>, params: Record<string, string | number> = {}) {
    super(key)
    this.key = key
    this.params = params
    this.name = 'NameListError'
  }
}

/** Signatures of files people pick by mistake: Excel and Word (zip), PDF, old Office. */
const NOT_TEXT = [Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.from('%PDF'), Buffer.from('d0cf11e0', 'hex')]

/**
 * The names in a list, one per line: trimmed, without empty lines, each once (whatever
 * its case). Throws NameListError with a key under management.quotes.names.errors.
 */
export function parseNameList(input: Buffer | string): string[] {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input) : input.length
  if (bytes > MAX_NAME_LIST_BYTES) throw new NameListError('tooLarge', { max: MAX_NAME_LIST_BYTES / 1024 })
  let text: string
  if (typeof input === 'string') text = input
  else {
    if (input.includes(0) || NOT_TEXT.some((signature) => input.subarray(0, signature.length).equals(signature)))
      throw new NameListError('notText')
    text = decodeText(input)
  }
  const names: string[] = []
  const seen = new Set<string>()
  for (const [index, line] of text.split(/\r\n|\r|\n/u).entries()) {
    const name = line.trim().replace(/\s+/gu, ' ')
    if (name === '') continue
    if (name.length > MAX_NAME_LENGTH) throw new NameListError('tooLong', { line: index + 1, max: MAX_NAME_LENGTH })
    const key = name.toLocaleLowerCase('nl')
    if (seen.has(key)) continue
    seen.add(key)
    names.push(name)
    if (names.length > MAX_NAMES) throw new NameListError('tooMany', { max: MAX_NAMES })
  }
  return names
}

export async function loadQuoteNames(db: DB, roundId: number): Promise<string[]> {
  const row = await db.selectFrom('quote_names').select('names').where('round_id', '=', roundId).executeTakeFirst()
  return row ? row.names.split('\n').filter((name) => name !== '') : []
}

/** Replaces the round's list; the audit log gets how many names, not which. */
export async function saveQuoteNames(db: DB, actor: AuditActor, roundId: number, names: readonly string[]) {
  await db.transaction().execute(async (tx) => {
    if (names.length === 0) await tx.deleteFrom('quote_names').where('round_id', '=', roundId).execute()
    else
      await tx
        .insertInto('quote_names')
        .values({ round_id: roundId, names: names.join('\n') })
        .onConflict((oc) => oc.column('round_id').doUpdateSet({ names: names.join('\n') }))
        .execute()
    await audit(tx, actor, 'quotes.names', { count: names.length }, roundId)
  })
}
