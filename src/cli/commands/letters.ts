import { parseArgs } from 'node:util'
import type { Command } from '../command.js'
import { letterMailingOption, makePrintFiles, roundOption } from '../fieldwork.js'

export const lettersCommand: Command = {
  name: 'letters',
  summary: 'Make the letters PDF (one per municipality, by postcode) with a progress line: the invitation letters (made now if needed), or a given mailing; --again remakes them (same codes).',
  usage: 'letters --round N [--mailing M] [--again] [--out DIR]',
  async run(args, { database, config, out }) {
    const { values } = parseArgs({ args, options: { round: { type: 'string' }, mailing: { type: 'string' }, again: { type: 'boolean' }, out: { type: 'string' } } })
    const { db } = await database()
    const round = await roundOption(db, values.round)
    const mailingId = await letterMailingOption(db, config, round, values.mailing, out)
    await makePrintFiles(db, config, round, mailingId, 'letters', { again: Boolean(values.again), copyTo: values.out }, out)
  },
}
