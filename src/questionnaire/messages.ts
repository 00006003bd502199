/**
 * Messages for respondents and typists about their answers, in every UI language (the
 * texts are in the catalogues, `questionnaire.answers.*`). Plain language (B1): short
 * sentences that say what to do, not what went wrong inside the system.
 */
import type { KeyUnder } from '#src/i18n/translate.ts'
import { formatNumber, inEveryLanguage } from '#src/i18n/translate.ts'
import type { LangText } from './definition.ts'

/** The text in every UI language, its numbers written the way each language writes them. */
function text(key: KeyUnder<'questionnaire.answers'>, numbers: Record<string, number> = {}): LangText {
  return inEveryLanguage(`questionnaire.answers.${key}`, (language) =>
    Object.fromEntries(Object.entries(numbers).map(([name, n]) => [name, formatNumber(n, language)])),
  )
}

export const messages = {
  chooseGrade: (): LangText => text('chooseGrade'),
  chooseOption: (): LangText => text('chooseOption'),
  chooseFromOptions: (): LangText => text('chooseFromOptions'),
  tooManyTicked: (max: number): LangText => (max === 1 ? text('tooManyTickedOne') : text('tooManyTicked', { max })),
  notANumber: (): LangText => text('notANumber'),
  outOfRange: (min: number, max: number): LangText => text('outOfRange', { min, max }),
  notText: (): LangText => text('notText'),
  tooLong: (max: number, length: number): LangText => text('tooLong', { max, length }),
  required: (): LangText => text('required'),
  rankRange: (max: number): LangText => text('rankRange', { max }),
  repeatedRank: (rank: number): LangText => text('repeatedRank', { rank }),
  rankGap: (rank: number): LangText => text('rankGap', { rank }),
  amountRange: (max: number): LangText => text('amountRange', { max }),
  wrongSum: (total: number, sum: number): LangText => text('wrongSum', { total, sum }),
}
