/**
 * The letters a mailing made now would print with texts no translator has checked: per
 * client language that is still a draft, how many envelopes hold a letter or a paper form
 * in it. A letter is printed in the client's language where its template has a text in
 * it, a paper form where the questionnaire has that language (and it reads left to
 * right), as letter-batches.ts prints them; everything else is printed in Dutch.
 */
import type { DB } from '#src/server/db/connect.ts'
import type { MailingKind } from '#src/server/db/schema.ts'
import { letterLanguage } from '#src/mailmerge/index.ts'
import { isRightToLeft } from '#src/questionnaire/text.ts'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'
import { languageStatuses } from '#src/server/services/translations/translation-store.ts'
import { effectiveTemplate } from './letter-templates.ts'
import { eligibleLanguageCounts } from './mailings.ts'

export interface DraftLanguageLetters {
  language: string
  letters: number
}

export async function draftLanguageLetters(
  db: DB,
  round: StaffRound,
  kind: MailingKind,
): Promise<DraftLanguageLetters[]> {
  const drafts: string[] = (await languageStatuses(db)).filter((s) => s.review === 'draft').map((s) => s.language)
  if (drafts.length === 0) return []
  const counts = (await eligibleLanguageCounts(db, round.id, kind, 'letter')).filter((c) => drafts.includes(c.language))
  const perLanguage = new Map<string, number>()
  const templates = new Map<number, Awaited<ReturnType<typeof effectiveTemplate>>['template']>()
  for (const { stratumId, language, count } of counts) {
    let template = templates.get(stratumId)
    if (!template)
      templates.set(stratumId, (template = (await effectiveTemplate(db, round.id, stratumId, kind)).template))
    const letterInIt = letterLanguage(template, language) === language
    const formInIt = kind === 'invitation' && round.definition.languages.includes(language) && !isRightToLeft(language)
    if (letterInIt || formInIt) perLanguage.set(language, (perLanguage.get(language) ?? 0) + count)
  }
  return drafts.filter((l) => perLanguage.has(l)).map((language) => ({ language, letters: perLanguage.get(language)! }))
}
