/**
 * Conditions as text for people: the routing column of the codebook. Conditions on a
 * multiple-choice question are written with the exported 0/1 variables
 * (`punt_goed_3 = 1`), because those are the names a researcher finds in the data.
 */
import type { Condition, QuestionnaireDefinition } from './definition.ts'
import { ROUTING_WORDS } from './labels.ts'
import { findQuestion } from './outline.ts'
import { localize } from './text.ts'

function isMultiple(definition: QuestionnaireDefinition, questionId: string): boolean {
  return findQuestion(definition, questionId)?.type === 'multiple'
}

function describe(definition: QuestionnaireDefinition, condition: Condition, lang: string, nested: boolean): string {
  const word = (key: keyof typeof ROUTING_WORDS) => localize(ROUTING_WORDS[key], lang)
  const group = (text: string) => (nested ? `(${text})` : text)

  if ('all' in condition) {
    const parts = condition.all.map((c) => describe(definition, c, lang, condition.all.length > 1))
    return condition.all.length > 1 ? group(parts.join(` ${word('and')} `)) : (parts[0] ?? '')
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => describe(definition, c, lang, condition.any.length > 1))
    return condition.any.length > 1 ? group(parts.join(` ${word('or')} `)) : (parts[0] ?? '')
  }
  if ('not' in condition) return `${word('not')} (${describe(definition, condition.not, lang, false)})`
  if ('stratum' in condition) {
    const [only] = condition.stratum
    return condition.stratum.length === 1 && only !== undefined
      ? `${word('stratum')} = ${only}`
      : `${word('stratum')} in (${condition.stratum.join(', ')})`
  }

  const id = condition.question
  if ('answered' in condition) return `${id} ${word('answered')}`
  if (isMultiple(definition, id)) {
    if ('equals' in condition) return `${id}_${condition.equals} = 1`
    if ('notEquals' in condition) return `${id}_${condition.notEquals} = 0`
    const parts = condition.in.map((v) => `${id}_${v} = 1`)
    return parts.length > 1 ? group(parts.join(` ${word('or')} `)) : (parts[0] ?? '')
  }
  if ('equals' in condition) return `${id} = ${condition.equals}`
  if ('notEquals' in condition) return `${id} ≠ ${condition.notEquals}`
  return `${id} in (${condition.in.join(', ')})`
}

/** E.g. "intake_wanneer = 1", "begeleiding_werk in (1, 2)", "stratum = haaksbergen en parttimebaan = 2". */
export function describeCondition(definition: QuestionnaireDefinition, condition: Condition, lang = 'nl'): string {
  return describe(definition, condition, lang, false)
}
