/**
 * The texts a client meets (the RESPONDENT_GROUPS of the catalogue), as one list of keys:
 * the rows of a translation file. And the `{fields}` a text holds, which a translation
 * must keep as they are, because code fills them in (placeholders of t(), merge fields
 * of letters and e-mails).
 */
import { catalogue, RESPONDENT_GROUPS } from './translate.ts'

let keys: readonly string[] | undefined
let keySet: ReadonlySet<string> | undefined

function leafKeys(node: object, prefix: string, into: string[]): string[] {
  for (const [name, value] of Object.entries(node)) {
    if (value !== null && typeof value === 'object') leafKeys(value as object, `${prefix}${name}.`, into)
    else into.push(`${prefix}${name}`)
  }
  return into
}

/** Every key of the client's texts, in the order of the Dutch catalogue. */
export function respondentKeys(): readonly string[] {
  if (!keys) {
    const nl = catalogue('nl')
    keys = Object.freeze(RESPONDENT_GROUPS.flatMap((group) => leafKeys(nl[group], `${group}.`, [])))
  }
  return keys
}

export function isRespondentKey(key: string): boolean {
  keySet ??= new Set(respondentKeys())
  return keySet.has(key)
}

// As merge fields are read (src/mailmerge/merge-fields.ts): a word between braces, in any script.
const FIELD = /\{([\p{L}\p{N}_]+)\}/gu

/** The field names between braces, each once, in order of appearance: "Beste {naam}," → ["naam"]. */
export function fieldsOf(text: string): string[] {
  const fields: string[] = []
  for (const match of text.matchAll(FIELD)) if (!fields.includes(match[1]!)) fields.push(match[1]!)
  return fields
}
