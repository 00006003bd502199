/**
 * Texts the engine supplies itself, because no definition spells them out: the yes/no
 * options, the ends of the grade scale, the words used in the codebook.
 */
import type { LangText } from './definition.ts'

export const YES: LangText = { nl: 'Ja', en: 'Yes' }
export const NO: LangText = { nl: 'Nee', en: 'No' }

/** The ends of the 1–10 grade, as printed on the paper form. */
export const GRADE_LOWEST: LangText = { nl: 'zeer slecht', en: 'very poor' }
export const GRADE_HIGHEST: LangText = { nl: 'uitstekend', en: 'excellent' }

/** Value labels of the 0/1 variables a multiple-choice question exports. */
export const NOT_TICKED: LangText = { nl: 'niet aangekruist', en: 'not ticked' }
export const TICKED: LangText = { nl: 'aangekruist', en: 'ticked' }

/** Appended to the label of the "anders, namelijk" text variable. */
export const OTHER_TEXT: LangText = { nl: 'toelichting', en: 'specification' }

/** Words in the human-readable routing of the codebook. */
export const ROUTING_WORDS = {
  and: { nl: 'en', en: 'and' },
  or: { nl: 'of', en: 'or' },
  not: { nl: 'niet', en: 'not' },
  answered: { nl: 'beantwoord', en: 'answered' },
  stratum: { nl: 'stratum', en: 'stratum' },
} satisfies Record<string, LangText>
