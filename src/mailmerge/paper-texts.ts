/**
 * The fixed texts of the printed questionnaire live in the catalogues (`paper.*` in
 * src/i18n/<lang>/paper.ts). Other languages fall back to Dutch, like the questionnaire
 * texts themselves.
 */
import type { KeyUnder, Params } from '#src/i18n/translate.ts'
import { translator } from '#src/i18n/translate.ts'

/** `paperText('goTo', 'en', { number: 5 })`: the text `paper.goTo` in `lang`, with `{name}` placeholders filled. */
export function paperText(key: KeyUnder<'paper'>, lang: string, values?: Params): string {
  return translator(lang)(`paper.${key}`, values)
}
