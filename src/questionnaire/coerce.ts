/**
 * Turning what arrives into typed answers. Forms post strings ("7"), repeated fields post
 * arrays, typists key "1,3" for two ticks, stored answers are already numbers: all of
 * these must come out the same.
 */

/** The raw value is there but cannot be read as the type asked for. */
export const UNREADABLE = Symbol('unreadable')
export type Read<T> = T | undefined | typeof UNREADABLE

const NUMBER = /^[+-]?\d+([.,]\d+)?$/

/** A number; a Dutch decimal comma is accepted ("2,5"). Undefined when nothing was filled in. */
export function readNumber(raw: unknown): Read<number> {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : UNREADABLE
  if (typeof raw === 'string') {
    const text = raw.trim()
    if (text === '') return undefined
    return NUMBER.test(text) ? Number(text.replace(',', '.')) : UNREADABLE
  }
  // A field posted twice arrives as an array; one value is still one value.
  if (Array.isArray(raw)) {
    const filled = raw.filter((v) => !(v === undefined || v === null || (typeof v === 'string' && v.trim() === '')))
    if (filled.length === 0) return undefined
    return filled.length === 1 ? readNumber(filled[0]) : UNREADABLE
  }
  return UNREADABLE
}

/**
 * The ticked codes of a multiple-choice question, without duplicates. Accepts an array
 * (checkboxes), one value (a single ticked box), or a list typed as "1,3" or "1 3".
 */
export function readCodeList(raw: unknown): Read<number[]> {
  if (raw === undefined || raw === null) return undefined
  const parts: unknown[] = typeof raw === 'string' ? raw.split(/[\s,;]+/) : Array.isArray(raw) ? raw : [raw]
  const codes: number[] = []
  for (const part of parts) {
    const code = readNumber(part)
    if (code === UNREADABLE) return UNREADABLE
    if (code !== undefined && !codes.includes(code)) codes.push(code)
  }
  return codes.length > 0 ? codes : undefined
}

/** Every control character but tab and newline, and half a character (an unpaired surrogate, as JSON can send). */
const UNSTORABLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * A text, trimmed. Line breaks become "\n": browsers post "\r\n" but count a line break
 * as one character for `maxlength`, and the length check must agree with the browser.
 */
export function readText(raw: unknown): Read<string> {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw === 'number') return String(raw)
  if (Array.isArray(raw) && raw.length === 1) return readText(raw[0])
  if (typeof raw !== 'string') return UNREADABLE
  // Invisible, and PostgreSQL refuses NUL and half characters: one such character would fail the whole save.
  const text = raw.replace(/\r\n?/g, '\n').replace(UNSTORABLE, '').trim()
  return text === '' ? undefined : text
}
