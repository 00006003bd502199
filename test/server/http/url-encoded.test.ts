import { describe, expect, it } from 'vitest'
import { parseUrlEncoded } from '#src/server/http/url-encoded.ts'

describe('parseUrlEncoded', () => {
  it('reads fields, a repeated name as a list, and a field named __proto__ as just a field', () => {
    const fields = parseUrlEncoded('a=1&b=x+y&b=%C3%A9&__proto__=z')
    expect(Object.keys(fields)).toEqual(['a', 'b', '__proto__'])
    expect([fields.a, fields.b, Object.getOwnPropertyDescriptor(fields, '__proto__')?.value]).toEqual([
      '1',
      ['x y', 'é'],
      'z',
    ])
    expect(Object.getPrototypeOf(fields)).toBeNull()
  })

  it('leaves NUL out of every value, sent encoded or raw, alone or in a list', () => {
    expect({ ...parseUrlEncoded('naam=Jan%00sen&lijst=a%00&lijst=%00b&leeg=%00') }).toEqual({
      naam: 'Jansen',
      lijst: ['a', 'b'],
      leeg: '',
    })
    expect({ ...parseUrlEncoded('naam=Jan\u0000sen') }).toEqual({ naam: 'Jansen' })
  })
})
