/**
 * Looks up user-facing texts. Dutch is complete; other languages must be too (the type
 * checker holds them to the Dutch shape), and a missing text falls back to Dutch.
 * A text a researcher corrected (an uploaded translation file) goes before the shipped one.
 */
import { messages as nl } from './nl/index.ts'
import { messages as en } from './en/index.ts'
import { messages as tr } from './tr/index.ts'
import { messages as ar } from './ar/index.ts'
import { messages as pl } from './pl/index.ts'
import type { MessageKey, Messages, RespondentMessages } from './messages.ts'

export type { KeyUnder, MessageKey, Messages, RespondentMessages } from './messages.ts'
export { RESPONDENT_GROUPS } from './messages.ts'

/**
 * The languages a client can be served in: pages, e-mails, letters, paper forms. The
 * Turkish, Arabic and Polish texts are drafts not yet checked by a translator.
 */
export const UI_LANGUAGES = ['nl', 'en', 'tr', 'ar', 'pl'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

/** The languages the staff pages are written in; the rest of the catalogue of the others is the client's. */
export const STAFF_LANGUAGES = ['nl', 'en'] as const satisfies readonly UiLanguage[]
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number]

const catalogs: Record<UiLanguage, RespondentMessages & Partial<Messages>> = { nl, en, tr, ar, pl }

/** Every text of one language (for the tests that hold the catalogues and the views together). */
export function catalogue(language: UiLanguage): RespondentMessages & Partial<Messages> {
  return catalogs[language]
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value)
}

export function isStaffLanguage(value: unknown): value is StaffLanguage {
  return typeof value === 'string' && (STAFF_LANGUAGES as readonly string[]).includes(value)
}

/** Per language, the texts a researcher corrected, by key: they go before the shipped ones. */
const corrections = new Map<string, ReadonlyMap<string, string>>()

/**
 * Puts a language's corrected texts in force (all of them at once: the ones not in
 * `texts` are the shipped ones again). Called at start-up and after an upload.
 */
export function useCorrectedTexts(language: UiLanguage, texts: ReadonlyMap<string, string>): void {
  if (texts.size === 0) corrections.delete(language)
  else corrections.set(language, texts)
}

/** The shipped text of a key in a language, without corrections or the Dutch fallback. */
export function shippedText(language: UiLanguage, key: string): string | undefined {
  return lookup(catalogs[language], key)
}

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

/**
 * Whether `key` names a Dutch text, for a key that only exists at run time (an audit
 * action read from the database): `isMessageKey(key) ? t(key) : fallback`.
 */
export function isMessageKey(key: string): key is MessageKey {
  return lookup(nl, key) !== undefined
}

export type Params = Record<string, string | number>
export type Translate = (key: MessageKey, params?: Params) => string

export function translator(language: string): Translate {
  const code = isUiLanguage(language) ? language : 'nl'
  const catalog = catalogs[code]
  return (key, params) => {
    const text =
      corrections.get(code)?.get(key) ?? lookup(catalog, key) ?? corrections.get('nl')?.get(key) ?? lookup(nl, key)
    if (text === undefined) throw new Error(`Missing UI text: ${key}`)
    if (!params) return text
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    )
  }
}

/**
 * A text in every UI language at once, for data that carries its own translations: the
 * labels and answer messages the questionnaire engine adds are a definition's `LangText`.
 * `params` is asked per language, so each language writes its numbers its own way.
 */
export function inEveryLanguage(
  key: MessageKey,
  params?: (language: UiLanguage) => Params,
): Record<UiLanguage, string> {
  return Object.fromEntries(
    UI_LANGUAGES.map((language) => [language, translator(language)(key, params?.(language))]),
  ) as Record<UiLanguage, string>
}

/**
 * Like `inEveryLanguage`, but each language's text is looked up whenever it is read: for
 * texts made once, when a module loads (questionnaire/labels.ts), so that a text a
 * researcher corrects shows at once there too.
 */
export function liveInEveryLanguage(key: MessageKey): Record<UiLanguage, string> {
  const texts = {} as Record<UiLanguage, string>
  for (const language of UI_LANGUAGES)
    Object.defineProperty(texts, language, { enumerable: true, get: () => translator(language)(key) })
  return Object.freeze(texts)
}

const numberFormats = new Map<UiLanguage, Intl.NumberFormat>()

/** 12345 → "12.345" in Dutch, "12,345" in English. */
export function formatNumber(value: number, language: UiLanguage): string {
  let format = numberFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(DATE_LOCALES[language])
    numberFormats.set(language, format)
  }
  return format.format(value)
}

// Making an Intl.DateTimeFormat costs far more than using one (the monitor page formats
// a date per day of the round: `npm run bench`), so there is one per language.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
/** British English: "1 December 2026", as the letters print it, not "December 1, 2026". */
// Arabic with the digits of the letter's address and code (0–9), as Arabic speakers in
// the Netherlands read them on every other letter, not the Arabic-Indic ones.
const DATE_LOCALES: Record<string, string> = {
  nl: 'nl-NL',
  en: 'en-GB',
  tr: 'tr-TR',
  ar: 'ar-u-nu-latn',
  pl: 'pl-PL',
}

/** 2026-12-01 → "1 december 2026" (or "1 December 2026"). */
export function formatDate(isoDate: string, language: string): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  let format = dateFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[language] ?? language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    dateFormats.set(language, format)
  }
  return format.format(new Date(Date.UTC(y!, m! - 1, d!)))
}
