import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { definitionToYaml } from '#src/questionnaire/definition-yaml.ts'
import { parseDefinition } from '#src/questionnaire/index.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { KTO_FILE, loadKto } from './kto.ts'
import { sampleDefinition } from './fixtures.ts'

/** A definition as the database gives it back: jsonb keeps keys in an order of its own (shortest first). */
function shuffledKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(shuffledKeys) as T
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value).sort(([a], [b]) => a.length - b.length || a.localeCompare(b))
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffledKeys(v)])) as T
}

function reparsed(text: string): QuestionnaireDefinition {
  const result = parseDefinition(text, 'yaml')
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.definition
}

describe('definitionToYaml', () => {
  it('writes the KTO so that it reads back as the identical definition', () => {
    const kto = loadKto()
    expect(reparsed(definitionToYaml(kto))).toEqual(kto)
    expect(reparsed(definitionToYaml(sampleDefinition()))).toEqual(sampleDefinition())
  })

  it('writes keys in the order of the shipped file, whatever order the definition has them in', () => {
    const kto = loadKto()
    const text = definitionToYaml(shuffledKeys(kto))
    expect(text).toBe(definitionToYaml(kto))
    // Every key of the shipped file's questions appears in the same order, and the top-level keys too.
    // (Scales come in the order the questions use them: the database keeps no order of names.)
    const keysOf = (yaml: string) =>
      yaml
        .slice(yaml.indexOf('\nsections:\n'))
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('#'))
        .map((line) => /^\s*(?:- )?([A-Za-z$]+):/.exec(line)?.[1])
        .filter((key): key is string => key !== undefined)
    const shipped = readFileSync(KTO_FILE, 'utf8')
    expect(keysOf(text)).toEqual(keysOf(shipped))
    const topLevel = (yaml: string) => yaml.match(/^[a-z]+(?=:)/gm)
    expect(topLevel(text)).toEqual(topLevel(shipped))
    expect(text.indexOf('\n  agree:\n')).toBeLessThan(text.indexOf('\n  grade:\n'))
  })

  it('keeps conditions and the language list on one line, and puts the header on top as a comment', () => {
    const text = definitionToYaml(shuffledKeys(loadKto()), ' KTO, versie 2\n Geef een nieuw versienummer.')
    expect(
      text.startsWith('# KTO, versie 2\n# Geef een nieuw versienummer.\n\nid: kto-participatiewet\nversion: 2\n'),
    ).toBe(true)
    expect(text).toContain('\nlanguages: [ nl, en, tr, ar, pl ]\n')
    expect(text).toContain('        showIf: { question: intake_wanneer, equals: 1 }\n')
    expect(text).toContain('        showIf: { question: begeleiding_werk, in: [ 1, 2 ] }\n')
  })

  it('keeps texts that a folded block could not hold exactly', () => {
    const d = sampleDefinition()
    const tricky = `  Leading spaces,  double  spaces and a trailing space ${'x'.repeat(90)} `
    d.sections[0]!.questions[0]!.text = { nl: tricky, en: 'Line one\nLine two' }
    expect(reparsed(definitionToYaml(d)).sections[0]!.questions[0]!.text).toEqual({
      nl: tricky,
      en: 'Line one\nLine two',
    })
  })
})
