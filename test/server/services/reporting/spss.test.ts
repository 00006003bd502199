import { describe, expect, it } from 'vitest'
import { missingSpec, spssString } from '#src/server/services/reporting/spss.ts'

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
