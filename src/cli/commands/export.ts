import { createWriteStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Command } from '#src/cli/command.ts'
import { UsageError } from '#src/cli/command.ts'
import type { ExportFormat } from '#src/server/services/reporting/exports.ts'
import { EXPORT_FORMATS } from '#src/server/services/reporting/exports.ts'
import { exportFile } from '#src/server/services/reporting/export-files.ts'
import { isStaffLanguage, translator } from '#src/i18n/translate.ts'
import { checkOutputFile } from '#src/cli/output-paths.ts'
import { waitingResponses } from '#src/server/services/responses/release-responses.ts'

export const exportCommand: Command = {
  name: 'export',
  summary:
    'Write the anonymous responses of a round (CSV, XLSX), its codebook or SPSS syntax to a file; logged in the audit log.',
  usage:
    'export --round N [--format csv|xlsx|codebook|spss-data|spss] [--partial] [--lang nl|en] [--out FILE | --out -] [--data FILE.csv]\n' +
    "  csv is for spreadsheets (formula-like texts get a leading '); spss-data has every text as written, for SPSS, PSPP and R\n" +
    '  --data (spss): the spss-data CSV the syntax reads; default: --out with .csv for .sps (data.sps reads data.csv)',
  async run(args, { database, out }) {
    const { values } = parseArgs({
      args,
      options: {
        round: { type: 'string' },
        format: { type: 'string', default: 'csv' },
        partial: { type: 'boolean' },
        lang: { type: 'string', default: 'nl' },
        out: { type: 'string' },
        data: { type: 'string' },
      },
    })
    const roundId = Number(values.round)
    if (!Number.isInteger(roundId) || roundId < 1) throw new UsageError('--round: the number of the round')
    const format = values.format as ExportFormat
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format: one of ${EXPORT_FORMATS.join(', ')}`)
    if (!isStaffLanguage(values.lang)) throw new UsageError('--lang: nl or en')
    if (values.out && values.out !== '-') checkOutputFile(values.out)
    if (values.data !== undefined && format !== 'spss') throw new UsageError('--data: only with --format spss')
    const { db } = await database()
    const file = await exportFile(
      db,
      { id: null, username: 'cli' },
      roundId,
      format,
      { includePartial: values.partial === true, ...spssDataFile(format, values.out, values.data) },
      translator(values.lang),
      values.lang,
    )
    if (!file) throw new UsageError(`There is no round ${roundId}.`)
    const target = values.out ?? file.fileName
    if (target === '-') {
      if (typeof file.body === 'string' || Buffer.isBuffer(file.body)) out.write(file.body)
      else await pipeline(file.body, out, { end: false })
      return
    }
    if (typeof file.body === 'string' || Buffer.isBuffer(file.body)) await writeFile(target, file.body)
    else await pipeline(file.body as Readable, createWriteStream(target))
    out.write(`Written: ${target}\n`)
    const waiting = await waitingResponses(db, roundId)
    if (waiting.count > 0)
      out.write(
        `Not included yet: ${waiting.count} completed responses waiting to be added (once ${waiting.batchSize} wait, or when the round closes).\n`,
      )
  },
}

/**
 * The CSV that SPSS syntax reads: --data as given, or the syntax file's own name with
 * .csv, which the syntax finds beside it (PSPP opens a relative name from where it runs).
 */
function spssDataFile(format: ExportFormat, out: string | undefined, data: string | undefined): { dataFile?: string } {
  if (format !== 'spss') return {}
  if (data !== undefined) return { dataFile: data }
  if (out && out !== '-' && out.endsWith('.sps')) return { dataFile: path.basename(out).replace(/\.sps$/, '.csv') }
  return {}
}
