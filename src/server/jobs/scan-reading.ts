/**
 * Reading uploaded scans after the upload has been answered. The pages wait in the
 * database (status pending), so a restart, or another instance's poll, goes on where
 * reading stopped.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { DB } from '#src/server/db/connect.ts'
import { runInBackground } from './background.ts'
import { readPendingScans } from '#src/server/services/scans/read-scans.ts'

type Log = Pick<FastifyBaseLogger, 'error' | 'info'>

export function startScanReading(db: DB, log: Log): void {
  runInBackground(
    db,
    'scan-reading',
    async () => {
      const run = await readPendingScans(db)
      // Counts only: no codes in the log.
      if (run.pages > 0) log.info({ ...run }, 'scanned pages read')
    },
    (err) => log.error({ err }, 'reading scanned pages failed'),
  )
}
