import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Command } from '#src/cli/command.ts'
import { UsageError } from '#src/cli/command.ts'
import { cliActor, roundOption, translator } from '#src/cli/fieldwork.ts'
import { ClientFileError } from '#src/server/services/fieldwork/client-file.ts'
import { readClientFileApart } from '#src/server/services/fieldwork/client-file-reader.ts'
import {
  checkClientFile,
  importBlocker,
  importClients,
  loadRoundForImport,
} from '#src/server/services/fieldwork/client-import.ts'

export const importCommand: Command = {
  name: 'import',
  summary:
    'Import a client file (CSV or XLSX) into a round; reports every bad line; imports nothing unless the file is clean or --skip-errors is given.',
  usage: 'import --round N FILE [--skip-errors]',
  async run(args, { database, out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { round: { type: 'string' }, 'skip-errors': { type: 'boolean' } },
    })
    const file = positionals[0]
    if (!file) throw new UsageError('Name the client file.')
    const nl = translator('nl')
    const bytes = await readFile(file)
    const { db } = await database()
    const round = await roundOption(db, values.round)
    const blocker = await importBlocker(db, round.id)
    if (blocker) throw new UsageError(nl(`fieldwork.import.refused.${blocker.key}`))
    const started = performance.now()
    let check: ReturnType<typeof checkClientFile>
    try {
      check = checkClientFile(await readClientFileApart(bytes), await loadRoundForImport(db, round.id))
    } catch (error) {
      if (error instanceof ClientFileError)
        throw new UsageError(nl(`fieldwork.import.file_errors.${error.key}`, error.params))
      throw error
    }
    for (const p of check.problems) {
      out.write(
        `${nl('fieldwork.import.line')} ${p.line}: ${p.reasons.map((r) => nl(`fieldwork.import.reasons.${r.key}`, r.params)).join('; ')}\n`,
      )
    }
    out.write(`${path.basename(file)}: ${check.rows.length} good lines, ${check.problems.length} bad lines.\n`)
    if (check.problems.length > 0 && !values['skip-errors']) {
      const mostlyBad = check.problems.length * 2 > check.problems.length + check.rows.length
      out.write(
        mostlyBad
          ? `Nothing imported. More than half of the lines are bad: fix the file and import it again. (With --skip-errors ${check.problems.length} lines would be skipped and ${check.rows.length} read in.)\n`
          : `Nothing imported. Fix the file, or run again with --skip-errors: ${check.problems.length} lines would be skipped and ${check.rows.length} read in.\n`,
      )
      process.exitCode = 1
      return
    }
    const result = await importClients(db, round.id, check, {
      skipProblems: Boolean(values['skip-errors']),
      actor: cliActor(),
    })
    for (const s of result.perStratum) out.write(`  ${s.name}: ${s.rows}\n`)
    out.write(
      `Imported ${result.imported} clients into round ${round.id} (${round.name}) in ${Math.round(performance.now() - started)} ms; skipped ${result.skipped} lines.\n`,
    )
  },
}
