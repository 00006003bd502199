/**
 * Whether the letter texts of a translation file still make a letter of one page. A
 * longer translation is easily written, and a letter that does not fit stops a whole
 * print run ("does not fit on one page"), so the upload is refused instead, naming the
 * row. Checked by setting one letter with the texts, for an addressee, code and
 * municipality as wide as they come.
 */
import type { UiLanguage } from '#src/i18n/translate.ts'
import { formatDate } from '#src/i18n/translate.ts'
import { defaultTemplate } from '#src/mailmerge/index.ts'
import { isRightToLeft } from '#src/questionnaire/text.ts'
import { exampleLetter, templatePrints } from '#src/server/services/fieldwork/letter-templates.ts'
import type { TranslationProblem } from './translation-check.ts'

/** One of the longest municipality names, and a date with the longest month. */
const WIDE_MUNICIPALITY = 'Noardeast-Fryslân'
const WIDE_DATE = '2026-09-30'

export async function letterFitProblems(
  language: UiLanguage,
  texts: ReadonlyMap<string, string>,
  rows: ReadonlyMap<string, number>,
  publicUrl: string,
): Promise<TranslationProblem[]> {
  // Letters in a right-to-left language are not printed at all yet (mailmerge/letter.ts).
  if (isRightToLeft(language)) return []
  const problems: TranslationProblem[] = []
  for (const kind of ['invitation', 'reminder'] as const) {
    const key = `letter.${kind}.body`
    const template = defaultTemplate(kind)
    template.bodies = {
      nl: template.bodies.nl,
      [language]: { subject: texts.get(`letter.${kind}.subject`) ?? '', body: texts.get(key) ?? '' },
    }
    const letter = exampleLetter(publicUrl, formatDate(WIDE_DATE, language), WIDE_MUNICIPALITY, language)
    if (!(await templatePrints(template, letter)))
      problems.push({ key: 'letterTooLong', params: { row: rows.get(key) ?? 0, key } })
  }
  return problems
}
