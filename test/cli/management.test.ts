import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommand } from './_run-command.ts'
import { testConfig } from '#test/helpers/app.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { UsageError } from '#src/cli/command.ts'
import { runProgram } from '#test/helpers/programs.ts'
import { programsAvailable } from '#test/setup/environment.ts'
import type { SeededRound } from '#test/server/routes/beheer/seed.ts'
import { seedRound, PERSONAL_MARK } from '#test/server/routes/beheer/seed.ts'

let handle: DatabaseHandle
let round: SeededRound

beforeAll(async () => {
  handle = await createTestDatabase()
  round = await seedRound(handle.db, [{ code: 'hengelo', name: 'Hengelo', invited: 20, online: 3, paper: 2 }])
})
afterAll(async () => handle.close())

function run(name: string, args: string[]): Promise<string> {
  return runCommand(name, args, { config: testConfig(), database: async () => handle })
}

describe('npm run peiling -- export', () => {
  it('writes the CSV to a file and logs it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'peiling-cli-'))
    const file = path.join(dir, 'data.csv')
    expect(await run('export', ['--round', String(round.roundId), '--out', file])).toBe(`Written: ${file}\n`)
    const csv = readFileSync(file, 'utf8')
    expect(csv.startsWith('\uFEFFstratum;modus;golf;taal;status;')).toBe(true)
    expect(csv.trim().split('\r\n')).toHaveLength(6)
    expect(csv).not.toContain(PERSONAL_MARK)
    const entry = await handle.db
      .selectFrom('audit_log')
      .select(['username', 'details'])
      .where('action', '=', 'export.download')
      .executeTakeFirstOrThrow()
    expect(entry).toEqual({ username: 'cli', details: { format: 'csv', includePartial: false, rows: 5 } })
  })

  it('says how many completed responses the file does not have yet', async () => {
    await handle.db.updateTable('rounds').set({ release_batch_size: 10 }).where('id', '=', round.roundId).execute()
    await handle.db
      .insertInto('responses_waiting')
      .values({
        round_id: round.roundId,
        stratum_id: round.strata.get('hengelo')!,
        mode: 'paper',
        status: 'complete',
        answers: JSON.stringify({}),
        language: 'nl',
        wave: null,
      })
      .execute()
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'peiling-cli-')), 'data.csv')
    try {
      expect(await run('export', ['--round', String(round.roundId), '--out', file])).toBe(
        `Written: ${file}\nNot included yet: 1 completed responses waiting to be added (once 10 wait, or when the round closes).\n`,
      )
      expect(readFileSync(file, 'utf8').trim().split('\r\n')).toHaveLength(6)
    } finally {
      await handle.db.deleteFrom('responses_waiting').execute()
    }
  })

  it.skipIf(!programsAvailable(['pspp'], 'pspp', 'Running the SPSS syntax in PSPP is'))(
    'writes SPSS syntax that reads the data file written beside it, as the README shows',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'peiling-cli-'))
      const roundArgs = ['--round', String(round.roundId)]
      await run('export', [...roundArgs, '--format', 'spss-data', '--out', path.join(dir, 'data.csv')])
      await run('export', [...roundArgs, '--format', 'spss', '--out', path.join(dir, 'data.sps')])
      expect(readFileSync(path.join(dir, 'data.sps'), 'utf8')).toContain("/FILE='data.csv'")
      const { stdout } = await runProgram('pspp', ['-o', path.join(dir, 'out.txt'), 'data.sps'], { cwd: dir })
      const listing = readFileSync(path.join(dir, 'out.txt'), 'utf8') + stdout
      expect(listing).not.toMatch(/error|warning|could not open/i)
      // --data names another file, for a CSV kept elsewhere.
      await run('export', [
        ...roundArgs,
        '--format',
        'spss',
        '--out',
        path.join(dir, 'x.sps'),
        '--data',
        '../csv/d.csv',
      ])
      expect(readFileSync(path.join(dir, 'x.sps'), 'utf8')).toContain("/FILE='../csv/d.csv'")
      await expect(run('export', [...roundArgs, '--format', 'csv', '--data', 'd.csv'])).rejects.toThrow(/--data/)
    },
  )

  it('writes SPSS syntax to standard output', async () => {
    const syntax = await run('export', ['--round', String(round.roundId), '--format', 'spss', '--out', '-'])
    expect(syntax).toContain('GET DATA')
  })

  it('explains wrong use', async () => {
    await expect(run('export', ['--round', 'x'])).rejects.toThrow(UsageError)
    await expect(run('export', ['--round', String(round.roundId), '--format', 'pdf'])).rejects.toThrow(/--format/)
    await expect(run('export', ['--round', '99999'])).rejects.toThrow(/no round 99999/)
  })
})

describe('npm run peiling -- purge', () => {
  it('needs a closed round and a confirmation', async () => {
    await expect(run('purge', ['--round', String(round.roundId)])).rejects.toThrow(/not closed/)
    await expect(run('purge', ['--round', String(round.roundId), '--confirm'])).rejects.toThrow(/not closed/)
    await handle.db.updateTable('rounds').set({ status: 'closed' }).where('id', '=', round.roundId).execute()
    // Without --confirm: what would be deleted, nothing deleted, and a failing exit code.
    expect(await run('purge', ['--round', String(round.roundId)])).toContain(
      'client number and code of 20 people would be deleted',
    )
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
    expect(
      await handle.db.selectFrom('participants').select('id').where('round_id', '=', round.roundId).execute(),
    ).toHaveLength(20)
    expect(await run('purge', ['--round', String(round.roundId), '--confirm'])).toBe(
      `Round ${round.roundId}: personal data of 20 participants deleted.\n`,
    )
    expect(
      await handle.db.selectFrom('participants').select('id').where('round_id', '=', round.roundId).execute(),
    ).toEqual([])
  })

  it('purges expired rounds for a cron job', async () => {
    expect(await run('purge', ['--expired'])).toBe('No closed round is past its retention date.\n')
  })
})
