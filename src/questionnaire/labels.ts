/**
 * Texts the engine supplies itself, because no definition spells them out: the yes/no
 * options, the ends of the grade scale, the words used in the codebook. The texts are in
 * the catalogues (`questionnaire.labels.*`, `questionnaire.codebook.*`); here they become
 * a `LangText`, like the definition's own texts, read at each use (a corrected text
 * shows at once).
 */
import { liveInEveryLanguage as inEveryLanguage } from '#src/i18n/translate.ts'
import type { LangText } from './definition.ts'

export const YES: LangText = inEveryLanguage('questionnaire.labels.yes')
export const NO: LangText = inEveryLanguage('questionnaire.labels.no')

/** The ends of the 1–10 grade, as printed on the paper form. */
export const GRADE_LOWEST: LangText = inEveryLanguage('questionnaire.labels.gradeLowest')
export const GRADE_HIGHEST: LangText = inEveryLanguage('questionnaire.labels.gradeHighest')

/** Value labels of the 0/1 variables a multiple-choice question exports. */
export const NOT_TICKED: LangText = inEveryLanguage('questionnaire.codebook.notTicked')
export const TICKED: LangText = inEveryLanguage('questionnaire.codebook.ticked')

/** The value label of a ranking item that got no rank (the ranking itself was answered). */
export const NOT_RANKED: LangText = inEveryLanguage('questionnaire.codebook.notRanked')

/** Appended to the label of the "anders, namelijk" text variable. */
export const OTHER_TEXT: LangText = inEveryLanguage('questionnaire.codebook.otherText')

/** Words in the human-readable routing of the codebook. */
export const ROUTING_WORDS = {
  and: inEveryLanguage('questionnaire.codebook.routing.and'),
  or: inEveryLanguage('questionnaire.codebook.routing.or'),
  not: inEveryLanguage('questionnaire.codebook.routing.not'),
  answered: inEveryLanguage('questionnaire.codebook.routing.answered'),
  stratum: inEveryLanguage('questionnaire.codebook.routing.stratum'),
} satisfies Record<string, LangText>
