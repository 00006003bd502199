/**
 * Whether the sheets of a collated print stream are all there, in order, and each set
 * one person's: from what every page says (page-codes.ts).
 *
 * A page with a set mark is the front of a sheet; the pages after it without a mark are
 * its back (a duplex scan), and the codes they show belong to the same set. Order: the
 * sheets should follow set by set, sheet by sheet; those outside the longest run that
 * does are reported as out of sequence (a swap of two sheets reports one or both, never
 * the sheets around them). Missing: every sheet of sets 1 to the last seen that no page
 * shows (a sheet whose mark could not be read counts as missing too).
 */
import type { SetMark } from '#src/mailmerge/set-mark.ts'
import { codeTail } from '#src/mailmerge/set-mark.ts'
import type { PageReading } from './page-codes.ts'

export interface SheetPlace {
  set: number
  sheet: number
  sheets: number
}

export type CollationProblem =
  /** A sheet lies elsewhere than its place; `after` is the sheet it follows in the file. */
  | { kind: 'outOfSequence'; page: number; sheet: SheetPlace; after?: SheetPlace }
  | { kind: 'duplicate'; page: number; sheet: SheetPlace }
  | { kind: 'missingSheet'; sheet: SheetPlace }
  | { kind: 'missingSet'; set: number }
  /** The set's letter and a page of the set show codes of different people. */
  | { kind: 'codeMismatch'; set: number; page: number; expected: string; found: string }

export interface CollationReport {
  pages: number
  /** Fronts with a readable set mark. */
  sheets: number
  /** Different sets seen. */
  sets: number
  /** Scanned pages on which nothing could be read (blank backs among them). */
  unreadablePages: number
  problems: CollationProblem[]
}

interface Front {
  page: number
  mark: SetMark
  codes: Array<{ page: number; code: string }>
}

function place(mark: SetMark): SheetPlace {
  return { set: mark.set, sheet: mark.sheet, sheets: mark.sheets }
}

function before(a: SetMark, b: SetMark): boolean {
  return a.set < b.set || (a.set === b.set && a.sheet < b.sheet)
}

export function checkCollation(readings: PageReading[]): CollationReport {
  const fronts: Front[] = []
  for (const reading of readings) {
    const codes = reading.codes.map((code) => ({ page: reading.page, code }))
    if (reading.mark) fronts.push({ page: reading.page, mark: reading.mark, codes })
    else fronts.at(-1)?.codes.push(...codes)
  }
  const problems: CollationProblem[] = []

  // Duplicates, then order among the rest.
  const seen = new Set<string>()
  const unique: Front[] = []
  for (const front of fronts) {
    const key = `${front.mark.set}/${front.mark.sheet}`
    if (seen.has(key)) problems.push({ kind: 'duplicate', page: front.page, sheet: place(front.mark) })
    else {
      seen.add(key)
      unique.push(front)
    }
  }
  const inOrder = longestRunInOrder(unique)
  unique.forEach((front, index) => {
    if (inOrder.has(index)) return
    const previous = unique[index - 1]
    problems.push({
      kind: 'outOfSequence',
      page: front.page,
      sheet: place(front.mark),
      ...(previous ? { after: place(previous.mark) } : {}),
    })
  })

  // Missing sheets and sets.
  const sheetsOfSet = new Map<number, number>()
  for (const front of unique)
    sheetsOfSet.set(front.mark.set, Math.max(sheetsOfSet.get(front.mark.set) ?? 0, front.mark.sheets))
  const lastSet = Math.max(0, ...sheetsOfSet.keys())
  for (let set = 1; set <= lastSet; set++) {
    const sheets = sheetsOfSet.get(set)
    if (sheets === undefined) {
      problems.push({ kind: 'missingSet', set })
      continue
    }
    for (let sheet = 1; sheet <= sheets; sheet++)
      if (!seen.has(`${set}/${sheet}`)) problems.push({ kind: 'missingSheet', sheet: { set, sheet, sheets } })
  }

  // One person per set: every code shown on a sheet of the set ends as its mark says,
  // and is the code of the set's letter.
  const letterCode = new Map<number, string>()
  for (const front of unique)
    if (front.mark.sheet === 1 && front.codes[0]) letterCode.set(front.mark.set, front.codes[0].code)
  const mismatched = new Set<number>()
  for (const front of fronts) {
    const set = front.mark.set
    if (mismatched.has(set)) continue
    const expected = letterCode.get(set)
    for (const { page, code } of front.codes) {
      if ((expected !== undefined && code !== expected) || codeTail(code) !== front.mark.codeTail) {
        problems.push({ kind: 'codeMismatch', set, page, expected: expected ?? `…${front.mark.codeTail}`, found: code })
        mismatched.add(set)
        break
      }
    }
  }

  const order = (p: CollationProblem) =>
    'page' in p ? p.page : 'sheet' in p ? Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER
  problems.sort((a, b) => order(a) - order(b))
  return {
    pages: readings.length,
    sheets: fronts.length,
    sets: sheetsOfSet.size,
    unreadablePages: readings.filter((r) => r.unreadable).length,
    problems,
  }
}

/** Indexes of a longest subsequence of fronts in stream order (patience sorting). */
function longestRunInOrder(fronts: Front[]): Set<number> {
  const tails: number[] = []
  const previous: number[] = new Array(fronts.length).fill(-1)
  fronts.forEach((front, index) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (before(fronts[tails[middle]!]!.mark, front.mark)) low = middle + 1
      else high = middle
    }
    if (low > 0) previous[index] = tails[low - 1]!
    tails[low] = index
  })
  const run = new Set<number>()
  for (let at = tails.at(-1) ?? -1; at >= 0; at = previous[at]!) run.add(at)
  return run
}
