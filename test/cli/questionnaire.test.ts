import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runCommand } from './_run-command.ts'
import { testConfig } from '#test/helpers/app.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import { loadKto } from '#test/questionnaire/kto.ts'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { RefusedError, UsageError } from '#src/cli/command.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'

let handle: DatabaseHandle
const kto = loadKto()
const folder = mkdtempSync(path.join(tmpdir(), 'peiling-cli-questionnaire-'))

beforeAll(async () => {
  handle = await createTestDatabase()
  await installShippedQuestionnaires(handle.db)
})
afterAll(async () => handle.close())

function run(args: string[]): Promise<string> {
  return runCommand('questionnaire', args, { config: testConfig(), database: async () => handle })
}

async function stored(version: number) {
  return handle.db
    .selectFrom('questionnaires')
    .select(['definition', 'origin', 'uploaded_by'])
    .where('key', '=', 'kto-participatiewet')
    .where('version', '=', version)
    .executeTakeFirst()
}

describe('npm run peiling -- questionnaire', () => {
  it('export writes the version as YAML; import of the edited file stores it as a new version, logged', async () => {
    const file = path.join(folder, 'kto.yaml')
    const output = await run(['export', '--id', 'kto-participatiewet', '--version', String(kto.version), '--out', file])
    expect(output).toBe(`Written: ${file}\n`)
    const text = readFileSync(file, 'utf8')
    expect(parse(text)).toEqual(kto)

    const edited = path.join(folder, 'kto-3.yml')
    writeFileSync(edited, text.replace('\nversion: 2\n', '\nversion: 3\n'))
    expect(await run(['import', edited])).toBe(
      'Imported questionnaire kto-participatiewet version 3: Wat vindt u van Werk en Inkomen?\n' +
        'See /beheer/vragenlijsten/kto-participatiewet/3\n',
    )
    expect(await stored(3)).toEqual({
      definition: { ...kto, version: 3 },
      origin: 'uploaded',
      uploaded_by: expect.stringMatching(/^cli:/),
    })
    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'questionnaire.upload')
      .execute()
    expect(audit).toEqual([
      {
        action: 'questionnaire.upload',
        details: {
          name: 'kto-participatiewet',
          version: 3,
          questionnaireId: expect.any(Number),
          format: 'yaml',
          replaced: false,
        },
      },
    ])

    // The same version again is refused, in Dutch, and only replaced with --replace.
    await expect(run(['import', edited])).rejects.toThrow(
      new RefusedError(
        `${edited}: Versie 3 van kto-participatiewet bestaat al. Geef het bestand een nieuw versienummer. Of vink aan dat u deze versie wilt vervangen.`,
      ),
    )
    expect(await run(['import', edited, '--replace'])).toMatch(/^Replaced questionnaire kto-participatiewet version 3/)
  })

  it('import refuses a faulty file with every fault and its line, and stores nothing', async () => {
    const file = path.join(folder, 'fout.yaml')
    writeFileSync(
      file,
      [
        'id: fout',
        'version: 1',
        'languages: [nl]',
        'title:',
        '  nl: Fout',
        'sections:',
        '  - id: a',
        '    titel:',
        '      nl: A',
        '    questions: []',
        '',
      ].join('\n'),
    )
    const refused = run(['import', file])
    await expect(refused).rejects.toThrow(RefusedError)
    const message = await refused.catch((e: Error) => e.message)
    expect(message.split('\n')).toEqual([
      `${file}: Het bestand is niet opgeslagen. Er is niets veranderd. Verbeter deze punten en upload het opnieuw:`,
      expect.stringMatching(/^ {2}Regel 7, bij sections\[0\]\.title: /),
      expect.stringMatching(/^ {2}Regel 8, bij sections\[0\]\.titel: .*"title"/),
      expect.stringMatching(/^ {2}Regel 10, bij sections\[0\]\.questions: /),
    ])
    const keys = await handle.db.selectFrom('questionnaires').select('key').where('key', '=', 'fout').execute()
    expect(keys).toEqual([])
  })

  it('says what is wrong with the command itself', async () => {
    await expect(run(['export', '--id', 'kto-participatiewet', '--version', '99', '--out', '-'])).rejects.toThrow(
      new UsageError('There is no questionnaire kto-participatiewet version 99 (see /beheer/vragenlijsten).'),
    )
    await expect(
      run(['export', '--id', 'kto-participatiewet', '--version', '2', '--format', 'pdf', '--out', '-']),
    ).rejects.toThrow(UsageError)
    await expect(run(['import'])).rejects.toThrow(UsageError)
    await expect(run(['import', path.join(folder, 'kto.yaml'), '--based-on', 'kto'])).rejects.toThrow(UsageError)
  })
})
