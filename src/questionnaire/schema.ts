/**
 * JSON Schema (draft-07) of `QuestionnaireDefinition`: the structure of a definition
 * file. What a schema cannot say (unique ids, routing only backwards, …) is checked in
 * validate.ts. Editors can use this schema for completion in YAML and JSON files.
 *
 * Questions and grid scales are told apart by their `type` with ajv's `discriminator`,
 * so an error in a grid reports the grid's problems, not those of seven other types.
 * Conditions have no tag property; an if/then/else chain on the operator they contain
 * does the same for them.
 */
import type { SchemaObject } from 'ajv'

/** Section, question, item and scale ids: they become variable names in SPSS/PSPP. */
export const ID_PATTERN = '^[a-z][a-z0-9_]*$'
/** The questionnaire's own key may use hyphens, e.g. "kto-participatiewet". */
export const KEY_PATTERN = '^[a-z][a-z0-9_-]*$'
/** A BCP 47 style language code: "nl", "en", "ar", "pt-BR". */
export const LANGUAGE_PATTERN = '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'
/** A concept key: shared by questions that measure the same thing, e.g. "tevredenheid_algemeen" or "kto.intake.rechten". */
export const CONCEPT_PATTERN = '^[a-z][a-z0-9_.-]*$'
/** Some visible text: not empty, not only spaces. */
export const TEXT_PATTERN = '\\S'

const ref = (name: string) => ({ $ref: `#/definitions/${name}` })
const id = { type: 'string', pattern: ID_PATTERN }
const concept = { type: 'string', pattern: CONCEPT_PATTERN, maxLength: 64 }

const questionBase = {
  id,
  number: { type: 'string', minLength: 1 },
  text: ref('langText'),
  help: ref('langText'),
  showIf: ref('condition'),
  required: { type: 'boolean' },
  concept,
}

function questionType(
  type: string | string[],
  extra: Record<string, unknown> = {},
  required: string[] = [],
): SchemaObject {
  return {
    type: 'object',
    required: ['id', 'number', 'text', 'type', ...required],
    additionalProperties: false,
    properties: { ...questionBase, type: Array.isArray(type) ? { enum: type } : { const: type }, ...extra },
  }
}

/** One branch of the condition chain: a test on the answer to `question`. */
function answerTest(operator: string, operand: SchemaObject): SchemaObject {
  return {
    required: ['question', operator],
    properties: { question: id, [operator]: operand },
    additionalProperties: false,
  }
}

/** Tries each operator in turn; the first one present decides which shape applies. */
function conditionChain(branches: Array<[string, SchemaObject]>): SchemaObject | boolean {
  const [first, ...rest] = branches
  if (!first) return false
  const [operator, then] = first
  return { if: { required: [operator] }, then, else: conditionChain(rest) }
}

const conditionList = { type: 'array', minItems: 1, items: ref('condition') }

export const definitionSchema: SchemaObject = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Peiling questionnaire definition',
  type: 'object',
  required: ['id', 'version', 'title', 'languages', 'sections'],
  additionalProperties: false,
  properties: {
    // Lets editors point at this schema from inside a file.
    $schema: { type: 'string' },
    id: { type: 'string', pattern: KEY_PATTERN },
    version: { type: 'integer', minimum: 1 },
    title: ref('langText'),
    intro: ref('langText'),
    outro: ref('langText'),
    languages: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: LANGUAGE_PATTERN } },
    scales: { type: 'object', propertyNames: { pattern: ID_PATTERN }, additionalProperties: ref('gridScale') },
    sections: { type: 'array', minItems: 1, items: ref('section') },
  },
  definitions: {
    langText: {
      type: 'object',
      required: ['nl'],
      propertyNames: { pattern: LANGUAGE_PATTERN },
      properties: { nl: { type: 'string', pattern: TEXT_PATTERN } },
      additionalProperties: { type: 'string' },
    },
    option: {
      type: 'object',
      required: ['value', 'label'],
      additionalProperties: false,
      properties: {
        value: { type: 'integer' },
        label: ref('langText'),
        other: { type: 'boolean' },
        missing: { type: 'boolean' },
      },
    },
    options: { type: 'array', minItems: 2, items: ref('option') },
    // On a single-choice or yes/no question: these answers end the questionnaire with a
    // text of their own (definition.ts, ScreenOut); semantic-checks.ts checks the values.
    screenOut: {
      type: 'object',
      required: ['values', 'text'],
      additionalProperties: false,
      properties: {
        values: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'integer' } },
        text: ref('langText'),
      },
    },
    condition: {
      type: 'object',
      ...(conditionChain([
        ['all', { properties: { all: conditionList }, additionalProperties: false }],
        ['any', { properties: { any: conditionList }, additionalProperties: false }],
        ['not', { properties: { not: ref('condition') }, additionalProperties: false }],
        [
          'stratum',
          {
            properties: { stratum: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
            additionalProperties: false,
          },
        ],
        ['equals', answerTest('equals', { type: 'number' })],
        ['notEquals', answerTest('notEquals', { type: 'number' })],
        ['in', answerTest('in', { type: 'array', minItems: 1, items: { type: 'number' } })],
        ['answered', answerTest('answered', { const: true })],
      ]) as SchemaObject),
    },
    gridScale: {
      type: 'object',
      required: ['type'],
      discriminator: { propertyName: 'type' },
      oneOf: [
        {
          type: 'object',
          required: ['type', 'options'],
          additionalProperties: false,
          properties: { type: { const: 'options' }, options: ref('options') },
        },
        {
          type: 'object',
          required: ['type'],
          additionalProperties: false,
          properties: { type: { const: 'grade' }, dontKnow: ref('option') },
        },
      ],
    },
    gridItem: {
      type: 'object',
      required: ['id', 'number', 'text'],
      additionalProperties: false,
      properties: { id, number: { type: 'string', minLength: 1 }, text: ref('langText'), concept },
    },
    question: {
      type: 'object',
      required: ['type'],
      discriminator: { propertyName: 'type' },
      oneOf: [
        questionType('grade', { dontKnow: ref('option') }),
        questionType('single', { options: ref('options'), ordered: { type: 'boolean' }, screenOut: ref('screenOut') }, [
          'options',
        ]),
        questionType('multiple', { options: ref('options'), max: { type: 'integer', minimum: 1 } }, ['options']),
        questionType('yesno', { screenOut: ref('screenOut') }),
        questionType('number', { min: { type: 'number' }, max: { type: 'number' }, unit: ref('langText') }, [
          'min',
          'max',
        ]),
        questionType(['text', 'longtext'], { maxLength: { type: 'integer', minimum: 1 } }),
        questionType('grid', { scale: id, items: { type: 'array', minItems: 1, items: ref('gridItem') } }, [
          'scale',
          'items',
        ]),
        questionType(
          'ranking',
          { items: { type: 'array', minItems: 2, items: ref('gridItem') }, max: { type: 'integer', minimum: 1 } },
          ['items'],
        ),
        questionType(
          'constantsum',
          {
            items: { type: 'array', minItems: 2, items: ref('gridItem') },
            total: { type: 'integer', minimum: 1 },
            unit: ref('langText'),
          },
          ['items', 'total'],
        ),
      ],
    },
    section: {
      type: 'object',
      required: ['id', 'title', 'questions'],
      additionalProperties: false,
      properties: {
        id,
        title: ref('langText'),
        intro: ref('langText'),
        showIf: ref('condition'),
        questions: { type: 'array', minItems: 1, items: ref('question') },
      },
    },
  },
}
