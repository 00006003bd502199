/**
 * The client's texts of a language as they are in force: a researcher's correction, else
 * the shipped text. Pure: the corrections come from the database (translation-store.ts),
 * not from what this process happens to hold, so every instance computes the same.
 */
import { createHash } from 'node:crypto'
import type { UiLanguage } from '#src/i18n/translate.ts'
import { shippedText } from '#src/i18n/translate.ts'
import { respondentKeys } from '#src/i18n/respondent-texts.ts'

/** Per language, the corrected texts by key. */
export type Corrections = ReadonlyMap<string, ReadonlyMap<string, string>>

export function textInForce(language: UiLanguage, key: string, corrections: Corrections): string {
  return (
    corrections.get(language)?.get(key) ??
    shippedText(language, key) ??
    corrections.get('nl')?.get(key) ??
    shippedText('nl', key) ??
    ''
  )
}

/**
 * What a translator checked: every key with its text in force. A check holds while this
 * stays the same; a release that changes a shipped text or adds one changes it.
 */
export function textsFingerprint(language: UiLanguage, corrections: Corrections): string {
  const hash = createHash('sha256')
  for (const key of respondentKeys()) hash.update(JSON.stringify([key, textInForce(language, key, corrections)]))
  return hash.digest('hex')
}
