/** Runs one `npm run peiling -- <name>` command in-process on a test database and returns what it printed. */
import { PassThrough } from 'node:stream'
import type { CommandContext } from '#src/cli/command.ts'
import { COMMANDS } from '#src/cli/commands/index.ts'

export async function runCommand(
  name: string,
  args: string[],
  context: Pick<CommandContext, 'config' | 'database'>,
): Promise<string> {
  const command = COMMANDS.find((c) => c.name === name)!
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  await command.run(args, { ...context, out })
  return Buffer.concat(chunks).toString('utf8')
}
