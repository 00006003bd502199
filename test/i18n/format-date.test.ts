import { describe, expect, it } from 'vitest'
import { formatDate } from '#src/i18n/translate.ts'

describe('formatDate', () => {
  it('writes the day first in Dutch and in English, as the letters print their own date', () => {
    expect(formatDate('2026-12-20', 'nl')).toBe('20 december 2026')
    expect(formatDate('2026-12-20', 'en')).toBe('20 December 2026')
    expect(formatDate('2027-01-01', 'en')).toBe('1 January 2027')
  })
})
