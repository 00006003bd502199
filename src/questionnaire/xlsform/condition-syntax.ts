/**
 * The show_if column: a condition as a line of text a researcher can read and type.
 *
 *   intake_wanneer = 1
 *   begeleiding_werk in (1, 2)
 *   parttimebaan ≠ 2            (also != or <>)
 *   opmerkingen beantwoord      (also: answered)
 *   stratum = haaksbergen       stratum in (hengelo, borne)
 *   a = 1 en (b = 2 of niet (c = 3))      (also: and, or, not)
 *
 * These are the words of the codebook's routing column (condition-text.ts), with one
 * difference: for a multiple-choice question `vraag = 3` means "3 is ticked", the
 * definition's own meaning, where the codebook names the exported 0/1 variable. XLSForm's
 * `${vraag}` is read as `vraag`. Brackets are kept as written: `(a en b) en c` is a group
 * inside a group, so writing and reading a condition gives the same condition back.
 */
import type { Condition } from '../definition.ts'

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'number'; text: string; value: number; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'symbol'; text: '(' | ')' | ',' | '=' | '≠'; at: number }
  | { kind: 'end'; at: number }

export class ConditionSyntaxError extends Error {
  /** The text from where reading failed, for the message. */
  readonly at: string

  constructor(at: string) {
    super(`cannot read condition at "${at}"`)
    this.at = at
    this.name = 'ConditionSyntaxError'
  }
}

const WORD = /^[\p{L}_][\p{L}\p{N}_-]*/u
const NUMBER = /^-?\d+(?:\.\d+)?/
const KEYWORDS = {
  and: ['en', 'and'],
  or: ['of', 'or'],
  not: ['niet', 'not'],
  answered: ['beantwoord', 'answered'],
  in: ['in'],
} as const

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < text.length) {
    const rest = text.slice(at)
    const space = /^\s+/.exec(rest)
    if (space) {
      at += space[0].length
      continue
    }
    const reference = /^\$\{([^}]*)\}/.exec(rest)
    if (reference) {
      tokens.push({ kind: 'word', text: reference[1] ?? '', at })
      at += reference[0].length
      continue
    }
    const two = rest.slice(0, 2)
    if (two === '!=' || two === '<>' || two === '==') {
      tokens.push({ kind: 'symbol', text: two === '==' ? '=' : '≠', at })
      at += 2
      continue
    }
    const first = rest[0] as string
    if (first === '(' || first === ')' || first === ',' || first === '=' || first === '≠') {
      tokens.push({ kind: 'symbol', text: first, at })
      at += 1
      continue
    }
    if (first === "'" || first === '"') {
      const close = rest.indexOf(first, 1)
      if (close === -1) throw new ConditionSyntaxError(rest)
      tokens.push({ kind: 'string', text: rest.slice(1, close), at })
      at += close + 1
      continue
    }
    const number = NUMBER.exec(rest)
    if (number) {
      tokens.push({ kind: 'number', text: number[0], value: Number(number[0]), at })
      at += number[0].length
      continue
    }
    const word = WORD.exec(rest)
    if (!word) throw new ConditionSyntaxError(rest)
    tokens.push({ kind: 'word', text: word[0], at })
    at += word[0].length
  }
  tokens.push({ kind: 'end', at: text.length })
  return tokens
}

function isSymbol(token: Token, symbol: string): boolean {
  return token.kind === 'symbol' && token.text === symbol
}

function isKeyword(token: Token, keyword: keyof typeof KEYWORDS): boolean {
  return token.kind === 'word' && (KEYWORDS[keyword] as readonly string[]).includes(token.text.toLowerCase())
}

/** Reads a show_if text; throws a ConditionSyntaxError that says where it went wrong. */
export function parseConditionText(text: string): Condition {
  const tokens = tokenize(text)
  let position = 0
  const peek = (): Token => tokens[position] as Token
  /** Fails at `token`; running out of text fails at the last word, which is what is left dangling. */
  const fail = (token: Token = peek()): never => {
    const at = token.kind === 'end' ? (tokens[tokens.length - 2]?.at ?? 0) : token.at
    throw new ConditionSyntaxError(text.slice(at))
  }
  const next = (): Token => {
    const token = peek()
    if (token.kind !== 'end') position++
    return token
  }
  const expectSymbol = (symbol: string): void => {
    const token = next()
    if (token.kind !== 'symbol' || token.text !== symbol) fail(token)
  }

  function chain(keyword: 'and' | 'or', operand: () => Condition): Condition {
    const first = operand()
    const parts = [first]
    while (isKeyword(peek(), keyword)) {
      next()
      parts.push(operand())
    }
    if (parts.length === 1) return first
    return keyword === 'and' ? { all: parts } : { any: parts }
  }

  const disjunction = (): Condition => chain('or', conjunction)
  const conjunction = (): Condition => chain('and', unary)

  function unary(): Condition {
    const token = peek()
    if (isKeyword(token, 'not')) {
      next()
      return { not: unary() }
    }
    if (token.kind === 'symbol' && token.text === '(') {
      next()
      const inner = disjunction()
      expectSymbol(')')
      return inner
    }
    return test()
  }

  function list<T>(item: () => T): T[] {
    expectSymbol('(')
    const items = [item()]
    while (isSymbol(peek(), ',')) {
      next()
      items.push(item())
    }
    expectSymbol(')')
    return items
  }

  function value(): number {
    const token = next()
    if (token.kind !== 'number') {
      return fail(token)
    }
    return token.value
  }

  function stratumValue(): string {
    const token = next()
    if (token.kind === 'end' || token.kind === 'symbol') {
      return fail(token)
    }
    return token.text
  }

  function test(): Condition {
    const subject = next()
    if (subject.kind !== 'word') return fail(subject)
    const operator = peek()
    if (subject.text.toLowerCase() === 'stratum') {
      if (operator.kind === 'symbol' && operator.text === '=') {
        next()
        return { stratum: [stratumValue()] }
      }
      if (isKeyword(operator, 'in')) {
        next()
        return { stratum: list(stratumValue) }
      }
      return fail()
    }
    const question = subject.text
    if (isKeyword(operator, 'answered')) {
      next()
      return { question, answered: true }
    }
    if (isKeyword(operator, 'in')) {
      next()
      return { question, in: list(value) }
    }
    if (operator.kind === 'symbol' && operator.text === '=') {
      next()
      return { question, equals: value() }
    }
    if (operator.kind === 'symbol' && operator.text === '≠') {
      next()
      return { question, notEquals: value() }
    }
    return fail()
  }

  const condition = disjunction()
  if (peek().kind !== 'end') fail()
  return condition
}

function stratumText(value: string): string {
  return /^[\p{L}_][\p{L}\p{N}_-]*$/u.test(value) || /^\d+$/.test(value) ? value : JSON.stringify(value)
}

function grouped(condition: Condition): string {
  const text = conditionText(condition)
  return 'all' in condition || 'any' in condition ? `(${text})` : text
}

/** The show_if text of a condition; `parseConditionText` reads it back to the same condition. */
export function conditionText(condition: Condition): string {
  if ('all' in condition) return condition.all.map(grouped).join(' en ')
  if ('any' in condition) return condition.any.map(grouped).join(' of ')
  if ('not' in condition) return `niet (${conditionText(condition.not)})`
  if ('stratum' in condition) {
    const [only] = condition.stratum
    return condition.stratum.length === 1 && only !== undefined
      ? `stratum = ${stratumText(only)}`
      : `stratum in (${condition.stratum.map(stratumText).join(', ')})`
  }
  if ('answered' in condition) return `${condition.question} beantwoord`
  if ('equals' in condition) return `${condition.question} = ${condition.equals}`
  if ('notEquals' in condition) return `${condition.question} ≠ ${condition.notEquals}`
  return `${condition.question} in (${condition.in.join(', ')})`
}

/** The question ids a condition looks at. */
export function referencedQuestions(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(referencedQuestions)
  if ('any' in condition) return condition.any.flatMap(referencedQuestions)
  if ('not' in condition) return referencedQuestions(condition.not)
  if ('stratum' in condition) return []
  return [condition.question]
}
