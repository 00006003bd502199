import { describe, expect, it } from 'vitest'
import { validateDefinition } from '#src/questionnaire/index.ts'
import type { PaperRoutingOptions, PrintedQuestion } from '#src/mailmerge/paper-routing.ts'
import { paperRouting, settleStratum } from '#src/mailmerge/paper-routing.ts'
import { ktoDefinition, paperDefinition } from './fixtures.ts'

const STRATUM_NAMES = { haaksbergen: 'Haaksbergen', hengelo: 'Hengelo' }

function questionsOf(options: PaperRoutingOptions, definition = paperDefinition()): Map<string, PrintedQuestion> {
  return new Map(
    paperRouting(definition, options).flatMap((s) => s.questions.map((q) => [q.question.number, q] as const)),
  )
}

describe('the test questionnaire', () => {
  it('is a valid definition', () => {
    expect(validateDefinition(paperDefinition())).toMatchObject({ ok: true })
  })
})

describe('settleStratum', () => {
  it('replaces stratum tests by their value and simplifies what is left', () => {
    const q = { question: 'hulp', equals: 1 }
    expect(settleStratum({ stratum: ['borne'] }, 'borne')).toBe(true)
    expect(settleStratum({ stratum: ['borne'] }, 'hengelo')).toBe(false)
    expect(settleStratum({ not: { stratum: ['borne'] } }, 'hengelo')).toBe(true)
    expect(settleStratum({ all: [{ stratum: ['borne'] }, q] }, 'borne')).toEqual(q)
    expect(settleStratum({ all: [{ stratum: ['borne'] }, q] }, 'hengelo')).toBe(false)
    expect(settleStratum({ any: [{ stratum: ['borne'] }, q] }, 'borne')).toBe(true)
    expect(settleStratum({ any: [{ stratum: ['borne'] }, q] }, 'hengelo')).toEqual(q)
    expect(settleStratum({ not: { all: [{ stratum: ['borne'] }, q] } }, 'borne')).toEqual({ not: q })
  })

  it('leaves a condition alone for a form meant for every stratum', () => {
    const condition = { stratum: ['borne'] }
    expect(settleStratum(condition, undefined)).toBe(condition)
  })
})

describe('paperRouting', () => {
  it('writes skip instructions at the answers that skip questions, following chains of hidden questions', () => {
    const q = questionsOf({ lang: 'nl', stratumNames: STRATUM_NAMES })
    // "Anders" at 2 hides 3, and with 3 unanswered the section on help (4–6) too.
    expect(q.get('2')!.skips).toEqual(new Map([[3, 'Ga door naar vraag 7']]))
    expect(q.get('3')!.skips).toEqual(new Map([[2, 'Ga door naar vraag 7']]))
    // The other half of an "all" is not needed once this half is false.
    expect(q.get('7')!.skips).toEqual(new Map([[2, 'Ga door naar vraag 9']]))
    // A "weet niet" that hides nothing gets no instruction.
    expect(q.get('1')!.skips.size).toBe(0)
    expect(q.get('4')!.skips.size).toBe(0)
  })

  it('writes the condition of a question or section as a sentence', () => {
    const sections = paperRouting(paperDefinition(), { lang: 'nl', stratumNames: STRATUM_NAMES })
    const q = questionsOf({ lang: 'nl', stratumNames: STRATUM_NAMES })
    expect(q.get('1')!.instruction).toBeUndefined()
    expect(q.get('3')!.instruction).toBe('Alleen invullen als u bij vraag 2 ‘Telefoon’ of ‘Balie’ heeft gekozen.')
    expect(sections.find((s) => s.section.id === 'hulp_details')!.instruction).toBe(
      'Alleen invullen als u bij vraag 3 ‘Ja’ heeft gekozen.',
    )
    expect(q.get('6')!.instruction).toBe('Alleen invullen als u bij vraag 4 ‘Werkcoach’ heeft aangekruist.')
    expect(sections.find((s) => s.section.id === 'leergeld')!.instruction).toBe(
      'Alleen invullen als u in Haaksbergen woont.',
    )
    expect(q.get('8')!.instruction).toBe(
      'Alleen invullen als u bij vraag 7 ‘Ja’ heeft gekozen en u bij vraag 1 niet ‘Weet niet’ heeft gekozen.',
    )
    expect(q.get('10')!.instruction).toBe(
      'Alleen invullen als u vraag 9 heeft beantwoord of u bij vraag 3 iets anders dan ‘Ja’ heeft gekozen.',
    )
  })

  it('leaves out what is not meant for the municipality the form is printed for', () => {
    const hengelo = paperRouting(paperDefinition(), { lang: 'nl', stratum: 'hengelo' })
    expect(hengelo.map((s) => s.section.id)).toEqual(['start', 'hulp_details', 'slot'])
    expect(questionsOf({ lang: 'nl', stratum: 'hengelo' }).get('2')!.skips).toEqual(
      new Map([[3, 'Ga door naar vraag 9']]),
    )

    const haaksbergen = paperRouting(paperDefinition(), { lang: 'nl', stratum: 'haaksbergen' })
    const leergeld = haaksbergen.find((s) => s.section.id === 'leergeld')!
    expect(leergeld.instruction).toBeUndefined()
    expect(questionsOf({ lang: 'nl', stratum: 'haaksbergen' }).get('2')!.skips).toEqual(
      new Map([[3, 'Ga door naar vraag 7']]),
    )
  })

  it('speaks English on an English form', () => {
    const q = questionsOf({ lang: 'en' })
    expect(q.get('2')!.skips).toEqual(new Map([[3, 'Go to question 7']]))
    expect(q.get('3')!.instruction).toBe('Only answer this if you chose ‘Phone’ or ‘Desk’ at question 2.')
  })

  it('derives the KTO paper routing from its showIf conditions', () => {
    const q = questionsOf({ lang: 'nl' }, ktoDefinition())
    expect(q.get('2')!.skips).toEqual(new Map([[2, 'Ga door naar vraag 5']]))
    expect(q.get('3')!.instruction).toBe('Alleen invullen als u bij vraag 2 ‘Minder dan 1 jaar geleden’ heeft gekozen.')
    expect(q.get('5')!.skips).toEqual(new Map([[3, 'Ga door naar vraag 9']]))
    expect(q.get('9')!.skips).toEqual(new Map([[1, 'Ga door naar vraag 11']]))
    expect(q.get('10')!.instruction).toBe('Alleen invullen als u bij vraag 9 ‘Nee’ heeft gekozen.')
  })
})
