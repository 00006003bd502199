/**
 * Researchers read the checker's faults in their screen's language: every form of
 * message the checker gives today is recognised and told again from the catalogue.
 */
import { describe, expect, it } from 'vitest'
import { translator } from '#src/i18n/translate.ts'
import { parseDefinition, validateDefinition } from '#src/questionnaire/index.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { faultMessage } from '#src/server/services/questionnaires/fault-messages.ts'
import { describeFault } from '#src/server/services/questionnaires/fault-text.ts'
import { sampleDefinition } from '#test/questionnaire/fixtures.ts'

// biome-ignore lint/suspicious/noExplicitAny: broken definitions are the point here
type Loose = any

function faultsOf(change: (d: Loose) => void): string[] {
  const d: Loose = structuredClone(sampleDefinition())
  change(d)
  const result = validateDefinition(d)
  if (result.ok) throw new Error('expected faults')
  return result.errors.map((e) => e.message)
}

/** Broken definitions that between them give every kind of fault the checker has. */
const BROKEN: Array<(d: Loose) => void> = [
  (d) => {
    d.languages = ['NL', 'en', 'en']
    d.id = 'Sample'
    d.version = 0
    d.title = { en: 'x' }
    d.intro = { nl: ' ' }
    d.extra = 1
    d.sections[0].titel = d.sections[0].title
    d.sections[0].questions[0].number = 1
    d.sections[0].questions[0].id = 'Cijfer'
    d.sections[0].questions[1].type = 'stars'
    d.sections[0].questions[2].required = 'ja'
    d.sections[0].questions[2].showIf = { question: 'contact', in: [1], equals: 2 }
    d.sections[1].questions = []
    d.sections[1].showIf = {}
    d.sections[2].questions[0].zzzz = 1
    d.sections[2].questions[1].text = 'Cijfer?'
    d.sections[2].questions[1].type = 5
    d.scales.agree.options = 'x'
    d.scales.grade = { type: 'grade', dontKnow: { value: 'x', label: { nl: 'x' } } }
    d.scales.other = { type: 'other' }
  },
  (d) => {
    d.languages = ['en', 'nl']
    d.scales.agree.options[1].value = 1
    d.scales.agree.options[0].other = true
    d.scales.grade.dontKnow.value = 5
    d.scales.grade.dontKnow.other = true
    d.sections[1].id = 'start'
    d.sections[1].questions[0].max = 9
    d.sections[1].questions[0].options[0].other = true
    d.sections[1].questions[2].min = 50
    d.sections[1].questions[1].items[1].id = 'a'
    d.sections[1].questions[1].items[1].number = 'a'
    d.sections[0].questions[1].number = '1'
    d.sections[0].questions[2].id = 'tevredenheid'
  },
  (d) => {
    d.sections[1].questions[1].scale = 'nope'
    d.sections[0].questions[2].showIf = { question: 'onbekend', equals: 1 }
    d.sections[1].showIf = { question: 'leergeld_bekend', equals: 1 }
    d.sections[2].questions[1].showIf = { question: 'leergeld_cijfer', answered: true }
    d.sections[1].questions[2].showIf = { question: 'hulp_oordeel', equals: 1 }
    d.sections[3].questions.push(
      { id: 'x1', number: '91', type: 'yesno', text: { nl: 'x' }, showIf: { question: 'hulp_uren', equals: 99 } },
      { id: 'x2', number: '92', type: 'yesno', text: { nl: 'x' }, showIf: { question: 'contact', equals: 7 } },
      { id: 'hulp_van_1', number: '93', type: 'yesno', text: { nl: 'x' } },
    )
  },
  (d) => {
    delete d.scales
    d.sections[1].questions[1].scale = 'agree'
  },
  (d) => {
    const items = [
      { id: 'a', number: 'a', text: { nl: 'A' } },
      { id: 'b', number: 'b', text: { nl: 'B' } },
    ]
    d.sections[3].questions.push(
      { id: 'x3', number: '94', type: 'yesno', text: { nl: 'x' }, screenOut: { values: [7], text: { nl: 'Klaar.' } } },
      {
        id: 'x4',
        number: '95',
        type: 'yesno',
        text: { nl: 'x' },
        screenOut: { values: [1, 2], text: { nl: 'Klaar.' } },
      },
      { id: 'x5', number: '96', type: 'ranking', items, max: 3, text: { nl: 'x' }, concept: 'dubbel' },
      {
        id: 'x6',
        number: '97',
        type: 'yesno',
        text: { nl: 'x' },
        concept: 'dubbel',
        showIf: { question: 'x5', answered: true },
      },
    )
  },
]

describe('the checker’s faults for researchers', () => {
  it('are all recognised, in Dutch and English', () => {
    const messages = BROKEN.flatMap(faultsOf)
    const openText = validateDefinition({
      ...sampleDefinition(),
      sections: [
        {
          id: 's',
          title: { nl: 'S' },
          questions: [
            { id: 'open', number: '1', type: 'text', text: { nl: 'x' } },
            { id: 'b', number: '2', type: 'yesno', text: { nl: 'x' }, showIf: { question: 'open', equals: 1 } },
          ],
        },
      ],
    } as QuestionnaireDefinition)
    if (!openText.ok) messages.push(...openText.errors.map((e) => e.message))
    const syntax = parseDefinition('id: x\nid: y\n', 'yaml')
    if (!syntax.ok) messages.push(...syntax.errors.map((e) => e.message))
    expect(messages.length).toBeGreaterThan(40)
    expect(messages.filter((m) => faultMessage(m) === undefined)).toEqual([])
    const keys = new Set(messages.map((m) => faultMessage(m)!.key))
    expect(keys.size).toBeGreaterThan(35)
    for (const language of ['nl', 'en']) {
      const t = translator(language)
      for (const message of messages) expect(describeFault({ path: 'x', message }, t)).not.toMatch(/\{\w+\}/)
    }
  })

  it('keep the names and values of the fault', () => {
    const nl = translator('nl')
    expect(
      describeFault(
        { path: 'sections[0].questions[1].type', line: 13, message: 'Unknown type "stars": use one of grade, single.' },
        nl,
      ),
    ).toBe(
      'Regel 13, bij sections[0].questions[1].type: De soort vraag "stars" bestaat niet. Gebruik een van: grade, single.',
    )
    expect(describeFault({ path: '', message: 'Something new.' }, nl)).toBe('Something new.')
  })
})
