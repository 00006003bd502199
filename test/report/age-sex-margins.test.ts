import { describe, expect, it } from 'vitest'
import { loadKto } from '#test/questionnaire/kto.ts'
import { ageRangeOf, ageSexMargins } from '#src/report/age-sex-margins.ts'
import { roundSample } from '#src/report/designs.ts'
import type { ClosedAnswer, RoundData } from '#src/report/round-data.ts'
import { groupTotals } from '#src/statistics/post-stratify.ts'

describe('age classes read from the answer labels', () => {
  it.each([
    ['18 tot en met 26 jaar', { from: 18, to: 26 }],
    ['27 t/m 40 jaar', { from: 27, to: 40 }],
    ['41-50', { from: 41, to: 50 }],
    ['65 jaar of ouder', { from: 65, to: Number.POSITIVE_INFINITY }],
    ['65+', { from: 65, to: Number.POSITIVE_INFINITY }],
    ['Jonger dan 27 jaar', { from: 0, to: 26 }],
    ['Zeg ik liever niet', null],
  ])('%s', (label, range) => {
    expect(ageRangeOf(label)).toEqual(range)
  })
})

/**
 * Two municipalities; the shipped questionnaire asks age (6 classes) and sex. The
 * response over-represents older men; the client file says who the clients are.
 */
function round(withPopulation: boolean): RoundData {
  const definition = loadKto()
  const rows: Array<{ stratum: number; age: number | null; sex: number | null; grade: number }> = []
  for (let i = 0; i < 200; i++) {
    rows.push({
      stratum: i < 150 ? 0 : 1,
      // Class 6 (65+) nobody in the client file is: weighted as unknown, like no answer.
      age: [1, 1, 2, 3, 3, 3, 4, 6, null, 4][i % 10]!,
      sex: i % 4 === 0 ? 2 : i % 13 === 0 ? 3 : 1,
      grade: 5 + (i % 5),
    })
  }
  const column = (get: (r: (typeof rows)[number]) => number | null): ClosedAnswer[] => rows.map(get)
  return {
    id: 1,
    name: 'KTO 2026',
    label: '2026',
    definition,
    minGroupSize: 5,
    strata: [
      { id: 1, code: 'hengelo', name: 'Hengelo', population: 2400, writtenTo: 800 },
      { id: 2, code: 'borne', name: 'Borne', population: 600, writtenTo: 600 },
    ],
    stratumOf: Int32Array.from(rows.map((r) => r.stratum)),
    answers: new Map([
      ['leeftijd', column((r) => r.age)],
      ['geslacht', column((r) => r.sex)],
      ['rapportcijfer_dienstverlening', column((r) => r.grade)],
    ]),
    ...(withPopulation
      ? {
          ageSex: {
            year: 2026,
            perStratum: new Map([
              [
                'hengelo',
                [
                  { birthYear: 2000, sex: 'vrouw' as const, clients: 1000 }, // 26: class 1
                  { birthYear: 1980, sex: 'man' as const, clients: 800 }, // 46: class 3
                  { birthYear: 1970, sex: 'vrouw' as const, clients: 400 }, // 56: class 4
                  { birthYear: null, sex: null, clients: 200 },
                ],
              ],
              ['borne', [{ birthYear: 1990, sex: 'man' as const, clients: 600 }]], // 36: class 2
            ]),
          },
        }
      : {}),
  }
}

describe('raking to age class and sex', () => {
  it('makes the weighted age and sex shares of those who said theirs equal the client file’s', () => {
    const data = round(true)
    const indices = [...data.stratumOf.keys()]
    const { margins, reason } = ageSexMargins(data, indices, data.ageSex)
    expect(reason).toBeNull()
    const weighted = roundSample(data, null, { weigh: true })
    expect(weighted.weighting.method).toBe('municipalityAgeSex')
    const weights = weighted.sample.design.weights
    const [age, sex] = margins
    const ageTotals = groupTotals(age!.groups, weights)
    const known = ['1', '2', '3', '4'].reduce((sum, c) => sum + (ageTotals.get(c) ?? 0), 0)
    // Of the 2,800 clients with a birth year: 1,000 class 1, 600 class 2, 800 class 3, 400 class 4.
    expect(ageTotals.get('1')! / known).toBeCloseTo(1000 / 2800, 6)
    expect(ageTotals.get('2')! / known).toBeCloseTo(600 / 2800, 6)
    expect(ageTotals.get('4')! / known).toBeCloseTo(400 / 2800, 6)
    const sexTotals = groupTotals(sex!.groups, weights)
    // 1,400 men and 1,400 women with a known sex.
    expect(sexTotals.get('man')! / (sexTotals.get('man')! + sexTotals.get('vrouw')!)).toBeCloseTo(0.5, 6)
    // And the municipalities still weigh 2,400 : 600.
    const perStratum = groupTotals(
      indices.map((i) => String(data.stratumOf[i])),
      weights,
    )
    expect(perStratum.get('0')! / (perStratum.get('0')! + perStratum.get('1')!)).toBeCloseTo(0.8, 6)
    // Respondents who did not say keep their share of the response.
    expect(ageTotals.get('?')! / 200).toBeCloseTo(age!.groups.filter((g) => g === '?').length / 200, 6)
    expect(weighted.weighting.designEffect).toBeGreaterThan(1)
  })

  it('says why it did not rake when the client file had no birth year and sex', () => {
    const weighted = roundSample(round(false), null, { weigh: true })
    expect(weighted.weighting.method).toBe('municipality')
    expect(weighted.weighting.ageSexNote).toBe('noPopulation')
  })
})
