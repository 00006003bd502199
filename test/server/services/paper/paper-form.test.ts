import { describe, expect, it } from 'vitest'
import { loadKto } from '#test/questionnaire/kto.ts'
import type { KeyingField } from '#src/server/services/paper/paper-form.ts'
import {
  codesSummary,
  compareKeyings,
  keyingFields,
  keyingLayout,
  normalizeKeyed,
  readKeyedForm,
  warningsFingerprint,
} from '#src/server/services/paper/paper-form.ts'
import { paperCodingOf, paperValueLabels, PAPER_EXPORT_CODES } from '#src/server/services/paper/paper-coding.ts'
import { buildCodebook } from '#src/questionnaire/index.ts'

const kto = loadKto()
const ctx = { stratum: 'hengelo' }
const field = (variable: string): KeyingField => keyingFields(kto).find((f) => f.variable === variable)!

describe('the keying form mirrors the paper questionnaire', () => {
  it('lists every question in paper order with the printed numbers, grid items as 7a, 7b …', () => {
    const layout = keyingLayout(kto)
    expect(layout.map((q) => q.number)).toEqual(Array.from({ length: 23 }, (_, i) => String(i + 1)))
    const labels = keyingFields(kto).map((f) => f.label)
    expect(labels.slice(0, 6)).toEqual(['1', '2', '3a', '3b', '3c', '3d'])
    expect(labels).toContain('7f')
    expect(labels).toContain('13o')
    // Every answer key of the codebook can be keyed.
    const variables = new Set(keyingFields(kto).map((f) => f.variable))
    for (const v of buildCodebook(kto)) {
      const key = v.name.replace(/_anders$/, '_other')
      if (!/_\d+$/.test(key)) expect(variables.has(key), key).toBe(true)
    }
  })

  it('offers the printed value numbers as codes', () => {
    expect(field('rapportcijfer_dienstverlening').codes).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99])
    expect(field('parttimebaan').codes).toEqual([1, 2])
    expect(field('intake_stellingen_a').codes).toEqual([1, 2, 3, 4, 99])
    expect(codesSummary(field('rapportcijfer_dienstverlening').codes)).toBe('1–10, 99')
    expect(codesSummary([1, 2])).toBe('1, 2')
    expect(codesSummary([1, 2, 3, 5])).toBe('1–3, 5')
  })
})

describe('reading what the typist typed', () => {
  it('normalises equal readings to one form', () => {
    expect(normalizeKeyed(field('rapportcijfer_dienstverlening'), ' 07 ')).toBe('7')
    expect(normalizeKeyed(field('rapportcijfer_dienstverlening'), 'M')).toBe('m')
    expect(normalizeKeyed(field('rapportcijfer_dienstverlening'), '*')).toBe('m')
    expect(normalizeKeyed(field('rapportcijfer_dienstverlening'), '/')).toBe('?')
    expect(normalizeKeyed(field('rapportcijfer_dienstverlening'), '7,5')).toBe('7,5')
    expect(normalizeKeyed(field('rapportcijfer_dienstverlening'), '   ')).toBeUndefined()
    // Ticks in option order, typed with spaces, commas, or (codes 1–9) one digit each.
    expect(normalizeKeyed(field('punt_goed'), '3,1')).toBe('1 3')
    expect(normalizeKeyed(field('punt_goed'), '931')).toBe('1 3 9')
    expect(normalizeKeyed(field('opmerkingen'), 'm')).toBe('m')
    expect(normalizeKeyed(field('opmerkingen'), '?')).toBe('?')
  })

  it('keeps valid answers, marks, values that are no code, and answers outside routing', () => {
    const read = readKeyedForm(
      kto,
      {
        rapportcijfer_dienstverlening: '8',
        intake_wanneer: '2',
        // Routing skips question 3 after "more than a year ago", but it is on paper:
        intake_stellingen_a: '1',
        begeleiding_werk: 'm',
        parttimebaan: '?',
        rapportcijfer_klantmanager: '11',
        punt_goed: '1 3',
        punt_goed_other: 'de koffie',
        opmerkingen: 'Prima <b>geholpen</b>',
      },
      ctx,
    )
    expect(read.answers).toEqual({
      rapportcijfer_dienstverlening: 8,
      intake_wanneer: 2,
      intake_stellingen_a: 1,
      punt_goed: [1, 3],
      punt_goed_other: 'de koffie',
      opmerkingen: 'Prima <b>geholpen</b>',
    })
    expect(read.coding.marks).toEqual({ begeleiding_werk: 'multiple', parttimebaan: 'unreadable' })
    expect(read.coding.invalid).toEqual({ rapportcijfer_klantmanager: '11' })
    expect(read.coding.outsideRouting).toEqual(['intake_stellingen_a', 'punt_goed_other'])
    expect(read.warnings.map((w) => [w.label, w.kind])).toEqual([
      ['3a', 'outsideRouting'],
      ['12', 'invalid'],
      ['21 Anders, namelijk', 'otherWithoutTick'],
    ])
  })

  it('refuses "m" where several boxes may be ticked, and keeps it as keyed, not as a mark on every option', () => {
    expect(field('punt_verbeteren').acceptsMultipleMark).toBe(false)
    for (const keyed of ['m', 'M', '*']) {
      expect(normalizeKeyed(field('punt_verbeteren'), keyed)).toBe(keyed)
      const read = readKeyedForm(kto, { punt_verbeteren: keyed, begeleiding_werk: 'm' }, ctx)
      expect(read.coding.marks).toEqual({ begeleiding_werk: 'multiple' })
      expect(read.coding.invalid).toEqual({ punt_verbeteren: keyed })
      expect(read.answers).toEqual({})
      expect(read.warnings.map((w) => [w.label, w.kind])).toEqual([['22', 'markNotAllowed']])
    }
  })

  it('gives no warning for a clean form, and a different fingerprint for different warnings', () => {
    const clean = readKeyedForm(
      kto,
      { rapportcijfer_dienstverlening: '7', intake_wanneer: '1', intake_stellingen_a: '2' },
      ctx,
    )
    expect(clean.warnings).toEqual([])
    const a = readKeyedForm(kto, { rapportcijfer_dienstverlening: '11' }, ctx).warnings
    const b = readKeyedForm(kto, { rapportcijfer_dienstverlening: '12' }, ctx).warnings
    expect(warningsFingerprint(a)).not.toBe(warningsFingerprint(b))
    expect(warningsFingerprint(a)).toBe(
      warningsFingerprint(readKeyedForm(kto, { rapportcijfer_dienstverlening: '11' }, ctx).warnings),
    )
  })
})

describe('comparing two keyings', () => {
  it('lists differing fields in paper order and counts the fields either filled in', () => {
    const first = { rapportcijfer_dienstverlening: '8', intake_wanneer: '1', leeftijd: '3' }
    const second = { rapportcijfer_dienstverlening: '6', intake_wanneer: '1', geslacht: '2' }
    const result = compareKeyings(kto, first, second)
    expect(result.compared).toBe(4)
    expect(result.differences).toEqual([
      { variable: 'rapportcijfer_dienstverlening', label: '1', first: '8', second: '6' },
      { variable: 'leeftijd', label: '19', first: '3', second: undefined },
      { variable: 'geslacht', label: '20', first: undefined, second: '2' },
    ])
  })
})

describe('the export side of paper coding', () => {
  it('codes marks -1/-2 and invalid values -3 in the numeric export columns', () => {
    const { coding } = readKeyedForm(
      kto,
      {
        begeleiding_werk: 'm',
        parttimebaan: '?',
        rapportcijfer_klantmanager: '11',
        punt_verbeteren: '?',
        intake_wanneer: '2',
        intake_stellingen_b: '3',
      },
      ctx,
      { noCode: true },
    )
    const exported = paperCodingOf(kto, coding)
    expect(exported.noCode).toBe(1)
    expect(exported.values.begeleiding_werk).toBe(PAPER_EXPORT_CODES.multiple)
    expect(exported.values.parttimebaan).toBe(-2)
    expect(exported.values.rapportcijfer_klantmanager).toBe(-3)
    expect(exported.invalidText).toEqual({ rapportcijfer_klantmanager: '11' })
    // Multiple choice is exported as one 0/1 column per option: each gets the code.
    const optionColumns = buildCodebook(kto)
      .filter((v) => v.questionId === 'punt_verbeteren' && v.type === 'numeric')
      .map((v) => v.name)
    expect(optionColumns.length).toBeGreaterThan(3)
    for (const column of optionColumns) expect(exported.values[column]).toBe(-2)
    expect(exported.outsideRouting).toEqual(['intake_stellingen_b'])
    // Counted (the default): the answer stays; not counted: code -4 takes its place.
    expect(exported.overrides).toEqual({})
    expect(paperCodingOf(kto, coding, { countOutsideRouting: false }).overrides).toEqual({ intake_stellingen_b: -4 })
    expect(paperCodingOf(kto, null)).toEqual({
      values: {},
      noCode: 0,
      outsideRouting: [],
      inconsistent: [],
      invalidText: {},
      overrides: {},
    })
    expect(paperValueLabels('nl').map((l) => l.value)).toEqual([-1, -2, -3, -4])
  })
})
