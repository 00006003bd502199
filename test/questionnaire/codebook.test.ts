import { describe, expect, it } from 'vitest'
import { buildCodebook, describeCondition, flattenAnswersForExport } from '#src/questionnaire/index.ts'
import { sampleDefinition } from './fixtures.ts'
import { loadKto } from './kto.ts'

const kto = loadKto()
const codebook = buildCodebook(kto)
const variable = (name: string) => {
  const found = codebook.find((v) => v.name === name)
  if (!found) throw new Error(`no variable ${name}`)
  return found
}

describe('buildCodebook on the KTO', () => {
  it('has 78 variables in questionnaire order, with unique names', () => {
    expect(codebook).toHaveLength(78)
    expect(new Set(codebook.map((v) => v.name)).size).toBe(78)
    expect(codebook.slice(0, 4).map((v) => v.name)).toEqual([
      'rapportcijfer_dienstverlening',
      'intake_wanneer',
      'intake_stellingen_a',
      'intake_stellingen_b',
    ])
    expect(codebook.at(-1)?.name).toBe('opmerkingen')
  })

  it('describes a grade question', () => {
    expect(variable('rapportcijfer_dienstverlening')).toEqual({
      name: 'rapportcijfer_dienstverlening',
      questionId: 'rapportcijfer_dienstverlening',
      questionNumber: '1',
      label: 'Welk rapportcijfer geeft u de afdeling Werk en Inkomen?',
      type: 'numeric',
      measure: 'scale',
      valueLabels: [
        { value: 1, label: 'zeer slecht' },
        { value: 10, label: 'uitstekend' },
        { value: 99, label: 'Weet ik niet / geen ervaring' },
      ],
      missingValues: [99],
    })
  })

  it('describes a grid item with its stem, number, scale and routing', () => {
    expect(variable('intake_stellingen_a')).toEqual({
      name: 'intake_stellingen_a',
      questionId: 'intake_stellingen',
      questionNumber: '3a',
      label:
        'Bent u het eens met deze zinnen over het eerste gesprek? In het eerste gesprek is duidelijk uitgelegd wat mijn rechten zijn',
      type: 'numeric',
      measure: 'ordinal',
      valueLabels: [
        { value: 1, label: 'Helemaal mee eens' },
        { value: 2, label: 'Mee eens' },
        { value: 3, label: 'Mee oneens' },
        { value: 4, label: 'Helemaal mee oneens' },
        { value: 99, label: 'Weet ik niet / geldt niet voor mij' },
      ],
      missingValues: [99],
      routing: 'intake_wanneer = 1',
    })
    expect(variable('medewerkers_stellingen_o').label).toBe(
      'De medewerkers van Werk en Inkomen … praten te veel over mijn plichten en over straffen, zoals een lagere uitkering',
    )
    expect(variable('medewerkers_stellingen_o').questionNumber).toBe('13o')
    expect(variable('reintegratie_cijfers_f')).toMatchObject({
      measure: 'scale',
      routing: 'begeleiding_werk in (1, 2)',
      missingValues: [99],
    })
  })

  it('gives yes/no questions their labels and routing', () => {
    expect(variable('parttimebaan').valueLabels).toEqual([
      { value: 1, label: 'Ja' },
      { value: 2, label: 'Nee' },
    ])
    expect(variable('kans_parttimebaan').routing).toBe('parttimebaan = 2')
    expect(variable('kans_baan_zonder_bijstand').routing).toBeUndefined()
  })

  it('exports multiple choice as one 0/1 variable per option plus the "other" text', () => {
    const names = codebook.filter((v) => v.questionId === 'punt_goed').map((v) => v.name)
    // Dutch like every other name in the data set; the answer is stored as punt_goed_other.
    expect(names).toEqual([...Array.from({ length: 9 }, (_, i) => `punt_goed_${i + 1}`), 'punt_goed_anders'])
    expect(variable('punt_goed_5')).toEqual({
      name: 'punt_goed_5',
      questionId: 'punt_goed',
      questionNumber: '21',
      label: 'Wat vindt u goed aan de afdeling Werk en Inkomen?: Dat er een vangnet is als het zelf niet lukt',
      type: 'numeric',
      measure: 'nominal',
      valueLabels: [
        { value: 0, label: 'niet aangekruist' },
        { value: 1, label: 'aangekruist' },
      ],
      missingValues: [],
      tickOf: {
        questionId: 'punt_goed',
        label: 'Wat vindt u goed aan de afdeling Werk en Inkomen?',
      },
    })
    expect(variable('punt_goed_anders')).toMatchObject({ type: 'string', width: 200, valueLabels: [] })
    expect(variable('begeleiding_door_2').routing).toBe('begeleiding_werk in (1, 2)')
  })

  it('describes open text as string variables', () => {
    expect(variable('opmerkingen')).toMatchObject({
      type: 'string',
      measure: 'nominal',
      width: 4000,
      questionNumber: '23',
    })
  })

  it('labels in English or another language of the questionnaire on request, in Dutch for a language it lacks', () => {
    const english = buildCodebook(kto, 'en')
    expect(english.find((v) => v.name === 'punt_goed_5')?.label).toBe(
      'What do you think is good about the Work and Income department?: That there is a safety net when I cannot manage on my own',
    )
    expect(english.find((v) => v.name === 'punt_goed_5')?.valueLabels[1]).toEqual({ value: 1, label: 'ticked' })
    expect(english.find((v) => v.name === 'kans_parttimebaan')?.routing).toBe('parttimebaan = 2')
    // The KTO has no German.
    expect(buildCodebook(kto, 'de')[0]?.label).toBe(codebook[0]?.label)
    expect(buildCodebook(kto, 'tr')[0]?.label).toBe('Werk en Inkomen birimine hangi notu verirsiniz?')
  })
})

describe('routing text', () => {
  const d = sampleDefinition()
  it('writes conditions for people, multiple choice as its 0/1 variables', () => {
    expect(describeCondition(d, { question: 'hulp', notEquals: 1 })).toBe('hulp ≠ 1')
    expect(describeCondition(d, { question: 'hulp_van', equals: 2 })).toBe('hulp_van_2 = 1')
    expect(describeCondition(d, { question: 'hulp_van', in: [1, 3] })).toBe('hulp_van_1 = 1 of hulp_van_3 = 1')
    expect(describeCondition(d, { stratum: ['haaksbergen'] })).toBe('stratum = haaksbergen')
    expect(describeCondition(d, { stratum: ['haaksbergen', 'borne'] }, 'en')).toBe('stratum in (haaksbergen, borne)')
    expect(
      describeCondition(d, {
        all: [{ question: 'leergeld_bekend', equals: 1 }, { not: { question: 'tevredenheid', equals: 99 } }],
      }),
    ).toBe('leergeld_bekend = 1 en niet (tevredenheid = 99)')
    expect(
      describeCondition(
        d,
        {
          all: [
            {
              any: [
                { question: 'opmerking', answered: true },
                { question: 'hulp', equals: 2 },
              ],
            },
            { stratum: ['x'] },
          ],
        },
        'en',
      ),
    ).toBe('(opmerking answered or hulp = 2) and stratum = x')
  })

  it('combines the routing of a section and of a question', () => {
    const uren = buildCodebook(d).find((v) => v.name === 'hulp_uren')
    expect(uren?.routing).toBe('hulp = 1 en hulp_van_2 = 1')
    expect(buildCodebook(d).find((v) => v.name === 'leergeld_cijfer')?.routing).toBe(
      'stratum = haaksbergen en (leergeld_bekend = 1 en niet (tevredenheid = 99))',
    )
  })
})

describe('flattenAnswersForExport', () => {
  it('gives every codebook variable, in codebook order', () => {
    const row = flattenAnswersForExport(kto, {})
    expect(Object.keys(row)).toEqual(codebook.map((v) => v.name))
    expect(Object.values(row).every((v) => v === null)).toBe(true)
  })

  it('exports ticks as 1/0 for an answered question and null for a skipped one', () => {
    const row = flattenAnswersForExport(kto, {
      rapportcijfer_dienstverlening: 7,
      intake_stellingen_b: 99,
      punt_goed: [2, 9],
      punt_goed_other: 'snelle betaling',
      opmerkingen: 'Goed zo',
    })
    expect(row).toMatchObject({
      rapportcijfer_dienstverlening: 7,
      intake_stellingen_a: null,
      intake_stellingen_b: 99,
      punt_goed_1: 0,
      punt_goed_2: 1,
      punt_goed_8: 0,
      punt_goed_9: 1,
      punt_goed_anders: 'snelle betaling',
      punt_verbeteren_1: null,
      punt_verbeteren_anders: null,
      opmerkingen: 'Goed zo',
    })
  })

  it('exports a single-choice "other" text next to the code', () => {
    const row = flattenAnswersForExport(sampleDefinition(), { contact: 3, contact_other: 'brief' })
    expect(row).toMatchObject({ contact: 3, contact_anders: 'brief', hulp_van_1: null })
  })
})
