import { parseArgs } from 'node:util'
import type { Command } from '#src/cli/command.ts'
import { UsageError } from '#src/cli/command.ts'
import { purgeExpiredRounds, purgeRound } from '#src/server/services/rounds/purge.ts'
import { purgeEffects } from '#src/server/services/rounds/step-effects.ts'

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
    const { db } = await database()
    const notClosed = (problem: 'notFound' | 'notClosed') =>
      new UsageError(
        problem === 'notFound'
          ? `There is no round ${roundId}.`
          : `Round ${roundId} is not closed: close it first (round close ${roundId}, or on the round page).`,
      )
    if (!values.confirm) {
      const round = await db.selectFrom('rounds').select('status').where('id', '=', roundId).executeTakeFirst()
      if (!round) throw notClosed('notFound')
      if (round.status !== 'closed') throw notClosed('notClosed')
      // What would go, and nothing goes: the same numbers as the round page's confirmation.
      const { participants } = await purgeEffects(db, roundId)
      out.write(
        `Round ${roundId}: the name, address, e-mail address, client number and code of ${participants} people would be deleted, with the letters and e-mails on disk. Counts and answers stay.\n` +
          'Nothing deleted. This cannot be undone: run again with --confirm to delete the personal data of this round.\n',
      )
      process.exitCode = 1
      return
    }
    const result = await purgeRound(db, config, actor, roundId, 'confirmed')
    if (!result.ok) throw notClosed(result.problem)
    out.write(`Round ${roundId}: personal data of ${result.participants} participants deleted.\n`)
  },
}
