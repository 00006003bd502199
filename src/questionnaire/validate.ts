/**
 * Checking a definition: first its structure against the JSON Schema, then the rules
 * between its parts (semantic-checks.ts). The second step needs a sound structure, so
 * it runs only when the first finds nothing; fixing a file can reveal more errors.
 */
import { Ajv } from 'ajv'
import type { QuestionnaireDefinition } from './definition.ts'
import type { Fault } from './paths.ts'
import { formatPath } from './paths.ts'
import { definitionSchema } from './schema.ts'
import { schemaFaults } from './schema-errors.ts'
import { semanticFaults } from './semantic-checks.ts'

export interface DefinitionError {
  /** Where, e.g. `sections[2].questions[1].options[0].label.nl`; empty for the file as a whole. */
  path: string
  message: string
  /** The line in the YAML or JSON file, when the definition was parsed from text. */
  line?: number
}

export type DefinitionResult =
  | { ok: true; definition: QuestionnaireDefinition }
  | { ok: false; errors: DefinitionError[] }

// strictRequired would reject `if: { required: [...] }` in the condition chain, which is intended.
const ajv = new Ajv({ allErrors: true, discriminator: true, verbose: true, strict: true, strictRequired: false })
const checkSchema = ajv.compile(definitionSchema)

/** The problems of a definition, with paths as segments (parse.ts maps them to lines). */
export function definitionFaults(input: unknown): Fault[] {
  if (!checkSchema(input)) return schemaFaults(checkSchema.errors ?? [])
  return semanticFaults(input as QuestionnaireDefinition)
}

export function toDefinitionErrors(faults: Fault[]): DefinitionError[] {
  return faults.map((f) => ({ path: formatPath(f.path), message: f.message }))
}

/**
 * Validates a parsed definition. On success `definition` is the input itself, typed;
 * treat it as immutable from then on (routing caches per definition object).
 */
export function validateDefinition(input: unknown): DefinitionResult {
  const faults = definitionFaults(input)
  return faults.length === 0
    ? { ok: true, definition: input as QuestionnaireDefinition }
    : { ok: false, errors: toDefinitionErrors(faults) }
}
