/** Concept keys: "this question measures the same thing as question X of another version". */
import { describe, expect, it } from 'vitest'
import type { GridQuestion } from '#src/questionnaire/definition.ts'
import { parseDefinition, validateDefinition } from '#src/questionnaire/index.ts'
import { sampleDefinition } from './fixtures.ts'

describe('concept keys', () => {
  it('may sit on questions and on the statements of a grid', () => {
    const definition = sampleDefinition()
    const [start, details] = definition.sections
    start!.questions[0]!.concept = 'tevredenheid_algemeen'
    const grid = details!.questions[1] as GridQuestion
    grid.items[0]!.concept = 'hulp.snelheid'
    expect(validateDefinition(definition)).toEqual({ ok: true, definition })
  })

  it('are short ids, read from YAML like any other property', () => {
    const yaml = `
id: proef
version: 1
title: { nl: Proef }
languages: [nl]
sections:
  - id: start
    title: { nl: Start }
    questions:
      - { id: cijfer, number: "1", type: grade, text: { nl: Cijfer? }, concept: "Tevredenheid algemeen" }
`
    const result = parseDefinition(yaml, 'yaml')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      {
        path: 'sections[0].questions[0].concept',
        line: 10,
        message:
          '"Tevredenheid algemeen" is not a valid concept key: use lower-case letters, digits, underscores, hyphens and dots, starting with a letter (e.g. "tevredenheid_algemeen").',
      },
    ])
  })

  it('are measured once per version', () => {
    const definition = sampleDefinition()
    const [start, details] = definition.sections
    start!.questions[0]!.concept = 'hulp'
    ;(details!.questions[1] as GridQuestion).items[1]!.concept = 'hulp'
    const result = validateDefinition(definition)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      {
        path: 'sections[1].questions[1].items[1].concept',
        message:
          'Concept key "hulp" is already used by question "tevredenheid"; each concept is measured once per version.',
      },
    ])
  })
})
