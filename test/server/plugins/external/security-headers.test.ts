/**
 * The security headers (helmet) on every kind of answer: pages, static files, errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'

let plain: TestApp
let behindTls: TestApp

beforeAll(async () => {
  plain = await createTestApp({ secureCookies: false })
  behindTls = await createTestApp({ secureCookies: true }, plain.database)
})
afterAll(async () => {
  await behindTls?.close()
  await plain?.close()
})

const REQUESTS = [
  { method: 'GET', url: '/' },
  { method: 'GET', url: '/beheer/inloggen' },
  { method: 'GET', url: '/static/peiling.css' },
  { method: 'GET', url: '/bestaat-niet' },
  { method: 'POST', url: '/', payload: 'code=ABC' },
] as const

describe('security headers', () => {
  it('allow only this site to run scripts, load styles, take forms and frame the pages, on every answer', async () => {
    for (const request of REQUESTS) {
      const response = await plain.app.inject({
        ...request,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      const name = `${request.method} ${request.url} (${response.statusCode})`
      const policy = String(response.headers['content-security-policy'])
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ]) {
        expect(policy, name).toContain(directive)
      }
      expect(policy, name).not.toContain('unsafe-inline')
      // Personal links (/c/<code>) must not travel to other sites in the Referer header.
      expect(response.headers['referrer-policy'], name).toBe('no-referrer')
      expect(response.headers['x-content-type-options'], name).toBe('nosniff')
      expect(response.headers['x-frame-options'], name).toBe('SAMEORIGIN')
      expect(response.headers['x-powered-by'], name).toBeUndefined()
      expect(response.headers['strict-transport-security'], name).toBeUndefined()
    }
  })

  it('ask browsers to keep to HTTPS only when the app runs behind TLS', async () => {
    const response = await behindTls.app.inject({ method: 'GET', url: '/' })
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/)
    expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests')
    expect(
      String((await plain.app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']),
    ).not.toContain('upgrade-insecure-requests')
  })
})
