import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { stratumWeights } from '#src/server/services/reporting/weights.ts'
import { loadResults } from '#src/server/services/reporting/results.ts'
import { parse } from 'csv-parse/sync'
import readXlsxFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { programsAvailable } from '#test/setup/environment.ts'
import { runProgram } from '#test/helpers/programs.ts'
import { buildCodebook } from '#src/questionnaire/index.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { csvText, exportRows, loadExportContext, META_VARIABLES } from '#src/server/services/reporting/exports.ts'
import type { SeededRound } from '#test/server/routes/beheer/seed.ts'
import { PERSONAL_MARK, seedRound } from '#test/server/routes/beheer/seed.ts'

let t: TestApp
let round: SeededRound
let researcher: Browser & { username: string }
let definition: QuestionnaireDefinition

const TRICKY_TEXT = 'Goed; "prima"\nmaar =SOM(1) kan béter'

beforeAll(async () => {
  t = await createTestApp()
  round = await seedRound(
    t.database.db,
    [
      { code: 'hengelo', name: 'Hengelo', invited: 60, online: 12, paper: 8, inProgress: 2 },
      { code: 'borne', name: 'Borne', invited: 30, online: 5, paper: 5 },
    ],
    {
      answers: (i) => ({
        rapportcijfer_dienstverlening: i === 0 ? 99 : 1 + (i % 10),
        begeleiding_werk: 1,
        begeleiding_door: i % 2 === 0 ? [1, 2] : [2],
        intake_stellingen_a: 2,
        opmerkingen: i === 0 ? TRICKY_TEXT : i === 1 ? '=HYPERLINK("http://x")' : 'tekst',
      }),
    },
  )
  // One paper form with a mark and without code, as paper entry stores it.
  await t.database.db
    .insertInto('responses')
    .values({
      round_id: round.roundId,
      stratum_id: round.strata.get('borne')!,
      mode: 'paper',
      status: 'complete',
      answers: JSON.stringify({ begeleiding_werk: 3 }),
      paper_coding: JSON.stringify({
        noCode: true,
        marks: { rapportcijfer_dienstverlening: 'multiple' },
        invalid: {},
        outsideRouting: [],
      }),
      wave: 'after_reminder',
    })
    .execute()
  const row = await t.database.db
    .selectFrom('rounds')
    .innerJoin('questionnaires', 'questionnaires.id', 'rounds.questionnaire_id')
    .select('definition')
    .where('rounds.id', '=', round.roundId)
    .executeTakeFirstOrThrow()
  definition = row.definition
  await t.database.db.updateTable('rounds').set({ status: 'closed' }).where('id', '=', round.roundId).execute()
  await t.database.db
    .insertInto('responses')
    .columns(['round_id', 'stratum_id', 'mode', 'status', 'answers', 'language'])
    .expression((eb) =>
      eb
        .selectFrom('answers_in_progress as a')
        .innerJoin('participants as p', 'p.id', 'a.participant_id')
        .select([
          'p.round_id',
          'p.stratum_id',
          sql.lit('online').as('mode'),
          sql.lit('partial').as('status'),
          'a.answers',
          'a.language',
        ])
        .where('p.round_id', '=', round.roundId),
    )
    .execute()
  await t.database.db.deleteFrom('answers_in_progress').execute()
  researcher = await signedInAs(t.app, 'researcher')
})
afterAll(async () => t.close())

async function download(format: string, partial = false) {
  await researcher.visit(`/beheer/rondes/${round.roundId}/export`)
  return researcher.post(`/beheer/rondes/${round.roundId}/export`, partial ? { format, partial: '1' } : { format })
}

function readCsv(body: string): string[][] {
  expect(body.startsWith('\uFEFF')).toBe(true)
  return parse(body.slice(1), { delimiter: ';', relax_column_count: false }) as string[][]
}

describe('the CSV export', () => {
  it('has one row per complete response: stratum, mode, wave, language, then every codebook variable', async () => {
    const response = await download('csv')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).toBe(`attachment; filename="ronde-${round.roundId}-antwoorden.csv"`)
    const [header, ...rows] = readCsv(response.body)
    const codebook = buildCodebook(definition, 'nl').map((v) => v.name)
    expect(header).toEqual([...META_VARIABLES, ...codebook])
    expect(header!.slice(0, 4)).toEqual(['stratum', 'modus', 'golf', 'taal'])
    expect(rows).toHaveLength(31)
    expect(rows.filter((r) => r[0] === 'Hengelo')).toHaveLength(20)
    expect(rows.filter((r) => r[1] === 'papier')).toHaveLength(14)
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(['compleet']))
    const col = (name: string) => header!.indexOf(name)
    // Multiple choice as one 0/1 column per option.
    expect(
      new Set(rows.filter((r) => r[col('begeleiding_door_1')] !== '').map((r) => r[col('begeleiding_door_1')])),
    ).toEqual(new Set(['0', '1']))
  })

  it('carries no personal data, no code and no date, in a random order', async () => {
    const response = await download('csv', true)
    expect(response.body).not.toContain(PERSONAL_MARK)
    expect(response.body.toLowerCase()).not.toContain(PERSONAL_MARK.toLowerCase())
    expect(response.body).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    const codes = await t.database.db
      .selectFrom('participants')
      .select('code')
      .where('round_id', '=', round.roundId)
      .execute()
    for (const { code } of codes) if (code) expect(response.body).not.toContain(code)
    // The seed inserted grades 2, 3, 4 … in this order; the export does not follow it.
    const [header, ...rows] = readCsv(response.body)
    const grades = rows.map((r) => r[header!.indexOf('rapportcijfer_dienstverlening')])
    const inserted = Array.from({ length: 20 }, (_, i) => String(i === 0 ? 99 : 1 + (i % 10)))
    expect(grades.slice(0, 20)).not.toEqual(inserted)
  })

  it('adds partial responses on request, marked as such', async () => {
    const [, ...rows] = readCsv((await download('csv', true)).body)
    expect(rows).toHaveLength(33)
    expect(rows.filter((r) => r[4] === 'onvolledig')).toHaveLength(2)
  })

  it('keeps texts on one line, quoted, and disarms spreadsheet formulas', async () => {
    const [header, ...rows] = readCsv((await download('csv')).body)
    const texts = rows.map((r) => r[header!.indexOf('opmerkingen')])
    expect(texts).toContain('Goed; "prima" maar =SOM(1) kan béter')
    expect(texts).toContain(`'=HYPERLINK("http://x")`)
  })

  it('carries a weight per municipality, explained in the codebook and ready in the SPSS syntax', async () => {
    const [header, ...rows] = readCsv((await download('csv')).body)
    const [, ...statistics] = readCsv((await download('spss-data')).body)
    const weight = header!.indexOf('gewicht')
    const stratum = header!.indexOf('stratum')
    // The same rows in the same order: for spreadsheets the municipality's name and a
    // decimal comma (Dutch Excel); for SPSS, PSPP and R its number and a decimal point.
    const order = ['Hengelo', 'Borne']
    rows.forEach((row, i) => {
      const other = statistics[i]!
      expect(other[weight]).toMatch(/^\d+(\.\d+)?$/)
      expect(row[weight]).toBe(other[weight]!.replace('.', ','))
      expect(Number(other[stratum])).toBe(order.indexOf(row[stratum]!) + 1)
    })
    // The weights of the rows add up to the number of rows.
    const total = statistics.reduce((sum, r) => sum + Number(r[weight]), 0)
    expect(total).toBeCloseTo(statistics.length, 3)
    const codebook = readCsv((await download('codebook')).body)
    expect(codebook.find((r) => r[0] === 'gewicht')![5]).toMatch(/Borne: populatie \d+, aangeschreven \d+/)
    const syntax = (await download('spss')).body
    expect(syntax).toContain('gewicht F10.6')
    expect(syntax).toContain('* WEIGHT BY gewicht.')
    // Municipalities labelled in the round's order; multiple choice declared as sets; grades whole.
    expect(syntax).toContain("stratum 1 'Hengelo' 2 'Borne'")
    expect(syntax).toMatch(
      /\/MDGROUP NAME=\$punt_goed LABEL='[^']+' CATEGORYLABELS=VARLABELS VARIABLES=punt_goed_1 punt_goed_2/,
    )
    expect(syntax).toContain('rapportcijfer_dienstverlening F2.0')
    // Ordered categories (age bands, duration, chances) are ordinal; others nominal.
    const ordinal = /^\s*\/?([\w ]+) \(ORDINAL\)/m.exec(syntax)![1]!.split(' ')
    expect(ordinal).toEqual(expect.arrayContaining(['leeftijd', 'duur_uitkering', 'kans_parttimebaan']))
    expect(ordinal).not.toContain('geslacht')
  })

  it('has the same rows for SPSS, PSPP and R with every text as written, on one line', async () => {
    const spreadsheet = readCsv((await download('csv')).body)
    const [header, ...rows] = readCsv((await download('spss-data')).body)
    expect(header).toEqual(spreadsheet[0])
    expect(rows).toHaveLength(spreadsheet.length - 1)
    const texts = rows.map((r) => r[header!.indexOf('opmerkingen')])
    expect(texts).toContain('Goed; "prima" maar =SOM(1) kan béter')
    expect(texts).toContain('=HYPERLINK("http://x")')
  })

  it('codes a paper mark as a negative, labelled code', async () => {
    const [header, ...rows] = readCsv((await download('csv')).body)
    const paperForm = rows.find((r) => r[header!.indexOf('papier_zonder_code')] === '1')!
    expect(paperForm[header!.indexOf('rapportcijfer_dienstverlening')]).toBe('-1')
    expect(rows.filter((r) => r[1] === 'online').every((r) => r[header!.indexOf('papier_zonder_code')] === '')).toBe(
      true,
    )
  })

  it('reads responses page by page, each exactly once', async () => {
    const context = (await loadExportContext(t.database.db, round.roundId))!
    const seen: unknown[] = []
    for await (const row of exportRows(t.database.db, context, { includePartial: true }, 4)) seen.push(row)
    expect(seen).toHaveLength(33)
  })

  it('writes every download to the audit log', async () => {
    const before = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'export.download')
      .execute()
    await download('csv')
    await download('xlsx', true)
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['username', 'details', 'round_id'])
      .where('action', '=', 'export.download')
      .orderBy('id')
      .execute()
    expect(entries.length).toBe(before.length + 2)
    expect(entries.slice(-2)).toEqual([
      {
        username: researcher.username,
        round_id: round.roundId,
        details: { format: 'csv', includePartial: false, rows: 31 },
      },
      {
        username: researcher.username,
        round_id: round.roundId,
        details: { format: 'xlsx', includePartial: true, rows: 33 },
      },
    ])
  })

  it('says how many completed questionnaires still wait, and leaves them out of the file', async () => {
    const rowsBefore = readCsv((await download('csv')).body).length
    await t.database.db.updateTable('rounds').set({ release_batch_size: 10 }).where('id', '=', round.roundId).execute()
    await t.database.db
      .insertInto('responses_waiting')
      .values(
        [1, 2].map(() => ({
          round_id: round.roundId,
          stratum_id: round.strata.get('borne')!,
          mode: 'online' as const,
          status: 'complete' as const,
          answers: JSON.stringify({ begeleiding_werk: 2 }),
          language: 'nl',
          wave: null,
        })),
      )
      .execute()
    try {
      const page = await researcher.visit(`/beheer/rondes/${round.roundId}/export`)
      expect(page.body).toContain('2 ingevulde vragenlijsten wachten nog en tellen hier nog niet mee.')
      expect(readCsv((await download('csv')).body)).toHaveLength(rowsBefore)
    } finally {
      await t.database.db.deleteFrom('responses_waiting').where('round_id', '=', round.roundId).execute()
    }
  })

  it('counts paper answers to skipped questions, or codes them -4 and leaves them out, as the round says', async () => {
    const db = t.database.db
    const inserted = await db
      .insertInto('responses')
      .values({
        round_id: round.roundId,
        stratum_id: round.strata.get('hengelo')!,
        mode: 'paper',
        status: 'complete',
        answers: JSON.stringify({ intake_wanneer: 2, intake_stellingen_a: 1, opmerkingen: 'buiten de routering' }),
        paper_coding: JSON.stringify({
          noCode: false,
          marks: {},
          invalid: {},
          outsideRouting: ['intake_stellingen_a'],
        }),
        wave: 'before_reminder',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const setCounting = (count: boolean) =>
      db.updateTable('rounds').set({ count_outside_routing: count }).where('id', '=', round.roundId).execute()
    const statementOf = async (agreeing: number) => {
      const results = (await loadResults(db, round.roundId, 'nl', 'Andere codes'))!
      const item = results.questions.find((q) => q.variable === 'intake_stellingen_a')!
      return item.rows.find((r) => r.value === 1)!.cells[0]!.count === agreeing
    }
    const valueInCsv = async () => {
      const [header, ...rows] = readCsv((await download('csv')).body)
      const row = rows.find((r) => r[header!.indexOf('opmerkingen')] === 'buiten de routering')!
      return [row[header!.indexOf('intake_stellingen_a')], row[header!.indexOf('papier_buiten_routering')]]
    }
    try {
      const counted = (await loadResults(db, round.roundId, 'nl', 'Andere codes'))!
      const agreeing = counted.questions
        .find((q) => q.variable === 'intake_stellingen_a')!
        .rows.find((r) => r.value === 1)!.cells[0]!.count
      expect(await valueInCsv()).toEqual(['1', 'intake_stellingen_a'])
      expect((await researcher.visit(`/beheer/rondes/${round.roundId}/resultaten`)).body).toContain(
        'tellen mee (instelling van de ronde)',
      )

      await setCounting(false)
      expect(await statementOf(agreeing - 1)).toBe(true)
      expect(await valueInCsv()).toEqual(['-4', 'intake_stellingen_a'])
      expect((await researcher.visit(`/beheer/rondes/${round.roundId}/resultaten`)).body).toContain(
        'tellen niet mee (instelling van de ronde)',
      )
      const codebook = readCsv((await download('codebook')).body)
      expect(codebook.find((r) => r[0] === 'papier_buiten_routering')![5]).toContain('tellen niet mee')
      expect(codebook.find((r) => r[0] === 'intake_stellingen_a')![6]).toContain('-4')
      const syntax = (await download('spss')).body
      expect(syntax).toContain(
        "-4 'Papier: beantwoord terwijl de vraag overgeslagen had moeten worden (telt niet mee)'",
      )
    } finally {
      await setCounting(true)
      await db.deleteFrom('responses').where('id', '=', inserted.id).execute()
    }
  })

  it('asks again when no format is chosen', async () => {
    const response = await download('pdf')
    expect(response.statusCode).toBe(422)
    expect(response.body).toContain('Kies wat u wilt downloaden.')
  })
})

describe('the data set against the results page, figure by figure', () => {
  /** Runs the syntax and these commands in PSPP; returns the CSV it saved of the aggregates. */
  async function aggregateInPspp(commands: string): Promise<Array<Record<string, number>>> {
    const dir = mkdtempSync(path.join(tmpdir(), 'peiling-pspp-'))
    writeFileSync(
      path.join(dir, `ronde-${round.roundId}-antwoorden-spss.csv`),
      (await download('spss-data')).rawPayload,
    )
    writeFileSync(path.join(dir, 'run.sps'), `${(await download('spss')).body}\r\n${commands}\r\n`)
    const { stdout } = await runProgram('pspp', ['-o', path.join(dir, 'out.txt'), 'run.sps'], { cwd: dir })
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8') + stdout).not.toMatch(/error|warning/i)
    const [header, ...rows] = parse(readFileSync(path.join(dir, 'agg.csv'), 'utf8'), { delimiter: ',' }) as string[][]
    return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name.toLowerCase(), Number(row[i])])))
  }

  // PSPP's AGGREGATE needs a BREAK: the total breaks by a variable that is 1 everywhere.
  const AGGREGATE = (breakBy: 'stratum' | 'total') =>
    `${breakBy === 'total' ? 'COMPUTE total = 1.\r\n' : ''}AGGREGATE /OUTFILE=* /BREAK=${breakBy} /n=NU(rapportcijfer_dienstverlening) /mean=MEAN(rapportcijfer_dienstverlening)` +
    ' /fail=PLT(rapportcijfer_dienstverlening, 6) /eight=PIN(rapportcijfer_dienstverlening, 8, 8).\r\n' +
    "SAVE TRANSLATE /OUTFILE='agg.csv' /TYPE=CSV /FIELDNAMES /REPLACE."

  it.skipIf(!programsAvailable(['pspp'], 'pspp', 'Comparing with PSPP is'))(
    'gives in PSPP the base, the share of 8, the mean and % onvoldoende of the results page, per municipality',
    async () => {
      const results = (await loadResults(t.database.db, round.roundId, 'nl', 'Andere codes'))!
      const grade = results.questions.find((q) => q.variable === 'rapportcijfer_dienstverlening')!
      const eight = grade.rows.find((r) => r.value === 8)!
      const pspp = await aggregateInPspp(AGGREGATE('stratum'))
      // Column 0 of the results is the total; then the municipalities in the round's order (= stratum 1, 2).
      expect(pspp.map((r) => r.stratum)).toEqual([1, 2])
      pspp.forEach((row, i) => {
        expect(row.n).toBe(grade.base[i + 1])
        expect(row.mean).toBeCloseTo(grade.mean![i + 1]!, 6)
        expect(row.fail! / 100).toBeCloseTo(grade.belowSix![i + 1]!, 6)
        expect(row.eight! / 100).toBeCloseTo(eight.cells[i + 1]!.share!, 6)
      })
      const [total] = await aggregateInPspp(AGGREGATE('total'))
      expect(total!.n).toBe(grade.base[0])
      expect(total!.mean).toBeCloseTo(grade.mean![0]!, 6)
      expect(total!.fail! / 100).toBeCloseTo(grade.belowSix![0]!, 6)
    },
  )

  it.skipIf(!programsAvailable(['pspp'], 'pspp', 'Comparing with PSPP is'))(
    'weighs the total in PSPP as the weights say: each municipality counts by its population',
    async () => {
      const weights = await stratumWeights(t.database.db, round.roundId, ['complete'])
      const results = (await loadResults(t.database.db, round.roundId, 'nl', 'Andere codes'))!
      const grade = results.questions.find((q) => q.variable === 'rapportcijfer_dienstverlening')!
      // The weighted mean from the municipalities' own means: Σ w·n·mean / Σ w·n over valid grades.
      let sum = 0
      let weight = 0
      weights.forEach((w, i) => {
        const n = grade.base[i + 1]!
        sum += w.weight! * n * grade.mean![i + 1]!
        weight += w.weight! * n
      })
      const [total] = await aggregateInPspp(`WEIGHT BY gewicht.\r\n${AGGREGATE('total')}`)
      expect(total!.mean).toBeCloseTo(sum / weight, 5)
      expect(total!.mean).not.toBeCloseTo(grade.mean![0]!, 3)
    },
  )
})

describe('the export page on each kind of database', () => {
  // The same database, served as the app would serve the embedded one or a server.
  async function exportPageOn(kind: 'pglite' | 'postgres'): Promise<string> {
    const app = await createTestApp({}, { ...t.database, kind })
    try {
      const browser = await signedInAs(app.app, 'researcher')
      return (await browser.visit(`/beheer/rondes/${round.roundId}/export`)).body
    } finally {
      await app.close()
    }
  }

  it('on the embedded database, offers the command only for while the app is stopped, and points at the button', async () => {
    const page = await exportPageOn('pglite')
    expect(page).toContain(
      `Op de opdrachtregel kan het ook, maar alleen als Peiling is gestopt: npm run peiling -- export --round ${round.roundId} --format csv.`,
    )
    expect(page).toContain('Zolang Peiling draait, gebruikt u de knop Downloaden hierboven.')
    expect(page).toContain('>Downloaden</button>')
    expect(page).not.toContain('Hetzelfde kan op de opdrachtregel')
  })

  it('on a PostgreSQL server, offers the command as it is', async () => {
    const page = await exportPageOn('postgres')
    expect(page).toContain(
      `Hetzelfde kan op de opdrachtregel: npm run peiling -- export --round ${round.roundId} --format csv`,
    )
    expect(page).not.toContain('alleen als Peiling is gestopt')
  })
})

describe('the Excel export', () => {
  it('holds the same rows and the codebook on a second sheet', async () => {
    const response = await download('xlsx')
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const sheets = await readXlsxFile(response.rawPayload)
    expect(sheets.map((s) => s.sheet)).toEqual(['Antwoorden', 'Codeboek'])
    const [header, ...rows] = sheets[0]!.data
    expect(header).toEqual([...META_VARIABLES, ...buildCodebook(definition, 'nl').map((v) => v.name)])
    expect(rows).toHaveLength(31)
    const grade = header!.indexOf('rapportcijfer_dienstverlening')
    expect(rows.every((r) => r[grade] === null || typeof r[grade] === 'number')).toBe(true)
    expect(JSON.stringify(sheets)).not.toContain(PERSONAL_MARK)
    // Texts as written: a cell keeps its line breaks, and Excel runs no formula in a text cell.
    const texts = rows.map((r) => r[header!.indexOf('opmerkingen')])
    expect(texts).toContain(TRICKY_TEXT)
    expect(texts).toContain('=HYPERLINK("http://x")')
    const codebook = sheets[1]!.data
    expect(codebook[0]).toEqual([
      'variabele',
      'vraag',
      'label',
      'type',
      'meetniveau',
      'waarden',
      'ontbrekende waarden',
      'gesteld aan',
    ])
  })
})

describe('the codebook and SPSS syntax', () => {
  it('lists every variable with labels, value labels, missing values and routing', async () => {
    const response = await download('codebook')
    expect(response.headers['content-disposition']).toBe(`attachment; filename="ronde-${round.roundId}-codeboek.csv"`)
    const [header, ...rows] = readCsv(response.body)
    expect(header![0]).toBe('variabele')
    expect(rows.map((r) => r[0])).toEqual([...META_VARIABLES, ...buildCodebook(definition, 'nl').map((v) => v.name)])
    const grade = rows.find((r) => r[0] === 'rapportcijfer_dienstverlening')!
    expect(grade[2]).toContain('Welk rapportcijfer')
    expect(grade[5]).toContain('1 = zeer slecht')
    expect(grade[5]).toContain('99 = Weet ik niet / geen ervaring')
    expect(grade[5]).toContain('-1 = Papier: meer dan één antwoord aangekruist')
    expect(grade[6]).toBe('99, -1, -2, -3, -4')
    const routed = rows.find((r) => r[0] === 'begeleiding_door_1')!
    expect(routed[7]).not.toBe('')
  })

  it('writes SPSS syntax that reads the CSV with labels', async () => {
    const syntax = await download('spss')
    expect(syntax.headers['content-disposition']).toBe(`attachment; filename="ronde-${round.roundId}-antwoorden.sps"`)
    expect(syntax.body).toContain(`/FILE='ronde-${round.roundId}-antwoorden-spss.csv'`)
    expect(syntax.body).toContain('VARIABLE LABELS')
    expect(syntax.body).toContain("rapportcijfer_dienstverlening 1 'zeer slecht'")
    expect(syntax.body).toContain('rapportcijfer_dienstverlening (LO THRU -1, 99)')
  })

  it.skipIf(!programsAvailable(['pspp'], 'pspp', 'Running the SPSS syntax in PSPP is'))(
    'reads the CSV labelled in PSPP',
    async () => {
      const syntax = await download('spss')
      const dir = mkdtempSync(path.join(tmpdir(), 'peiling-spss-'))
      const data = await download('spss-data')
      expect(data.headers['content-disposition']).toBe(
        `attachment; filename="ronde-${round.roundId}-antwoorden-spss.csv"`,
      )
      writeFileSync(path.join(dir, `ronde-${round.roundId}-antwoorden-spss.csv`), data.rawPayload)
      writeFileSync(
        path.join(dir, 'run.sps'),
        `${syntax.body.replace(/\* SAVE OUTFILE=/, 'SAVE OUTFILE=')}\r\nDISPLAY LABELS.\r\nFREQUENCIES rapportcijfer_dienstverlening modus.\r\nLIST VARIABLES=opmerkingen.\r\nFREQUENCIES stratum.\r\n`,
      )
      const { stdout: output } = await runProgram('pspp', ['-o', path.join(dir, 'out.txt'), 'run.sps'], { cwd: dir })
      const listing = readFileSync(path.join(dir, 'out.txt'), 'utf8') + output
      expect(listing).not.toMatch(/error|warning/i)
      expect(listing).toContain('Welk rapportcijfer geeft u de afdeling Werk en Inkomen?')
      expect(listing).toContain('zeer slecht')
      expect(existsSync(path.join(dir, `ronde-${round.roundId}-antwoorden.sav`))).toBe(true)
      // 31 cases: 29 grades; "weet niet" and the paper form's -1 (two boxes ticked) are missing.
      expect(listing).toMatch(/\|N Valid\s*\|\s*29\|/)
      expect(listing).toMatch(/\|\s*Missing\|\s*2\|/)
      expect(listing).toContain('Papier: meer dan één')
      // Texts arrive as the respondent wrote them: no apostrophe from the spreadsheet guard.
      expect(listing).toContain('=HYPERLINK("http://x")')
      expect(listing).not.toContain(`'=HYPERLINK`)
      // Municipalities in the round's order, not the alphabet's.
      const municipalities = listing.slice(listing.lastIndexOf('Gemeente (stratum)'))
      expect(municipalities.indexOf('Hengelo')).toBeGreaterThan(-1)
      expect(municipalities.indexOf('Hengelo')).toBeLessThan(municipalities.indexOf('Borne'))
    },
  )
})

describe('the export with the texts as reviewed for quotes', () => {
  /** Reviews as the quotes screen stores them: one answer accepted with names removed, one set aside. */
  beforeAll(async () => {
    const byText = async (text: string) =>
      (
        await t.database.db
          .selectFrom('responses')
          .select('id')
          .where('round_id', '=', round.roundId)
          .where('status', '=', 'complete')
          .where(sql<boolean>`answers->>'opmerkingen' = ${text}`)
          .executeTakeFirstOrThrow()
      ).id
    await t.database.db
      .insertInto('quote_reviews')
      .values([
        {
          response_id: await byText(TRICKY_TEXT),
          variable: 'opmerkingen',
          round_id: round.roundId,
          decision: 'accepted',
          reviewed_text: 'Goed; (…) kan béter',
        },
        {
          response_id: await byText('=HYPERLINK("http://x")'),
          variable: 'opmerkingen',
          round_id: round.roundId,
          decision: 'rejected',
          reviewed_text: null,
        },
      ])
      .execute()
  })

  async function downloadReviewed(format: 'csv' | 'xlsx') {
    await researcher.visit(`/beheer/rondes/${round.roundId}/export`)
    return researcher.post(`/beheer/rondes/${round.roundId}/export`, { format, beoordeeld: '1' })
  }

  it('is offered on the export page, next to the choice of partial responses', async () => {
    const page = await researcher.visit(`/beheer/rondes/${round.roundId}/export`)
    expect(page.body).toContain('name="beoordeeld" value="1"')
    expect(page.body).toContain('Open antwoorden zoals beoordeeld voor citaten (namen weggehaald)')
  })

  it('carries the accepted text, and leaves answers not reviewed or set aside empty; the default stays as written', async () => {
    const [header, ...raw] = readCsv((await download('csv')).body)
    const response = await downloadReviewed('csv')
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="ronde-${round.roundId}-antwoorden-beoordeelde-teksten.csv"`,
    )
    const [reviewedHeader, ...reviewed] = readCsv(response.body)
    expect(reviewedHeader).toEqual(header)
    const col = header!.indexOf('opmerkingen')
    // Rows come in the same (id) order: row i is the same response in both files.
    const tricky = raw.findIndex((r) => r[col] === csvText(TRICKY_TEXT))
    expect(tricky).toBeGreaterThanOrEqual(0)
    expect(raw.filter((r) => r[col] === 'tekst').length).toBeGreaterThan(20)
    expect(reviewed.map((r) => r[col])).toEqual(raw.map((_, i) => (i === tricky ? 'Goed; (…) kan béter' : '')))
    // Everything else is the same.
    const grade = header!.indexOf('rapportcijfer_dienstverlening')
    expect(reviewed.map((r) => r[grade])).toEqual(raw.map((r) => r[grade]))
  })

  it('does the same in Excel, and says so in the audit log', async () => {
    const sheets = await readXlsxFile((await downloadReviewed('xlsx')).rawPayload)
    const [header, ...rows] = sheets[0]!.data
    const texts = rows.map((r) => r[header!.indexOf('opmerkingen')]).filter((v) => v !== null)
    expect(texts).toEqual(['Goed; (…) kan béter'])
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'export.download')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(entry.details).toEqual({ format: 'xlsx', includePartial: false, rows: 31, reviewedTexts: true })
  })
})
