import { spawn } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

const WATCHDOG = pathToFileURL('src/server/jobs/watchdog.ts').href

/** Runs `body` in a Node process with a watchdog of `seconds`; resolves with how it ended. */
function runWithWatchdog(
  seconds: number,
  body: string,
): Promise<{ signal: string | null; code: number | null; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', `import { startWatchdog } from '${WATCHDOG}'; startWatchdog(${seconds}); ${body}`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('exit', (code, signal) => resolve({ code, signal, stderr, ms: Date.now() - started }))
  })
}

describe('the watchdog', () => {
  it('ends a process whose event loop is stuck, saying why, so that it can be restarted', async () => {
    const ended = await runWithWatchdog(1, 'setTimeout(() => { for (;;) {} }, 50)')
    expect(ended.signal).toBe('SIGKILL')
    expect(ended.stderr).toMatch(/event loop blocked for \d+ s; stopping so that the supervisor restarts the app/)
    expect(ended.ms).toBeLessThan(15_000)
  })

  it('leaves a process alone that keeps answering, and does not keep it alive', async () => {
    // Five seconds: a busy test machine may pause a process for a second now and then.
    const ended = await runWithWatchdog(
      5,
      'let n = 0; const t = setInterval(() => { if (++n === 30) clearInterval(t) }, 100)',
    )
    expect(ended).toMatchObject({ code: 0, signal: null, stderr: '' })
  })
})
