/** The show_if column: conditions as a researcher writes them in a spreadsheet cell. */
import { describe, expect, it } from 'vitest'
import type { Condition } from '#src/questionnaire/definition.ts'
import { conditionText, parseConditionText } from '#src/questionnaire/xlsform/condition-syntax.ts'

describe('show_if text', () => {
  it('reads the forms the documentation shows', () => {
    expect(parseConditionText('intake_wanneer = 1')).toEqual({ question: 'intake_wanneer', equals: 1 })
    expect(parseConditionText('begeleiding_werk in (1, 2)')).toEqual({ question: 'begeleiding_werk', in: [1, 2] })
    expect(parseConditionText('parttimebaan ≠ 2')).toEqual({ question: 'parttimebaan', notEquals: 2 })
    expect(parseConditionText('parttimebaan != 2')).toEqual({ question: 'parttimebaan', notEquals: 2 })
    expect(parseConditionText('opmerkingen beantwoord')).toEqual({ question: 'opmerkingen', answered: true })
    expect(parseConditionText('stratum in (hengelo, borne)')).toEqual({ stratum: ['hengelo', 'borne'] })
    expect(parseConditionText('a = 1 en b = 2 of niet c = 3')).toEqual({
      any: [
        {
          all: [
            { question: 'a', equals: 1 },
            { question: 'b', equals: 2 },
          ],
        },
        { not: { question: 'c', equals: 3 } },
      ],
    })
  })

  it("reads XLSForm's English words and its dollar-brace references", () => {
    expect(parseConditionText(`${'$'}{hulp} = 1 and not (${'$'}{contact} = 3)`)).toEqual({
      all: [{ question: 'hulp', equals: 1 }, { not: { question: 'contact', equals: 3 } }],
    })
  })

  it('keeps brackets as groups, so writing and reading give the same condition', () => {
    const conditions: [Condition, Condition, Condition] = [
      {
        all: [
          {
            all: [
              { question: 'a', equals: 1 },
              { question: 'b', equals: 2 },
            ],
          },
          { question: 'c', equals: 3 },
        ],
      },
      {
        any: [
          {
            any: [
              { question: 'a', in: [1, 2] },
              { question: 'b', equals: 1 },
            ],
          },
          { stratum: ['Den Haag', '0153'] },
        ],
      },
      {
        not: {
          all: [
            { question: 'a', answered: true },
            { question: 'b', notEquals: -1.5 },
          ],
        },
      },
    ]
    for (const condition of conditions) expect(parseConditionText(conditionText(condition))).toEqual(condition)
    expect(conditionText(conditions[0])).toBe('(a = 1 en b = 2) en c = 3')
    expect(conditionText(conditions[2])).toBe('niet (a beantwoord en b ≠ -1.5)')
  })

  it('says where it cannot read on', () => {
    expect(() => parseConditionText('hulp = ja')).toThrow('cannot read condition at "ja"')
    expect(() => parseConditionText('hulp = 1 en')).toThrow('cannot read condition at "en"')
    expect(() => parseConditionText('hulp = 1 (')).toThrow('cannot read condition at "("')
    expect(() => parseConditionText(`selected(${'$'}{hulp}, 1)`)).toThrow('cannot read condition at "(')
  })
})
