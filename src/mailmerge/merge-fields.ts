/**
 * Merge fields in letter texts: `{naam}`, `{code}`, `{url}`, `{sluitingsdatum}`,
 * `{gemeente}`. Staff edit the texts, so a misspelt field must be reported (the editor
 * says "onbekend veld {foo}") instead of being printed on thousands of letters.
 */

export const MERGE_FIELDS = ['naam', 'code', 'url', 'sluitingsdatum', 'gemeente'] as const

export type MergeField = (typeof MERGE_FIELDS)[number]

export type MergeValues = Record<MergeField, string>

export interface MergeResult {
  text: string
  /** Field names between braces that are not merge fields, each once, in order of appearance. */
  unknown: string[]
}

// Only a word between braces counts as a field, so "{ zie bijlage }" or a lone "{" in a
// text is left alone rather than reported.
const FIELD = /\{([\p{L}\p{N}_]+)\}/gu

function isMergeField(name: string): name is MergeField {
  return (MERGE_FIELDS as readonly string[]).includes(name)
}

/**
 * Replaces every `{field}` with its value. Unknown fields stay in the text as written
 * and are listed in `unknown`; field names are case-sensitive (`{Naam}` is unknown).
 */
export function mergeFields(text: string, values: MergeValues): MergeResult {
  const unknown: string[] = []
  const merged = text.replace(FIELD, (whole, name: string) => {
    if (isMergeField(name)) return values[name]
    if (!unknown.includes(name)) unknown.push(name)
    return whole
  })
  return { text: merged, unknown }
}

/** The unknown fields of a text, without merging: what the staff editor checks on save. */
export function unknownMergeFields(text: string): string[] {
  const unknown: string[] = []
  for (const match of text.matchAll(FIELD)) {
    const name = match[1]!
    if (!isMergeField(name) && !unknown.includes(name)) unknown.push(name)
  }
  return unknown
}
