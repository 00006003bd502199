import { parseArgs } from 'node:util'
import type { Command } from '#src/cli/command.ts'
import { cliActor, roundOption, sendQueuedEmail } from '#src/cli/fieldwork.ts'
import { createMailings, eligibleCounts, mailingHistory } from '#src/server/services/fieldwork/mailings.ts'

export const sendEmailCommand: Command = {
  name: 'send-email',
  summary:
    'E-mail the invitation to participants with an address (once per round), then send what is queued; without --round only works the queue.',
  usage: 'send-email [--round N]',
  async run(args, { database, config, out }) {
    const { values } = parseArgs({ args, options: { round: { type: 'string' } } })
    const { db } = await database()
    let mailingId: number | undefined
    if (values.round !== undefined) {
      const round = await roundOption(db, values.round)
      const existing = (await mailingHistory(db, round.id)).find(
        (m) => m.kind === 'invitation' && m.channel === 'email',
      )
      if (existing) {
        out.write(
          `The e-mail invitation of round ${round.id} was made before (mailing ${existing.id}); sending what is still queued.\n`,
        )
        mailingId = existing.id
      } else if ((await eligibleCounts(db, round.id, 'invitation', 'email')).every((s) => s.count === 0)) {
        out.write('Nobody in the sample has an e-mail address.\n')
        return
      } else {
        const [made] = await createMailings(db, round.id, 'invitation', ['email'], {
          actor: cliActor(),
          publicUrl: config.publicUrl,
        })
        out.write(`Made e-mail mailing ${made!.mailingId}: ${made!.recipients} e-mails.\n`)
        mailingId = made!.mailingId
      }
    }
    if (!(await sendQueuedEmail(db, config, mailingId, out))) process.exitCode = 1
  },
}
