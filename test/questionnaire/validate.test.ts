import { describe, expect, it } from 'vitest'
import type { DefinitionError } from '#src/questionnaire/index.ts'
import { parseDefinition, validateDefinition } from '#src/questionnaire/index.ts'
import { sampleDefinition } from './fixtures.ts'

// Tests change fixtures in ways the types forbid: that is the point.
// biome-ignore lint/suspicious/noExplicitAny: the fixtures are changed against their types on purpose
type Loose = any

function errorsOf(change: (d: Loose) => void): DefinitionError[] {
  const definition: Loose = sampleDefinition()
  change(definition)
  const result = validateDefinition(definition)
  if (result.ok) throw new Error('expected the definition to be invalid')
  return result.errors
}

function expectError(change: (d: Loose) => void, path: string, message: string | RegExp): void {
  const errors = errorsOf(change)
  const match = errors.find((e) => e.path === path)
  expect(match, `no error at ${path}; got ${JSON.stringify(errors, null, 1)}`).toBeDefined()
  if (typeof message === 'string') expect(match?.message).toBe(message)
  else expect(match?.message).toMatch(message)
}

describe('validateDefinition: a good definition', () => {
  it('accepts the sample definition and returns it', () => {
    const definition = sampleDefinition()
    const result = validateDefinition(definition)
    expect(result).toEqual({ ok: true, definition })
  })

  it('rejects what is not an object at all', () => {
    expect(validateDefinition('hallo')).toEqual({
      ok: false,
      errors: [{ path: '', message: 'Must be a mapping of keys to values.' }],
    })
  })
})

describe('validateDefinition: structure (JSON Schema)', () => {
  it('requires Dutch text everywhere', () => {
    expectError(
      (d) => delete d.sections[0].questions[1].options[0].label.nl,
      'sections[0].questions[1].options[0].label.nl',
      'A Dutch (nl) text is required.',
    )
    expectError((d) => (d.sections[1].title = { en: 'Help' }), 'sections[1].title.nl', 'A Dutch (nl) text is required.')
    expectError(
      (d) => (d.sections[1].questions[1].items[0].text.nl = '  '),
      'sections[1].questions[1].items[0].text.nl',
      'The Dutch (nl) text is empty.',
    )
    expectError(
      (d) => (d.scales.agree.options[0].label = { en: 'Agree' }),
      'scales.agree.options[0].label.nl',
      'A Dutch (nl) text is required.',
    )
  })

  it('checks ids against ^[a-z][a-z0-9_]*$', () => {
    expectError(
      (d) => (d.sections[0].questions[0].id = 'Tevredenheid'),
      'sections[0].questions[0].id',
      '"Tevredenheid" is not a valid id: use lower-case letters, digits and underscores, starting with a letter (e.g. "intake_wanneer").',
    )
    expectError((d) => (d.sections[2].id = '2e_deel'), 'sections[2].id', /"2e_deel" is not a valid id/)
    expectError(
      (d) => (d.sections[1].questions[1].items[1].id = 'b-2'),
      'sections[1].questions[1].items[1].id',
      /"b-2" is not a valid id/,
    )
    expectError((d) => (d.scales.Agree = d.scales.agree), 'scales.Agree', /"Agree" is not a valid id/)
  })

  it('names unknown properties and suggests the intended one', () => {
    expectError(
      (d) => (d.sections[0].questions[2].showif = {}),
      'sections[0].questions[2].showif',
      'Unknown property "showif". Did you mean "showIf"?',
    )
    expectError(
      (d) => (d.sections[3].questions[0].maxLenght = 4),
      'sections[3].questions[0].maxLenght',
      'Unknown property "maxLenght". Did you mean "maxLength"?',
    )
  })

  it('names unknown question and scale types', () => {
    expectError(
      (d) => (d.sections[0].questions[0].type = 'rating'),
      'sections[0].questions[0].type',
      'Unknown type "rating": use one of grade, single, multiple, yesno, number, text, longtext, grid, ranking, constantsum.',
    )
    expectError(
      (d) => (d.scales.agree.type = 'likert'),
      'scales.agree.type',
      'Unknown type "likert": use one of options, grade.',
    )
    expectError(
      (d) => delete d.sections[0].questions[0].type,
      'sections[0].questions[0].type',
      'Required property "type" is missing.',
    )
  })

  it('reports only the problems of the type a question has', () => {
    const errors = errorsOf((d) => delete d.sections[0].questions[1].options)
    expect(errors).toEqual([
      { path: 'sections[0].questions[1].options', message: 'Required property "options" is missing.' },
    ])
  })

  it('explains a printed number given as a YAML number', () => {
    expectError(
      (d) => (d.sections[0].questions[0].number = 1),
      'sections[0].questions[0].number',
      'Must be text (a string). In YAML, put it in quotes: "1".',
    )
  })

  it('checks the shape of conditions', () => {
    expectError(
      (d) => (d.sections[0].questions[2].showIf = { question: 'contact' }),
      'sections[0].questions[2].showIf',
      'A condition needs exactly one of: question + equals, question + notEquals, question + in, question + answered: true, stratum, all, any or not.',
    )
    expectError(
      (d) => (d.sections[0].questions[2].showIf = { question: 'contact', equals: 1, in: [1] }),
      'sections[0].questions[2].showIf.in',
      /^Unexpected "in" in this condition\./,
    )
    expectError(
      (d) => (d.sections[1].showIf = { equals: 1 }),
      'sections[1].showIf.question',
      'Required property "question" is missing.',
    )
    expectError(
      (d) => (d.sections[2].showIf = { stratum: [] }),
      'sections[2].showIf.stratum',
      'Must not be an empty list.',
    )
    expectError(
      (d) => (d.sections[2].showIf = { all: [{ stratum: ['x'] }, { question: 'hulp', answered: false }] }),
      'sections[2].showIf.all[1].answered',
      'Must be true.',
    )
  })

  it('needs at least two options and at least one section', () => {
    expectError(
      (d) => d.sections[0].questions[1].options.splice(1),
      'sections[0].questions[1].options',
      'Must have at least 2 entries.',
    )
    expectError((d) => (d.sections = []), 'sections', 'Must not be an empty list.')
  })

  it('lists each language once', () => {
    expectError((d) => (d.languages = ['nl', 'en', 'en']), 'languages[1]', '"en" is listed twice.')
  })
})

describe('validateDefinition: rules between the parts', () => {
  it('languages start with nl', () => {
    expectError(
      (d) => (d.languages = ['en', 'nl']),
      'languages[0]',
      'The first language must be "nl": Dutch texts are required, and every other language falls back to them.',
    )
  })

  it('question ids are unique', () => {
    expectError(
      (d) => (d.sections[3].questions[0].id = 'contact'),
      'sections[3].questions[0].id',
      'Question id "contact" is already used by sections[0].questions[1].',
    )
  })

  it('section ids are unique', () => {
    expectError(
      (d) => (d.sections[3].id = 'start'),
      'sections[3].id',
      'Section id "start" is already used by sections[0].',
    )
  })

  it('printed question numbers are unique', () => {
    expectError(
      (d) => (d.sections[3].questions[0].number = '2'),
      'sections[3].questions[0].number',
      'Question number "2" is already used by question "contact".',
    )
  })

  it('grid item ids and numbers are unique within the grid', () => {
    expectError(
      (d) => (d.sections[1].questions[1].items[1].id = 'a'),
      'sections[1].questions[1].items[1].id',
      'Item id "a" is already used by items[0].',
    )
    expectError(
      (d) => (d.sections[1].questions[1].items[1].number = 'a'),
      'sections[1].questions[1].items[1].number',
      'Item number "a" is already used by items[0].',
    )
  })

  it('no two questions export the same variable', () => {
    // A question called hulp_oordeel_a would collide with item a of the grid hulp_oordeel.
    expectError(
      (d) => (d.sections[3].questions[0].id = 'hulp_oordeel_a'),
      'sections[3].questions[0].id',
      'This question\'s variable "hulp_oordeel_a" is also a variable of question "hulp_oordeel": rename one of them.',
    )
    // ...and hulp_van_2 with the 0/1 export variable of option 2 of hulp_van.
    expectError(
      (d) => (d.sections[3].questions[0].id = 'hulp_van_2'),
      'sections[3].questions[0].id',
      /variable "hulp_van_2" is also a variable of question "hulp_van"/,
    )
  })

  it('option values are unique per question and per scale', () => {
    expectError(
      (d) => (d.sections[0].questions[1].options[2].value = 1),
      'sections[0].questions[1].options[2].value',
      'Value 1 is already used by sections[0].questions[1].options[0]; every option needs its own value.',
    )
    expectError(
      (d) => (d.scales.agree.options[1].value = 1),
      'scales.agree.options[1].value',
      /^Value 1 is already used by scales\.agree\.options\[0\]/,
    )
  })

  it('only one "other" option per question, and none in a scale', () => {
    expectError(
      (d) => (d.sections[0].questions[1].options[0].other = true),
      'sections[0].questions[1].options[2].other',
      'Only one option can be "other"; sections[0].questions[1].options[0] already is.',
    )
    expectError(
      (d) => (d.scales.agree.options[0].other = true),
      'scales.agree.options[0].other',
      'A grid scale cannot ask for an "other, namely" text.',
    )
  })

  it('grid scales exist', () => {
    expectError(
      (d) => (d.sections[1].questions[1].scale = 'agreement'),
      'sections[1].questions[1].scale',
      'Unknown scale "agreement": the scales are agree, grade.',
    )
    expectError(
      (d) => {
        delete d.scales
        d.sections[3].questions.splice(2, 1)
      },
      'sections[1].questions[1].scale',
      'Unknown scale "agree": the definition has no scales.',
    )
  })

  it('a "don\'t know" grade lies outside 1–10', () => {
    expectError(
      (d) => (d.sections[0].questions[0].dontKnow.value = 10),
      'sections[0].questions[0].dontKnow.value',
      'The "don\'t know" value 10 lies within 1–10 and would count as a grade; use a value outside it (99 by convention).',
    )
    expectError(
      (d) => (d.scales.grade.dontKnow.value = 0 + 1),
      'scales.grade.dontKnow.value',
      /^The "don't know" value 1 lies within 1–10/,
    )
  })

  it('number questions have min <= max', () => {
    expectError(
      (d) => (d.sections[1].questions[2].min = 50),
      'sections[1].questions[2].max',
      'max (40) is less than min (50).',
    )
  })

  it('multiple choice max is at most the number of options', () => {
    expectError(
      (d) => (d.sections[1].questions[0].max = 5),
      'sections[1].questions[0].max',
      'max is 5, but the question has only 4 options.',
    )
    expectError((d) => (d.sections[1].questions[0].max = 0), 'sections[1].questions[0].max', 'Must be 1 or more.')
  })

  it('conditions refer to existing questions', () => {
    expectError(
      (d) => (d.sections[0].questions[2].showIf.question = 'kontakt'),
      'sections[0].questions[2].showIf.question',
      'Unknown question "kontakt".',
    )
  })

  it('question conditions refer to earlier questions only', () => {
    expectError(
      (d) => (d.sections[0].questions[2].showIf = { question: 'opmerking', answered: true }),
      'sections[0].questions[2].showIf.question',
      'Question "opmerking" does not come before question "hulp": a condition can only look at answers to earlier questions.',
    )
    expectError(
      (d) => (d.sections[0].questions[2].showIf = { question: 'hulp', answered: true }),
      'sections[0].questions[2].showIf.question',
      /^Question "hulp" does not come before question "hulp"/,
    )
  })

  it('section conditions refer to questions in earlier sections only', () => {
    expectError(
      (d) => (d.sections[1].showIf = { not: { question: 'hulp_van', answered: true } }),
      'sections[1].showIf.not.question',
      'Question "hulp_van" is not in an earlier section: a section can only be routed on answers given before it.',
    )
  })

  it('condition values are values of the question', () => {
    expectError(
      (d) => (d.sections[0].questions[2].showIf = { question: 'contact', in: [1, 4] }),
      'sections[0].questions[2].showIf.in[1]',
      '4 is not a value of question "contact" (its values are 1, 2, 3).',
    )
    expectError(
      (d) => (d.sections[1].showIf = { question: 'hulp', equals: 0 }),
      'sections[1].showIf.equals',
      '0 is not a value of question "hulp" (its values are 1, 2).',
    )
    expectError(
      (d) => (d.sections[3].questions[0].showIf = { question: 'hulp_uren', notEquals: 41 }),
      'sections[3].questions[0].showIf.notEquals',
      '41 is outside the range of question "hulp_uren" (0 to 40).',
    )
  })

  it('conditions cannot test grids, and open texts only for being answered', () => {
    expectError(
      (d) => (d.sections[3].questions[0].showIf = { question: 'hulp_oordeel', equals: 1 }),
      'sections[3].questions[0].showIf.question',
      /^Question "hulp_oordeel" is a grid/,
    )
    expectError(
      (d) => (d.sections[3].questions[1].showIf = { question: 'opmerking', equals: 1 }),
      'sections[3].questions[1].showIf.question',
      'Question "opmerking" is an open text question: only "answered: true" can test it.',
    )
  })

  it('reports every semantic problem at once', () => {
    const errors = errorsOf((d) => {
      d.languages = ['en', 'nl']
      d.sections[3].id = 'start'
      d.sections[1].questions[2].min = 50
    })
    expect(errors.map((e) => e.path)).toEqual(['languages[0]', 'sections[3].id', 'sections[1].questions[2].max'])
  })
})

describe('parseDefinition', () => {
  const yaml = `
id: mini
version: 1
languages: [nl, en]
title: { nl: Mini, en: Mini }
sections:
  - id: een
    title: { nl: Een }
    questions:
      - id: cijfer
        number: "1"
        type: grade
        text: { nl: Welk cijfer geeft u? }
`

  it('reads a valid YAML definition', () => {
    const result = parseDefinition(yaml, 'yaml')
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.definition.sections[0]?.questions[0]?.type).toBe('grade')
  })

  it('reads the same definition as JSON', () => {
    const result = parseDefinition(JSON.stringify(sampleDefinition(), null, 2), 'json')
    expect(result).toEqual({ ok: true, definition: sampleDefinition() })
  })

  it('reports YAML syntax errors with their line', () => {
    const broken = yaml.replace('title: { nl: Een }', 'title: { nl: Een')
    const result = parseDefinition(broken, 'yaml')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[0]?.path).toBe('')
    expect(result.errors[0]?.message).toMatch(/^YAML syntax error: .* at line \d+, column \d+\.$/)
    expect(result.errors[0]?.line).toBeGreaterThanOrEqual(8)
  })

  it('reports duplicate YAML keys', () => {
    const result = parseDefinition(yaml.replace('version: 1', 'version: 1\nversion: 2'), 'yaml')
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: '', line: 4, message: expect.stringMatching(/^YAML syntax error: Map keys must be unique/) }],
    })
  })

  it('gives validation errors the line of the offending part', () => {
    const result = parseDefinition(yaml.replace('type: grade', 'type: cijfer'), 'yaml')
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: 'sections[0].questions[0].type',
          message:
            'Unknown type "cijfer": use one of grade, single, multiple, yesno, number, text, longtext, grid, ranking, constantsum.',
          line: 12,
        },
      ],
    })
  })

  it('points a missing property at its parent', () => {
    const result = parseDefinition(yaml.replace('    title: { nl: Een }\n', ''), 'yaml')
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: 'sections[0].title', message: 'Required property "title" is missing.', line: 7 }],
    })
  })

  it('points an unknown property at the line of its key, also when a block follows it', () => {
    const result = parseDefinition(yaml.replace('    title: { nl: Een }\n', '    titel:\n      nl: Een\n'), 'yaml')
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { path: 'sections[0].title', line: 7 },
        { path: 'sections[0].titel', message: expect.stringContaining('Did you mean "title"?'), line: 8 },
      ],
    })
  })

  it('reports JSON syntax errors with their line', () => {
    const result = parseDefinition('{\n  "id": "x",\n  "version": 1,,\n}', 'json')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[0]?.message).toMatch(/^JSON syntax error/)
    expect(result.errors[0]?.line).toBe(3)
  })

  it('ignores a byte order mark', () => {
    expect(parseDefinition(`\uFEFF${yaml}`, 'yaml').ok).toBe(true)
  })
})
