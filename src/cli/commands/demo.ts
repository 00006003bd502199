import type { Command } from '#src/cli/command.ts'
import { listDemoCodes } from '#src/server/services/rounds/demo-round.ts'
import { demoCodeLines } from '#src/server/services/rounds/demo-output.ts'

export const demoCommand: Command = {
  name: 'demo',
  summary: "Print the demo round's login codes with their links (the start output prints them too).",
  usage: 'demo',
  async run(_args, { database, config, out }) {
    const { db } = await database()
    const demo = await listDemoCodes(db)
    if (!demo) {
      out.write(
        'There is no demo round with participants: it is made at the first start with DEMO=true, and its codes go when its personal data are deleted.\n',
      )
      return
    }
    out.write(`${demoCodeLines(config.publicUrl, demo).join('\n')}\n`)
  },
}
