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
        releaseBatchSize: 10,
        countOutsideRouting: false,
        veryReliablePercent: 95,
        reliablePercent: 90,
      },
    })
  })

  it('refuses a release batch so small that a batch points at a few people', () => {
    const form = {
      name: 'KTO',
      questionnaireId: '1',
      strata: 'Hengelo',
      opensOn: '2026-11-01',
      closesOn: '2026-11-29',
      retentionUntil: '2027-02-28',
    }
    for (const releaseBatchSize of ['4', '1001', '7.5', 'tien'])
      expect(parseRoundForm({ ...form, releaseBatchSize }, [1])).toEqual({
        ok: false,
        errors: [{ field: 'releaseBatchSize', key: 'releaseBatchSize', params: { min: 5, max: 1000 } }],
      })
    expect(parseRoundForm({ ...form, releaseBatchSize: '25' }, [1])).toMatchObject({
      ok: true,
      input: { releaseBatchSize: 25 },
    })
  })

  it('takes the reliability thresholds as whole percents, "zeer betrouwbaar" above "betrouwbaar"', () => {
    const form = {
      name: 'KTO',
      questionnaireId: '1',
      strata: 'Hengelo',
      opensOn: '2026-11-01',
      closesOn: '2026-11-29',
      retentionUntil: '2027-02-28',
    }
    expect(parseRoundForm({ ...form, veryReliablePercent: '90', reliablePercent: '80' }, [1])).toMatchObject({
      ok: true,
      input: { veryReliablePercent: 90, reliablePercent: 80 },
    })
    expect(parseRoundForm({ ...form, veryReliablePercent: '90', reliablePercent: '90' }, [1])).toEqual({
      ok: false,
      errors: [{ field: 'veryReliablePercent', key: 'veryReliablePercent', params: { min: 91 } }],
    })
    for (const reliablePercent of ['40', '100', '92,5'])
      expect(parseRoundForm({ ...form, reliablePercent }, [1])).toEqual({
        ok: false,
        errors: [{ field: 'reliablePercent', key: 'reliablePercent' }],
      })
  })
})
