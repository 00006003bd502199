import { describe, expect, it } from 'vitest'
import { Secret, TOTP } from 'otpauth'
import { niceCeiling, responseChart } from '#src/server/routes/beheer/rondes/_roundId/monitor/_chart.ts'
import { missingSpec, spssString } from '#src/server/services/reporting/spss.ts'
import { currentTotpCode, matchingStep, newTotpSecret, totpUri } from '#src/server/services/staff/totp.ts'
import { parseRoundForm, stratumCode } from '#src/server/services/rounds/rounds.ts'
import { csvText } from '#src/server/services/reporting/exports.ts'

describe('the response chart', () => {
  it('draws one stacked bar per day from opening to today, with the mailing days marked', () => {
    const chart = responseChart(
      [
        { day: '2026-11-03', online: 30, paper: 10 },
        { day: '2026-11-05', online: 5, paper: 0 },
      ],
      [{ day: '2026-11-02', kind: 'invitation', channel: 'letter', recipients: 2300 }],
      '2026-11-01',
      '2026-11-10',
    )
    expect(chart.bars).toHaveLength(10)
    const busiest = chart.bars.find((b) => b.day === '2026-11-03')!
    expect(busiest.counts).toEqual({ online: 30, paper: 10 })
    // The axis goes to 50: the paper part sits on top of the online part.
    expect(busiest.online.height).toBeCloseTo(((chart.plot.bottom - chart.plot.top) * 30) / 50, 0)
    expect(busiest.paper.y + busiest.paper.height).toBeCloseTo(busiest.online.y, 0)
    expect(chart.yTicks.map((t) => t.value)).toEqual([0, 12.5, 25, 37.5, 50].filter(Number.isInteger))
    expect(chart.mailings).toHaveLength(1)
    expect(chart.mailings[0]!.x).toBeLessThan(busiest.x)
  })

  it('picks round axis maxima', () => {
    expect([0, 1, 3, 7, 10, 11, 45, 101].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 50, 200])
  })
})

describe('SPSS syntax pieces', () => {
  it('quotes labels on one line', () => {
    expect(spssString("Zo'n\nvraag")).toBe("'Zo''n vraag'")
    expect(spssString('x'.repeat(300)).length).toBeLessThanOrEqual(252)
  })

  it('declares paper codes as a range when there are too many missing values', () => {
    expect(missingSpec([99])).toBe('99')
    expect(missingSpec([-1, -2, -3])).toBe('-3, -2, -1')
    expect(missingSpec([99, -1, -2, -3])).toBe('LO THRU -1, 99')
  })
})

describe('second-factor codes', () => {
  it('accepts the current code and the neighbouring steps only', () => {
    const secret = newTotpSecret()
    const now = Date.UTC(2026, 10, 22, 12, 0, 15)
    const step = Math.floor(now / 30_000)
    expect(matchingStep(secret, currentTotpCode(secret, now), now)).toBe(step)
    expect(matchingStep(secret, currentTotpCode(secret, now - 30_000), now)).toBe(step - 1)
    expect(matchingStep(secret, currentTotpCode(secret, now - 90_000), now)).toBeNull()
    expect(matchingStep(secret, '12345', now)).toBeNull()
  })

  it('gives an address authenticator apps read', () => {
    const secret = newTotpSecret()
    const uri = totpUri(secret, 'anna')
    expect(uri).toMatch(/^otpauth:\/\/totp\/Peiling:anna\?/)
    expect(uri).toContain(`secret=${secret}`)
    expect(TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: 0 })).toBe(currentTotpCode(secret, 0))
  })
})

describe('round form and CSV cells', () => {
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

  it('disarms formulas and line breaks in texts', () => {
    expect(csvText('=1+1')).toBe("'=1+1")
    expect(csvText('-5 is raar')).toBe("'-5 is raar")
    expect(csvText('regel\r\nnog een')).toBe('regel nog een')
    expect(csvText('gewoon')).toBe('gewoon')
  })
})
