import { describe, expect, it } from 'vitest'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import {
  answerLines,
  buildCodebook,
  findQuestion,
  flattenAnswersForExport,
  pagesOf,
  unansweredVisibleQuestions,
  validateAnswers,
  validateDefinition,
  variablesOf,
} from '#src/questionnaire/index.ts'
import { rankingSumDefinition } from './ranking-sum.ts'

const definition = rankingSumDefinition()
const context = { stratum: 'HGL' }
const validate = (input: Record<string, unknown>, partial = true) =>
  validateAnswers(definition, input, context, { partial })

// biome-ignore lint/suspicious/noExplicitAny: the fixture is changed against its types on purpose
type Loose = any
function faultsOf(change: (d: Loose) => void) {
  const d: Loose = rankingSumDefinition()
  change(d)
  const result = validateDefinition(d)
  return result.ok ? [] : result.errors
}

describe('ranking and constant sum definitions', () => {
  it('reads the fixture, with one variable per item', () => {
    expect(variablesOf(findQuestion(definition, 'belangrijk')!)).toEqual([
      'belangrijk_geld',
      'belangrijk_werk',
      'belangrijk_contact',
      'belangrijk_uitleg',
      'belangrijk_snel',
    ])
    expect(variablesOf(findQuestion(definition, 'verdeling')!)).toHaveLength(4)
  })

  it('refuses a ranking of more items than it has, a sum without a total, and duplicate items', () => {
    expect(faultsOf((d) => (d.sections[0].questions[1].max = 6))).toEqual([
      { path: 'sections[0].questions[1].max', message: 'max is 6, but the question has only 5 items.' },
    ])
    expect(faultsOf((d) => delete d.sections[0].questions[2].total)).toEqual([
      { path: 'sections[0].questions[2].total', message: 'Required property "total" is missing.' },
    ])
    expect(faultsOf((d) => (d.sections[0].questions[2].items[1].id = 'bereikbaar'))).toEqual([
      {
        path: 'sections[0].questions[2].items[1].id',
        message: 'Item id "bereikbaar" is already used by items[0].',
      },
    ])
  })

  it('refuses routing on a ranking or a constant sum', () => {
    const faults = faultsOf((d) => (d.sections[0].questions[3].showIf = { question: 'verdeling', answered: true }))
    expect(faults).toEqual([
      {
        path: 'sections[0].questions[3].showIf.question',
        message: 'Question "verdeling" is a constant sum: routing on it is not supported. Refer to another question.',
      },
    ])
  })
})

describe('validateAnswers: ranking (3 of 5)', () => {
  it('keeps up to three ranks in order, as numbers', () => {
    const { answers, errors } = validate({ belangrijk_geld: '2', belangrijk_werk: '1', belangrijk_snel: '3' })
    expect(errors).toEqual([])
    expect(answers).toEqual({ belangrijk_geld: 2, belangrijk_werk: 1, belangrijk_snel: 3 })
  })

  it('accepts fewer than three ranks, starting at 1', () => {
    expect(validate({ belangrijk_uitleg: '1' }).errors).toEqual([])
  })

  it('says in Dutch which number was used twice, and keeps none of the ranks', () => {
    const { answers, errors } = validate({ belangrijk_geld: '1', belangrijk_werk: '2', belangrijk_contact: '2' })
    expect(errors).toEqual([
      {
        variable: 'belangrijk',
        questionId: 'belangrijk',
        code: 'repeated_rank',
        message: expect.objectContaining({
          nl: 'U heeft nummer 2 vaker dan één keer gebruikt. Gebruik elk nummer maar één keer.',
        }),
        items: ['belangrijk_werk', 'belangrijk_contact'],
      },
    ])
    expect(answers).toEqual({})
  })

  it('says which number is missing when one is skipped', () => {
    const { errors } = validate({ belangrijk_geld: '1', belangrijk_werk: '3' })
    expect(errors.map((e) => [e.code, e.message.nl])).toEqual([
      ['rank_gap', 'Nummer 2 ontbreekt. Begin bij 1 en sla geen nummer over.'],
    ])
    expect(validate({ belangrijk_geld: '2' }).errors[0]?.message.nl).toBe(
      'Nummer 1 ontbreekt. Begin bij 1 en sla geen nummer over.',
    )
  })

  it('refuses a rank above 3, a fraction and a word at the item itself', () => {
    const { errors } = validate({ belangrijk_geld: '4', belangrijk_werk: '1,5', belangrijk_snel: 'een' })
    expect(errors.map((e) => [e.variable, e.message.nl])).toEqual([
      ['belangrijk_geld', 'Vul een nummer in van 1 tot en met 3.'],
      ['belangrijk_werk', 'Vul een nummer in van 1 tot en met 3.'],
      ['belangrijk_snel', 'Vul een nummer in van 1 tot en met 3.'],
    ])
  })

  it('has messages in every language', () => {
    const [error] = validate({ belangrijk_geld: '1', belangrijk_werk: '1' }).errors
    expect(Object.keys(error!.message).sort()).toEqual(['ar', 'en', 'nl', 'pl', 'tr'])
    expect(error!.message.en).toBe('You used number 1 more than once. Use each number only once.')
  })

  it('is answered with one rank; required asks for at least one', () => {
    expect(unansweredVisibleQuestions(definition, { belangrijk_snel: 1 }, context).map((q) => q.id)).not.toContain(
      'belangrijk',
    )
    const required: Loose = rankingSumDefinition()
    required.sections[0].questions[1].required = true
    const complete = validateAnswers(required, {}, context)
    expect(complete.errors.filter((e) => e.questionId === 'belangrijk')).toEqual([
      expect.objectContaining({ variable: 'belangrijk', code: 'required' }),
    ])
    expect(validateAnswers(required, { belangrijk_werk: '1' }, context).errors).toEqual([])
  })
})

describe('validateAnswers: constant sum (100)', () => {
  it('keeps amounts that make 100; a blank item is stored as 0', () => {
    const { answers, errors } = validate({
      verdeling_bereikbaar: '50',
      verdeling_brieven: '',
      verdeling_snelheid: '30',
      verdeling_vriendelijk: '20',
    })
    expect(errors).toEqual([])
    expect(answers).toEqual({
      verdeling_bereikbaar: 50,
      verdeling_brieven: 0,
      verdeling_snelheid: 30,
      verdeling_vriendelijk: 20,
    })
  })

  it('says the current sum and the total when they differ, and keeps none of the amounts', () => {
    const { answers, errors } = validate({ verdeling_bereikbaar: '50', verdeling_snelheid: '40' })
    expect(errors.map((e) => [e.variable, e.code, e.message.nl])).toEqual([
      ['verdeling', 'wrong_sum', 'De getallen moeten samen 100 zijn. Nu zijn ze samen 90.'],
    ])
    expect(errors[0]!.items).toEqual(['verdeling_bereikbaar', 'verdeling_snelheid'])
    expect(answers).toEqual({})
  })

  it('refuses a negative amount, a fraction and more than the total at the item', () => {
    const { errors } = validate({ verdeling_bereikbaar: '-5', verdeling_brieven: '2,5', verdeling_snelheid: '101' })
    expect(errors.map((e) => [e.variable, e.message.nl])).toEqual([
      ['verdeling_bereikbaar', 'Vul een heel getal in van 0 tot en met 100.'],
      ['verdeling_brieven', 'Vul een heel getal in van 0 tot en met 100.'],
      ['verdeling_snelheid', 'Vul een heel getal in van 0 tot en met 100.'],
    ])
  })
})

describe('ranking and constant sum elsewhere in the engine', () => {
  const answers = {
    belangrijk_geld: 2,
    belangrijk_werk: 1,
    verdeling_bereikbaar: 60,
    verdeling_vriendelijk: 40,
  }

  it('reads back a ranking in rank order and a sum per item with its unit', () => {
    const lines = (id: string) => answerLines(definition, findQuestion(definition, id)!, answers, 'nl')
    expect(lines('belangrijk')).toEqual([
      { text: '1. Hulp bij het vinden van werk' },
      { text: '2. Op tijd mijn geld krijgen' },
    ])
    expect(lines('verdeling')).toEqual([
      { statement: 'Bereikbaarheid', text: '60 punten' },
      { statement: 'Vriendelijkheid', text: '40 punten' },
    ])
  })

  it('describes one variable per item in the codebook: ranks ordinal with 0 = no rank missing, amounts scale', () => {
    const codebook = buildCodebook(definition)
    const geld = codebook.find((v) => v.name === 'belangrijk_geld')!
    expect(geld).toMatchObject({
      questionNumber: '2a',
      label: 'Wat is voor u het belangrijkst bij de gemeente? Op tijd mijn geld krijgen',
      type: 'numeric',
      measure: 'ordinal',
      valueLabels: [{ value: 0, label: 'geen nummer gekregen' }],
      missingValues: [0],
    })
    const brieven = codebook.find((v) => v.name === 'verdeling_brieven')!
    expect(brieven).toMatchObject({ questionNumber: '3b', measure: 'scale', valueLabels: [], missingValues: [] })
  })

  it('exports a blank item of an answered question as 0, and an unanswered question as empty', () => {
    const row = flattenAnswersForExport(definition, answers)
    expect(row).toMatchObject({
      belangrijk_geld: 2,
      belangrijk_werk: 1,
      belangrijk_contact: 0,
      verdeling_bereikbaar: 60,
      verdeling_brieven: 0,
    })
    const empty = flattenAnswersForExport(definition, { tevreden: 7 })
    expect(empty.belangrijk_geld).toBeNull()
    expect(empty.verdeling_brieven).toBeNull()
  })

  it('puts each on one page with its items', () => {
    const page = pagesOf(definition as QuestionnaireDefinition).find((p) =>
      p.questions.some((q) => q.question.id === 'belangrijk'),
    )!
    expect([...page.variables]).toContain('belangrijk_snel')
  })
})
