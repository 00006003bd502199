/** Small measuring helpers shared by the benchmarks: timed repetitions, percentiles, peak memory, child runs. */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'

/** The nearest-rank percentile (0–100) of some numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export const median = (values: number[]) => percentile(values, 50)

/** Rounds to two decimals (ms and s figures of the table). */
export function round2(n: number): number {
  return Math.round(n * 100) / 100
}

/** Peak resident memory of this process, in MB (VmHWM; maxRSS where /proc is missing). */
export function peakRssMb(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
    if (kb) return Math.round(Number(kb) / 1024)
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024)
}

/** Resident memory now, in MB. */
export function rssMb(): number {
  return Math.round(process.memoryUsage.rss() / 1024 / 1024)
}

/**
 * Starts the peak (VmHWM) afresh from the memory in use now (Linux: clear_refs 5), so that
 * the peak afterwards is that of the work that follows, not of loading the code before it.
 */
export function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
  } catch {
    // not Linux: the peak stays that of the whole process
  }
}

/**
 * Runs a TypeScript file (`node script …args`) in a child process of its own, so
 * that its peak memory is that work's alone, and parses the JSON on the last line it prints.
 * `what` names the run in the error when the child fails.
 */
export function runJsonChild<T>(script: string, args: string[], what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    // With the parent's Node flags (npm run bench gives those the app runs with).
    const child = spawn(process.execPath, [...process.execArgv, script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (status) => {
      if (status !== 0) return reject(new Error(`${what} exited with ${status}`))
      resolve(JSON.parse(output.trim().split('\n').pop() ?? '{}') as T)
    })
  })
}

/**
 * Milliseconds of each piece of work, run in turns (a, b, c, a, b, c, …) `runs` times
 * after `warmUp` untimed turns: other work on the machine then weighs on each alike,
 * which keeps their ratios steady on a busy machine.
 */
export async function timeInTurns<W extends Array<() => Promise<unknown>>>(
  runs: number,
  works: [...W],
  warmUp = 1,
): Promise<{ [K in keyof W]: number[] }> {
  for (let i = 0; i < warmUp; i++) for (const work of works) await work()
  const times = works.map(() => [] as number[]) as { [K in keyof W]: number[] }
  for (let i = 0; i < runs; i++) {
    for (const [w, work] of works.entries()) {
      const list = times[w] as number[]
      const started = performance.now()
      await work()
      list.push(performance.now() - started)
    }
  }
  return times
}
