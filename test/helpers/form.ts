/**
 * Reads the questionnaire form from a page and fills it in like a respondent who picks
 * the first option everywhere, so flow tests do not depend on one questionnaire's ids;
 * and a page's CSRF token. Imports nothing, so bench/ can use it.
 */
/** Reads `name="_csrf" value="…"` from a page. */
export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match) throw new Error('page has no CSRF token')
  return match[1]!
}

export interface FormFields {
  action: string
  radios: Map<string, string[]>
  checkboxes: Map<string, string[]>
  texts: string[]
}

export function readQuestionForm(html: string): FormFields {
  const form = /<form method="post" action="([^"]+)" class="questions"[^>]*>([\s\S]*?)<\/form>/.exec(html)
  if (!form) throw new Error('no questionnaire form on this page')
  const radios = new Map<string, string[]>()
  const checkboxes = new Map<string, string[]>()
  const texts: string[] = []
  for (const m of form[2]!.matchAll(
    /<input type="(radio|checkbox|text)" id="[^"]*" name="([^"]+)"(?: value="([^"]*)")?/g,
  )) {
    const [, type, name, value] = m
    if (type === 'text') texts.push(name!)
    else {
      const map = type === 'radio' ? radios : checkboxes
      map.set(name!, [...(map.get(name!) ?? []), value ?? ''])
    }
  }
  for (const m of form[2]!.matchAll(/<textarea id="[^"]*" name="([^"]+)"/g)) texts.push(m[1]!)
  return { action: form[1]!.replace(/&#x2F;|&#47;/g, '/'), radios, checkboxes, texts }
}

/** The first option of every radio group and checkbox list, "tekst" in every text field except "other" fields. */
export function firstChoices(fields: FormFields): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {}
  for (const [name, values] of fields.radios) answers[name] = values[0]!
  for (const [name, values] of fields.checkboxes) answers[name] = [values[0]!]
  for (const name of fields.texts) if (!name.endsWith('_other')) answers[name] = 'Prima geholpen & <b>snel</b>'
  return answers
}
