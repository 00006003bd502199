import { describe, expect, it } from 'vitest'
import type { DefinitionError } from '#src/questionnaire/index.ts'
import {
  buildCodebook,
  pagesOf,
  parseDefinition,
  validateAnswers,
  validateDefinition,
  visibilityOf,
} from '#src/questionnaire/index.ts'
import { screenOutDefinition } from './screen-out-fixture.ts'

// biome-ignore lint/suspicious/noExplicitAny: the fixture is changed against its types on purpose
type Loose = any

function errorsOf(change: (d: Loose) => void): DefinitionError[] {
  const definition: Loose = screenOutDefinition()
  change(definition)
  const result = validateDefinition(definition)
  return result.ok ? [] : result.errors
}

const contact = (d: Loose) => d.sections[0].questions[1]
const path = 'sections[0].questions[1].screenOut'
const ctx = { stratum: 'hengelo' }

describe('screenOut in a definition', () => {
  it('is accepted on a single-choice and on a yes/no question', () => {
    expect(errorsOf(() => {})).toEqual([])
    expect(
      errorsOf((d) => {
        d.sections[0].questions[2].screenOut = { values: [2], text: { nl: 'Dan bent u klaar.' } }
      }),
    ).toEqual([])
  })

  it('is written in YAML as the author would', () => {
    const yaml = `id: kort
version: 1
title: { nl: Kort }
languages: [nl]
sections:
  - id: s
    title: { nl: S }
    questions:
      - id: contact
        number: "1"
        type: yesno
        text: { nl: Had u contact? }
        screenOut:
          values: [2]
          text: { nl: U hoeft verder niets in te vullen. }
      - { id: cijfer, number: "2", type: grade, text: { nl: Cijfer? } }
`
    const result = parseDefinition(yaml, 'yaml')
    expect(result.ok).toBe(true)
  })

  it('needs values that are answers of the question, and leaves one answer that goes on', () => {
    expect(errorsOf((d) => (contact(d).screenOut.values = [3, 7]))).toEqual([
      { path: `${path}.values[1]`, message: '7 is not a value of question "contact_12m" (its values are 1, 2, 3).' },
    ])
    expect(errorsOf((d) => (contact(d).screenOut.values = [1, 2, 3]))).toEqual([
      {
        path: `${path}.values`,
        message: 'Every answer ends the questionnaire: leave at least one answer that lets the respondent go on.',
      },
    ])
  })

  it('needs values and a Dutch text, and is not allowed on other question types', () => {
    const noValues = errorsOf((d) => (contact(d).screenOut = { text: { nl: 'Klaar.' } }))
    expect(noValues).toEqual([{ path: `${path}.values`, message: 'Required property "values" is missing.' }])
    const noDutch = errorsOf((d) => (contact(d).screenOut.text = { en: 'Done.' }))
    expect(noDutch).toContainEqual({ path: `${path}.text.nl`, message: 'A Dutch (nl) text is required.' })
    const onGrade = errorsOf((d) => (d.sections[0].questions[0].screenOut = { values: [1], text: { nl: 'Klaar.' } }))
    expect(onGrade[0]?.path).toBe('sections[0].questions[0].screenOut')
    expect(onGrade[0]?.message).toMatch(/^Unknown property "screenOut"/)
    expect(errorsOf((d) => (contact(d).screenOut.values = []))[0]?.path).toBe(`${path}.values`)
  })
})

describe('a screen-out answer in routing', () => {
  const definition = screenOutDefinition()

  it('hides every later question and says which answer ended it', () => {
    const out = visibilityOf(definition, { algemeen: 7, contact_12m: 3 }, ctx)
    expect([...out.questions]).toEqual(['algemeen', 'contact_12m'])
    expect([...out.sections]).toEqual(['contact'])
    expect(out.screenedOut?.question.id).toBe('contact_12m')
    expect(out.screenedOut?.value).toBe(3)
    // A form posts strings: they route the same way.
    expect(visibilityOf(definition, { contact_12m: '3' }, ctx).screenedOut?.value).toBe(3)
    const on = visibilityOf(definition, { contact_12m: 1 }, ctx)
    expect(on.screenedOut).toBeUndefined()
    expect(on.questions.has('opmerking')).toBe(true)
  })

  it('keeps the answers given so far and drops those after it', () => {
    const result = validateAnswers(definition, { algemeen: 7, contact_12m: 3, geholpen: 1, opmerking: 'x' }, ctx)
    expect(result.answers).toEqual({ algemeen: 7, contact_12m: 3 })
    expect(result.dropped).toEqual(['geholpen', 'opmerking'])
  })

  it('ends its page, so that nothing after it is asked beside it', () => {
    expect(pagesOf(definition).map((p) => p.questions.map((q) => q.question.id))).toEqual([
      ['algemeen', 'contact_12m'],
      ['geholpen'],
      ['opmerking'],
    ])
  })
})

describe('a screen-out answer in the codebook', () => {
  it('is in the routing of every question after it', () => {
    const routing = Object.fromEntries(buildCodebook(screenOutDefinition(), 'nl').map((v) => [v.name, v.routing]))
    expect(routing).toMatchObject({ algemeen: undefined, contact_12m: undefined })
    expect(routing.geholpen).toBe('contact_12m ≠ 3')
    expect(routing.opmerking).toBe('contact_12m ≠ 3')
  })
})
