import { parseArgs } from 'node:util'
import type { Command } from '#src/cli/command.ts'
import { UsageError } from '#src/cli/command.ts'
import { purgeExpiredRounds, purgeRound } from '#src/server/services/rounds/purge.ts'

export const purgeCommand: Command = {
  name: 'purge',
  summary:
    'Delete the personal data (names, addresses, codes) of closed rounds past their retention date (--expired, for a daily cron job), or of one closed round now (--round N --confirm). Counts and answers stay.',
  usage: 'purge --expired | purge --round N --confirm',
  async run(args, { database, config, out }) {
    const { values } = parseArgs({
      args,
      options: { expired: { type: 'boolean' }, round: { type: 'string' }, confirm: { type: 'boolean' } },
    })
    const actor = { id: null, username: 'cli' }
    if (values.expired) {
      if (values.round) throw new UsageError('Use either --expired or --round, not both.')
      const { db } = await database()
      const done = await purgeExpiredRounds(db, config, actor)
      if (done.length === 0) out.write('No closed round is past its retention date.\n')
      for (const r of done)
        out.write(`Round ${r.id} (${r.name}): personal data of ${r.participants} participants deleted.\n`)
      return
    }
    const roundId = Number(values.round)
    if (!Number.isInteger(roundId) || roundId < 1)
      throw new UsageError('--round: the number of the round, or --expired')
    if (!values.confirm)
      throw new UsageError('This cannot be undone: add --confirm to delete the personal data of this round.')
    const { db } = await database()
    const result = await purgeRound(db, config, actor, roundId, 'confirmed')
    if (!result.ok)
      throw new UsageError(
        result.problem === 'notFound'
          ? `There is no round ${roundId}.`
          : `Round ${roundId} is not closed: close it first (round close ${roundId}, or on the round page).`,
      )
    out.write(`Round ${roundId}: personal data of ${result.participants} participants deleted.\n`)
  },
}
