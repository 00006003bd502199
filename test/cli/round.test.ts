import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommand } from './_run-command.ts'
import { testConfig } from '#test/helpers/app.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import { daysFromToday } from '#test/helpers/fixtures.ts'
import { loadKto } from '#test/questionnaire/kto.ts'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { RefusedError, UsageError } from '#src/cli/command.ts'

let handle: DatabaseHandle
/** The version of the shipped KTO: the only one a fresh database has. */
const KTO_VERSION = loadKto().version
const folder = mkdtempSync(path.join(tmpdir(), 'peiling-cli-round-'))

beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(async () => handle.close())

function run(args: string[]): Promise<string> {
  return runCommand('round', args, { config: testConfig(), database: async () => handle })
}

function roundFile(name: string, text: string): string {
  const file = path.join(folder, name)
  writeFileSync(file, text)
  return file
}

const GOOD = `
name: KTO Participatiewet najaar
questionnaire:
  id: kto-participatiewet
  version: ${KTO_VERSION}
municipalities:
  - Hengelo
  - Haaksbergen
  - "'s-Hertogenbosch"
opensOn: ${daysFromToday(0)}
closesOn: ${daysFromToday(28)}
reminderOn: ${daysFromToday(14)}
retentionUntil: ${daysFromToday(120)}
doubleKeying: true
minGroupSize: 4
`

async function roundCount(): Promise<number> {
  return (await handle.db.selectFrom('rounds').select('id').execute()).length
}

async function auditOf(roundId: number) {
  return handle.db
    .selectFrom('audit_log')
    .select(['action', 'username', 'details'])
    .where('round_id', '=', roundId)
    .orderBy('id')
    .execute()
}

describe('npm run peiling -- round', () => {
  let roundId: number

  it('create: makes the round the file describes, as a draft, prints its number and logs it', async () => {
    const output = await run(['create', '--file', roundFile('round.yaml', GOOD)])
    const match =
      /^Created round (\d+) \(in preparation; clients cannot sign in yet\): KTO Participatiewet najaar\n/.exec(output)
    expect(match, output).not.toBeNull()
    roundId = Number(match![1])
    expect(output).toContain(`Open it with: npm run peiling -- round open ${roundId}`)

    const round = await handle.db
      .selectFrom('rounds as r')
      .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
      .select([
        'r.name',
        'r.status',
        'q.key',
        'q.version',
        'r.opens_on',
        'r.closes_on',
        'r.reminder_on',
        'r.retention_until',
        'r.double_keying',
        'r.min_group_size',
      ])
      .where('r.id', '=', roundId)
      .executeTakeFirstOrThrow()
    expect(round).toEqual({
      name: 'KTO Participatiewet najaar',
      status: 'draft',
      key: 'kto-participatiewet',
      version: KTO_VERSION,
      opens_on: daysFromToday(0),
      closes_on: daysFromToday(28),
      reminder_on: daysFromToday(14),
      retention_until: daysFromToday(120),
      double_keying: true,
      min_group_size: 4,
    })
    const strata = await handle.db
      .selectFrom('strata')
      .select(['code', 'name'])
      .where('round_id', '=', roundId)
      .orderBy('id')
      .execute()
    expect(strata).toEqual([
      { code: 'hengelo', name: 'Hengelo' },
      { code: 'haaksbergen', name: 'Haaksbergen' },
      { code: 's-hertogenbosch', name: "'s-Hertogenbosch" },
    ])
    expect(await auditOf(roundId)).toEqual([
      {
        action: 'round.create',
        username: expect.stringMatching(/^cli:/),
        details: { name: 'KTO Participatiewet najaar', questionnaireId: expect.any(Number), strata: 3 },
      },
    ])
  })

  it('create: refuses a file with mistakes in Dutch, naming each field, and makes nothing', async () => {
    const before = await roundCount()
    const bad = GOOD.replace(`closesOn: ${daysFromToday(28)}`, `closesOn: ${daysFromToday(-3)}`)
      .replace('minGroupSize: 4', 'minGroupSize: 2')
      .replace('doubleKeying: true', 'doubleKeying: ja')
      .replace(`  version: ${KTO_VERSION}`, '  version: 999')
      .replace('  - Haaksbergen', '  - Hengelo')
      .concat('closeOn: 2026-01-01\n')
    const refused = run(['create', '--file', roundFile('bad.yaml', bad)])
    await expect(refused).rejects.toThrow(RefusedError)
    const message = await refused.catch((e: Error) => e.message)
    expect(message).toContain('bad.yaml: de ronde is niet gemaakt.')
    expect(message).toContain(
      `questionnaire (Vragenlijst): Vragenlijst kto-participatiewet versie 999 bestaat niet. Er zijn (id en versie): kto-participatiewet ${KTO_VERSION}.`,
    )
    expect(message).toContain('municipalities (Gemeenten (strata)): Regel 2: "Hengelo" staat er al.')
    expect(message).toContain('closesOn (Open tot en met): De sluitdatum ligt voor de openingsdatum.')
    expect(message).toContain(
      'doubleKeying (Papieren vragenlijsten twee keer invoeren (dubbel invoeren)): Vul true (ja) of false (nee) in.',
    )
    expect(message).toContain(
      'minGroupSize (Kleinste groep in de resultaten): Vul een heel getal in van 3 tot en met 100.',
    )
    expect(message).toContain('closeOn: Dit veld kent Peiling niet. Wel: name, questionnaire, municipalities,')
    expect(await roundCount()).toBe(before)
  })

  it('create: says what is missing, and where a file is not YAML', async () => {
    const missing = run(['create', '--file', roundFile('missing.yaml', 'name: Alleen een naam\n')])
    const message = await missing.catch((e: Error) => e.message)
    expect(message).toContain('questionnaire (Vragenlijst): Kies een vragenlijst.')
    expect(message).toContain('municipalities (Gemeenten (strata)): Vul minstens één gemeente in.')
    expect(message).toContain('opensOn (Open vanaf): Vul een datum in.')
    expect(message).toContain('retentionUntil (Persoonsgegevens bewaren tot en met): Vul een datum in.')
    await expect(run(['create', '--file', roundFile('broken.yaml', 'name: [Hengelo\nopensOn: x\n')])).rejects.toThrow(
      /Het bestand is geen goede YAML\. Kijk bij regel \d+\./,
    )
    await expect(run(['create', '--file', path.join(folder, 'nowhere.yaml')])).rejects.toThrow(UsageError)
    await expect(run(['create'])).rejects.toThrow(/--file/)
  })

  it('open: says what it would do without --confirm, opens a draft once with it, logs it, and refuses a round that is open already', async () => {
    expect(await run(['open', String(roundId)])).toBe(
      `Opening round ${roundId}: there is no sample yet, so nobody has a code; the questionnaire and municipalities are then fixed.\n` +
        'Nothing changed. This cannot be undone: run again with --confirm to open the round.\n',
    )
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
    expect(
      (await handle.db.selectFrom('rounds').select('status').where('id', '=', roundId).executeTakeFirstOrThrow())
        .status,
    ).toBe('draft')
    expect(await run(['open', String(roundId), '--confirm'])).toBe(
      `Round ${roundId} is open: the questionnaire is fixed, and clients can sign in from ${daysFromToday(0)} up to and including ${daysFromToday(28)}.\n`,
    )
    const round = await handle.db.selectFrom('rounds').select('status').where('id', '=', roundId).executeTakeFirst()
    expect(round?.status).toBe('open')
    await expect(run(['open', String(roundId), '--confirm'])).rejects.toThrow(
      new RefusedError(`Ronde ${roundId}: Alleen een ronde in voorbereiding kan open. De ronde is nu: Open.`),
    )
    // The dry run refuses as well: there is nothing to open.
    await expect(run(['open', String(roundId)])).rejects.toThrow(/De ronde is nu: Open\./)
    expect((await auditOf(roundId)).map((e) => [e.action, e.details])).toEqual([
      ['round.create', expect.anything()],
      ['round.open', {}],
    ])
  })

  it('close: closes an open round once, keeps answers in progress as partial, logs it, and refuses it again', async () => {
    const participant = await handle.db
      .insertInto('participants')
      .values({
        round_id: roundId,
        stratum_id: (
          await handle.db.selectFrom('strata').select('id').where('round_id', '=', roundId).executeTakeFirstOrThrow()
        ).id,
        client_number: 'K1',
        code: 'ABCDEFGHJK',
      })
      .returning(['id', 'stratum_id'])
      .executeTakeFirstOrThrow()
    await handle.db
      .insertInto('answers_in_progress')
      .values({ participant_id: participant.id, answers: JSON.stringify({}) })
      .execute()

    expect(await run(['close', String(roundId)])).toBe(
      `Closing round ${roundId}: 1 questionnaires not finished become partial responses without a link to the person; 1 people with a code who have not answered cannot answer any more.\n` +
        'Nothing changed. This cannot be undone: run again with --confirm to close the round.\n',
    )
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
    expect(await handle.db.selectFrom('answers_in_progress').selectAll().execute()).toHaveLength(1)
    expect(await run(['close', String(roundId), '--confirm'])).toBe(
      `Round ${roundId} is closed: nobody can answer any more. 1 answers in progress were kept as partial responses, without a link to the person.\n`,
    )
    const response = await handle.db
      .selectFrom('responses')
      .select(['status', 'answers'])
      .where('round_id', '=', roundId)
      .executeTakeFirstOrThrow()
    expect(response).toEqual({ status: 'partial', answers: {} })
    expect(await handle.db.selectFrom('answers_in_progress').selectAll().execute()).toEqual([])
    await expect(run(['close', String(roundId), '--confirm'])).rejects.toThrow(
      new RefusedError(`Ronde ${roundId}: Alleen een open ronde kan dicht. De ronde is nu: Gesloten.`),
    )
    await expect(run(['open', String(roundId), '--confirm'])).rejects.toThrow(/De ronde is nu: Gesloten\./)
    expect((await auditOf(roundId)).map((e) => [e.action, e.details])).toEqual([
      ['round.create', expect.anything()],
      ['round.open', {}],
      ['round.close', { partialResponses: 1 }],
    ])
  })

  it('explains wrong use', async () => {
    await expect(run([])).rejects.toThrow(UsageError)
    await expect(run(['delete', '1'])).rejects.toThrow(/create, open or close/)
    await expect(run(['open'])).rejects.toThrow(UsageError)
    await expect(run(['open', 'x'])).rejects.toThrow(UsageError)
    await expect(run(['close', '99999'])).rejects.toThrow(/There is no round 99999/)
    await expect(run(['create', '--file', 'x.yaml', '--confirm'])).rejects.toThrow(/--confirm is for round open/)
  })
})
