/**
 * ajv's errors rewritten for the staff and developers who edit definitions: one message
 * per problem, saying what to change, at the path of the thing to change.
 */
import type { ErrorObject } from 'ajv'
import type { Fault, PathSegment } from './paths.ts'
import { pointerToPath } from './paths.ts'
import { CONCEPT_PATTERN, ID_PATTERN, KEY_PATTERN, LANGUAGE_PATTERN, TEXT_PATTERN } from './schema.ts'

const TYPE_NAMES: Record<string, string> = {
  string: 'text (a string)',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
}

const CONDITION_FORMS =
  'A condition needs exactly one of: question + equals, question + notEquals, question + in, ' +
  'question + answered: true, stratum, all, any or not.'

/** Conditions are the only place with an if/then/else chain (see schema.ts). */
function isConditionBranch(error: ErrorObject): boolean {
  return /^#\/(else\/)*then\//.test(error.schemaPath)
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length] as number
}

/** "showif" → "showIf": typos in property names are the commonest mistake in hand-written YAML. */
function suggestion(unknown: string, parentSchema: unknown): string {
  const properties = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties
  if (!properties) return ''
  const known = Object.keys(properties).filter((k) => k !== '$schema')
  const close =
    known.find((k) => k.toLowerCase() === unknown.toLowerCase()) ?? known.find((k) => editDistance(k, unknown) <= 2)
  return close ? ` Did you mean "${close}"?` : ` Known properties here: ${known.join(', ')}.`
}

function patternMessage(pattern: string, value: unknown): string {
  const shown = JSON.stringify(value)
  switch (pattern) {
    case ID_PATTERN:
      return `${shown} is not a valid id: use lower-case letters, digits and underscores, starting with a letter (e.g. "intake_wanneer").`
    case KEY_PATTERN:
      return `${shown} is not a valid questionnaire id: use lower-case letters, digits, hyphens and underscores, starting with a letter (e.g. "kto-participatiewet").`
    case CONCEPT_PATTERN:
      return `${shown} is not a valid concept key: use lower-case letters, digits, underscores, hyphens and dots, starting with a letter (e.g. "tevredenheid_algemeen").`
    case LANGUAGE_PATTERN:
      return `${shown} is not a language code: use a lower-case code such as "nl", "en" or "ar".`
    case TEXT_PATTERN:
      return 'The Dutch (nl) text is empty.'
    default:
      return `${shown} does not match the pattern ${pattern}.`
  }
}

/** The type names a discriminated union accepts, read from the schema's branches. */
function tagValues(parentSchema: unknown): string[] {
  const branches =
    (parentSchema as { oneOf?: Array<{ properties?: { type?: { const?: string; enum?: string[] } } }> }).oneOf ?? []
  return branches.flatMap(
    (b) => b.properties?.type?.enum ?? (b.properties?.type?.const ? [b.properties.type.const] : []),
  )
}

function fault(error: ErrorObject): Fault | undefined {
  const path: PathSegment[] = pointerToPath(error.instancePath)
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    // Only the causes matter: these wrap errors reported on their own.
    case 'if':
    case 'propertyNames':
      return undefined
    case 'false schema':
      return { path, message: CONDITION_FORMS }
    case 'required': {
      const missing = String(params.missingProperty)
      return {
        path: [...path, missing],
        message: missing === 'nl' ? 'A Dutch (nl) text is required.' : `Required property "${missing}" is missing.`,
      }
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty)
      const message = isConditionBranch(error)
        ? `Unexpected "${extra}" in this condition. ${CONDITION_FORMS} Combine tests with all or any.`
        : `Unknown property "${extra}".${suggestion(extra, error.parentSchema)}`
      return { path: [...path, extra], message }
    }
    case 'type': {
      const expected = TYPE_NAMES[String(params.type)] ?? String(params.type)
      const quoteHint =
        params.type === 'string' && typeof error.data === 'number'
          ? ` In YAML, put it in quotes: "${String(error.data)}".`
          : ''
      return { path, message: `Must be ${expected}.${quoteHint}` }
    }
    case 'pattern': {
      // propertyNames errors carry the offending key, not a value.
      const key = (error as ErrorObject & { propertyName?: string }).propertyName
      return key !== undefined
        ? { path: [...path, key], message: patternMessage(String(params.pattern), key) }
        : { path, message: patternMessage(String(params.pattern), error.data) }
    }
    case 'minLength':
      return { path, message: 'Must not be empty.' }
    case 'minItems': {
      const limit = Number(params.limit)
      return { path, message: limit === 1 ? 'Must not be an empty list.' : `Must have at least ${limit} entries.` }
    }
    case 'minimum':
      return { path, message: `Must be ${String(params.limit)} or more.` }
    case 'uniqueItems': {
      const list = error.data as unknown[]
      return {
        path: [...path, Number(params.i)],
        message: `${JSON.stringify(list[Number(params.i)])} is listed twice.`,
      }
    }
    case 'const':
      return { path, message: `Must be ${JSON.stringify(params.allowedValue)}.` }
    case 'enum':
      return {
        path,
        message: `Must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`,
      }
    case 'discriminator': {
      const allowed = tagValues(error.parentSchema).join(', ')
      if (params.error === 'mapping') {
        return {
          path: [...path, 'type'],
          message: `Unknown type ${JSON.stringify(params.tagValue)}: use one of ${allowed}.`,
        }
      }
      // A missing type is already reported by `required`.
      if ((error.data as { type?: unknown } | undefined)?.type === undefined) return undefined
      return { path: [...path, 'type'], message: `The type must be text: one of ${allowed}.` }
    }
    default:
      return {
        path,
        message: error.message ? `${error.message[0]?.toUpperCase()}${error.message.slice(1)}.` : 'Invalid.',
      }
  }
}

export function schemaFaults(errors: ErrorObject[]): Fault[] {
  const seen = new Set<string>()
  const faults: Fault[] = []
  for (const error of errors) {
    const f = fault(error)
    if (!f) continue
    const key = `${JSON.stringify(f.path)} ${f.message}`
    if (seen.has(key)) continue
    seen.add(key)
    faults.push(f)
  }
  return faults
}
