import type { AppConfig } from '#src/server/config.ts'
import type { DatabaseHandle } from '#src/server/db/connect.ts'

export interface CommandContext {
  config: AppConfig
  /** Opens (and migrates) the database on first use; the data folder lock applies. */
  database(): Promise<DatabaseHandle>
  /** Progress and results for the person at the terminal. */
  out: NodeJS.WritableStream
}

export interface Command {
  name: string
  /** One line for `npm run peiling -- help`. */
  summary: string
  /** Usage lines, e.g. `import --round 1 clients.csv`. */
  usage: string
  run(args: string[], context: CommandContext): Promise<void>
}

/** Thrown for wrong use; main prints the message and the usage, and exits with 2. */
export class UsageError extends Error {}

/**
 * Thrown when the command was used right but the data do not allow it (a round in the
 * wrong state, a file with mistakes): main prints the message, without the usage, and exits with 1.
 */
export class RefusedError extends Error {}
