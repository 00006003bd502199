import { describe, expect, it } from 'vitest'
import type { Question } from '#src/questionnaire/definition.ts'
import type { AnswerError } from '#src/questionnaire/index.ts'
import { findQuestion, unansweredVisibleQuestions, validateAnswers, variablesOf } from '#src/questionnaire/index.ts'
import { UI_LANGUAGES } from '#src/i18n/translate.ts'
import { HAAKSBERGEN, HENGELO, sampleDefinition } from './fixtures.ts'

const definition = sampleDefinition()
const question = (id: string): Question => {
  const q = findQuestion(definition, id)
  if (!q) throw new Error(`no question ${id}`)
  return q
}
const validate = (input: Record<string, unknown>, ctx = HENGELO, partial = true) =>
  validateAnswers(definition, input, ctx, { partial })
const errorAt = (errors: AnswerError[], variable: string) => errors.find((e) => e.variable === variable)

describe('variablesOf', () => {
  it('gives the answer keys of each kind of question', () => {
    expect(variablesOf(question('tevredenheid'))).toEqual(['tevredenheid'])
    expect(variablesOf(question('contact'))).toEqual(['contact', 'contact_other'])
    expect(variablesOf(question('hulp_van'))).toEqual(['hulp_van', 'hulp_van_other'])
    expect(variablesOf(question('hulp_oordeel'))).toEqual(['hulp_oordeel_a', 'hulp_oordeel_b'])
    expect(variablesOf(question('opmerking'))).toEqual(['opmerking'])
  })
})

describe('validateAnswers: coercion', () => {
  it('turns form strings into numbers and texts into trimmed texts', () => {
    const { answers, errors } = validate({
      tevredenheid: '7',
      contact: '1',
      hulp: '1',
      hulp_uren: '2,5',
      hulp_oordeel_a: '99',
      opmerking: '  prima  ',
    })
    expect(errors).toEqual([])
    expect(answers).toEqual({ tevredenheid: 7, contact: 1, hulp: 1, hulp_oordeel_a: 99, opmerking: 'prima' })
  })

  it('reads multiple choice from an array, one string, or a typed list', () => {
    const base = { contact: 1, hulp: 1 }
    expect(validate({ ...base, hulp_van: ['3', '1'] }).answers.hulp_van).toEqual([1, 3])
    expect(validate({ ...base, hulp_van: '2' }).answers.hulp_van).toEqual([2])
    expect(validate({ ...base, hulp_van: '1, 3' }).answers.hulp_van).toEqual([1, 3])
    expect(validate({ ...base, hulp_van: [3, 3] }).answers.hulp_van).toEqual([3])
    expect(validate({ ...base, hulp_van: [] }).answers).not.toHaveProperty('hulp_van')
  })

  it('treats blanks as no answer', () => {
    const { answers, errors } = validate({ tevredenheid: '', contact: '   ', opmerking: '' })
    expect(answers).toEqual({})
    expect(errors).toEqual([])
  })

  it('stores the line breaks of long texts as \\n', () => {
    const { answers } = validate({ opmerking: 'x', toelichting: 'regel 1\r\nregel 2' })
    expect(answers.toelichting).toBe('regel 1\nregel 2')
  })

  it('leaves out invisible control characters and half characters (the database refuses them), but keeps tabs, line breaks and emoji', () => {
    const { answers } = validate({
      opmerking: 'a\u0000b\u0007c\td\uD800',
      toelichting: 'regel 1\u001b\nregel 2 \uD83D\uDE00 \uDE00',
    })
    expect(answers.opmerking).toBe('abc\td')
    expect(answers.toelichting).toBe('regel 1\nregel 2 😀')
  })

  it('ignores unknown keys', () => {
    const { answers, dropped } = validate({ tevredenheid: 8, csrf: 'abc', action: 'next' })
    expect(answers).toEqual({ tevredenheid: 8 })
    expect(dropped).toEqual([])
  })

  it('returns the answers in questionnaire order', () => {
    const { answers } = validate({ vervolg: 1, opmerking: 'x', tevredenheid: 5 })
    expect(Object.keys(answers)).toEqual(['tevredenheid', 'opmerking', 'vervolg'])
  })
})

describe('validateAnswers: invalid answers', () => {
  it('rejects grades outside 1–10, with a plain message in every client language', () => {
    for (const bad of ['0', '11', '7.5', 'zeven', 98]) {
      const { answers, errors } = validate({ tevredenheid: bad })
      expect(answers).toEqual({})
      expect(errors).toEqual([
        {
          variable: 'tevredenheid',
          questionId: 'tevredenheid',
          code: 'invalid_value',
          message: {
            nl: 'Kies een cijfer van 1 tot en met 10.',
            en: 'Choose a score from 1 to 10.',
            tr: '1 ile 10 arasında bir not seçin.',
            ar: 'اختاروا درجة من 1 إلى 10.',
            pl: 'Proszę wybrać ocenę od 1 do 10.',
          },
        },
      ])
    }
    expect(validate({ tevredenheid: '99' }).answers).toEqual({ tevredenheid: 99 })
  })

  it('rejects values that are not options', () => {
    const { errors } = validate({ contact: 4, hulp_oordeel_a: 3 })
    expect(errorAt(errors, 'contact')).toMatchObject({
      code: 'invalid_value',
      message: { nl: 'Kies een van de antwoorden.' },
    })
    // hulp_oordeel is hidden here, so its bad value is dropped, not reported.
    expect(errorAt(errors, 'hulp_oordeel_a')).toBeUndefined()
  })

  it('rejects invalid grid items per item', () => {
    const { answers, errors } = validate({
      contact: 1,
      hulp: 1,
      hulp_oordeel_a: 1,
      hulp_oordeel_b: 5,
      cijfers_rooster_a: 12,
    })
    expect(answers).toMatchObject({ hulp_oordeel_a: 1 })
    expect(errors.map((e) => [e.variable, e.questionId, e.message.nl])).toEqual([
      ['hulp_oordeel_b', 'hulp_oordeel', 'Kies een van de antwoorden.'],
      ['cijfers_rooster_a', 'cijfers_rooster', 'Kies een cijfer van 1 tot en met 10.'],
    ])
  })

  it('rejects a single answer given twice', () => {
    expect(errorAt(validate({ contact: ['1', '2'] }).errors, 'contact')?.code).toBe('invalid_value')
    // ...but one value posted as a list is one value.
    expect(validate({ contact: ['2'] }).answers).toEqual({ contact: 2 })
  })

  it('rejects too many ticks and ticks that are not options', () => {
    const base = { contact: 1, hulp: 1 }
    const tooMany = validate({ ...base, hulp_van: [1, 2, 3] })
    expect(tooMany.answers).not.toHaveProperty('hulp_van')
    expect(errorAt(tooMany.errors, 'hulp_van')).toEqual({
      variable: 'hulp_van',
      questionId: 'hulp_van',
      code: 'too_many',
      message: expect.objectContaining({
        nl: 'Kies niet meer dan 2 antwoorden.',
        en: 'Choose no more than 2 answers.',
      }),
    })
    expect(errorAt(validate({ ...base, hulp_van: [1, 7] }).errors, 'hulp_van')).toMatchObject({
      code: 'invalid_value',
      message: { nl: 'Kies alleen uit de antwoorden die er staan.' },
    })
  })

  it('rejects numbers out of range and what is no number', () => {
    const base = { contact: 1, hulp: 1, hulp_van: [2] }
    expect(errorAt(validate({ ...base, hulp_uren: '41' }).errors, 'hulp_uren')).toMatchObject({
      code: 'out_of_range',
      message: { nl: 'Vul een getal in van 0 tot en met 40.', en: 'Enter a number from 0 to 40.' },
    })
    expect(errorAt(validate({ ...base, hulp_uren: 'veel' }).errors, 'hulp_uren')).toMatchObject({
      code: 'not_a_number',
      message: { nl: 'Vul een getal in. Gebruik alleen cijfers.' },
    })
    expect(validate({ ...base, hulp_uren: '0' }).answers.hulp_uren).toBe(0)
  })

  it('rejects texts that are too long, saying how long they may be', () => {
    const { errors } = validate({ opmerking: 'x'.repeat(21) })
    expect(errorAt(errors, 'opmerking')).toEqual({
      variable: 'opmerking',
      questionId: 'opmerking',
      code: 'too_long',
      message: expect.objectContaining({
        nl: 'Uw antwoord is te lang. U kunt 20 tekens gebruiken. Nu zijn het er 21.',
        en: 'Your answer is too long. You can use 20 characters. It now has 21.',
      }),
    })
    // Every client language says both numbers.
    const message = errorAt(errors, 'opmerking')!.message
    expect(Object.keys(message).sort()).toEqual([...UI_LANGUAGES].sort())
    for (const text of Object.values(message)) expect(text).toMatch(/20[\s\S]*21/)
    expect(validate({ opmerking: 'x'.repeat(20) }).errors).toEqual([])
  })

  it('checks the length of an "other, namely" text', () => {
    const { errors } = validate({ contact: 3, contact_other: 'x'.repeat(201) })
    expect(errorAt(errors, 'contact_other')?.code).toBe('too_long')
  })
})

describe('validateAnswers: routing', () => {
  it('drops answers to questions routing hides', () => {
    const { answers, dropped } = validate({ contact: 1, hulp: 2, hulp_van: [1], hulp_oordeel_a: 1 })
    expect(answers).toEqual({ contact: 1, hulp: 2 })
    expect(dropped).toEqual(['hulp_van', 'hulp_oordeel_a'])
  })

  it('drops a whole chain when its first answer changes', () => {
    const complete = { contact: 1, hulp: 1, hulp_van: [2], hulp_oordeel_a: 1, hulp_oordeel_b: 2, hulp_uren: 8 }
    expect(validate(complete).dropped).toEqual([])
    // contact = 3 hides hulp, which closes section hulp_details, which hides hulp_uren.
    const { answers, dropped } = validate({ ...complete, contact: 3 })
    expect(answers).toEqual({ contact: 3 })
    expect(dropped).toEqual(['hulp', 'hulp_van', 'hulp_oordeel_a', 'hulp_oordeel_b', 'hulp_uren'])
  })

  it('drops a follow-up when the answer it follows is taken back', () => {
    const { answers, dropped } = validate({ contact: 1, hulp: 1, hulp_van: [1], hulp_uren: 8 })
    expect(answers).toEqual({ contact: 1, hulp: 1, hulp_van: [1] })
    expect(dropped).toEqual(['hulp_uren'])
  })

  it('drops answers of a section for another stratum', () => {
    expect(validate({ leergeld_bekend: 1, leergeld_cijfer: 8 }, HENGELO).dropped).toEqual([
      'leergeld_bekend',
      'leergeld_cijfer',
    ])
    expect(validate({ leergeld_bekend: 1, leergeld_cijfer: 8 }, HAAKSBERGEN).answers).toEqual({
      leergeld_bekend: 1,
      leergeld_cijfer: 8,
    })
  })

  it('an invalid answer opens no route', () => {
    // hulp = 5 is not a yes/no answer, so the help section stays closed.
    const { answers, errors, dropped } = validate({ contact: 1, hulp: 5, hulp_van: [1] })
    expect(answers).toEqual({ contact: 1 })
    expect(errors.map((e) => e.variable)).toEqual(['hulp'])
    expect(dropped).toEqual(['hulp_van'])
  })

  it('drops the "other, namely" text when its option is not chosen', () => {
    const single = validate({ contact: 1, contact_other: 'per brief' })
    expect(single.answers).toEqual({ contact: 1 })
    expect(single.dropped).toEqual(['contact_other'])
    expect(validate({ contact: 3, contact_other: 'per brief' }).answers).toEqual({
      contact: 3,
      contact_other: 'per brief',
    })

    const base = { contact: 1, hulp: 1 }
    expect(validate({ ...base, hulp_van: [1], hulp_van_other: 'buurvrouw' }).dropped).toEqual(['hulp_van_other'])
    expect(validate({ ...base, hulp_van: [1, 4], hulp_van_other: 'buurvrouw' }).answers.hulp_van_other).toBe(
      'buurvrouw',
    )
  })

  it('keeps its result stable: validating the cleaned answers again changes nothing', () => {
    const first = validate({
      contact: 3,
      hulp: 1,
      hulp_van: ['2'],
      hulp_uren: '8',
      tevredenheid: '6',
      opmerking: 'ok',
      toelichting: 'meer',
    })
    const second = validate(first.answers)
    expect(second).toEqual({ answers: first.answers, errors: [], dropped: [] })
  })
})

describe('validateAnswers: required questions', () => {
  it('reports an open required question only for a complete response', () => {
    expect(validate({}, HENGELO, true).errors).toEqual([])
    expect(validate({}, HENGELO, false).errors).toEqual([
      {
        variable: 'vervolg',
        questionId: 'vervolg',
        code: 'required',
        message: expect.objectContaining({ nl: 'Beantwoord deze vraag.', en: 'Please answer this question.' }),
      },
    ])
    expect(validate({ vervolg: 2 }, HENGELO, false).errors).toEqual([])
  })

  it('asks every item of a required grid, and nothing of a hidden required question', () => {
    const d = sampleDefinition()
    const grid = findQuestion(d, 'hulp_oordeel')
    if (!grid) throw new Error('fixture')
    grid.required = true
    const complete = { vervolg: 1 }
    expect(validateAnswers(d, complete, HENGELO).errors).toEqual([])
    const shown = validateAnswers(d, { ...complete, contact: 1, hulp: 1, hulp_oordeel_b: 1 }, HENGELO)
    expect(shown.errors.map((e) => [e.variable, e.code])).toEqual([['hulp_oordeel_a', 'required']])
  })
})

describe('unansweredVisibleQuestions', () => {
  const open = (answers: Record<string, unknown>, ctx = HENGELO) =>
    unansweredVisibleQuestions(definition, answers, ctx).map((q) => q.id)

  it('lists the visible questions without an answer, in order', () => {
    expect(open({})).toEqual(['tevredenheid', 'contact', 'opmerking', 'cijfers_rooster', 'vervolg'])
    expect(open({}, HAAKSBERGEN)).toEqual([
      'tevredenheid',
      'contact',
      'leergeld_bekend',
      'opmerking',
      'cijfers_rooster',
      'vervolg',
    ])
  })

  it('follows routing and counts a grid open while any item is', () => {
    const answers = {
      tevredenheid: 7,
      contact: 1,
      hulp: 1,
      hulp_van: [1],
      hulp_oordeel_a: 1,
      opmerking: 'x',
      cijfers_rooster_a: 8,
      vervolg: 2,
    }
    expect(open(answers)).toEqual(['hulp_oordeel', 'toelichting'])
    expect(open({ ...answers, hulp_oordeel_b: 2, toelichting: 'y' })).toEqual([])
  })

  it('does not require the "other, namely" text', () => {
    expect(open({ contact: 3 })).not.toContain('contact')
  })
})
