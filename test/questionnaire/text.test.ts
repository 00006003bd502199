import { describe, expect, it } from 'vitest'
import { isRightToLeft, localize } from '#src/questionnaire/index.ts'

describe('localize', () => {
  const text = { nl: 'Ja', en: 'Yes', ar: '' }
  it('picks the language asked for', () => expect(localize(text, 'en')).toBe('Yes'))
  it('falls back to Dutch when there is no translation', () => {
    expect(localize(text, 'tr')).toBe('Ja')
    expect(localize(text, 'ar')).toBe('Ja')
    expect(localize(text, 'constructor')).toBe('Ja')
  })
})

describe('isRightToLeft', () => {
  it('knows the right-to-left languages', () => {
    expect(['ar', 'he', 'fa', 'ur', 'ar-MA'].map(isRightToLeft)).toEqual([true, true, true, true, true])
    expect(['nl', 'en', 'tr', 'pl'].map(isRightToLeft)).toEqual([false, false, false, false])
  })
})
