/**
 * Reading a stored or posted answer the way routing needs it. Routing sees saved answers
 * (numbers) but also, when a page is shown again with errors, raw form values
 * (strings, string arrays); both must route the same way.
 */
import type { AnswerValue } from './definition.ts'

/** The answer stored under `key`. hasOwn: an id such as "constructor" must not find Object.prototype members. */
export function answerAt(answers: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(answers, key) ? answers[key] : undefined
}

/** Whether a value counts as an answer: not absent, not an empty text, not an empty tick list. */
export function isAnswered(value: unknown): value is AnswerValue {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return true
}

function asCode(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  return undefined
}

/** The codes an answer holds: one for a single answer, the ticked ones for multiple choice. */
export function codesIn(value: unknown): number[] {
  const values = Array.isArray(value) ? value : [value]
  return values.map(asCode).filter((v): v is number => v !== undefined)
}
