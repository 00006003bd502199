/**
 * Starting fieldwork's background work: print files, the e-mail queue and scan reading. Requests call
 * `startPrintFiles` / `startEmailSending` right after queueing work; `startFieldworkWorkers`
 * (from main.ts) also polls, to pick up work left by a restart or by another instance
 * (e.g. e-mails waiting to be retried).
 */
import type { FastifyBaseLogger } from 'fastify'
import type { AppConfig } from '#src/server/config.ts'
import type { DB } from '#src/server/db/connect.ts'
import { backgroundIdle, runInBackground } from './background.ts'
import { startScanReading } from './scan-reading.ts'
import { processEmailQueue } from '#src/server/services/fieldwork/email-queue.ts'
import { createMailTransport } from '#src/server/services/fieldwork/mail-transport.ts'
import { runQueuedLetterBatches } from '#src/server/services/fieldwork/letter-batches.ts'
import { refreshCorrectedTexts } from '#src/server/services/translations/translation-store.ts'

type Log = Pick<FastifyBaseLogger, 'error' | 'info'>

export function startPrintFiles(db: DB, config: AppConfig, log: Log): void {
  runInBackground(
    db,
    'print-files',
    async () => {
      // Letters carry the texts in force: an upload on another instance a moment ago counts.
      await refreshCorrectedTexts(db)
      await runQueuedLetterBatches(db, config)
    },
    (err) => log.error({ err }, 'making print files failed'),
  )
}

export function startEmailSending(db: DB, config: AppConfig, log: Log): void {
  runInBackground(
    db,
    'email',
    async () => {
      await refreshCorrectedTexts(db)
      const transport = createMailTransport(config)
      try {
        const run = await processEmailQueue(db, transport, { publicUrl: config.publicUrl })
        if (run.sent + run.failed + run.uncertain > 0 || run.serverDown) {
          // Counts only: no addresses or names in the log.
          log.info({ ...run }, 'e-mail queue worked')
        }
      } finally {
        transport.close()
      }
    },
    (err) => log.error({ err }, 'e-mail queue failed'),
  )
}

/** Resolves when no fieldwork background work is running. */
export function fieldworkIdle(db: DB): Promise<void> {
  return backgroundIdle(db)
}

/** Polls for fieldwork work every `intervalMs`; returns a function that stops it (waiting a few seconds for running work). */
export function startFieldworkWorkers(db: DB, config: AppConfig, log: Log, intervalMs = 30_000): () => Promise<void> {
  const poll = () => {
    startPrintFiles(db, config, log)
    startEmailSending(db, config, log)
    startScanReading(db, log)
  }
  poll()
  const timer = setInterval(poll, intervalMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    // A long print job is not waited for: its heartbeat stops and the next start takes it up again.
    await Promise.race([fieldworkIdle(db), new Promise((resolve) => setTimeout(resolve, 5000).unref())])
  }
}
