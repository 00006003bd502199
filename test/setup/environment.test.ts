import { afterEach, describe, expect, it, vi } from 'vitest'
import { runProgram } from '#test/helpers/programs.ts'
import { onPath, programsAvailable } from './environment.ts'

const MISSING = 'peiling-no-such-program'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('onPath', () => {
  it('finds a program where spawn would, and only there', () => {
    expect(onPath('node')).toBe(true)
    expect(onPath(MISSING)).toBe(false)
    vi.stubEnv('PATH', '')
    expect(onPath('node')).toBe(false)
  })
})

describe('programsAvailable', () => {
  it('skips with a warning naming the package where a program is missing', () => {
    vi.stubEnv('CI', '')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(programsAvailable(['node', MISSING], 'peiling-tools', 'Those tests are')).toBe(false)
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/peiling-no-such-program \(apt-get install peiling-tools\)/),
    )
    expect(programsAvailable(['node'], 'nodejs', 'Those tests are')).toBe(true)
  })

  it('fails in CI where a program is missing', () => {
    vi.stubEnv('CI', 'true')
    expect(() => programsAvailable([MISSING], 'peiling-tools', 'Those tests are')).toThrow(/CI must run every test/)
  })
})

describe('runProgram', () => {
  it('refuses a program that is not there, saying how to guard the test', async () => {
    await expect(runProgram(MISSING, [])).rejects.toThrow(/without asking first.*programsAvailable/)
  })

  it('runs one that is', async () => {
    expect((await runProgram('node', ['-e', 'process.stdout.write("ja")'])).stdout).toBe('ja')
  })
})
