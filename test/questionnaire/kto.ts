/** The shipped default questionnaire, read the way the server reads it. */
import { readFileSync } from 'node:fs'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { pageOfQuestion, parseDefinition } from '#src/questionnaire/index.ts'

export const KTO_FILE = new URL('../../questionnaires/kto-participatiewet.yaml', import.meta.url)

export function loadKto(): QuestionnaireDefinition {
  const result = parseDefinition(readFileSync(KTO_FILE, 'utf8'), 'yaml')
  if (!result.ok)
    throw new Error(
      `KTO definition invalid:\n${result.errors.map((e) => `${e.path} (line ${e.line}): ${e.message}`).join('\n')}`,
    )
  return result.definition
}

/**
 * The address of the page that asks a KTO question: where questions fall depends on how
 * pages are cut for a phone (questionnaire/pages.ts), so tests ask rather than hard-code it.
 */
export function ktoPageAsking(questionId: string): string {
  const page = pageOfQuestion(loadKto(), questionId)
  if (!page) throw new Error(`The KTO has no question ${questionId}`)
  return `/vragenlijst/deel/${page.id}`
}
