/**
 * The retention date is a promise to respondents (DESIGN.md): personal data of a closed
 * round goes when the date has passed, whether or not someone runs `purge --expired`.
 * The running app checks at start and every hour. Several instances may check at once:
 * `purgeRound` locks the round and purges only a closed one, so a round is purged once.
 * The same check drops the counts of failed sign-in attempts older than a day.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { AppConfig } from '#src/server/config.ts'
import type { DB } from '#src/server/db/connect.ts'
import { runInBackground } from './background.ts'
import { pruneAttempts } from '#src/server/services/attempt-limiter.ts'
import { purgeExpiredRounds } from '#src/server/services/rounds/purge.ts'

type Log = Pick<FastifyBaseLogger, 'error' | 'info'>

const HOUR = 60 * 60 * 1000

function purgeExpiredInBackground(db: DB, config: AppConfig, log: Log): void {
  runInBackground(
    db,
    'retention-purge',
    async () => {
      // Failed attempts name addresses and user names; after a day they limit nothing.
      await pruneAttempts(db)
      const done = await purgeExpiredRounds(db, config, { id: null, username: 'system' })
      for (const round of done)
        log.info(
          { roundId: round.id, participants: round.participants },
          'personal data of a round past its retention date deleted',
        )
    },
    (err) => log.error({ err }, 'purging rounds past their retention date failed'),
  )
}

/** Checks now and every `intervalMs`; returns a function that stops the checks. */
export function startRetentionPurge(db: DB, config: AppConfig, log: Log, intervalMs = HOUR): () => void {
  purgeExpiredInBackground(db, config, log)
  const timer = setInterval(() => purgeExpiredInBackground(db, config, log), intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
