import { describe, expect, it } from 'vitest'
import { parseRoundForm, stratumCode } from '#src/server/services/rounds/rounds.ts'

describe('the round form', () => {
  it('makes routing codes of municipality names', () => {
    expect(stratumCode("'s-Hertogenbosch")).toBe('s-hertogenbosch')
    expect(stratumCode('Súdwest-Fryslân')).toBe('sudwest-fryslan')
  })

  it('reads a valid form', () => {
    const parsed = parseRoundForm(
      {
        name: ' KTO ',
        questionnaireId: '1',
        strata: 'Hengelo\r\nBorne',
        opensOn: '2026-11-01',
        closesOn: '2026-11-29',
        reminderOn: '',
        retentionUntil: '2027-02-28',
        minGroupSize: '',
      },
      [1],
    )
    expect(parsed).toEqual({
      ok: true,
      input: {
        name: 'KTO',
        questionnaireId: 1,
        strata: ['Hengelo', 'Borne'],
        opensOn: '2026-11-01',
        closesOn: '2026-11-29',
        reminderOn: null,
        retentionUntil: '2027-02-28',
        doubleKeying: false,
        minGroupSize: 5,
      },
    })
  })
})
