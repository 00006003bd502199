/**
 * Personal login codes, printed on letters and typed back from paper.
 *
 * - The alphabet leaves out look-alikes (0/O, 1/I/L), so a code read from paper is typed right.
 * - Only upper case: typing is case-insensitive, and mixed case on paper gets mistyped.
 * - Nine random symbols (31^9 ≈ 2^44.6) and one check symbol. The alphabet has a prime
 *   size (31), so a position-weighted sum modulo 31 catches every single wrong symbol and
 *   every swap of two neighbouring symbols before any database look-up.
 * - Printed as two groups of five: `K7QXM-4TR9C`.
 */
import { customAlphabet } from 'nanoid'

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const RANDOM_LENGTH = 9
export const CODE_LENGTH = RANDOM_LENGTH + 1

/** A normalised code: ten symbols from CODE_ALPHABET, no separator. */
export type LoginCode = string & { readonly __brand: 'LoginCode' }

const randomPart = customAlphabet(CODE_ALPHABET, RANDOM_LENGTH)

export const CODE_ENTROPY_BITS = RANDOM_LENGTH * Math.log2(CODE_ALPHABET.length)

export function checkSymbol(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    sum += (i + 1) * CODE_ALPHABET.indexOf(body[i]!)
  }
  return CODE_ALPHABET[sum % CODE_ALPHABET.length]!
}

export function generateLoginCode(): LoginCode {
  const body = randomPart()
  return (body + checkSymbol(body)) as LoginCode
}

export type CodeProblem = 'empty' | 'length' | 'character' | 'check'

export type ParsedCode = { ok: true; code: LoginCode } | { ok: false; problem: CodeProblem }

/**
 * Reads a code as a person typed it: any case, with or without dashes and spaces.
 * A symbol outside the alphabet (such as 0, O, 1, I or L) is reported, never guessed.
 */
export function parseLoginCode(input: string): ParsedCode {
  const compact = input.toUpperCase().replace(/[\s\-–._]/g, '')
  if (compact.length === 0) return { ok: false, problem: 'empty' }
  if (compact.length !== CODE_LENGTH) return { ok: false, problem: 'length' }
  for (const ch of compact) {
    if (!CODE_ALPHABET.includes(ch)) return { ok: false, problem: 'character' }
  }
  const body = compact.slice(0, RANDOM_LENGTH)
  if (checkSymbol(body) !== compact[RANDOM_LENGTH]) return { ok: false, problem: 'check' }
  return { ok: true, code: compact as LoginCode }
}

/** `K7QXM4TR9C` → `K7QXM-4TR9C`. */
export function formatLoginCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`
}
