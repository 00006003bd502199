import { describe, expect, it } from 'vitest'
import { Secret, TOTP } from 'otpauth'
import { currentTotpCode, matchingStep, newTotpSecret, totpUri } from '#src/server/services/staff/totp.ts'

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
