import { describe, expect, it } from 'vitest'
import { answerLines, findQuestion } from '#src/questionnaire/index.ts'
import { sampleDefinition } from './fixtures.ts'

const definition = sampleDefinition()
const lines = (id: string, answers: Record<string, unknown>, lang = 'nl') =>
  answerLines(definition, findQuestion(definition, id)!, answers, lang)

describe('an answer read back to the respondent', () => {
  it('is the words ticked, not the codes', () => {
    expect(lines('contact', { contact: 2 })).toEqual([{ text: 'Balie' }])
    expect(lines('contact', { contact: 3, contact_other: 'brief' })).toEqual([{ text: 'Anders, namelijk: brief' }])
    expect(lines('hulp_van', { hulp_van: [1, 2] })).toEqual([{ text: 'Klantmanager' }, { text: 'Werkcoach' }])
    expect(lines('hulp', { hulp: 2 }, 'en')).toEqual([{ text: 'No' }])
  })

  it('names the grade ends and "don\'t know" as the scale shows them', () => {
    expect(lines('tevredenheid', { tevredenheid: 7 })).toEqual([{ text: '7' }])
    expect(lines('tevredenheid', { tevredenheid: 1 })).toEqual([{ text: '1 – zeer slecht' }])
    expect(lines('tevredenheid', { tevredenheid: 99 })).toEqual([{ text: 'Weet niet' }])
    expect(lines('cijfers_rooster', { cijfers_rooster_a: 10 })).toEqual([
      { statement: 'de balie', text: '10 – uitstekend' },
    ])
  })

  it('gives one line per answered statement of a grid, and none for what is unanswered', () => {
    expect(lines('hulp_oordeel', { hulp_oordeel_b: 1 })).toEqual([{ statement: 'was goed', text: 'Eens' }])
    expect(lines('hulp_oordeel', {})).toEqual([])
    expect(lines('opmerking', { opmerking: '' })).toEqual([])
    expect(lines('hulp_uren', { hulp_uren: 0 })).toEqual([{ text: '0' }])
  })
})
