import { describe, expect, it } from 'vitest'
import type { GridQuestion, QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import {
  findPage,
  MAX_STATEMENTS,
  pageOfQuestion,
  pagesOf,
  visibilityOf,
  visiblePages,
} from '#src/questionnaire/index.ts'
import { sampleDefinition } from './fixtures.ts'
import { loadKto } from './kto.ts'

const ids = (definition: QuestionnaireDefinition) =>
  pagesOf(definition).map((page) => [
    page.id,
    page.questions.map((q) => q.question.id + (q.part ? `:${q.part.index}/${q.part.count}` : '')),
  ])

describe('the pages of a questionnaire', () => {
  it('put a follow-up question on the page after the one it follows from', () => {
    expect(ids(sampleDefinition())).toEqual([
      ['start', ['tevredenheid', 'contact']],
      ['start-2', ['hulp']],
      ['hulp_details', ['hulp_van', 'hulp_oordeel']],
      ['hulp_details-2', ['hulp_uren']],
      ['leergeld', ['leergeld_bekend']],
      ['leergeld-2', ['leergeld_cijfer']],
      ['slot', ['opmerking']],
      ['slot-2', ['toelichting', 'cijfers_rooster', 'vervolg']],
    ])
  })

  it('split a long grid into even parts of at most four statements, each repeating the question', () => {
    const definition = sampleDefinition()
    const grid = definition.sections[1]!.questions[1] as GridQuestion
    grid.items = Array.from({ length: 11 }, (_, i) => ({
      id: `s${i}`,
      number: String.fromCharCode(97 + i),
      text: { nl: `Stelling ${i}` },
    }))
    const parts = pagesOf(definition).filter((page) => page.questions.some((q) => q.question === grid))
    expect(parts.map((page) => page.questions.map((q) => q.items?.length))).toEqual([[4], [4], [3]])
    expect(parts.map((page) => page.questions[0]!.part)).toEqual([
      { index: 1, count: 3 },
      { index: 2, count: 3 },
      { index: 3, count: 3 },
    ])
    // Each part posts its own statements only, so saving one part keeps the others.
    expect([...parts[1]!.variables]).toEqual([
      'hulp_oordeel_s4',
      'hulp_oordeel_s5',
      'hulp_oordeel_s6',
      'hulp_oordeel_s7',
    ])
    // The question before the grid keeps its own page.
    expect(parts[0]!.id).toBe('hulp_details-2')
    expect(findPage(definition, 'hulp_details')!.questions.map((q) => q.question.id)).toEqual(['hulp_van'])
  })

  it('show only the pages with a visible question, so the progress counts what the respondent sees', () => {
    const definition = sampleDefinition()
    const shown = (answers: Record<string, unknown>) =>
      visiblePages(definition, visibilityOf(definition, answers, { stratum: 'hengelo' }).questions).map((p) => p.id)
    expect(shown({})).toEqual(['start', 'slot', 'slot-2'])
    expect(shown({ contact: 1, hulp: 1, hulp_van: [2] })).toEqual([
      'start',
      'start-2',
      'hulp_details',
      'hulp_details-2',
      'slot',
      'slot-2',
    ])
  })

  it('keep every KTO grid to four statements a page', () => {
    const kto = loadKto()
    for (const page of pagesOf(kto)) {
      for (const q of page.questions) if (q.items) expect(q.items.length).toBeLessThanOrEqual(MAX_STATEMENTS)
    }
    // Question 13 (15 statements about the client manager) is four pages: four statements
    // with five answers each is what fits four phone screens in every language.
    const q13 = pagesOf(kto).filter((page) => page.questions.some((q) => q.question.number === '13'))
    expect(q13.map((page) => page.questions[0]!.items!.length)).toEqual([4, 4, 4, 3])
    expect(pageOfQuestion(kto, 'opmerkingen')).toBeDefined()
  })
})
