/**
 * The name flagger on made-up open answers (named-answers.txt, names marked by hand):
 * recall on the names it must find (after a form of address, or capitalised inside a
 * sentence) at least 95% without the municipality's list, precision printed, and the
 * redaction a researcher would accept.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { FlagNamesOptions, NameFlag } from '#src/report/quotes/flag-names.ts'
import { flagNames, proposeRedaction } from '#src/report/quotes/flag-names.ts'

interface GoldName {
  readonly start: number
  readonly end: number
  readonly text: string
  /** After a form of address or inside a sentence: the flagger must find it. */
  readonly required: boolean
}

interface Answer {
  readonly line: number
  readonly text: string
  readonly names: readonly GoldName[]
  /** Written after the flagger's word lists were last changed: an honest precision. */
  readonly heldOut: boolean
}

const SET = path.join(path.dirname(fileURLToPath(import.meta.url)), 'named-answers.txt')
const MARK = /\[\[(.+?)\]\]|\{\{(.+?)\}\}/gu

function readSet(): { answers: Answer[]; knownNames: string[]; notNames: string[] } {
  const lines = readFileSync(SET, 'utf8').split('\n')
  const listAfter = (key: string) =>
    lines
      .find((line) => line.startsWith(`# ${key}:`))!
      .slice(key.length + 3)
      .split(';')
      .map((name) => name.trim())
  const answers: Answer[] = []
  let heldOut = false
  lines.forEach((raw, index) => {
    if (raw.startsWith('# Held out')) heldOut = true
    if (!raw.trim() || raw.startsWith('#')) return
    const marked = raw.replaceAll('\\n', '\n')
    const names: GoldName[] = []
    let text = ''
    let at = 0
    for (const match of marked.matchAll(MARK)) {
      text += marked.slice(at, match.index)
      const name = match[1] ?? match[2]!
      names.push({ start: text.length, end: text.length + name.length, text: name, required: match[1] !== undefined })
      text += name
      at = match.index + match[0].length
    }
    answers.push({ line: index + 1, text: text + marked.slice(at), names, heldOut })
  })
  return { answers, knownNames: listAfter('knownNames'), notNames: listAfter('notNames') }
}

const { answers: allAnswers, knownNames, notNames } = readSet()
const answers = allAnswers

/** Every letter of the name lies inside a flag, so the redaction removes all of it. */
function covered(name: GoldName, flags: readonly NameFlag[]): boolean {
  for (let i = name.start; i < name.end; i++) {
    if (/\s/u.test(name.text[i - name.start]!)) continue
    if (!flags.some((flag) => flag.start <= i && i < flag.end)) return false
  }
  return true
}

function score(options: FlagNamesOptions, answers: readonly Answer[] = allAnswers) {
  let required = 0
  let requiredFound = 0
  let optional = 0
  let optionalFound = 0
  let flagged = 0
  let flaggedRight = 0
  const missed: string[] = []
  const wrong: string[] = []
  for (const answer of answers) {
    const flags = flagNames(answer.text, options)
    for (const name of answer.names) {
      const found = covered(name, flags)
      if (name.required) {
        required++
        if (found) requiredFound++
        else missed.push(`line ${answer.line}: ${name.text}`)
      } else {
        optional++
        if (found) optionalFound++
      }
    }
    for (const flag of flags) {
      flagged++
      if (answer.names.some((name) => flag.start < name.end && name.start < flag.end)) flaggedRight++
      else wrong.push(`line ${answer.line}: ${flag.text} (${flag.reason})`)
    }
  }
  return {
    required,
    optional,
    optionalFound,
    recall: requiredFound / required,
    precision: flaggedRight / flagged,
    missed,
    wrong,
  }
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`

describe('the test set', () => {
  it('holds at least 120 answers, some without any name', () => {
    expect(answers.length).toBeGreaterThanOrEqual(120)
    expect(answers.filter((answer) => answer.names.length === 0).length).toBeGreaterThanOrEqual(20)
  })

  it('marks as optional only names at the start of a sentence or line, or in lower case', () => {
    const sentenceStart = (answer: Answer, name: GoldName) =>
      /(?:^|[.!?\n]\s*|^-\s*|\n-\s*)$/u.test(answer.text.slice(0, name.start))
    for (const answer of answers) {
      for (const name of answer.names) {
        const startOrLower = sentenceStart(answer, name) || !/^\p{Lu}/u.test(name.text)
        if (!name.required) expect(startOrLower, `line ${answer.line}: ${name.text}`).toBe(true)
        else {
          const afterAbbreviatedTitle = /\b(?:mw|mevr|dhr|dr)\.\s*$/iu.test(answer.text.slice(0, name.start))
          expect(sentenceStart(answer, name) && !afterAbbreviatedTitle, `line ${answer.line}: ${name.text}`).toBe(false)
        }
      }
    }
  })
})

describe('flagNames on the test set', () => {
  it('finds at least 95% of the names after a title or inside a sentence without the list, and says how precise it is', () => {
    const result = score({ notNames })
    const withList = score({ notNames, knownNames })
    const heldOut = score(
      { notNames },
      answers.filter((answer) => answer.heldOut),
    )
    console.log(
      [
        `name flagger on ${answers.length} answers:`,
        `  recall (title or inside a sentence, ${result.required} names): ${percent(result.recall)} without the list, ${percent(withList.recall)} with it`,
        `  precision: ${percent(result.precision)} without the list, ${percent(withList.precision)} with it`,
        `  held-out answers only (${answers.filter((answer) => answer.heldOut).length}, ${heldOut.required} names): recall ${percent(heldOut.recall)}, precision ${percent(heldOut.precision)} without the list`,
        `  names at a sentence start or in lower case without a title (${result.optional}): ${result.optionalFound} found without the list, ${withList.optionalFound} with it`,
        `  missed: ${result.missed.join('; ') || 'none'}`,
        `  wrongly flagged: ${result.wrong.join('; ') || 'none'}`,
      ].join('\n'),
    )
    expect(result.recall).toBeGreaterThanOrEqual(0.95)
    expect(withList.recall).toBeGreaterThanOrEqual(result.recall)
    expect(withList.optionalFound).toBeGreaterThan(result.optionalFound)
  })
})

describe('flagNames', () => {
  const names = (text: string, options?: FlagNamesOptions) =>
    flagNames(text, options).map((flag) => [flag.text, flag.reason])

  it('takes the name after a form of address, also in lower case and with tussenvoegsels', () => {
    expect(names('Doordat mevrouw jansen niet de tijd nam')).toEqual([['jansen', 'title']])
    expect(names('ik ben blij met meneer van der berg en mw. Öztürk')).toEqual([
      ['van der berg', 'title'],
      ['Öztürk', 'title'],
    ])
    expect(names("Goed geholpen door de heer Van 't Hek")).toEqual([["Van 't Hek", 'title']])
    expect(names('meneer jansen en mevrouw sandra bakker hielpen mij')).toEqual([
      ['jansen', 'title'],
      ['sandra bakker', 'title'],
    ])
  })

  it('leaves mevrouw and meneer used as plain nouns alone', () => {
    expect(names('De mevrouw van de balie was aardig en een meneer die ik niet ken belde mij')).toEqual([])
  })

  it('joins capitalised words and tussenvoegsels inside a sentence into one name', () => {
    expect(names('Ik had contact met Jan de Vries en met Şükrü Yılmaz.')).toEqual([
      ['Jan de Vries', 'capitalised'],
      ['Şükrü Yılmaz', 'capitalised'],
    ])
  })

  it('skips the start of a sentence, acronyms, known non-names and the round’s municipalities', () => {
    expect(names('Sandra hielp mij. Via DigiD, het UWV en de Participatiewet in Hengelo op Maandag.')).toEqual([
      ['Hengelo', 'capitalised'],
    ])
    expect(names('Via het UWV in Hengelo', { notNames: ['Hengelo'] })).toEqual([])
  })

  it('finds names from the list in any case, as whole words, and each part of a full name', () => {
    const options = { knownNames: ['Sandra Bakker', 'Kim'] }
    expect(names('sandra belde. Kimberley niet, kim wel. Mevrouw bakker ook', options)).toEqual([
      ['sandra', 'list'],
      ['kim', 'list'],
      ['bakker', 'list'],
    ])
  })

  it('finds names from the list typed without accents or with other ones', () => {
    const options = { knownNames: ['Ömer Öztürk', 'Mehmet Yılmaz', 'Zoë'] }
    expect(names('omer belde. YILMAZ ook, en Ozturk. Zoe\u0308 niet', options)).toEqual([
      ['omer', 'list'],
      ['YILMAZ', 'list'],
      ['Ozturk', 'list'],
      ['Zoe\u0308', 'list'],
    ])
  })
})

describe('proposeRedaction', () => {
  const redact = (text: string, options?: FlagNamesOptions) => proposeRedaction(text, flagNames(text, options))

  it('puts "(…)" where the names were and keeps the rest as written', () => {
    expect(
      redact('Vanaf dat ik in Haaksbergen woon, heb ik Sandra als klantmanager.', { notNames: ['Haaksbergen'] }),
    ).toBe('Vanaf dat ik in Haaksbergen woon, heb ik (…) als klantmanager.')
    expect(redact('Doordat mevrouw jansen niet de tijd nam om mijn mail even door te scrollen')).toBe(
      'Doordat mevrouw (…) niet de tijd nam om mijn mail even door te scrollen',
    )
    expect(redact("ik vind dat meneer van der berg en Jan de Vries goed werk doen, Sandra's hulp ook")).toBe(
      "ik vind dat meneer (…) en (…) goed werk doen, (…)'s hulp ook",
    )
    expect(redact('Geen verbeterpunten, alles is goed zo.')).toBe('Geen verbeterpunten, alles is goed zo.')
  })

  it('merges overlapping flags into one "(…)"', () => {
    const text = 'Bedankt Sandra Bakker!'
    const flags: NameFlag[] = [
      { start: 8, end: 14, text: 'Sandra', reason: 'list' },
      { start: 8, end: 21, text: 'Sandra Bakker', reason: 'capitalised' },
    ]
    expect(proposeRedaction(text, flags)).toBe('Bedankt (…)!')
  })
})
