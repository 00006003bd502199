import { describe, expect, it } from 'vitest'
import { csvText } from '#src/server/services/reporting/exports.ts'

describe('CSV cells', () => {
  it('disarms formulas and line breaks in texts', () => {
    expect(csvText('=1+1')).toBe("'=1+1")
    expect(csvText('-5 is raar')).toBe("'-5 is raar")
    expect(csvText('regel\r\nnog een')).toBe('regel nog een')
    expect(csvText('gewoon')).toBe('gewoon')
  })
})
