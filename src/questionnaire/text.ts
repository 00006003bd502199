/**
 * Picking the right language from a `LangText`.
 */
import type { LangText } from './definition.ts'

/** Scripts written right to left among the languages clients of Werk en Inkomen read. */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur'])

/**
 * The text in `lang`, or the Dutch text when there is no translation. An empty
 * translation counts as missing: a half-translated definition still shows a question.
 */
export function localize(text: LangText, lang: string): string {
  // hasOwn: a language code such as "constructor" must not find Object.prototype members.
  const translated = Object.hasOwn(text, lang) ? text[lang] : undefined
  return typeof translated === 'string' && translated.trim() !== '' ? translated : text.nl
}

/** Whether pages in `lang` need `dir="rtl"`. Region tags count too: "ar-MA" is Arabic. */
export function isRightToLeft(lang: string): boolean {
  const base = lang.toLowerCase().split(/[-_]/)[0] ?? ''
  return RIGHT_TO_LEFT.has(base)
}
