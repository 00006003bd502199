/** What the tests need from the machine: PostgreSQL's programs, Chromium, and what to do when a tool is missing. Free of vitest. */
import { execFileSync } from 'node:child_process'
import { accessSync, constants, existsSync, statSync } from 'node:fs'
import path from 'node:path'

/** The folder with initdb and pg_ctl, as Debian's `pg_config --bindir` reports it. */
export function findPostgresBinaries(): string | undefined {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    if (existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir
  } catch {
    // pg_config is not installed
  }
  return undefined
}

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((c): c is string => Boolean(c) && existsSync(c!))
}

/**
 * Whether the tools some tests need are there: `missing` lists those that are not (with how
 * to install them). Where something is missing, the tests that need it are skipped with a
 * warning naming `skipped`; in CI (CI=true) the run fails instead, so nothing is skipped
 * silently there.
 */
export function toolsAvailable(missing: string[], skipped: string): boolean {
  if (missing.length === 0) return true
  const message = `Not found: ${missing.join('; ')}.`
  if (process.env.CI === 'true') throw new Error(`${message} CI must run every test: install them first (see .ci/run).`)
  console.warn(`\n⚠ ${message} ${skipped} SKIPPED on this machine.\n`)
  return false
}

/** Whether `program` is an executable file in a folder on PATH, where spawn and execFile look for it. */
export function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    if (dir === '') return false
    const file = path.join(dir, program)
    try {
      accessSync(file, constants.X_OK)
      return statSync(file).isFile()
    } catch {
      return false
    }
  })
}

/**
 * Whether the system programs `programs` (from the Debian packages `packages`) are all on
 * PATH, by the rule of toolsAvailable: a test that runs one is skipped with a warning where
 * one is missing, and fails the run in CI.
 */
export function programsAvailable(programs: readonly string[], packages: string, skipped: string): boolean {
  const missing = programs.filter((program) => !onPath(program))
  return toolsAvailable(missing.length === 0 ? [] : [`${missing.join(', ')} (apt-get install ${packages})`], skipped)
}
