import { readFile } from 'node:fs/promises'
import type { Command } from '#src/cli/command.ts'
import { RefusedError, UsageError } from '#src/cli/command.ts'
import { translator } from '#src/i18n/translate.ts'
import type { PrintCheck } from '#src/print-check/index.ts'
import { checkPrintFile, PdfReadError } from '#src/print-check/index.ts'
import { describeProblem, summaryLines } from '#src/print-check/describe.ts'

export const checkPrintCommand: Command = {
  name: 'check-print',
  summary:
    'Check a collated print file, or a scan of the printed stack: every sheet out of sequence, every missing sheet, every set whose letter and form codes differ; exit code 1 on problems.',
  usage: 'check-print FILE.pdf',
  async run(args, { out }) {
    if (args.length !== 1 || args[0]!.startsWith('-')) throw new UsageError('the PDF file to check')
    const t = translator('en')
    let check: PrintCheck
    try {
      check = await checkPrintFile(await readFile(args[0]!))
    } catch (error) {
      if (error instanceof PdfReadError)
        throw new RefusedError(`${t('fieldwork.printCheck.notPdf')} (${error.message})`)
      throw error
    }
    for (const line of summaryLines(t, check)) out.write(`${line}\n`)
    for (const problem of check.problems) out.write(`${describeProblem(t, problem)}\n`)
    if (check.problems.length > 0 || check.sheets === 0) process.exitCode = 1
  },
}
