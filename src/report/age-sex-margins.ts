/**
 * Raking margins for age class and sex (REPORTS.md, "Weighting"): the population side
 * comes from the client file as counts per birth year and sex (never per client), the
 * respondent side from the respondent's own answers to the age and sex questions. The
 * response never gets a link to the client file.
 *
 * The questions are found by concept key or id (`leeftijd`, `geslacht`); the age
 * classes are read from the Dutch labels of the options: "18 tot en met 26 jaar",
 * "65 jaar of ouder", "jonger dan 27 jaar", "27-40". Age is the age reached in the year
 * the round opened. Respondents who did not say (or said "anders") form a group of
 * their own whose weight stays their share of the response; clients with an unknown
 * birth year or sex are spread over the known classes in proportion.
 */
import type { Question, SingleChoiceQuestion } from '#src/questionnaire/index.ts'
import { allQuestions } from '#src/questionnaire/index.ts'
import type { Margin } from '#src/statistics/rake.ts'
import type { RoundData } from './round-data.ts'

export type Sex = 'man' | 'vrouw' | 'anders'

export interface AgeSexCount {
  birthYear: number | null
  sex: Sex | null
  clients: number
}

/** A round's population by birth year and sex, per municipality code, and the year the round opened. */
export interface AgeSexPopulation {
  year: number
  perStratum: ReadonlyMap<string, readonly AgeSexCount[]>
}

/** Why there are no age and sex margins. */
export type NoMargins = 'noPopulation' | 'noQuestions'

const UNKNOWN = '?'

/** The age range of an option label, inclusive; null when the label names none. */
export function ageRangeOf(label: string): { from: number; to: number } | null {
  const text = label.toLowerCase()
  let m = /(\d+)\s*(?:tot en met|t\/m|-|–|tot)\s*(\d+)/.exec(text)
  if (m) return { from: Number(m[1]), to: Number(m[2]) }
  m = /(\d+)\s*(?:jaar)?\s*(?:of|en)\s*(?:ouder|meer)/.exec(text) ?? /(\d+)\s*\+/.exec(text)
  if (m) return { from: Number(m[1]), to: Number.POSITIVE_INFINITY }
  m = /jonger dan\s*(\d+)/.exec(text)
  if (m) return { from: 0, to: Number(m[1]) - 1 }
  return null
}

function sexOf(label: string): Sex | null {
  const text = label.trim().toLowerCase()
  return text === 'man' ? 'man' : text === 'vrouw' ? 'vrouw' : null
}

function find(questions: Question[], key: string): SingleChoiceQuestion | undefined {
  const question = questions.find((q) => (q.concept ?? q.id) === key)
  return question?.type === 'single' ? question : undefined
}

/** Targets for one margin: the known classes in proportion to the population, the unknown group at its share of the response. */
function margin(groups: string[], population: Map<string, number>, total: number): Margin {
  const unknownShare = groups.filter((g) => g === UNKNOWN).length / groups.length
  const known = [...population.values()].reduce((a, b) => a + b, 0)
  const targets = new Map<string, number>()
  for (const [group, clients] of population)
    targets.set(group, known > 0 ? (clients / known) * (1 - unknownShare) * total : 0)
  if (unknownShare > 0) targets.set(UNKNOWN, unknownShare * total)
  return { groups, population: targets }
}

/** A respondent in a class without clients (e.g. 65+ in a file of people under 65) cannot be weighted to it: unknown. */
function known(groups: string[], population: Map<string, number>): string[] {
  return groups.map((g) => (population.get(g) ? g : UNKNOWN))
}

export function ageSexMargins(
  data: RoundData,
  indices: readonly number[],
  population: AgeSexPopulation | undefined,
): { margins: Margin[]; reason: NoMargins | null } {
  if (!population || population.perStratum.size === 0) return { margins: [], reason: 'noPopulation' }
  const questions = allQuestions(data.definition)
  const ageQuestion = find(questions, 'leeftijd')
  const sexQuestion = find(questions, 'geslacht')
  if (!ageQuestion || !sexQuestion) return { margins: [], reason: 'noQuestions' }
  const classes = new Map(
    ageQuestion.options.flatMap((o) => {
      const range = ageRangeOf(o.label.nl ?? '')
      return range ? [[o.value, { key: String(o.value), ...range }] as const] : []
    }),
  )
  const sexes = new Map(
    sexQuestion.options.flatMap((o) => {
      const sex = sexOf(o.label.nl ?? '')
      return sex ? [[o.value, sex] as const] : []
    }),
  )
  if (classes.size === 0 || sexes.size === 0) return { margins: [], reason: 'noQuestions' }

  const ages = data.answers.get(ageQuestion.id)
  const sexAnswers = data.answers.get(sexQuestion.id)
  const ageGroups = indices.map((i) => {
    const a = ages?.[i]
    return typeof a === 'number' && classes.has(a) ? classes.get(a)!.key : UNKNOWN
  })
  const sexGroups = indices.map((i) => {
    const a = sexAnswers?.[i]
    return typeof a === 'number' && sexes.has(a) ? sexes.get(a)! : UNKNOWN
  })

  const codes = new Set(indices.map((i) => data.strata[data.stratumOf[i]!]!.code))
  const agePopulation = new Map<string, number>()
  const sexPopulation = new Map<string, number>()
  let total = 0
  for (const code of codes) {
    total += data.strata.find((s) => s.code === code)!.population
    for (const count of population.perStratum.get(code) ?? []) {
      if (count.birthYear !== null) {
        const age = population.year - count.birthYear
        const cls = [...classes.values()].find((c) => age >= c.from && age <= c.to)
        if (cls) agePopulation.set(cls.key, (agePopulation.get(cls.key) ?? 0) + count.clients)
      }
      if (count.sex === 'man' || count.sex === 'vrouw')
        sexPopulation.set(count.sex, (sexPopulation.get(count.sex) ?? 0) + count.clients)
    }
  }
  if (agePopulation.size === 0 && sexPopulation.size === 0) return { margins: [], reason: 'noPopulation' }
  const margins: Margin[] = []
  if (agePopulation.size > 0) margins.push(margin(known(ageGroups, agePopulation), agePopulation, total))
  if (sexPopulation.size > 0) margins.push(margin(known(sexGroups, sexPopulation), sexPopulation, total))
  return { margins, reason: null }
}
