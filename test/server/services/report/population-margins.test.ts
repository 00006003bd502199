/**
 * Population margins: the optional birth year and sex of the client file are kept as
 * counts per municipality only, never with a client, and the counts outlive the purge.
 */
import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { CLIENT_FILES, createRound } from '#test/helpers/fixtures.ts'
import { readClientFile } from '#src/server/services/fieldwork/client-file.ts'
import type { ImportCheck } from '#src/server/services/fieldwork/client-import.ts'
import {
  checkClientFile,
  importClients,
  loadRoundForImport,
  loadStagedImport,
  stageImport,
} from '#src/server/services/fieldwork/client-import.ts'
import { importErrorsCsv } from '#src/server/services/fieldwork/import-error-list.ts'
import { confirmSample, drawSample } from '#src/server/services/fieldwork/sample.ts'
import { closeRound } from '#src/server/services/rounds/rounds.ts'
import { purgeRound } from '#src/server/services/rounds/purge.ts'
import type { PopulationMargin } from '#src/server/services/report/population-margins.ts'
import { loadPopulationMargins } from '#src/server/services/report/population-margins.ts'
import { translator } from '#src/i18n/translate.ts'

const WITH_AGE_SEX = readFileSync(`${CLIENT_FILES}/clients-with-age-sex.csv`)
const BIRTH_YEARS = ['1961', '1987', '1999', '1974']
const actor = { id: null, username: 'test' }
const nl = translator('nl')

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

function newRound(): Promise<RoundFixture> {
  return createRound(t.app.db, {
    participantsPerStratum: 0,
    strata: [
      { code: 'hengelo', name: 'Hengelo' },
      { code: 'borne', name: 'Borne' },
    ],
  })
}

async function check(round: RoundFixture, bytes: Buffer | string): Promise<ImportCheck> {
  const file = await readClientFile(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)
  return checkClientFile(file, await loadRoundForImport(t.app.db, round.roundId))
}

/** Upload, preview and confirm, the way the import pages do it. */
async function importThroughPreview(round: RoundFixture, bytes: Buffer | string, skipProblems = false) {
  const uploadId = await stageImport(t.app.db, round.roundId, 'klanten.csv', await check(round, bytes), actor)
  const staged = await loadStagedImport(t.app.db, round.roundId, uploadId)
  return importClients(t.app.db, round.roundId, staged!.check, { skipProblems, actor, uploadId })
}

function stratumIds(round: RoundFixture) {
  return {
    hengelo: round.strata.find((s) => s.code === 'hengelo')!.id,
    borne: round.strata.find((s) => s.code === 'borne')!.id,
  }
}

const EXPECTED = (ids: { hengelo: number; borne: number }) =>
  new Map<number, PopulationMargin[]>([
    [
      ids.hengelo,
      [
        { birthYear: 1961, sex: 'vrouw', clients: 2 },
        { birthYear: 1987, sex: 'man', clients: 1 },
      ],
    ],
    [
      ids.borne,
      [
        { birthYear: 1974, sex: null, clients: 1 },
        { birthYear: 1999, sex: 'anders', clients: 1 },
        { birthYear: null, sex: 'man', clients: 1 },
      ],
    ],
  ])

function withAgeSex(lines: string[]): string {
  return [
    'klantnummer;achternaam;straat;huisnummer;postcode;woonplaats;gemeente;geboortejaar;geslacht',
    ...lines.map((l, i) => `K4${String(i).padStart(5, '0')};Test;Markt;${i + 1};7551 AA;Hengelo;${l}`),
  ].join('\n')
}

describe('birth year and sex in the client file', () => {
  it('are counted per municipality, birth year and sex, and kept with no client', async () => {
    const round = await newRound()
    const result = await importThroughPreview(round, WITH_AGE_SEX)
    expect(result.imported).toBe(6)
    expect(await loadPopulationMargins(t.app.db, round.roundId)).toEqual(EXPECTED(stratumIds(round)))

    // Nothing of either column in any participant: no column for it, and no value.
    const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_name = 'participants'`.execute(t.app.db)
    expect(
      columns.rows.map((c) => c.column_name).filter((c) => /birth|sex|gender|^age$|geboorte|geslacht/.test(c)),
    ).toEqual([])
    const rows = await sql<{
      text: string
    }>`select p::text as text from participants p where round_id = ${round.roundId}`.execute(t.app.db)
    expect(rows.rows).toHaveLength(6)
    for (const row of rows.rows) for (const year of BIRTH_YEARS) expect(row.text).not.toContain(year)
  })

  it('never wait in the staged upload per client: the preview holds only the counts', async () => {
    const round = await newRound()
    const uploadId = await stageImport(t.app.db, round.roundId, 'klanten.csv', await check(round, WITH_AGE_SEX), actor)
    const staged = await t.app.db
      .selectFrom('import_uploads')
      .select('rows')
      .where('id', '=', uploadId)
      .executeTakeFirstOrThrow()
    const text = JSON.stringify(staged.rows)
    expect(text).toContain('Bakker')
    for (const year of BIRTH_YEARS) expect(text).not.toContain(year)
    expect(text).not.toMatch(/vrouw|anders|"sex"|birth/)
  })

  it('reports a bad birth year or sex as a line problem, with the column, and counts only good lines', async () => {
    const round = await newRound()
    const nextYear = new Date().getFullYear() + 1
    const result = await check(
      round,
      withAgeSex([
        'Hengelo;19x5;V',
        'Hengelo;1899;M',
        `Hengelo;${nextYear};M`,
        'Hengelo;1970;onbekend',
        'Hengelo;1970;VROUW',
        'Hengelo;;',
      ]),
    )
    const reasons = Object.fromEntries(
      result.problems.map((p) => [p.line, p.reasons.map((r) => nl(`fieldwork.import.reasons.${r.key}`, r.params))]),
    )
    expect(reasons).toEqual({
      2: [`geboortejaar "19x5" is geen jaartal (moet zijn als 1978, van 1900 tot en met ${nextYear - 1})`],
      3: [`geboortejaar "1899" is geen jaartal (moet zijn als 1978, van 1900 tot en met ${nextYear - 1})`],
      4: [`geboortejaar "${nextYear}" is geen jaartal (moet zijn als 1978, van 1900 tot en met ${nextYear - 1})`],
      5: ['geslacht "onbekend" is onbekend (wel: M, V, X, man, vrouw, anders, of leeg)'],
    })
    const hengelo = stratumIds(round).hengelo
    expect(result.margins).toEqual([
      { stratumId: hengelo, birthYear: 1970, sex: 'vrouw', clients: 1 },
      { stratumId: hengelo, birthYear: null, sex: null, clients: 1 },
    ])
    // The list of bad lines for whoever fixes the export names the column.
    expect(importErrorsCsv(result.problems, nl)).toContain('2;geboortejaar;"geboortejaar ""19x5"" is geen jaartal')
    expect(importErrorsCsv(result.problems, nl)).toContain('5;geslacht;"geslacht ""onbekend"" is onbekend')

    // Skipping the bad lines imports the good ones, and counts those only.
    await importClients(t.app.db, round.roundId, result, { skipProblems: true, actor })
    expect(await loadPopulationMargins(t.app.db, round.roundId)).toEqual(
      new Map([
        [
          hengelo,
          [
            { birthYear: 1970, sex: 'vrouw', clients: 1 },
            { birthYear: null, sex: null, clients: 1 },
          ],
        ],
      ]),
    )
  })

  it('gives no margins for a client file without the two columns', async () => {
    const round = await createRound(t.app.db, { participantsPerStratum: 0 })
    await importThroughPreview(round, readFileSync(`${CLIENT_FILES}/clients-small.csv`))
    expect(await loadPopulationMargins(t.app.db, round.roundId)).toEqual(new Map())
  })

  it('a new upload replaces the waiting one; a second import adds its clients to the counts', async () => {
    const round = await newRound()
    const ids = stratumIds(round)
    // An upload replaced before anyone confirmed it counts for nothing.
    await stageImport(
      t.app.db,
      round.roundId,
      'verkeerd.csv',
      await check(round, withAgeSex(['Hengelo;1950;V', 'Hengelo;1950;V'])),
      actor,
    )
    await importThroughPreview(round, WITH_AGE_SEX)
    expect(await loadPopulationMargins(t.app.db, round.roundId)).toEqual(EXPECTED(ids))

    // More clients of the same round (numbers not yet imported) add to the same cells.
    await importThroughPreview(round, withAgeSex(['Hengelo;1961;vrouw', 'Borne;;']))
    const expected = EXPECTED(ids)
    expected.get(ids.hengelo)![0]!.clients = 3
    expected.get(ids.borne)!.push({ birthYear: null, sex: null, clients: 1 })
    expect(await loadPopulationMargins(t.app.db, round.roundId)).toEqual(expected)

    // The counts stay the population's: a refused import (a client number already in) adds nothing.
    await expect(importThroughPreview(round, WITH_AGE_SEX)).rejects.toThrow()
    expect(await loadPopulationMargins(t.app.db, round.roundId)).toEqual(expected)
  })
})

describe('the margins after the sample and the purge', () => {
  it('are those of the whole client file, and survive deleting every participant', async () => {
    const round = await newRound()
    const ids = stratumIds(round)
    await importThroughPreview(round, WITH_AGE_SEX)
    const plan = [
      { stratumId: ids.hengelo, method: 'random' as const, size: 1 },
      { stratumId: ids.borne, method: 'everyone' as const },
    ]
    const draw = await drawSample(t.app.db, round.roundId, plan, 42)
    const expected = Object.fromEntries(draw.map((d) => [d.stratumId, d.populationSha256]))
    await confirmSample(t.app.db, round.roundId, plan, 42, expected, actor)
    const left = await t.app.db.selectFrom('participants').select('id').where('round_id', '=', round.roundId).execute()
    expect(left).toHaveLength(4)
    // The sample leaves the population: the margins stay those of the client file.
    expect(await loadPopulationMargins(t.app.db, round.roundId)).toEqual(EXPECTED(ids))

    expect((await closeRound(t.app.db, actor, round.roundId)).ok).toBe(true)
    const purged = await purgeRound(t.app.db, t.config, actor, round.roundId, 'confirmed')
    expect(purged).toMatchObject({ ok: true, participants: 4 })
    expect(
      await t.app.db.selectFrom('participants').select('id').where('round_id', '=', round.roundId).execute(),
    ).toEqual([])
    expect(await loadPopulationMargins(t.app.db, round.roundId)).toEqual(EXPECTED(ids))
  })
})
