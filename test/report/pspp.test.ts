/**
 * The report's unweighted figures against PSPP's on the exported data set (issue 15): the
 * SPSS syntax and data of the export, read in PSPP with the missing values the codebook
 * declares ("weet niet", not asked, paper codes), FREQUENCIES and DESCRIPTIVES, and every
 * figure compared with the report of the whole round made with weighting off.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#test/helpers/database.ts'
import { runProgram } from '#test/helpers/programs.ts'
import { programsAvailable } from '#test/setup/environment.ts'
import { mulberry32 } from '#src/statistics/mulberry32.ts'
import { seedRound } from '#test/server/routes/beheer/seed.ts'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { translator } from '#src/i18n/translate.ts'
import type { Block, Line, Report } from '#src/report/model.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'
import { exportFile } from '#src/server/services/reporting/export-files.ts'
import { makeReport } from '#src/server/services/report/round-report.ts'

const hasPspp = programsAvailable(['pspp'], 'pspp', 'Comparing the report with PSPP is')
const fmt = numberFormats('nl')

let handle: DatabaseHandle
let report: Report
/** PSPP's tables by title (with TVARS=NAMES: the variable's name), as rows of cells. */
let tables: Map<string, string[][]>

function pick<T>(next: () => number, choices: readonly T[]): T {
  return choices[Math.floor(next() * choices.length)]!
}

/** What the answers of respondent `i` are: routing followed, as the questionnaire asks it. */
function answersOf(i: number) {
  // The same pseudo-random answers on every run, without the regularity of `i % n`.
  const next = mulberry32(i + 1)
  const when = pick(next, [1, 1, 1, 2])
  const help = pick(next, [1, 2, 2, 3, 3])
  return {
    // Grades lean to 6–8, as in the real reports; 99 is "weet niet".
    rapportcijfer_dienstverlening: pick(next, [1, 3, 4, 5, 5, 6, 6, 7, 7, 7, 8, 8, 8, 9, 10, 99, 99]),
    intake_wanneer: when,
    ...(when === 1
      ? {
          intake_stellingen_a: pick(next, [1, 1, 2, 2, 2, 3, 4, 99]),
          intake_stellingen_b: pick(next, [1, 2, 2, 3, 3, 4, 99]),
        }
      : {}),
    begeleiding_werk: help,
    ...(help === 3 ? {} : { begeleiding_door: [1, 2].filter(() => next() < 0.6) }),
  }
}

beforeAll(async () => {
  handle = await createTestDatabase()
  const { roundId } = await seedRound(
    handle.db,
    [
      { code: 'hengelo', name: 'Hengelo', invited: 400, online: 70, paper: 61 },
      { code: 'borne', name: 'Borne', invited: 90, online: 17, paper: 9 },
    ],
    { answers: answersOf },
  )
  report = (await makeReport(handle.db, {
    roundId,
    municipality: null,
    trendRoundIds: [],
    referenceRoundIds: [],
    referenceSetId: null,
    weigh: false,
  }))!
  if (!hasPspp) return

  const dir = mkdtempSync(path.join(tmpdir(), 'peiling-report-pspp-'))
  for (const [format, name] of [
    ['spss-data', 'data.csv'],
    ['spss', 'data.sps'],
  ] as const) {
    const file = await exportFile(
      handle.db,
      { id: null, username: 'test' },
      roundId,
      format,
      { includePartial: false, dataFile: 'data.csv' },
      translator('nl'),
      'nl',
    )
    const chunks: Buffer[] = []
    if (typeof file!.body === 'string' || Buffer.isBuffer(file!.body)) chunks.push(Buffer.from(file!.body))
    else for await (const chunk of file!.body) chunks.push(Buffer.from(chunk as Buffer))
    writeFileSync(path.join(dir, name), Buffer.concat(chunks))
  }
  // Names and codes instead of labels, so the tables can be looked up by variable and value.
  const commands = [
    'SET TVARS=NAMES TNUMBERS=VALUES.',
    'FREQUENCIES /VARIABLES=rapportcijfer_dienstverlening intake_wanneer begeleiding_werk intake_stellingen_a intake_stellingen_b begeleiding_door_1 begeleiding_door_2.',
    'DESCRIPTIVES /VARIABLES=rapportcijfer_dienstverlening /STATISTICS=MEAN.',
  ]
  writeFileSync(
    path.join(dir, 'run.sps'),
    `${readFileSync(path.join(dir, 'data.sps'), 'utf8')}\r\n${commands.join('\r\n')}\r\n`,
  )
  await runProgram('pspp', ['-o', 'out.csv', 'run.sps'], { cwd: dir })
  const output = readFileSync(path.join(dir, 'out.csv'), 'utf8')
  expect(output).not.toMatch(/error|warning/i)
  tables = new Map(
    output
      .split(/\r?\n\r?\n/)
      .filter((part) => part.startsWith('Table: '))
      .map((part) => {
        const [title, ...rows] = part.split(/\r?\n/)
        return [title!.slice('Table: '.length), parse(rows.join('\n'), { relax_column_count: true }) as string[][]]
      }),
  )
})
afterAll(async () => handle.close())

/** PSPP's frequency table of a variable: per valid code its count, and the valid N. */
function frequencies(variable: string): { counts: Map<number, number>; valid: number; printed: Map<number, string[]> } {
  const rows = tables.get(variable)
  if (!rows) throw new Error(`PSPP made no table for ${variable}`)
  const counts = new Map<number, number>()
  const printed = new Map<number, string[]>()
  let section = ''
  for (const [first, value, frequency, , validPercent, cumulative] of rows.slice(1)) {
    if (first) section = first
    if (section !== 'Valid' || value === '' || value === undefined) continue
    counts.set(Number(value), Number(frequency))
    printed.set(Number(value), [validPercent!, cumulative!])
  }
  return { counts, valid: [...counts.values()].reduce((a, b) => a + b, 0), printed }
}

/** PSPP prints "68.2%" and ".50": its value as a share, to the precision it printed. */
function psppShare(text: string): { value: number; precision: number } {
  const digits = text.replace('%', '').split('.')[1]?.length ?? 0
  return { value: Number(text.replace('%', '')) / 100, precision: (0.5 * 10 ** -digits) / 100 }
}

function blocks(): Block[] {
  return report.chapters.flatMap((c) => c.blocks)
}

function lineOf(variable: string, statistic: Line['statistic'], code?: number): Line {
  const line = blocks()
    .flatMap((b) => b.lines)
    .find((l) => l.variable === variable && l.statistic === statistic && (code === undefined || l.code === code))
  if (!line?.current) throw new Error(`the report has no ${statistic} of ${variable} ${code ?? ''}`)
  return line
}

/** The report's figure equals PSPP's, and prints as PSPP's exact figure would. */
function expectShare(line: Line, count: number, valid: number, psppPrinted: string) {
  const exact = count / valid
  expect(line.current!.n).toBe(valid)
  expect(line.current!.value).toBeCloseTo(exact, 12)
  const printed = psppShare(psppPrinted)
  expect(Math.abs(line.current!.value - printed.value)).toBeLessThanOrEqual(printed.precision + 1e-12)
  expect(fmt.percent(line.current!.value)).toBe(fmt.percent(exact))
}

describe.skipIf(!hasPspp)('the report without weighting, against PSPP on the export', () => {
  it('has the mean grade and % onvoldoende of PSPP, "weet niet" left out', () => {
    const { counts, valid, printed } = frequencies('rapportcijfer_dienstverlening')
    expect(counts.has(99)).toBe(false)
    const block = blocks().find((b) => b.variable === 'rapportcijfer_dienstverlening')!
    expect(block.kind === 'grade' && block.outsideBase).toBeGreaterThan(0)
    const mean = lineOf('rapportcijfer_dienstverlening', 'mean')
    const exactMean = [...counts].reduce((sum, [grade, n]) => sum + grade * n, 0) / valid
    expect(mean.current!.n).toBe(valid)
    expect(mean.current!.value).toBeCloseTo(exactMean, 12)
    // DESCRIPTIVES prints the mean to two decimals; the report to one.
    const [, descriptive] = tables.get('Descriptive Statistics')!
    expect(descriptive!.slice(0, 2)).toEqual(['rapportcijfer_dienstverlening', String(valid)])
    expect(Math.abs(mean.current!.value - Number(descriptive![2]))).toBeLessThanOrEqual(0.005 + 1e-12)
    expect(fmt.mean(mean.current!.value)).toBe(fmt.mean(exactMean))
    // % onvoldoende: grades 1 to 5, PSPP's cumulative percent at 5.
    const fail = [1, 2, 3, 4, 5].reduce((sum, grade) => sum + (counts.get(grade) ?? 0), 0)
    expectShare(lineOf('rapportcijfer_dienstverlening', 'belowSix'), fail, valid, printed.get(5)![1]!)
  })

  it('has the agree share of each statement: (helemaal) mee eens of the valid answers', () => {
    for (const variable of ['intake_stellingen_a', 'intake_stellingen_b']) {
      const { counts, valid, printed } = frequencies(variable)
      expect(counts.has(99)).toBe(false)
      const agree = (counts.get(1) ?? 0) + (counts.get(2) ?? 0)
      expectShare(lineOf(variable, 'agree'), agree, valid, printed.get(2)![1]!)
    }
  })

  it('has the share of each answer of a single-choice question', () => {
    for (const variable of ['intake_wanneer', 'begeleiding_werk']) {
      const { counts, valid, printed } = frequencies(variable)
      expect(counts.size).toBeGreaterThan(1)
      for (const [code, count] of counts)
        expectShare(lineOf(variable, 'share', code), count, valid, printed.get(code)![0]!)
    }
  })

  it('has the share of each answer of a multiple-choice question, of those asked', () => {
    for (const code of [1, 2]) {
      const { counts, valid, printed } = frequencies(`begeleiding_door_${code}`)
      expectShare(lineOf('begeleiding_door', 'share', code), counts.get(1)!, valid, printed.get(1)![0]!)
    }
  })
})
