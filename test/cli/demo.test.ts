import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommand } from './_run-command.ts'
import { testConfig } from '#test/helpers/app.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { createDemoRoundIfEmpty } from '#src/server/services/rounds/demo-round.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'

let handle: DatabaseHandle

beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(async () => handle.close())

function run(name: string, args: string[]): Promise<string> {
  return runCommand(name, args, { config: testConfig(), database: async () => handle })
}

describe('npm run peiling -- demo', () => {
  it('says there is no demo round on a database without one', async () => {
    expect(await run('demo', [])).toMatch(/^There is no demo round with participants/)
  })

  it('prints every demo login code with its link, and no password', async () => {
    const demo = (await createDemoRoundIfEmpty(handle.db, await installShippedQuestionnaires(handle.db)))!
    const output = await run('demo', [])
    expect(output).toContain(`Demo round ${demo.roundId}: login codes for respondents`)
    for (const c of demo.codes)
      expect(output).toContain(
        `  ${c.code}   http://peiling.test/c/${c.code.replace('-', '')}   (${c.name}, ${c.stratum})`,
      )
    expect(output.trim().split('\n')).toHaveLength(6)
    for (const account of demo.staff) expect(output).not.toContain(account.password)
  })
})
