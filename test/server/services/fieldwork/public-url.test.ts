import { describe, expect, it } from 'vitest'
import { publicUrlProblem } from '#src/server/services/fieldwork/public-url.ts'

describe('publicUrlProblem', () => {
  it('accepts the public HTTPS site of a municipality', () => {
    expect(publicUrlProblem('https://enquete.hengelo.nl')).toBeUndefined()
    expect(publicUrlProblem('https://peiling.example-bureau.nl:8443/hengelo')).toBeUndefined()
  })

  it('refuses an address a client cannot reach or that is not HTTPS', () => {
    expect(publicUrlProblem('http://localhost:3917')).toBe('notHttps')
    expect(publicUrlProblem('http://enquete.hengelo.nl')).toBe('notHttps')
    expect(publicUrlProblem('https://localhost:3917')).toBe('notPublic')
    expect(publicUrlProblem('https://peiling')).toBe('notPublic')
    expect(publicUrlProblem('https://192.168.1.20')).toBe('notPublic')
    expect(publicUrlProblem('https://8.8.8.8')).toBe('notPublic')
    expect(publicUrlProblem('https://[::1]:3917')).toBe('notPublic')
    expect(publicUrlProblem('https://peiling.gemeente.local')).toBe('notPublic')
    expect(publicUrlProblem('enquete.hengelo.nl')).toBe('invalid')
  })
})
