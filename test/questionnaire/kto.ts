/** The shipped default questionnaire, read the way the server reads it. */
import { readFileSync } from 'node:fs'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { parseDefinition } from '#src/questionnaire/index.ts'

export const KTO_FILE = new URL('../../questionnaires/kto-participatiewet.yaml', import.meta.url)

export function loadKto(): QuestionnaireDefinition {
  const result = parseDefinition(readFileSync(KTO_FILE, 'utf8'), 'yaml')
  if (!result.ok)
    throw new Error(
      `KTO definition invalid:\n${result.errors.map((e) => `${e.path} (line ${e.line}): ${e.message}`).join('\n')}`,
    )
  return result.definition
}
