/**
 * The weights and weighted estimates of src/statistics against R's survey package on the
 * same responses (weighting.R): post-stratification to the number written to per
 * municipality, raking to municipality, age class and sex margins, and trimming. Weights,
 * weighted means and percentages, and their standard errors must agree to 1e-6.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '#src/statistics/mulberry32.ts'
import type { Population } from '#src/statistics/post-stratify.ts'
import { postStratify, WeightingError } from '#src/statistics/post-stratify.ts'
import { rake } from '#src/statistics/rake.ts'
import { trimWeights } from '#src/statistics/trim.ts'
import type { WeightedDesign } from '#src/statistics/weighted-design.ts'
import { kishDesignEffect, unweighted } from '#src/statistics/weighted-design.ts'
import { weightedMean } from '#src/statistics/weighted-mean.ts'
import { runProgram } from '#test/helpers/programs.ts'
import { programsAvailable } from '#test/setup/environment.ts'

const R_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'weighting.R')
const hasR = programsAvailable(['Rscript'], 'r-base-core r-cran-survey', 'Weighting checks against R are')
const TRIM_UPPER = 12

interface Response {
  gemeente: string
  leeftijd: string
  geslacht: string
  /** A grade 1–10, or null where the question was not asked or not answered. */
  cijfer: number | null
  /** Agrees (1) or not (0) with a statement, or null for "weet niet". */
  eens: number | null
}

/** A round of 600 responses whose make-up differs from the population's: young men answer less. */
function syntheticRound(): {
  responses: Response[]
  margins: Record<'gemeente' | 'leeftijd' | 'geslacht', Population>
} {
  const random = mulberry32(20261206)
  const pick = <T>(options: readonly T[], odds: readonly number[]): T => {
    let r = random() * odds.reduce((a, b) => a + b, 0)
    for (let i = 0; i < options.length; i++) if ((r -= odds[i]!) < 0) return options[i]!
    return options.at(-1)!
  }
  const responses: Response[] = []
  for (let i = 0; i < 600; i++) {
    const gemeente = pick(['0164', '0153', '0173'], [5, 2, 1])
    const leeftijd = pick(['18-26', '27-44', '45-64', '65+'], [1, 3, 4, 2])
    const geslacht = pick(['m', 'v'], leeftijd === '18-26' ? [1, 3] : [2, 3])
    const base = 6 + (leeftijd === '65+' ? 1 : 0) + (gemeente === '0173' ? 0.5 : 0)
    const cijfer = random() < 0.15 ? null : Math.max(1, Math.min(10, Math.round(base + (random() - 0.5) * 6)))
    const eens = random() < 0.1 ? null : random() < (geslacht === 'v' ? 0.7 : 0.55) ? 1 : 0
    responses.push({ gemeente, leeftijd, geslacht, cijfer, eens })
  }
  const margins = {
    gemeente: new Map([
      ['0164', 2412],
      ['0153', 1050],
      ['0173', 538],
    ]),
    leeftijd: new Map([
      ['18-26', 560],
      ['27-44', 1240],
      ['45-64', 1520],
      ['65+', 680],
    ]),
    geslacht: new Map([
      ['m', 1880],
      ['v', 2120],
    ]),
  }
  return { responses, margins }
}

const { responses, margins } = syntheticRound()
const column = <K extends keyof Response>(key: K) => responses.map((r) => r[key])
const poststratified = postStratify(column('gemeente'), margins.gemeente)
const raked = rake(
  [
    { groups: column('gemeente'), population: margins.gemeente },
    { groups: column('leeftijd'), population: margins.leeftijd },
    { groups: column('geslacht'), population: margins.geslacht },
  ],
  unweighted(responses.length).weights,
)
const trimmed = trimWeights(raked, { upper: TRIM_UPPER })
const designs: Record<string, WeightedDesign> = { poststratified, raked, trimmed }

describe('weights', () => {
  it('post-stratified weights add up to the number written to in each municipality', () => {
    const totals = new Map<string, number>()
    responses.forEach((r, i) => totals.set(r.gemeente, (totals.get(r.gemeente) ?? 0) + poststratified.weights[i]!))
    for (const [gemeente, writtenTo] of margins.gemeente) expect(totals.get(gemeente)).toBeCloseTo(writtenTo, 9)
  })

  it('raked weights meet every margin at once', () => {
    for (const key of ['gemeente', 'leeftijd', 'geslacht'] as const) {
      const totals = new Map<string, number>()
      responses.forEach((r, i) => totals.set(r[key], (totals.get(r[key]) ?? 0) + raked.weights[i]!))
      for (const [group, size] of margins[key]) expect(totals.get(group), `${key} ${group}`).toBeCloseTo(size, 6)
    }
  })

  it('trimming caps the large weights and keeps their total', () => {
    const sum = (w: readonly number[]) => w.reduce((a, b) => a + b, 0)
    expect(trimmed.trimmed).toBeGreaterThan(0)
    expect(trimmed.weights.filter((w) => w === TRIM_UPPER)).toHaveLength(trimmed.trimmed)
    expect(sum(trimmed.weights)).toBeCloseTo(sum(raked.weights), 6)
    expect(kishDesignEffect(trimmed.weights)).toBeLessThan(kishDesignEffect(raked.weights))
  })

  it('refuses a municipality with responses but nobody written to, naming it', () => {
    expect(() => postStratify(['0164', '9999'], margins.gemeente)).toThrow(WeightingError)
    expect(() => postStratify(['0164', '9999'], margins.gemeente)).toThrow('"9999"')
  })

  it('has a design effect of 1 for equal weights, and more for unequal ones', () => {
    expect(kishDesignEffect(unweighted(10).weights)).toBe(1)
    expect(kishDesignEffect(raked.weights)).toBeGreaterThan(1)
  })
})

describe.skipIf(!hasR)("against R's survey package", () => {
  let dir: string
  let rWeights: Array<Record<string, string>>
  let rEstimates: Array<Record<string, string>>

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'peiling-weighting-'))
    writeFileSync(
      path.join(dir, 'responses.csv'),
      stringify(
        responses.map((r) => ({ ...r, cijfer: r.cijfer ?? 'NA', eens: r.eens ?? 'NA' })),
        { header: true },
      ),
    )
    const marginRows = Object.entries(margins).flatMap(([margin, population]) =>
      [...population].map(([group, size]) => ({ margin, group, population: size })),
    )
    writeFileSync(path.join(dir, 'margins.csv'), stringify(marginRows, { header: true }))
    process.env.TRIM_UPPER = String(TRIM_UPPER)
    await runProgram('Rscript', [R_SCRIPT, dir])
    rWeights = parse(readFileSync(path.join(dir, 'weights.csv')), { columns: true })
    rEstimates = parse(readFileSync(path.join(dir, 'estimates.csv')), { columns: true })
  }, 60_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each(Object.keys(designs))('gives the %s weights R gives, to 1e-6', (name) => {
    const ours = designs[name]!.weights
    expect(rWeights).toHaveLength(ours.length)
    const worst = Math.max(...rWeights.map((row, i) => Math.abs(Number(row[name]) - ours[i]!)))
    expect(worst).toBeLessThan(1e-6)
  })

  it.each(Object.keys(designs))('gives the %s means, percentages and standard errors R gives, to 1e-6', (name) => {
    for (const variable of ['cijfer', 'eens'] as const) {
      const ours = weightedMean(column(variable), designs[name]!)
      const theirs = rEstimates.find((row) => row.design === name && row.variable === variable)!
      expect(Math.abs(ours.estimate - Number(theirs.estimate)), `${name} ${variable} mean`).toBeLessThan(1e-6)
      expect(Math.abs(ours.standardError - Number(theirs.se)), `${name} ${variable} SE`).toBeLessThan(1e-6)
    }
  })
})
