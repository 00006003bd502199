import { describe, expect, it } from 'vitest'
import type { Answers, QuestionnaireDefinition } from '#src/questionnaire/index.ts'
import { buildReport } from '#src/report/build-report.ts'
import type { Line } from '#src/report/model.ts'
import type { ClosedAnswer, RoundData } from '#src/report/round-data.ts'

const agree = {
  type: 'options' as const,
  options: [
    { value: 1, label: { nl: 'Helemaal mee eens' } },
    { value: 2, label: { nl: 'Mee eens' } },
    { value: 3, label: { nl: 'Mee oneens' } },
    { value: 4, label: { nl: 'Helemaal mee oneens' } },
    { value: 9, label: { nl: 'Weet niet' }, missing: true },
  ],
}

/** 2026: the grade and a statement carry concept keys. */
const thisYear: QuestionnaireDefinition = {
  id: 'kto',
  version: 3,
  title: { nl: 'KTO' },
  languages: ['nl'],
  scales: { agree },
  sections: [
    {
      id: 'algemeen',
      title: { nl: 'Algemeen' },
      questions: [
        {
          id: 'cijfer',
          number: '1',
          type: 'grade',
          concept: 'tevredenheid_algemeen',
          text: { nl: 'Welk cijfer geeft u Werk en Inkomen?' },
          dontKnow: { value: 99, label: { nl: 'Weet niet' }, missing: true },
        },
        {
          id: 'intake',
          number: '2',
          type: 'grid',
          scale: 'agree',
          text: { nl: 'Het eerste gesprek' },
          items: [
            {
              id: 'a',
              number: 'a',
              text: { nl: 'Door het intakegesprek werd het duidelijk wat ik moet doen' },
              concept: 'intake_duidelijk',
            },
            { id: 'b', number: 'b', text: { nl: 'Ik kreeg snel een afspraak' } },
          ],
        },
      ],
    },
    {
      id: 'over_uzelf',
      title: { nl: 'Over uzelf' },
      questions: [
        {
          id: 'leeftijd',
          number: '3',
          type: 'single',
          text: { nl: 'Hoe oud bent u?' },
          options: [
            { value: 1, label: { nl: 'Jonger dan 40' } },
            { value: 2, label: { nl: '40 of ouder' } },
          ],
        },
      ],
    },
    {
      id: 'tot_slot',
      title: { nl: 'Tot slot' },
      questions: [
        {
          id: 'punt_goed',
          number: '4',
          type: 'multiple',
          text: { nl: 'Wat is goed?' },
          options: [
            { value: 1, label: { nl: 'Vriendelijk' } },
            { value: 2, label: { nl: 'Snel' } },
            { value: 3, label: { nl: 'Op tijd betaald' } },
          ],
        },
      ],
    },
  ],
}

/** 2018: the same grade and statement, reworded and under other ids. */
const earlierYear: QuestionnaireDefinition = {
  ...thisYear,
  version: 1,
  sections: [
    {
      id: 'algemeen',
      title: { nl: 'Algemeen' },
      questions: [
        {
          id: 'rapportcijfer',
          number: '1',
          type: 'grade',
          concept: 'tevredenheid_algemeen',
          text: { nl: 'Welk rapportcijfer geeft u de dienstverlening?' },
        },
        {
          id: 'stellingen_intake',
          number: '2',
          type: 'grid',
          scale: 'agree',
          text: { nl: 'Stellingen' },
          items: [
            {
              id: 'x',
              number: 'a',
              text: { nl: 'Door het intakegesprek kreeg ik een duidelijk beeld van wat ik moet doen' },
              concept: 'intake_duidelijk',
            },
          ],
        },
      ],
    },
  ],
}

/** Another department's questionnaire: only the grade. */
const otherDepartment: QuestionnaireDefinition = {
  ...earlierYear,
  id: 'kto-schuldhulp',
  sections: [{ ...earlierYear.sections[0]!, questions: [earlierYear.sections[0]!.questions[0]!] }],
}

function roundData(
  id: number,
  label: string,
  definition: QuestionnaireDefinition,
  strata: Array<{ code: string; population: number }>,
  responses: Array<{ stratum: string; answers: Answers }>,
): RoundData {
  const answers = new Map<string, ClosedAnswer[]>()
  responses.forEach((response, i) => {
    for (const [variable, value] of Object.entries(response.answers)) {
      if (typeof value === 'string') continue
      const column = answers.get(variable) ?? new Array<ClosedAnswer>(responses.length).fill(null)
      column[i] = value
      answers.set(variable, column)
    }
  })
  return {
    id,
    name: `KTO ${label}`,
    label,
    definition,
    minGroupSize: 5,
    strata: strata.map((s, i) => ({
      id: i + 1,
      code: s.code,
      name: s.code.toUpperCase(),
      population: s.population,
      writtenTo: s.population,
    })),
    stratumOf: Int32Array.from(responses.map((r) => strata.findIndex((s) => s.code === r.stratum))),
    answers,
  }
}

function repeat(count: number, stratum: string, answers: (i: number) => Answers) {
  return Array.from({ length: count }, (_, i) => ({ stratum, answers: answers(i) }))
}

const current = roundData(
  3,
  '2026',
  thisYear,
  [
    { code: 'hengelo', population: 2000 },
    { code: 'borne', population: 500 },
    { code: 'losser', population: 300 },
  ],
  [
    ...repeat(60, 'hengelo', (i) => ({
      cijfer: 7 + (i % 2),
      intake_a: i % 10 === 0 ? 3 : 1,
      intake_b: 2,
      leeftijd: 1 + (i % 2),
      punt_goed: i % 3 === 0 ? [1, 3] : [3],
    })),
    ...repeat(30, 'borne', (i) => ({
      cijfer: i % 10 === 0 ? 99 : 5 + (i % 2),
      intake_a: 2,
      intake_b: 4,
      punt_goed: [2],
    })),
    // Losser: 3 statements answered, too few; the figure of Borne must then hide too.
    ...repeat(8, 'losser', (i) => ({ cijfer: 6, ...(i < 3 ? { intake_b: 1 } : {}) })),
  ],
)
const earlier = roundData(
  1,
  '2018',
  earlierYear,
  [
    { code: 'hengelo', population: 2000 },
    { code: 'borne', population: 500 },
  ],
  [
    ...repeat(50, 'hengelo', (i) => ({ rapportcijfer: 6 + (i % 2), stellingen_intake_x: i % 2 === 0 ? 3 : 1 })),
    ...repeat(30, 'borne', () => ({ rapportcijfer: 6, stellingen_intake_x: 4 })),
  ],
)
const reference = roundData(
  2,
  '2025',
  otherDepartment,
  [{ code: 'enschede', population: 900 }],
  repeat(40, 'enschede', (i) => ({ rapportcijfer: 6 + (i % 3) })),
)

function report(municipality: string | null = null) {
  return buildReport({
    current,
    municipality,
    trendRounds: [earlier],
    referenceRounds: [reference],
    referenceFigures: null,
    response: [],
    thresholds: { veryReliable: 0.95, reliable: 0.9 },
    quotes: [],
    weigh: true,
    madeOn: '2026-12-06',
  })
}

function line(lines: Line[], variable: string, statistic = 'mean'): Line {
  const found = lines.find((l) => l.variable === variable && l.statistic === statistic)
  if (!found) throw new Error(`no line ${variable} ${statistic}`)
  return found
}

describe('the report of a round', () => {
  it('matches a reworded question of an earlier round by its concept key, under another id', () => {
    const grade = report().chapters[0]!.blocks[0]!
    const mean = line(grade.lines, 'cijfer')
    // 2018, post-stratified: Hengelo 6,5 and Borne 6,0 weighted 2000 : 500 = 6,4.
    expect(mean.trend[0]!.figure!.value).toBeCloseTo(6.4, 10)
    const statements = report().chapters[0]!.blocks[1]!
    // Statement a ("werd het duidelijk", 2026) is "kreeg ik een duidelijk beeld" (2018): 50% vs 0% agree, weighted (2000·0.5 + 500·0)/2500.
    expect(line(statements.lines, 'intake_a', 'agree').trend[0]!.figure!.value).toBeCloseTo(0.4, 10)
    // Statement b has no concept key and no statement b in 2018: blank, not matched by position.
    expect(line(statements.lines, 'intake_b', 'agree').trend[0]!.figure).toBeNull()
  })

  it('weights the total to the clients per municipality and says so', () => {
    const r = report()
    expect(r.weighting.method).toBe('municipality')
    expect(r.weighting.unweightedN).toBe(98)
    expect(r.weighting.weightedN).toBeCloseTo(98, 8)
    expect(r.weighting.designEffect).toBeGreaterThan(1)
    // Post-stratification weighs responses, not answers: Borne's 30 responses stand for its 500
    // clients, so its 27 valid grades (mean 150/27) stand for 450, Hengelo's 60 for 2000, Losser's 8 for 300.
    const mean = line(r.chapters[0]!.blocks[0]!.lines, 'cijfer').current!.value
    expect(mean).toBeCloseTo((2000 * 7.5 + 450 * (150 / 27) + 300 * 6) / 2750, 10)
  })

  it('marks significant changes and names the reference group’s missing questions "own question"', () => {
    const r = report()
    const mean = line(r.chapters[0]!.blocks[0]!.lines, 'cijfer')
    expect(mean.trend[0]!.change).toBe('higher')
    expect(mean.reference).not.toBe('ownQuestion')
    const statements = r.chapters[0]!.blocks[1]!
    expect(line(statements.lines, 'intake_a', 'agree').reference).toBe('ownQuestion')
    expect(r.summary.grade!.line).toBe(mean)
    expect(r.summary.largestChanges[0]!.line.variable).toBe('intake_a')
    expect(r.summary.largestChanges[0]!.difference).toBeGreaterThan(0.4)
  })

  it('puts points and background in chapters of their own, points sorted by frequency', () => {
    const r = report()
    expect(r.chapters.map((c) => c.id)).toEqual(['algemeen'])
    expect(r.background!.id).toBe('over_uzelf')
    // Weighted: all of Hengelo (2000) chose "op tijd", a third of Hengelo (667) "vriendelijk", all of Borne (500) "snel".
    expect(r.points[0]!.lines.map((l) => l.label)).toEqual(['Op tijd betaald', 'Vriendelijk', 'Snel'])
  })

  it('hides figures of fewer answers than the minimum, and a second municipality beside a single hidden one', () => {
    const r = report()
    const appendix = (code: string) => r.appendices.find((a) => a.code === code)!
    const statementB = (code: string) => line(appendix(code).chapters[0]!.blocks[1]!.lines, 'intake_b', 'agree')
    expect(statementB('losser').current).toBeNull()
    // Borne's 30 answers would be shown, but then the total minus Hengelo and Borne gives Losser's
    // away: Borne, the smaller of the two, is hidden too.
    expect(statementB('borne').current).toBeNull()
    expect(statementB('hengelo').current!.n).toBe(60)
    const grade = (code: string) => line(appendix(code).chapters[0]!.blocks[0]!.lines, 'cijfer')
    // Grade: all three shown (8 in Losser ≥ 5).
    expect(grade('losser').current!.n).toBe(8)
  })

  it('makes the report of one municipality, unweighted, with its own trend', () => {
    const r = report('borne')
    expect(r.municipality).toEqual({ code: 'borne', name: 'BORNE' })
    expect(r.weighting.method).toBe('none')
    const mean = line(r.chapters[0]!.blocks[0]!.lines, 'cijfer')
    expect(mean.current!.n).toBe(27)
    expect(mean.trend[0]!.figure!.value).toBe(6)
    expect(r.appendices).toEqual([])
  })
})
