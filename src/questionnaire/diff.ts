/**
 * What changed between two versions of a questionnaire, question by question, as a
 * researcher checks it before a round uses the new version: questions added and
 * removed, texts reworded (in which languages), codes (answer values) added or dropped,
 * the concept key, the number, the type and the routing. Questions are matched on their
 * id, which is the variable name in the export: a question with a new id is a new
 * variable, whatever its text.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Condition, LangText, Question, QuestionnaireDefinition } from './definition.ts'
import { codesOf } from './codes.ts'
import { allQuestions, findQuestion } from './outline.ts'

/** Which text of a question changed: its own text, its help, a grid item, an answer option's label. */
export type TextPart =
  | { part: 'text' }
  | { part: 'help' }
  | { part: 'unit' }
  | { part: 'item'; item: string }
  | { part: 'option'; value: number }

export type QuestionChange =
  | (TextPart & {
      kind: 'text'
      /** The languages whose text differs, Dutch first. */
      languages: string[]
      /** Dutch before and after; equal when only a translation changed. */
      before: string
      after: string
    })
  | { kind: 'codes'; added: number[]; removed: number[] }
  | { kind: 'items'; added: string[]; removed: string[] }
  | { kind: 'concept'; before?: string; after?: string }
  | { kind: 'number'; before: string; after: string }
  | { kind: 'type'; before: string; after: string }
  | { kind: 'routing'; before?: Condition; after?: Condition }

export interface QuestionSummary {
  id: string
  number: string
  /** The Dutch question text. */
  text: string
  concept?: string
}

export interface DefinitionDiff {
  added: QuestionSummary[]
  removed: QuestionSummary[]
  changed: Array<{ question: QuestionSummary; changes: QuestionChange[] }>
  /** Languages offered by one version only. */
  languagesAdded: string[]
  languagesRemoved: string[]
}

/** The concept key of a question, where the format has one (added by the XLSForm work). */
function conceptOf(question: Question): string | undefined {
  const concept = (question as { concept?: unknown }).concept
  return typeof concept === 'string' && concept !== '' ? concept : undefined
}

function summary(question: Question): QuestionSummary {
  const concept = conceptOf(question)
  return {
    id: question.id,
    number: question.number,
    text: question.text.nl,
    ...(concept === undefined ? {} : { concept }),
  }
}

function changedLanguages(before: LangText | undefined, after: LangText | undefined): string[] {
  const languages = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const changed = [...languages].filter((l) => (before?.[l] ?? '') !== (after?.[l] ?? ''))
  return changed.sort((a, b) => (a === 'nl' ? -1 : b === 'nl' ? 1 : 0))
}

function textChange(part: TextPart, before: LangText | undefined, after: LangText | undefined): QuestionChange[] {
  const languages = changedLanguages(before, after)
  if (languages.length === 0) return []
  return [{ kind: 'text', ...part, languages, before: before?.nl ?? '', after: after?.nl ?? '' }]
}

function optionLabels(definition: QuestionnaireDefinition, question: Question): Map<number, LangText> {
  const labels = new Map<number, LangText>()
  // Only the labels the question itself holds: a grid's shared scale is compared once per grid below.
  for (const code of codesOf(definition, question) ?? []) if (code.label) labels.set(code.value, code.label)
  return labels
}

function questionChanges(
  base: QuestionnaireDefinition,
  next: QuestionnaireDefinition,
  before: Question,
  after: Question,
): QuestionChange[] {
  const changes: QuestionChange[] = []
  if (before.type !== after.type) changes.push({ kind: 'type', before: before.type, after: after.type })
  if (before.number !== after.number) changes.push({ kind: 'number', before: before.number, after: after.number })
  const conceptBefore = conceptOf(before)
  const conceptAfter = conceptOf(after)
  if (conceptBefore !== conceptAfter)
    changes.push({
      kind: 'concept',
      ...(conceptBefore === undefined ? {} : { before: conceptBefore }),
      ...(conceptAfter === undefined ? {} : { after: conceptAfter }),
    })
  changes.push(...textChange({ part: 'text' }, before.text, after.text))
  changes.push(...textChange({ part: 'help' }, before.help, after.help))
  changes.push(
    ...textChange({ part: 'unit' }, (before as { unit?: LangText }).unit, (after as { unit?: LangText }).unit),
  )

  const itemsBefore = new Map(
    ((before as { items?: Array<{ id: string; text: LangText }> }).items ?? []).map((i) => [i.id, i]),
  )
  const itemsAfter = new Map(
    ((after as { items?: Array<{ id: string; text: LangText }> }).items ?? []).map((i) => [i.id, i]),
  )
  const itemsAdded = [...itemsAfter.keys()].filter((id) => !itemsBefore.has(id))
  const itemsRemoved = [...itemsBefore.keys()].filter((id) => !itemsAfter.has(id))
  if (itemsAdded.length > 0 || itemsRemoved.length > 0)
    changes.push({ kind: 'items', added: itemsAdded, removed: itemsRemoved })
  for (const [id, item] of itemsAfter) {
    const old = itemsBefore.get(id)
    if (old) changes.push(...textChange({ part: 'item', item: id }, old.text, item.text))
  }

  const codesBefore = (codesOf(base, before) ?? []).map((c) => c.value)
  const codesAfter = (codesOf(next, after) ?? []).map((c) => c.value)
  const codesAdded = codesAfter.filter((v) => !codesBefore.includes(v))
  const codesRemoved = codesBefore.filter((v) => !codesAfter.includes(v))
  if (codesAdded.length > 0 || codesRemoved.length > 0)
    changes.push({ kind: 'codes', added: codesAdded, removed: codesRemoved })
  const labelsBefore = optionLabels(base, before)
  for (const [value, label] of optionLabels(next, after)) {
    const old = labelsBefore.get(value)
    if (old) changes.push(...textChange({ part: 'option', value }, old, label))
  }

  if (!isDeepStrictEqual(before.showIf, after.showIf))
    changes.push({
      kind: 'routing',
      ...(before.showIf ? { before: before.showIf } : {}),
      ...(after.showIf ? { after: after.showIf } : {}),
    })
  return changes
}

/** The changes from `base` to `next`, in the order of `next` (removed questions in the order of `base`). */
export function diffDefinitions(base: QuestionnaireDefinition, next: QuestionnaireDefinition): DefinitionDiff {
  const added: QuestionSummary[] = []
  const changed: DefinitionDiff['changed'] = []
  for (const question of allQuestions(next)) {
    const old = findQuestion(base, question.id)
    if (!old) {
      added.push(summary(question))
      continue
    }
    const changes = questionChanges(base, next, old, question)
    if (changes.length > 0) changed.push({ question: summary(question), changes })
  }
  const removed = allQuestions(base)
    .filter((q) => !findQuestion(next, q.id))
    .map(summary)
  return {
    added,
    removed,
    changed,
    languagesAdded: next.languages.filter((l) => !base.languages.includes(l)),
    languagesRemoved: base.languages.filter((l) => !next.languages.includes(l)),
  }
}

/** Whether the two versions ask the same questions with the same texts and codes. */
export function isEmptyDiff(diff: DefinitionDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    diff.languagesAdded.length === 0 &&
    diff.languagesRemoved.length === 0
  )
}
