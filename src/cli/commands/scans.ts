/**
 * `scans import --round N FILE…`: scan files from the terminal, through the same services
 * as /invoer/scans: each file is stored (all its pages or none) and read at once. Prints
 * per file the pages stored and read, each page that could not be used (in Dutch, as on
 * the page), and the forms now ready to check on /invoer/scans.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Command } from '#src/cli/command.ts'
import { RefusedError, UsageError } from '#src/cli/command.ts'
import { roundOption, translator } from '#src/cli/fieldwork.ts'
import { readPendingScans } from '#src/server/services/scans/read-scans.ts'
import { ScanUploadError, storeScan } from '#src/server/services/scans/store-scan.ts'

const nl = translator('nl')

export const scansCommand: Command = {
  name: 'scans',
  summary:
    'Store and read scanned paper forms (PDF, TIFF, PNG, JPEG) into a round; lists pages that could not be used and forms ready to check.',
  usage: 'scans import --round N FILE…',
  async run(args, { database, out }) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { round: { type: 'string' } } })
    const [step, ...files] = positionals
    if (step !== 'import') throw new UsageError('Say what to do: scans import --round N FILE…')
    if (files.length === 0) throw new UsageError('Name one or more scan files.')
    const { db } = await database()
    const round = await roundOption(db, values.round)
    let refused = 0
    for (const file of files) {
      const name = path.basename(file)
      let stored: { batchId: number; pages: number }
      try {
        stored = await storeScan(db, { bytes: await readFile(file), fileName: name, roundId: round.id, staffId: null })
      } catch (error) {
        if (!(error instanceof ScanUploadError)) throw error
        refused++
        out.write(`${name}: ${nl(`typist.scans.uploadErrors.${error.key}`, error.params)}\n`)
        continue
      }
      const run = await readPendingScans(db, { batchIds: [stored.batchId] })
      const problems = await db
        .selectFrom('scan_pages')
        .select(['position', 'problem'])
        .where('batch_id', '=', stored.batchId)
        .where('status', '=', 'problem')
        .orderBy('position')
        .execute()
      out.write(
        `${name}: ${stored.pages} pages stored, ${run.pages} read, ${run.problems} with a problem, ${run.formsReady} forms ready to check.\n`,
      )
      for (const p of problems)
        out.write(
          `  ${nl('typist.scans.position', { position: p.position })}: ${nl(`typist.scans.problems.${p.problem!}`)}\n`,
        )
    }
    if (refused > 0) throw new RefusedError(`${refused} of ${files.length} files refused; nothing of those was stored.`)
  },
}
