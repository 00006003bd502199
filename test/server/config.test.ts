import { describe, expect, it } from 'vitest'
import { parseTrustProxy } from '#src/server/config.ts'

describe('TRUST_PROXY', () => {
  it('trusts no proxy when unset, empty or false', () => {
    expect(parseTrustProxy(undefined)).toEqual([])
    expect(parseTrustProxy('')).toEqual([])
    expect(parseTrustProxy('false')).toEqual([])
  })

  it('takes the addresses and ranges of the proxy', () => {
    expect(parseTrustProxy('127.0.0.1')).toEqual(['127.0.0.1'])
    expect(parseTrustProxy('172.16.0.0/12, ::1,fd00::/8')).toEqual(['172.16.0.0/12', '::1', 'fd00::/8'])
  })

  it('refuses "true", which would let anyone choose the address the limits count', () => {
    expect(() => parseTrustProxy('true')).toThrow(/not "true"/)
  })

  it('refuses what is not an address or a range, naming it', () => {
    expect(() => parseTrustProxy('127.0.0.1, proxy.local')).toThrow('"proxy.local" is not an IP address')
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow('"10.0.0.0/33"')
    expect(() => parseTrustProxy('10.0.0.0/8/1')).toThrow('"10.0.0.0/8/1"')
  })
})
