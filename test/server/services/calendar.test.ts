import { describe, expect, it } from 'vitest'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'

const at = (iso: string) => todayInAmsterdam(new Date(iso))

describe('todayInAmsterdam', () => {
  it('turns to the next day at midnight in Amsterdam, in winter and in summer time', () => {
    // Winter (UTC+1): midnight is 23:00 UTC; asked in order within the same UTC hour and across it.
    expect(at('2026-01-14T22:59:59.999Z')).toBe('2026-01-14')
    expect(at('2026-01-14T23:00:00.000Z')).toBe('2026-01-15')
    expect(at('2026-01-14T23:59:59.999Z')).toBe('2026-01-15')
    // Summer (UTC+2): midnight is 22:00 UTC.
    expect(at('2026-07-01T21:59:59.999Z')).toBe('2026-07-01')
    expect(at('2026-07-01T22:00:00.000Z')).toBe('2026-07-02')
  })

  it('gives the right day on the nights the clocks change, also when asked out of order', () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC; the date changed at 23:00 UTC before.
    expect(at('2026-03-28T23:30:00Z')).toBe('2026-03-29')
    expect(at('2026-03-28T22:30:00Z')).toBe('2026-03-28')
    expect(at('2026-03-29T21:59:00Z')).toBe('2026-03-29')
    expect(at('2026-03-29T22:00:00Z')).toBe('2026-03-30')
    // 25 October 2026: back to CET; midnight before is 22:00 UTC, midnight after is 23:00 UTC.
    expect(at('2026-10-24T21:59:59Z')).toBe('2026-10-24')
    expect(at('2026-10-24T22:00:00Z')).toBe('2026-10-25')
    expect(at('2026-10-25T22:59:59Z')).toBe('2026-10-25')
    expect(at('2026-10-25T23:00:00Z')).toBe('2026-10-26')
  })
})
