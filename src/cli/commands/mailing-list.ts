import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import type { Command } from '#src/cli/command.ts'
import { UsageError } from '#src/cli/command.ts'
import { checkOutputFile } from '#src/cli/output-paths.ts'
import { cliActor, roundOption } from '#src/cli/fieldwork.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { mailingHistory } from '#src/server/services/fieldwork/mailings.ts'
import { mailingListCsv } from '#src/server/services/fieldwork/mailing-list.ts'

export const mailingListCommand: Command = {
  name: 'mailing-list',
  summary:
    "Write a letter mailing's list for a print shop (CSV: code, personal URL, name, address, by postcode); default the invitation letters.",
  usage: 'mailing-list --round N [--mailing M] --out FILE.csv',
  async run(args, { database, config, out }) {
    const { values } = parseArgs({
      args,
      options: { round: { type: 'string' }, mailing: { type: 'string' }, out: { type: 'string' } },
    })
    if (!values.out) throw new UsageError('--out: the CSV file to write')
    checkOutputFile(values.out)
    const { db } = await database()
    const round = await roundOption(db, values.round)
    const letters = (await mailingHistory(db, round.id)).filter((m) => m.channel === 'letter')
    const mailing =
      values.mailing === undefined
        ? letters.find((m) => m.kind === 'invitation')
        : letters.find((m) => String(m.id) === values.mailing)
    if (!mailing)
      throw new UsageError(
        `No such letter mailing in round ${round.id}; make the letters first (letters --round ${round.id}).`,
      )
    await audit(db, cliActor(), 'mailing-list.download', { mailingId: mailing.id }, round.id)
    await pipeline(mailingListCsv(db, mailing.id, config.publicUrl), createWriteStream(values.out, { mode: 0o600 }))
    out.write(`Wrote ${mailing.recipients} lines to ${values.out}.\n`)
  },
}
