import { describe, expect, it } from 'vitest'
import { diffDefinitions, isEmptyDiff } from '#src/questionnaire/diff.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { loadKto } from './kto.ts'

function changed(change: (d: QuestionnaireDefinition) => void): QuestionnaireDefinition {
  const d = structuredClone(loadKto())
  change(d)
  return d
}

describe('diffDefinitions', () => {
  it('finds nothing between a version and its copy', () => {
    const kto = loadKto()
    expect(
      isEmptyDiff(
        diffDefinitions(
          kto,
          changed((d) => (d.version = 3)),
        ),
      ),
    ).toBe(true)
  })

  it('lists a reworded question and an added one, and nothing else', () => {
    const next = changed((d) => {
      d.version = 3
      d.sections[0]!.questions[0]!.text.nl = 'Welk cijfer geeft u de afdeling Werk en Inkomen?'
      d.sections[0]!.questions.push({
        id: 'wijkteam',
        number: '1a',
        type: 'yesno',
        text: { nl: 'Heeft u contact met het wijkteam?' },
      })
    })
    const diff = diffDefinitions(loadKto(), next)
    expect(diff.added).toEqual([{ id: 'wijkteam', number: '1a', text: 'Heeft u contact met het wijkteam?' }])
    expect(diff.removed).toEqual([])
    expect(diff.changed).toEqual([
      {
        question: {
          id: 'rapportcijfer_dienstverlening',
          number: '1',
          text: 'Welk cijfer geeft u de afdeling Werk en Inkomen?',
        },
        changes: [
          {
            kind: 'text',
            part: 'text',
            languages: ['nl'],
            before: 'Welk rapportcijfer geeft u de afdeling Werk en Inkomen?',
            after: 'Welk cijfer geeft u de afdeling Werk en Inkomen?',
          },
        ],
      },
    ])
  })

  it('lists removed questions, changed codes and labels, items, translations, routing and concept keys', () => {
    const kto = loadKto()
    const next = changed((d) => {
      const intake = d.sections[1]!
      const wanneer = intake.questions[0]!
      if (wanneer.type !== 'single') throw new Error('intake_wanneer is a single choice')
      wanneer.options.push({ value: 3, label: { nl: 'Nooit' } })
      wanneer.options[0]!.label.en = 'Under a year ago'
      Object.assign(wanneer, { concept: 'intake_moment' })
      const stellingen = intake.questions[1]!
      if (stellingen.type !== 'grid') throw new Error('intake_stellingen is a grid')
      stellingen.items.pop()
      delete stellingen.showIf
      intake.questions.splice(2, 1)
    })
    const diff = diffDefinitions(kto, next)
    expect(diff.removed.map((q) => q.id)).toEqual([kto.sections[1]!.questions[2]!.id])
    const byId = Object.fromEntries(diff.changed.map((c) => [c.question.id, c.changes]))
    expect(byId.intake_wanneer).toEqual([
      { kind: 'concept', after: 'intake_moment' },
      { kind: 'codes', added: [3], removed: [] },
      {
        kind: 'text',
        part: 'option',
        value: 1,
        languages: ['en'],
        before: 'Minder dan 1 jaar geleden',
        after: 'Minder dan 1 jaar geleden',
      },
    ])
    const lastItem = (kto.sections[1]!.questions[1] as { items: Array<{ id: string }> }).items.at(-1)!.id
    expect(byId.intake_stellingen).toEqual([
      { kind: 'items', added: [], removed: [lastItem] },
      { kind: 'routing', before: { question: 'intake_wanneer', equals: 1 } },
    ])
  })
})
