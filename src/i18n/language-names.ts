/**
 * Each language's name in that language ("Nederlands", "English"), for the language
 * switch: anyone finds their own language, whatever the page's language. The same in
 * every catalogue, so they live here once.
 */
const LANGUAGE_NAMES: Record<string, string> = {
  nl: 'Nederlands',
  en: 'English',
  ar: 'العربية',
  tr: 'Türkçe',
  pl: 'Polski',
}

/** "nl" → "Nederlands"; a code without a name here shows as it is. */
export function languageName(code: string): string {
  return Object.hasOwn(LANGUAGE_NAMES, code) ? LANGUAGE_NAMES[code]! : code
}
