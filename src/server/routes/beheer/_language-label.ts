/** A client language as staff read it: "Engels (English)" on a Dutch page, its own name too so nobody mistakes it. */
import { languageName } from '#src/i18n/language-names.ts'

export function languageLabel(code: string, staffLanguage: string): string {
  const own = languageName(code)
  let name = own
  try {
    name = new Intl.DisplayNames([staffLanguage], { type: 'language' }).of(code) ?? own
  } catch {
    // An unknown code shows as it is.
  }
  return name.toLowerCase() === own.toLowerCase() ? own : `${name} (${own})`
}
