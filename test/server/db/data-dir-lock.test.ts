import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lockDataDir, DataDirInUseError } from '#src/server/db/data-dir-lock.ts'
import { testEngine } from '#test/helpers/database.ts'
import { onFreePort } from '#test/setup/free-port.ts'

function run(args: string[], env: Record<string, string>, until?: RegExp) {
  const child = spawn(process.execPath, [...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const done = new Promise<{ code: number | null; output: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, output }))
  })
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (until?.test(output)) resolve()
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', () => reject(new Error(`exited before it was ready:\n${output}`)))
  })
  // Only a caller that waits for readiness cares that the process ended first.
  ready.catch(() => {})
  return { child, done, ready }
}

describe('the embedded database folder', () => {
  it('can be locked by one holder only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'peiling-lock-'))
    const release = await lockDataDir(dir)
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirInUseError)
    await release()
    const again = await lockDataDir(dir)
    await again()
  })

  it.runIf(testEngine === 'pglite')(
    'refuses a second process while the server runs, with a clear message',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'peiling-lock-'))
      const env = { DATA_DIR: dir, DEMO: 'false', DATABASE_URL: '', PORT: '' }
      const server = await onFreePort(async (port) => {
        env.PORT = String(port)
        const started = run(['src/server/main.ts'], env, /Peiling is running/)
        await started.ready
        return started
      })
      try {
        const migrate = run(['src/cli/main.ts', 'migrate'], env)
        const result = await migrate.done
        expect(result.code).toBe(1)
        expect(result.output).toContain('is in use by another Peiling process')
        const second = run(['src/server/main.ts'], env)
        const secondResult = await second.done
        expect(secondResult.code).toBe(1)
        expect(secondResult.output).toContain('is in use by another Peiling process')
      } finally {
        server.child.kill('SIGTERM')
        await server.done
      }
    },
    60_000,
  )
})
