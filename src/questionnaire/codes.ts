/**
 * The codes a closed question accepts: what a respondent may tick, a typist may key and
 * the export may contain, with the labels the codebook prints.
 */
import type { AnswerOption, GridScale, LangText, Question, QuestionnaireDefinition } from './definition.ts'
import { GRADE_HIGHEST, GRADE_LOWEST, NO, YES } from './labels.ts'

export interface Code {
  value: number
  /** Grades 2–9 have no label: the number says it all. */
  label?: LangText
  /** "Weet niet / n.v.t.": not a position on the scale, left out of means. */
  missing: boolean
}

export const GRADE_MIN = 1
export const GRADE_MAX = 10

function optionCodes(options: AnswerOption[]): Code[] {
  return options.map((o) => ({ value: o.value, label: o.label, missing: o.missing === true }))
}

function gradeCodes(dontKnow: AnswerOption | undefined): Code[] {
  const codes: Code[] = []
  for (let grade = GRADE_MIN; grade <= GRADE_MAX; grade++) {
    const label = grade === GRADE_MIN ? GRADE_LOWEST : grade === GRADE_MAX ? GRADE_HIGHEST : undefined
    codes.push(label ? { value: grade, label, missing: false } : { value: grade, missing: false })
  }
  // "Weet niet" is never a grade, whether or not the definition says `missing`.
  if (dontKnow) codes.push({ value: dontKnow.value, label: dontKnow.label, missing: true })
  return codes
}

/** The named scale of a grid; hasOwn so that a scale called "constructor" is not found on Object.prototype. */
export function scaleOf(definition: QuestionnaireDefinition, name: string): GridScale | undefined {
  return definition.scales && Object.hasOwn(definition.scales, name) ? definition.scales[name] : undefined
}

export function scaleCodes(scale: GridScale): Code[] {
  return scale.type === 'grade' ? gradeCodes(scale.dontKnow) : optionCodes(scale.options)
}

/**
 * The codes of a closed question; for a grid, the codes of each item. Undefined for
 * number and text questions, rankings and constant sums (their items hold numbers),
 * and for a grid whose scale does not exist.
 */
export function codesOf(definition: QuestionnaireDefinition, question: Question): Code[] | undefined {
  switch (question.type) {
    case 'grade':
      return gradeCodes(question.dontKnow)
    case 'yesno':
      return [
        { value: 1, label: YES, missing: false },
        { value: 2, label: NO, missing: false },
      ]
    case 'single':
    case 'multiple':
      return optionCodes(question.options)
    case 'grid': {
      const scale = scaleOf(definition, question.scale)
      return scale ? scaleCodes(scale) : undefined
    }
    case 'number':
    case 'text':
    case 'longtext':
    case 'ranking':
    case 'constantsum':
      return undefined
  }
}
