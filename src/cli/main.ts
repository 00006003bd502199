/**
 * `npm run peiling -- <command> [options]`: batch work from the terminal.
 * Uses the same configuration (environment variables) as the server.
 */
import { loadConfig } from '#src/server/config.ts'
import { openDatabase } from '#src/server/db/open.ts'
import { DataDirInUseError } from '#src/server/db/data-dir-lock.ts'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { refreshCorrectedTexts } from '#src/server/services/translations/translation-store.ts'
import { RefusedError, UsageError } from './command.ts'
import { describeFileError, isUserPathError } from './output-paths.ts'
import { COMMANDS } from './commands/index.ts'

function help(): string {
  const lines = ['Usage: npm run peiling -- <command> [options]', '', 'Commands:']
  for (const c of COMMANDS) lines.push(`  ${c.usage}`, `      ${c.summary}`)
  return `${lines.join('\n')}\n`
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    process.stdout.write(help())
    return name === undefined || name === 'help' ? 0 : 2
  }
  const config = loadConfig()
  let handle: DatabaseHandle | undefined
  try {
    await command.run(args, {
      config,
      out: process.stdout,
      database: async () => {
        if (handle) return handle
        handle = await openDatabase(config)
        // Letters and e-mails made here carry the texts researchers corrected, as the app's do.
        await refreshCorrectedTexts(handle.db)
        return handle
      },
    })
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nUsage: npm run peiling -- ${command.usage}\n`)
      return 2
    }
    if (error instanceof RefusedError || error instanceof DataDirInUseError) {
      process.stderr.write(`${error.message}\n`)
      return 1
    }
    if (isUserPathError(error)) {
      process.stderr.write(`Cannot use ${error.path}: ${describeFileError(error)}.\n`)
      return 1
    }
    throw error
  } finally {
    await handle?.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
