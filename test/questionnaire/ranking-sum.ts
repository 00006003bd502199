/**
 * The small questionnaire with a ranking and a constant sum
 * (test/fixtures/questionnaire-ranking-sum.yaml), read the way an uploaded file is.
 */
import { readFileSync } from 'node:fs'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { parseDefinition } from '#src/questionnaire/index.ts'

const FILE = new URL('../fixtures/questionnaire-ranking-sum.yaml', import.meta.url)

/** A fresh copy each call: definitions are cached per object, so tests that change one need their own. */
export function rankingSumDefinition(): QuestionnaireDefinition {
  const result = parseDefinition(readFileSync(FILE, 'utf8'), 'yaml')
  if (!result.ok) throw new Error(`ranking-sum fixture is invalid: ${JSON.stringify(result.errors)}`)
  return result.definition
}
