/**
 * Likely personal names in open answers, flagged before an answer may be quoted in a
 * report (issue 15; the reports print "mevrouw …" where a client named someone). Three
 * signals, each with its own reason so the reviewer sees why a word was flagged:
 * - 'title': the word(s) after a form of address (mevrouw, meneer, mw., dhr., de heer,
 *   juf, dokter …), in any case, with tussenvoegsels ("meneer van der berg");
 * - 'capitalised': a capitalised word inside a sentence, with the capitalised words and
 *   tussenvoegsels around it ("Jan de Vries"), unless it is a known non-name;
 * - 'list': the names the municipality uploads (its client managers), whole words, in any
 *   case and with or without accents ("ozturk"); every part of a full name also counts
 *   on its own ("Sandra" of "Sandra Bakker").
 * The flagger proposes; a researcher decides. It prefers a needless flag to a missed name.
 * Not found: a name at the very start of a sentence without a title, and a lower-case
 * name without a title ("mijn consulent ahmed"), unless it is on the list.
 */
import { COMMON_WORDS } from './common-words.ts'
import { fold, foldText } from './fold.ts'
import { ABBREVIATIONS, PARTICLES, TITLES, TWO_WORD_TITLES } from './name-words.ts'
import { NOT_NAMES } from './not-names.ts'

export type NameFlagReason = 'title' | 'capitalised' | 'list'

export interface NameFlag {
  /** UTF-16 offsets into the answer, end exclusive. */
  readonly start: number
  readonly end: number
  readonly text: string
  readonly reason: NameFlagReason
}

export interface FlagNamesOptions {
  /** Names to find wherever they occur, e.g. the municipality's client managers. */
  readonly knownNames?: readonly string[]
  /** Capitalised words of this round that are not names, e.g. its municipalities. */
  readonly notNames?: readonly string[]
}

export const REDACTION = '(…)'

interface Token {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly lower: string
  /** First word of the answer, a line or a sentence. */
  readonly sentenceStart: boolean
  /** Only spaces between this word and the previous one, so they may form one name. */
  readonly joinsPrevious: boolean
  /** Only spaces or a full stop since the previous word ("mw. Jansen"). */
  readonly followsTitleGap: boolean
}

const LETTER = String.raw`\p{L}\p{M}`
const WORD = new RegExp(`['’]t(?![${LETTER}])|[${LETTER}]+(?:['’-][${LETTER}]+)*`, 'gu')
const POSSESSIVE = /['’]s$/u
const SPACES = /^[ \t\u00A0]+$/u
const TITLE_GAP = /^[ \t\u00A0]*\.?[ \t\u00A0]*$/u
const CAPITALISED = /^\p{Lu}/u
const LOWER_THEN_UPPER = /\p{Ll}\p{Lu}/u
/** Before a form of address, these make it a plain noun: "de mevrouw van de balie". */
const DETERMINER = /^(?:de|het|een|die|deze|zo'n|zo’n|onze|andere|aardige|lieve|vriendelijke|nieuwe|oude|jonge|hele)$/u
/** Tussenvoegsels that almost only occur in names, so they may be taken backwards. */
const STRONG_PARTICLE = /^(?:der|den|ter|ten|'t|’t|von)$/u

export function flagNames(text: string, options: FlagNamesOptions = {}): NameFlag[] {
  const notNames = new Set((options.notNames ?? []).map((name) => name.toLocaleLowerCase('nl')))
  const words = new NameWords(notNames)
  const tokens = tokenize(text)
  const flags: NameFlag[] = []
  const flag = (first: number, last: number, reason: NameFlagReason) => {
    const start = tokens[first]!.start
    const end = tokens[last]!.end
    flags.push({ start, end, text: text.slice(start, end), reason })
  }

  for (let i = 0; i < tokens.length; i++) {
    const afterTitle = titleEnd(tokens, i)
    if (afterTitle !== undefined) {
      const generic = isGenericTitle(tokens, i)
      const name = readName(tokens, afterTitle, words, generic ? 'capitalised' : 'any')
      if (name) {
        flag(name.first, name.last, 'title')
        i = name.last
        continue
      }
    }
    const token = tokens[i]!
    if (token.sentenceStart || !words.isCapitalisedName(token)) continue
    const name = readName(tokens, i, words, 'capitalised')!
    flag(extendBackwards(tokens, name.first, words), name.last, 'capitalised')
    i = name.last
  }

  const patterns = knownNamePatterns(options.knownNames ?? [])
  const { folded, starts, ends } = patterns.length > 0 ? foldText(text) : { folded: '', starts: [], ends: [] }
  for (const known of patterns) {
    for (const match of folded.matchAll(known)) {
      const start = starts[match.index]!
      const end = ends[match.index + match[0].length - 1]!
      flags.push({ start, end, text: text.slice(start, end), reason: 'list' })
    }
  }
  return mergeFlags(text, flags)
}

/** The answer as written, with every flagged span replaced by "(…)". */
export function proposeRedaction(text: string, flags: readonly NameFlag[]): string {
  let out = ''
  let at = 0
  for (const { start, end } of mergeFlags(text, flags)) {
    out += text.slice(at, start) + REDACTION
    at = end
  }
  return out + text.slice(at)
}

class NameWords {
  private readonly notNames: ReadonlySet<string>

  constructor(notNames: ReadonlySet<string>) {
    this.notNames = notNames
  }

  isExcluded(token: Token): boolean {
    return (
      NOT_NAMES.has(token.lower) ||
      this.notNames.has(token.lower) ||
      COMMON_WORDS.has(token.lower) ||
      TITLES.has(token.lower) ||
      PARTICLES.has(token.lower)
    )
  }

  /** Capitalised, and not an acronym (UWV), a brand (DigiD) or a known non-name. */
  isCapitalisedName(token: Token): boolean {
    if (!CAPITALISED.test(token.text) || LOWER_THEN_UPPER.test(token.text)) return false
    if (token.text.length > 1 && token.text === token.text.toLocaleUpperCase('nl')) return false
    return !this.isExcluded(token)
  }

  /** After a form of address a name may be in lower case or in capitals ("mevrouw jansen"). */
  isAnyName(token: Token): boolean {
    return !this.isExcluded(token)
  }
}

type NameCase = 'capitalised' | 'any'

/**
 * The name that starts at `from`: optional tussenvoegsels, a name word, then more
 * capitalised words or tussenvoegsels followed by a name word. A name begun in lower case
 * continues in lower case after a tussenvoegsel ("mevrouw fatima el amrani") or with one
 * more word ("mevrouw sandra bakker").
 */
function readName(
  tokens: readonly Token[],
  from: number,
  words: NameWords,
  nameCase: NameCase,
): { first: number; last: number } | undefined {
  const accepts = (token: Token, lowerAllowed: boolean) =>
    words.isCapitalisedName(token) ||
    (lowerAllowed && words.isAnyName(token) && (nameCase === 'any' || CAPITALISED.test(token.text)))
  const head = nextNameWord(tokens, from, (token) => accepts(token, nameCase === 'any'), true)
  if (head === undefined) return undefined
  let last = head
  const lowerHead = !CAPITALISED.test(tokens[head]!.text)
  // "mevrouw sandra bakker": one more lower-case word may follow directly; more would
  // swallow the rest of a sentence written without capitals.
  let directLowerWords = lowerHead ? 1 : 0
  for (;;) {
    const next = nextNameWord(tokens, last + 1, (token) => accepts(token, false), false)
    const lower = lowerHead ? nextNameWord(tokens, last + 1, (token) => words.isAnyName(token), false) : undefined
    let found = next
    if (found === undefined && lower !== undefined) {
      if (lower > last + 1) found = lower
      else if (directLowerWords > 0) {
        directLowerWords--
        found = lower
      }
    }
    if (found === undefined) return { first: from, last }
    last = found
  }
}

/** Index of the first name word from `from` on after only tussenvoegsels, all joined by spaces. */
function nextNameWord(
  tokens: readonly Token[],
  from: number,
  isName: (token: Token) => boolean,
  first: boolean,
): number | undefined {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i]!
    if (!(first && i === from) && !token.joinsPrevious) return undefined
    if (isName(token)) return i
    if (!PARTICLES.has(token.lower)) return undefined
  }
  return undefined
}

/**
 * Tussenvoegsels before a capitalised name belong to it when they are capitalised
 * ("bij Van Dijk"), name-only ("van der"), or follow a capitalised word, also at the start
 * of a sentence ("Jan de Vries"); a plain "van" or "de" stays ("de brief van Sandra").
 */
function extendBackwards(tokens: readonly Token[], first: number, words: NameWords): number {
  let i = first
  while (i > 0 && tokens[i]!.joinsPrevious && PARTICLES.has(tokens[i - 1]!.lower)) i--
  if (i === first) return first
  const before = tokens[i - 1]
  if (before && tokens[i]!.joinsPrevious && CAPITALISED.test(before.text) && !words.isExcluded(before)) return i - 1
  const particles = tokens.slice(i, first)
  if (CAPITALISED.test(particles[0]!.text) || particles.some((p) => STRONG_PARTICLE.test(p.lower))) return i
  return first
}

/** Index of the word after a form of address that starts at `i`, or undefined. */
function titleEnd(tokens: readonly Token[], i: number): number | undefined {
  const token = tokens[i]!
  const second = TWO_WORD_TITLES.get(token.lower)
  const next = tokens[i + 1]
  if (second !== undefined && next?.lower === second && next.joinsPrevious) {
    return tokens[i + 2]?.followsTitleGap ? i + 2 : undefined
  }
  if (!TITLES.has(token.lower)) return undefined
  return next?.followsTitleGap ? i + 1 : undefined
}

function isGenericTitle(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]
  return before !== undefined && tokens[i]!.joinsPrevious && DETERMINER.test(before.lower)
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let previous: Token | undefined
  for (const match of text.matchAll(WORD)) {
    let word = match[0]
    if (word.length > 3 && POSSESSIVE.test(word)) word = word.slice(0, -2)
    const start = match.index
    const gap = text.slice(previous?.end ?? 0, start)
    const token: Token = {
      start,
      end: start + word.length,
      text: word,
      lower: word.toLocaleLowerCase('nl'),
      sentenceStart: previous === undefined || endsSentence(gap, previous),
      joinsPrevious: previous !== undefined && SPACES.test(gap),
      followsTitleGap: previous !== undefined && TITLE_GAP.test(gap),
    }
    tokens.push(token)
    previous = token
  }
  return tokens
}

function endsSentence(gap: string, previous: Token): boolean {
  if (/[\n!?…]/u.test(gap)) return true
  if (!gap.includes('.')) return false
  const abbreviation = /^\.\s+$/u.test(gap) && ABBREVIATIONS.has(previous.lower)
  return !abbreviation
}

function knownNamePatterns(knownNames: readonly string[]): RegExp[] {
  const names = new Set<string>()
  for (const name of knownNames) {
    const trimmed = name.trim()
    if (!trimmed) continue
    names.add(fold(trimmed))
    for (const part of trimmed.split(/\s+/u)) {
      const lower = part.toLocaleLowerCase('nl')
      if (part.length > 1 && !PARTICLES.has(lower) && !COMMON_WORDS.has(lower) && !NOT_NAMES.has(lower)) {
        names.add(fold(part))
      }
    }
  }
  return [...names].map((name) => {
    const body = name
      .split(/\s+/u)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
      .join(String.raw`\s+`)
    return new RegExp(String.raw`(?<![${LETTER}\p{N}])${body}(?![${LETTER}\p{N}])`, 'gu')
  })
}

const PRIORITY: Record<NameFlagReason, number> = { list: 3, title: 2, capitalised: 1 }

/** Overlapping flags become one, keeping the most certain reason. */
function mergeFlags(text: string, flags: readonly NameFlag[]): NameFlag[] {
  const sorted = [...flags].sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: NameFlag[] = []
  for (const flag of sorted) {
    const last = merged.at(-1)
    if (last && flag.start < last.end) {
      const start = last.start
      const end = Math.max(last.end, flag.end)
      const reason = PRIORITY[flag.reason] > PRIORITY[last.reason] ? flag.reason : last.reason
      merged[merged.length - 1] = { start, end, text: text.slice(start, end), reason }
    } else {
      merged.push(flag)
    }
  }
  return merged
}
