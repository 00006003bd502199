/** Every text of a catalogue by its dotted key, e.g. "staff.auth.title" → "Inloggen voor medewerkers". */
export function leafTexts(catalogue: object, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  for (const [name, value] of Object.entries(catalogue)) {
    if (value !== null && typeof value === 'object') leafTexts(value, `${prefix}${name}.`, into)
    else into.set(`${prefix}${name}`, value)
  }
  return into
}

/** The `{name}` placeholders of a text, sorted, each once. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort()
}
