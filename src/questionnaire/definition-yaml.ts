/**
 * A definition written as YAML for people to read and edit: keys in the order of the
 * shipped files (questionnaires/kto-participatiewet.yaml), languages in the
 * definition's own order, conditions and language lists on one line, long texts folded.
 * The same definition always gives the same text, so two downloads can be compared
 * line by line, and parsing the text gives back an equal definition.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Node } from 'yaml'
import { Document, isMap, isScalar, isSeq, parse, Scalar, visit } from 'yaml'
import type { QuestionnaireDefinition } from './definition.ts'

/** Keys listed here come first, in this order; others (from newer parts of the format) follow as they are. */
const DEFINITION_KEYS = ['$schema', 'id', 'version', 'languages', 'title', 'intro', 'outro', 'scales', 'sections']
const SECTION_KEYS = ['id', 'title', 'intro', 'showIf', 'questions']
const QUESTION_KEYS = [
  'id',
  'concept',
  'number',
  'type',
  'scale',
  'ordered',
  'required',
  'showIf',
  'text',
  'help',
  'unit',
  'min',
  'max',
  'maxLength',
  'options',
  'dontKnow',
  'items',
]
const ITEM_KEYS = ['id', 'concept', 'number', 'text']
const OPTION_KEYS = ['value', 'label', 'other', 'missing']
const SCALE_KEYS = ['type', 'options', 'dontKnow']
const CONDITION_KEYS = ['question', 'equals', 'notEquals', 'in', 'answered', 'stratum', 'all', 'any', 'not']

/** Texts longer than this are written as a folded block (`>-`), as in the shipped files. */
const FOLD_FROM = 80
const LINE_WIDTH = 100

type Plain = Record<string, unknown>

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function ordered(value: Plain, keys: readonly string[]): Plain {
  const result: Plain = {}
  for (const key of keys) if (Object.hasOwn(value, key) && value[key] !== undefined) result[key] = value[key]
  for (const [key, v] of Object.entries(value)) if (!Object.hasOwn(result, key) && v !== undefined) result[key] = v
  return result
}

/** Dutch first, then the definition's languages in its order, then anything else. */
function orderedText(value: unknown, languages: readonly string[]): unknown {
  return isPlainObject(value) ? ordered(value, ['nl', ...languages]) : value
}

function orderedOption(option: unknown, languages: readonly string[]): unknown {
  if (!isPlainObject(option)) return option
  const o = ordered(option, OPTION_KEYS)
  if (o.label !== undefined) o.label = orderedText(o.label, languages)
  return o
}

/** `{ question: x, equals: 1 }`, as people write it (the database keeps keys in an order of its own). */
function orderedCondition(condition: unknown): unknown {
  if (!isPlainObject(condition)) return condition
  const c = ordered(condition, CONDITION_KEYS)
  if (Array.isArray(c.all)) c.all = c.all.map(orderedCondition)
  if (Array.isArray(c.any)) c.any = c.any.map(orderedCondition)
  if (c.not !== undefined) c.not = orderedCondition(c.not)
  return c
}

const TEXT_KEYS = new Set(['title', 'intro', 'outro', 'text', 'help', 'unit', 'label'])

function orderedQuestion(question: unknown, languages: readonly string[]): unknown {
  if (!isPlainObject(question)) return question
  const q = ordered(question, QUESTION_KEYS)
  if (q.showIf !== undefined) q.showIf = orderedCondition(q.showIf)
  for (const key of Object.keys(q)) if (TEXT_KEYS.has(key)) q[key] = orderedText(q[key], languages)
  if (Array.isArray(q.options)) q.options = q.options.map((o) => orderedOption(o, languages))
  if (q.dontKnow !== undefined) q.dontKnow = orderedOption(q.dontKnow, languages)
  if (Array.isArray(q.items))
    q.items = q.items.map((item) => {
      if (!isPlainObject(item)) return item
      const i = ordered(item, ITEM_KEYS)
      i.text = orderedText(i.text, languages)
      return i
    })
  return q
}

/**
 * Scales in the order the questions first use them, then any unused ones by name: the
 * database does not keep the order of a file's own keys, so a stable order has to come
 * from the content.
 */
function scaleEntries(scales: Plain, definition: QuestionnaireDefinition): Array<[string, unknown]> {
  const used: string[] = []
  for (const section of definition.sections ?? [])
    for (const question of section.questions ?? []) {
      const scale = (question as { scale?: unknown }).scale
      if (typeof scale === 'string' && Object.hasOwn(scales, scale) && !used.includes(scale)) used.push(scale)
    }
  const unused = Object.keys(scales)
    .filter((name) => !used.includes(name))
    .sort()
  return [...used, ...unused].map((name) => [name, scales[name]])
}

function orderedDefinition(definition: QuestionnaireDefinition): Plain {
  const languages = definition.languages
  const d = ordered(definition as unknown as Plain, DEFINITION_KEYS)
  for (const key of ['title', 'intro', 'outro']) if (d[key] !== undefined) d[key] = orderedText(d[key], languages)
  if (isPlainObject(d.scales)) {
    const scales: Plain = {}
    for (const [name, scale] of scaleEntries(d.scales, definition)) {
      if (!isPlainObject(scale)) {
        scales[name] = scale
        continue
      }
      const s = ordered(scale, SCALE_KEYS)
      if (Array.isArray(s.options)) s.options = s.options.map((o) => orderedOption(o, languages))
      if (s.dontKnow !== undefined) s.dontKnow = orderedOption(s.dontKnow, languages)
      scales[name] = s
    }
    d.scales = scales
  }
  if (Array.isArray(d.sections))
    d.sections = d.sections.map((section) => {
      if (!isPlainObject(section)) return section
      const s = ordered(section, SECTION_KEYS)
      s.title = orderedText(s.title, languages)
      if (s.showIf !== undefined) s.showIf = orderedCondition(s.showIf)
      if (s.intro !== undefined) s.intro = orderedText(s.intro, languages)
      if (Array.isArray(s.questions)) s.questions = s.questions.map((q) => orderedQuestion(q, languages))
      return s
    })
  return d
}

function toDocument(definition: QuestionnaireDefinition, styled: boolean, header: string | undefined): Document {
  const document = new Document(orderedDefinition(definition))
  if (header) document.commentBefore = header
  if (!styled) return document
  visit(document, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined
      const value = pair.value as Node | null
      // One line each, as people write them: `showIf: { question: x, equals: 1 }`, `languages: [nl, en]`.
      if ((key === 'showIf' || key === 'languages') && (isMap(value) || isSeq(value))) {
        visit(value, {
          Map(_k, node) {
            node.flow = true
          },
          Seq(_k, node) {
            node.flow = true
          },
        })
        value.flow = true
        return visit.SKIP
      }
      return undefined
    },
    Scalar(_, node) {
      if (typeof node.value === 'string' && node.value.length > FOLD_FROM && !node.value.includes('\n'))
        node.type = Scalar.BLOCK_FOLDED
    },
  })
  // Blank lines between sections, and between questions, as in the shipped files.
  const sections = document.get('sections', true)
  if (isSeq(sections))
    sections.items.forEach((section, index) => {
      if (index > 0 && (isMap(section) || isScalar(section))) section.spaceBefore = true
      const questions = isMap(section) ? section.get('questions', true) : undefined
      if (isSeq(questions))
        questions.items.forEach((question, i) => {
          if (i > 0 && isMap(question)) question.spaceBefore = true
        })
    })
  for (const key of ['title', 'intro', 'outro', 'scales', 'sections']) {
    const pair =
      document.contents && isMap(document.contents)
        ? document.contents.items.find((p) => isScalar(p.key) && p.key.value === key)
        : undefined
    if (pair && isScalar(pair.key)) pair.key.spaceBefore = true
  }
  return document
}

/**
 * The definition as YAML text. `header` (one or more lines) is written as a comment at
 * the top, e.g. where the file came from.
 */
export function definitionToYaml(definition: QuestionnaireDefinition, header?: string): string {
  const options = { lineWidth: LINE_WIDTH, minContentWidth: 40, indentSeq: true }
  const text = toDocument(definition, true, header).toString(options)
  // The styling is for people; if it ever cost a character of the content, plain YAML it is.
  if (isDeepStrictEqual(parse(text), JSON.parse(JSON.stringify(definition)))) return text
  return toDocument(definition, false, header).toString(options)
}
