import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { runCommand } from './_run-command.ts'
import { testConfig } from '#test/helpers/app.ts'
import { createTemplateCopy, createTestDatabase, testEngine } from '#test/helpers/database.ts'
import { headings, paragraphs, unzip } from '#test/report/_docx.ts'
import type { SeededRound } from '#test/server/routes/beheer/seed.ts'
import { seedRound } from '#test/server/routes/beheer/seed.ts'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { connectPGlite, connectPostgres } from '#src/server/db/connect.ts'
import { UsageError } from '#src/cli/command.ts'
import { saveReportChoices } from '#src/server/services/report/round-report.ts'

let handle: DatabaseHandle
let earlier: SeededRound
let current: SeededRound
const folder = mkdtempSync(path.join(tmpdir(), 'peiling-cli-report-'))

const STRATA = [
  { code: 'hengelo', name: 'Hengelo', invited: 100, online: 20, paper: 20 },
  { code: 'borne', name: 'Borne', invited: 60, online: 10, paper: 10 },
]

beforeAll(async () => {
  handle = await createTestDatabase()
  earlier = await seedRound(handle.db, STRATA, {
    status: 'closed',
    opensOn: '2024-09-01',
    answers: (i) => ({ rapportcijfer_dienstverlening: 5 + (i % 2), intake_stellingen_a: 3 }),
  })
  current = await seedRound(handle.db, STRATA, {
    opensOn: '2026-09-01',
    answers: (i) => ({ rapportcijfer_dienstverlening: 7 + (i % 2), intake_stellingen_a: 1 + (i % 2) }),
  })
})
afterAll(async () => handle.close())

function run(args: string[]): Promise<string> {
  return runCommand('report', args, { config: testConfig(), database: async () => handle })
}

describe('npm run peiling -- report', () => {
  it('writes the report as a Word file, with the title and chapters of the report page', async () => {
    const file = path.join(folder, 'rapport.docx')
    const output = await run(['--round', String(current.roundId), '--format', 'docx', '--out', file])
    expect(output).toBe(`Geschreven: ${file}\n`)
    const document = unzip(readFileSync(file)).get('word/document.xml')!.toString('utf8')
    const texts = paragraphs(document).map((p) => p.text)
    expect(texts).toContain('Klanttevredenheid Werk en Inkomen: Testronde')
    expect(texts).toContain('Alle gemeenten samen')
    expect(headings(document, 'Heading1')).toEqual(expect.arrayContaining(['Samenvatting']))
  })

  it('writes one municipality as a standalone HTML file: the page’s article, without the form', async () => {
    const file = path.join(folder, 'borne.html')
    await run(['--round', String(current.roundId), '--municipality', 'borne', '--format', 'html', '--out', file])
    const html = readFileSync(file, 'utf8')
    expect(html).toMatch(/^<!doctype html>\s*<html lang="nl">/)
    expect(html).toContain('<h2 id="report-title">Klanttevredenheid Werk en Inkomen: Testronde</h2>')
    expect(html).toContain('<p><strong>Gemeente Borne</strong></p>')
    expect(html).toContain('<h2 id="ch-summary">Samenvatting</h2>')
    // The theme chapters of the questionnaire, as on the page.
    expect(html.match(/<section class="report-chapter" aria-labelledby="ch-/g)!.length).toBeGreaterThan(1)
    expect(html).toContain('id="b-rapportcijfer_dienstverlening"')
    // 20 responses in Borne: N=20 grades.
    expect(html).toMatch(/id="b-rapportcijfer_dienstverlening"[\s\S]*?\(N=20\)/)
    expect(html).not.toContain('data-municipality="hengelo"')
    expect(html).not.toContain('<form')
    expect(html).not.toContain('_csrf')
    // Text for screen readers stays hidden: the stylesheet is inside the file.
    expect(html).toMatch(/<style>[\s\S]*\.visually-hidden[\s\S]*<\/style>/)
  })

  it('compares with what was chosen on the report page, unless told otherwise', async () => {
    await saveReportChoices(handle.db, current.roundId, {
      trendRoundIds: [earlier.roundId],
      referenceRoundIds: [],
      referenceSetId: null,
      weigh: true,
    })
    const kept = path.join(folder, 'kept.html')
    await run(['--round', String(current.roundId), '--format', 'html', '--out', kept])
    const html = readFileSync(kept, 'utf8')
    expect(html).toMatch(/<th scope="col" class="num">2026<\/th>\s*<th scope="col" class="num">2024<\/th>/)
    expect(html).toContain('data-weighting="municipality"')

    const own = path.join(folder, 'own.html')
    await run(['--round', String(current.roundId), '--trend', '', '--unweighted', '--format', 'html', '--out', own])
    const unweighted = readFileSync(own, 'utf8')
    expect(unweighted).toContain('data-weighting="none"')
    expect(unweighted).not.toMatch(/<th scope="col" class="num">2024<\/th>/)
    expect(unweighted).toContain('data-municipality="hengelo"')
  })

  it('says in Dutch what is wrong with the municipality, the round or the format', async () => {
    const out = path.join(folder, 'x.html')
    const round = String(current.roundId)
    await expect(run(['--round', round, '--municipality', 'delden', '--format', 'html', '--out', out])).rejects.toThrow(
      new UsageError(`De gemeente delden hoort niet bij ronde ${round}. Codes in deze ronde: hengelo, borne.`),
    )
    await expect(run(['--round', '999999', '--format', 'html', '--out', out])).rejects.toThrow(
      new UsageError('Ronde 999999 bestaat niet.'),
    )
    await expect(run(['--round', round, '--format', 'pdf', '--out', out])).rejects.toThrow(
      new UsageError('--format: html of docx.'),
    )
    await expect(
      run(['--round', round, '--trend', String(current.roundId + 1000), '--format', 'html', '--out', out]),
    ).rejects.toThrow(new UsageError(`Ronde ${current.roundId + 1000} bestaat niet.`))
  })

  it('exits with 2 and the Dutch message on the terminal, from the database the configuration names', async () => {
    const { env, roundId, drop } = await databaseForProcess()
    try {
      const result = await promisify(execFile)(
        process.execPath,
        [
          'src/cli/main.ts',
          'report',
          '--round',
          String(roundId),
          '--municipality',
          'delden',
          '--format',
          'docx',
          '--out',
          path.join(folder, 'x.docx'),
        ],
        { env: { ...process.env, SESSION_SECRET: 'test-secret-test-secret-test-secret-0123', ...env } },
      ).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      )
      expect(result.stderr).toMatch(
        new RegExp(
          `^De gemeente delden hoort niet bij ronde ${roundId}\\. Codes in deze ronde: hengelo, borne\\.\nUsage: npm run peiling -- report --round N`,
        ),
      )
      expect(result.code).toBe(2)
    } finally {
      await drop()
    }
  })
})

/**
 * A database with one round that `npm run peiling` in another process can open: the
 * embedded one in a data folder (closed here first: one process at a time), or a copy on
 * the test server by its URL.
 */
async function databaseForProcess(): Promise<{ env: Record<string, string>; roundId: number; drop(): Promise<void> }> {
  if (testEngine === 'postgres') {
    const database = await createTemplateCopy()
    const server = connectPostgres(database.url)
    const { roundId } = await seedRound(server.db, STRATA)
    await server.close()
    return { env: { DATABASE_URL: database.url }, roundId, drop: () => database.drop() }
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'peiling-cli-report-data-'))
  const embedded = await connectPGlite(path.join(dataDir, 'pglite'), new Blob([readFileSync(inject('pgliteTemplate'))]))
  const { roundId } = await seedRound(embedded.db, STRATA)
  await embedded.close()
  return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, roundId, drop: async () => {} }
}
