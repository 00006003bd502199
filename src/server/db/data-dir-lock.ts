/**
 * PGlite has no lock of its own: two processes on one data folder silently lose rows.
 * The first process takes this lock; a second start fails with a clear message.
 */
import { mkdirSync } from 'node:fs'
import lockfile from 'proper-lockfile'

export class DataDirInUseError extends Error {
  constructor(dir: string) {
    super(
      `The data folder ${dir} is in use by another Peiling process. ` +
        'Stop that process first, or set DATA_DIR to another folder (or DATABASE_URL for a PostgreSQL server).',
    )
    this.name = 'DataDirInUseError'
  }
}

/** Returns the function that releases the lock. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true })
  try {
    // A lock older than `stale` ms whose owner stopped updating it (a killed process) is taken over.
    return await lockfile.lock(dir, { lockfilePath: `${dir}/.peiling.lock`, stale: 10_000, update: 2_000 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirInUseError(dir)
    throw error
  }
}
