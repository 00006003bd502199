import type { Command } from '#src/cli/command.ts'

export const migrate: Command = {
  name: 'migrate',
  summary: 'Bring the database up to date (the server also does this at start).',
  usage: 'migrate',
  async run(_args, { database, out }) {
    await database()
    out.write('Database is up to date.\n')
  },
}
