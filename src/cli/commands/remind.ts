import { parseArgs } from 'node:util'
import type { Command } from '#src/cli/command.ts'
import { UsageError } from '#src/cli/command.ts'
import {
  cliActor,
  makePrintFiles,
  makeTestPrints,
  refusingIncomplete,
  roundOption,
  sendQueuedEmail,
  translator,
} from '#src/cli/fieldwork.ts'
import { prepareOutputFolder } from '#src/cli/output-paths.ts'
import type { Channel } from '#src/server/services/fieldwork/mailings.ts'
import { createMailings, eligibleCounts, MailingRefusedError } from '#src/server/services/fieldwork/mailings.ts'

export const remindCommand: Command = {
  name: 'remind',
  summary:
    'A reminder to everyone who has not taken part (online or paper), never to opted-out or returned letters: shows the count per municipality; --confirm makes it (letters PDF and/or e-mails); --with-forms adds a fresh paper form to each letter (collated sets, or apart with --separate); --test-print makes a marked test print instead.',
  usage:
    'remind --round N --channel letter|email|both [--with-forms] [--separate] [--confirm] | remind --round N --test-print [--out DIR]',
  async run(args, { database, config, out }) {
    const { values } = parseArgs({
      args,
      options: {
        round: { type: 'string' },
        channel: { type: 'string' },
        confirm: { type: 'boolean' },
        'test-print': { type: 'boolean' },
        out: { type: 'string' },
        'with-forms': { type: 'boolean' },
        separate: { type: 'boolean' },
      },
    })
    if (values['test-print']) {
      if (values.out) prepareOutputFolder(values.out)
      const { db } = await database()
      const round = await roundOption(db, values.round)
      await makeTestPrints(db, config, round, 'reminder', 'letters', values.out, out)
      return
    }
    const channels: Channel[] | undefined = {
      letter: ['letter'] as Channel[],
      email: ['email'] as Channel[],
      both: ['letter', 'email'] as Channel[],
    }[values.channel ?? '']
    if (!channels) throw new UsageError('--channel: letter, email or both')
    const { db } = await database()
    const round = await roundOption(db, values.round)
    for (const channel of channels) {
      const counts = await eligibleCounts(db, round.id, 'reminder', channel)
      out.write(`Reminder by ${channel}, as things stand now:\n`)
      for (const s of counts) out.write(`  ${s.name}: ${s.count}\n`)
      out.write(`  Total: ${counts.reduce((n, s) => n + s.count, 0)}\n`)
    }
    if (!values.confirm) {
      out.write('Nothing made yet. Run again with --confirm to make the reminder.\n')
      return
    }
    try {
      const made = await refusingIncomplete(() =>
        createMailings(db, round.id, 'reminder', channels, {
          actor: cliActor(),
          publicUrl: config.publicUrl,
          forms: Boolean(values['with-forms']),
          layout: values.separate ? 'separate' : 'sets',
        }),
      )
      for (const m of made) {
        out.write(`Made reminder mailing ${m.mailingId} by ${m.channel}: ${m.recipients}.\n`)
        if (m.channel === 'letter')
          await makePrintFiles(
            db,
            config,
            round,
            m.mailingId,
            ['sets', 'letters', 'questionnaires'],
            { again: false },
            out,
          )
        else if (!(await sendQueuedEmail(db, config, m.mailingId, out))) process.exitCode = 1
      }
    } catch (error) {
      if (error instanceof MailingRefusedError)
        throw new UsageError(translator('nl')(`fieldwork.mailings.refused.${error.key}`))
      throw error
    }
  },
}
