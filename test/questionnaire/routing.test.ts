import { describe, expect, it } from 'vitest'
import type { Condition } from '#src/questionnaire/definition.ts'
import {
  evaluateCondition,
  isQuestionVisible,
  isSectionVisible,
  visibleQuestions,
  visibleSections,
} from '#src/questionnaire/index.ts'
import { HAAKSBERGEN, HENGELO, sampleDefinition } from './fixtures.ts'

const definition = sampleDefinition()
const ids = <T extends { id: string }>(list: T[]) => list.map((x) => x.id)

describe('evaluateCondition', () => {
  const check = (condition: Condition, answers: Record<string, unknown>, ctx = HENGELO) =>
    evaluateCondition(condition, answers, ctx)

  it('equals compares single answers', () => {
    expect(check({ question: 'contact', equals: 1 }, { contact: 1 })).toBe(true)
    expect(check({ question: 'contact', equals: 1 }, { contact: 2 })).toBe(false)
    expect(check({ question: 'contact', equals: 1 }, {})).toBe(false)
  })

  it('equals on multiple choice means "is ticked"', () => {
    expect(check({ question: 'hulp_van', equals: 2 }, { hulp_van: [1, 2] })).toBe(true)
    expect(check({ question: 'hulp_van', equals: 3 }, { hulp_van: [1, 2] })).toBe(false)
  })

  it('notEquals is false while the question is unanswered', () => {
    expect(check({ question: 'hulp', notEquals: 1 }, { hulp: 2 })).toBe(true)
    expect(check({ question: 'hulp', notEquals: 1 }, { hulp: 1 })).toBe(false)
    expect(check({ question: 'hulp', notEquals: 1 }, {})).toBe(false)
    // An empty tick list is no answer either.
    expect(check({ question: 'hulp_van', notEquals: 1 }, { hulp_van: [] })).toBe(false)
    expect(check({ question: 'hulp_van', notEquals: 1 }, { hulp_van: [2] })).toBe(true)
  })

  it('in matches any of the values, and any ticked one for multiple choice', () => {
    expect(check({ question: 'contact', in: [1, 2] }, { contact: 2 })).toBe(true)
    expect(check({ question: 'contact', in: [1, 2] }, { contact: 3 })).toBe(false)
    expect(check({ question: 'hulp_van', in: [3, 4] }, { hulp_van: [1, 4] })).toBe(true)
    expect(check({ question: 'hulp_van', in: [3, 4] }, { hulp_van: [1, 2] })).toBe(false)
  })

  it('answered is true for any answer, but not for empty text or an empty list', () => {
    expect(check({ question: 'opmerking', answered: true }, { opmerking: 'ok' })).toBe(true)
    expect(check({ question: 'opmerking', answered: true }, { opmerking: '  ' })).toBe(false)
    expect(check({ question: 'hulp_van', answered: true }, { hulp_van: [] })).toBe(false)
    expect(check({ question: 'tevredenheid', answered: true }, { tevredenheid: 99 })).toBe(true)
  })

  it('stratum looks at the respondent context', () => {
    expect(check({ stratum: ['haaksbergen', 'borne'] }, {}, HAAKSBERGEN)).toBe(true)
    expect(check({ stratum: ['haaksbergen', 'borne'] }, {}, HENGELO)).toBe(false)
  })

  it('all, any and not combine', () => {
    const yes: Condition = { question: 'hulp', equals: 1 }
    const no: Condition = { question: 'hulp', equals: 2 }
    const answers = { hulp: 1 }
    expect(check({ all: [yes, { stratum: ['hengelo'] }] }, answers)).toBe(true)
    expect(check({ all: [yes, no] }, answers)).toBe(false)
    expect(check({ any: [no, yes] }, answers)).toBe(true)
    expect(check({ any: [no, { stratum: ['borne'] }] }, answers)).toBe(false)
    expect(check({ not: no }, answers)).toBe(true)
    expect(check({ not: { any: [yes, no] } }, answers)).toBe(false)
  })

  it('reads raw form values (strings) as numbers', () => {
    expect(check({ question: 'contact', equals: 2 }, { contact: '2' })).toBe(true)
    expect(check({ question: 'hulp_van', in: [2] }, { hulp_van: ['1', '2'] })).toBe(true)
  })

  it('does not find Object.prototype members for an id such as "constructor"', () => {
    expect(check({ question: 'constructor', answered: true }, {})).toBe(false)
  })
})

describe('visibility', () => {
  it('shows unconditional questions to everyone, also before any answer', () => {
    expect(ids(visibleSections(definition, {}, HENGELO))).toEqual(['start', 'slot'])
    expect(ids(visibleQuestions(definition, {}, HENGELO))).toEqual([
      'tevredenheid',
      'contact',
      'opmerking',
      'cijfers_rooster',
      'vervolg',
    ])
  })

  it('routes a section on the stratum (Stichting Leergeld only in Haaksbergen)', () => {
    expect(isSectionVisible(definition, 'leergeld', {}, HAAKSBERGEN)).toBe(true)
    expect(isSectionVisible(definition, 'leergeld', {}, HENGELO)).toBe(false)
    expect(isQuestionVisible(definition, 'leergeld_bekend', {}, HAAKSBERGEN)).toBe(true)
    expect(isQuestionVisible(definition, 'leergeld_bekend', {}, HENGELO)).toBe(false)
  })

  it('hides every question of a hidden section, whatever its own condition', () => {
    // leergeld_cijfer's own condition holds, but its section is for Haaksbergen only.
    const answers = { leergeld_bekend: 1, tevredenheid: 7 }
    expect(isQuestionVisible(definition, 'leergeld_cijfer', answers, HAAKSBERGEN)).toBe(true)
    expect(isQuestionVisible(definition, 'leergeld_cijfer', answers, HENGELO)).toBe(false)
  })

  it('evaluates all + not on question level', () => {
    expect(
      isQuestionVisible(definition, 'leergeld_cijfer', { leergeld_bekend: 1, tevredenheid: 99 }, HAAKSBERGEN),
    ).toBe(false)
    expect(isQuestionVisible(definition, 'leergeld_cijfer', { leergeld_bekend: 1 }, HAAKSBERGEN)).toBe(true)
    expect(isQuestionVisible(definition, 'leergeld_cijfer', { leergeld_bekend: 2 }, HAAKSBERGEN)).toBe(false)
  })

  it('evaluates any + answered + notEquals', () => {
    expect(isQuestionVisible(definition, 'toelichting', {}, HENGELO)).toBe(false)
    expect(isQuestionVisible(definition, 'toelichting', { opmerking: 'prima' }, HENGELO)).toBe(true)
    expect(isQuestionVisible(definition, 'toelichting', { contact: 1, hulp: 2 }, HENGELO)).toBe(true)
    expect(isQuestionVisible(definition, 'toelichting', { contact: 1, hulp: 1 }, HENGELO)).toBe(false)
  })

  it('follows a chain: contact → hulp → section hulp_details → hulp_uren', () => {
    const answers = { contact: 1, hulp: 1, hulp_van: [2] }
    expect(ids(visibleQuestions(definition, answers, HENGELO))).toEqual([
      'tevredenheid',
      'contact',
      'hulp',
      'hulp_van',
      'hulp_oordeel',
      'hulp_uren',
      'opmerking',
      'cijfers_rooster',
      'vervolg',
    ])
    expect(ids(visibleSections(definition, answers, HENGELO))).toEqual(['start', 'hulp_details', 'slot'])
  })

  it('ignores stale answers of hidden questions further down the chain', () => {
    // contact = 3 hides hulp; its stored answer 1 no longer opens the section, and so on.
    const answers = { contact: 3, hulp: 1, hulp_van: [2], hulp_uren: 4 }
    expect(isQuestionVisible(definition, 'hulp', answers, HENGELO)).toBe(false)
    expect(isSectionVisible(definition, 'hulp_details', answers, HENGELO)).toBe(false)
    expect(isQuestionVisible(definition, 'hulp_uren', answers, HENGELO)).toBe(false)
    // ...and a notEquals on a hidden question is as false as on an unanswered one.
    expect(isQuestionVisible(definition, 'toelichting', answers, HENGELO)).toBe(false)
  })

  it('accepts a Section object as well as an id', () => {
    const section = definition.sections[1]
    if (!section) throw new Error('fixture')
    expect(isSectionVisible(definition, section, { contact: 1, hulp: 1 }, HENGELO)).toBe(true)
  })

  it('hides a section none of whose questions is visible', () => {
    const d = sampleDefinition()
    const slot = d.sections[3]
    if (!slot) throw new Error('fixture')
    slot.questions = slot.questions.filter((q) => q.id === 'toelichting')
    expect(isSectionVisible(d, 'slot', {}, HENGELO)).toBe(false)
    expect(isSectionVisible(d, 'slot', { contact: 2, hulp: 2 }, HENGELO)).toBe(true)
  })

  it('knows no unknown question', () => {
    expect(isQuestionVisible(definition, 'bestaat_niet', {}, HENGELO)).toBe(false)
  })
})
