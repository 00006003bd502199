import { parseArgs } from 'node:util'
import type { Command } from '../command.js'
import { letterMailingOption, makePrintFiles, roundOption } from '../fieldwork.js'

export const paperFormsCommand: Command = {
  name: 'paper-forms',
  summary: 'Make the printed questionnaires of the invitation letters (code and barcode on every page, same order as the letters), with a progress line.',
  usage: 'paper-forms --round N [--mailing M] [--again] [--out DIR]',
  async run(args, { database, config, out }) {
    const { values } = parseArgs({ args, options: { round: { type: 'string' }, mailing: { type: 'string' }, again: { type: 'boolean' }, out: { type: 'string' } } })
    const { db } = await database()
    const round = await roundOption(db, values.round)
    const mailingId = await letterMailingOption(db, config, round, values.mailing, out)
    await makePrintFiles(db, config, round, mailingId, 'questionnaires', { again: Boolean(values.again), copyTo: values.out }, out)
  },
}
