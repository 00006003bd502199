import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { loadResults, suppressedColumns } from '#src/server/services/reporting/results.ts'
import type { SeededRound } from '#test/server/routes/beheer/seed.ts'
import { seedRound } from '#test/server/routes/beheer/seed.ts'

let t: TestApp
let round: SeededRound
let researcher: Browser

const GRADES: Record<string, number[]> = {
  // 10 × 8, 10 × 7 and two "weet niet": mean 7,5 over the 20 grades.
  hengelo: [...Array(10).fill(8), ...Array(10).fill(7), 99, 99],
  borne: [4, 5, 6, 7, 8, 9],
  losser: [2, 2, 2],
}

beforeAll(async () => {
  t = await createTestApp()
  const seen: Record<string, number> = {}
  round = await seedRound(
    t.database.db,
    [
      { code: 'hengelo', name: 'Hengelo', invited: 100, online: 12, paper: 10 },
      { code: 'borne', name: 'Borne', invited: 50, online: 6, paper: 0 },
      { code: 'losser', name: 'Losser', invited: 50, online: 3, paper: 0 },
    ],
    {
      answers: (_i, stratum) => {
        const n = (seen[stratum] = (seen[stratum] ?? -1) + 1)
        return {
          rapportcijfer_dienstverlening: GRADES[stratum]![n]!,
          begeleiding_werk: 1,
          begeleiding_door: n % 2 === 0 ? [1, 2] : [1],
          opmerkingen: 'Mijn naam is Jan',
        }
      },
    },
  )
  researcher = await signedInAs(t.app, 'researcher')
})
afterAll(async () => t.close())

function figures(html: string, variable: string, figure: string): string[] {
  const section = new RegExp(`<section class="result" id="r-${variable}"[\\s\\S]*?</section>`).exec(html)
  if (!section) throw new Error(`no result for ${variable}`)
  return [...section[0].matchAll(new RegExp(`data-figure="${figure}">([^<]*)<`, 'g'))].map((m) => m[1]!)
}

describe('the results view', () => {
  it('shows the mean grade with one decimal and a Dutch comma, and the share below 6, per municipality and in total', async () => {
    const page = await researcher.visit(`/beheer/rondes/${round.roundId}/resultaten`)
    expect(page.statusCode).toBe(200)
    // Columns: total, Hengelo, Borne, Losser. Losser has 3 answers (< 5): hidden; Borne is
    // hidden too, or the total minus Hengelo would give Losser's figures away.
    expect(figures(page.body, 'rapportcijfer_dienstverlening', 'mean')).toEqual([
      '6,7',
      '7,5',
      'te weinig antwoorden',
      'te weinig antwoorden',
    ])
    expect(figures(page.body, 'rapportcijfer_dienstverlening', 'below-six')).toEqual([
      '17%',
      '0%',
      'te weinig antwoorden',
      'te weinig antwoorden',
    ])
    expect(figures(page.body, 'rapportcijfer_dienstverlening', 'answered')).toEqual([
      '31',
      '22',
      'te weinig antwoorden',
      'te weinig antwoorden',
    ])
  })

  it('gives percentages of the valid answers, with "weet niet" counted apart, outside the base', async () => {
    const results = (await loadResults(t.database.db, round.roundId, 'nl', 'Andere codes'))!
    const grade = results.questions.find((q) => q.variable === 'rapportcijfer_dienstverlening')!
    // 31 answered in total, 22 in Hengelo; two of them "weet niet": the base is 29 and 20.
    expect(grade.answered.slice(0, 2)).toEqual([31, 22])
    expect(grade.base.slice(0, 2)).toEqual([29, 20])
    const eight = grade.rows.find((r) => r.value === 8)!
    expect(eight.cells[0]).toEqual({ count: 11, share: 11 / 29 })
    expect(eight.cells[1]).toEqual({ count: 10, share: 10 / 20 })
    const dontKnow = grade.rows.find((r) => r.value === 99)!
    expect(dontKnow).toMatchObject({ label: 'Weet ik niet / geen ervaring', outsideBase: true })
    expect(dontKnow.cells[1]).toEqual({ count: 2, share: null })
    // "% onvoldoende" is the sum of the rows 1 to 5 above it, on the same base.
    const failing = grade.rows.filter((r) => r.value !== null && r.value >= 1 && r.value <= 5)
    expect(failing.reduce((sum, r) => sum + r.cells[0]!.share!, 0)).toBeCloseTo(grade.belowSix![0]!, 10)
    const page = await researcher.visit(`/beheer/rondes/${round.roundId}/resultaten`)
    expect(figures(page.body, 'rapportcijfer_dienstverlening', 'base').slice(0, 2)).toEqual(['29', '20'])
    // Multiple choice: shares of those who answered the question; together over 100%.
    const door = results.questions.find((q) => q.variable === 'begeleiding_door')!
    expect(door.rows.find((r) => r.value === 1)!.cells[0]).toEqual({ count: 31, share: 1 })
    expect(door.rows.find((r) => r.value === 2)!.cells[0]!.count).toBe(11 + 3 + 2)
  })

  it('never shows open answers, only that there are some', async () => {
    const page = await researcher.visit(`/beheer/rondes/${round.roundId}/resultaten`)
    expect(page.body).not.toContain('Mijn naam is Jan')
    expect(figures(page.body, 'opmerkingen', 'answered')[0]).toBe('31')
  })

  it('follows the minimum group size set for the round', async () => {
    await t.database.db.updateTable('rounds').set({ min_group_size: 3 }).where('id', '=', round.roundId).execute()
    const page = await researcher.visit(`/beheer/rondes/${round.roundId}/resultaten`)
    expect(figures(page.body, 'rapportcijfer_dienstverlening', 'mean')).toEqual(['6,7', '7,5', '6,5', '2,0'])
    await t.database.db.updateTable('rounds').set({ min_group_size: 5 }).where('id', '=', round.roundId).execute()
  })

  it('says how many completed questionnaires still wait to be added, and counts only those added', async () => {
    const url = `/beheer/rondes/${round.roundId}/resultaten`
    await t.database.db.updateTable('rounds').set({ release_batch_size: 10 }).where('id', '=', round.roundId).execute()
    const before = await researcher.visit(url)
    expect(before.body).not.toContain('wachten nog')
    const waiting = { round_id: round.roundId, stratum_id: round.strata.get('borne')!, mode: 'online' as const }
    await t.database.db
      .insertInto('responses_waiting')
      .values(
        [2, 3, 4].map((grade) => ({
          ...waiting,
          status: 'complete' as const,
          answers: JSON.stringify({ rapportcijfer_dienstverlening: grade }),
          language: 'nl',
          wave: null,
        })),
      )
      .execute()
    const page = await researcher.visit(url)
    expect(page.body).toContain(
      '3 ingevulde vragenlijsten wachten nog en tellen hier nog niet mee. Ze komen erbij zodra er 10 zijn, of als de ronde sluit.',
    )
    expect(figures(page.body, 'rapportcijfer_dienstverlening', 'mean')).toEqual(
      figures(before.body, 'rapportcijfer_dienstverlening', 'mean'),
    )
    await t.database.db.deleteFrom('responses_waiting').where('round_id', '=', round.roundId).execute()
  })

  it('shows English number formats in English', async () => {
    const page = await researcher.visit(`/beheer/rondes/${round.roundId}/resultaten?lang=en`)
    expect(figures(page.body, 'rapportcijfer_dienstverlening', 'mean')).toEqual([
      '6.7',
      '7.5',
      'too few answers',
      'too few answers',
    ])
    await researcher.visit('/beheer?lang=nl')
  })
})

describe('suppressing small groups', () => {
  it('hides groups under the minimum, and a second one when a single hidden group could be worked out', () => {
    expect(suppressedColumns([31, 22, 6, 3], 5)).toEqual([false, false, true, true])
    expect(suppressedColumns([40, 22, 15, 3], 5)).toEqual([false, false, true, true])
    expect(suppressedColumns([31, 22, 3, 3, 3], 5)).toEqual([false, false, true, true, true])
    expect(suppressedColumns([30, 20, 10], 5)).toEqual([false, false, false])
    expect(suppressedColumns([4, 2, 2], 5)).toEqual([true, true, true])
    expect(suppressedColumns([8, 8], 5)).toEqual([false, false])
  })
})

describe('the response and reliability table above the results', () => {
  /** The table's rows as their cells' text. */
  function reliabilityRows(html: string): string[][] {
    const table = /<table class="data reliability">[\s\S]*?<\/table>/.exec(html)![0]
    return [...table.matchAll(/<tr(?: class="total")?>\s*<th scope="row">([^<]*)<\/th>([\s\S]*?)<\/tr>/g)].map((m) => [
      m[1]!,
      ...[...m[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((cell) => cell[1]!.trim()),
    ])
  }

  it("gives per municipality and in total the reports' figures and verdict, by the round's thresholds", async () => {
    const large = await seedRound(t.database.db, [
      { code: 'hengelo', name: 'Hengelo', invited: 120, online: 80, paper: 30 },
      { code: 'borne', name: 'Borne', invited: 60, online: 20, paper: 10 },
    ])
    const url = `/beheer/rondes/${large.roundId}/resultaten`
    // Hengelo 110 of 120: 99.97% sure within 5 points; Borne 30 of 60: 56.1%.
    expect(reliabilityRows((await researcher.visit(url)).body)).toEqual([
      ['Hengelo', '120', '30', '80', '110', '92%', '100,0%', 'zeer betrouwbaar'],
      ['Borne', '60', '10', '20', '30', '50%', '56,1%', 'indicatief'],
      ['Totaal', '180', '40', '100', '140', '78%', '98,8%', 'zeer betrouwbaar'],
    ])
    await t.database.db
      .updateTable('rounds')
      .set({ very_reliable_percent: 60, reliable_percent: 55 })
      .where('id', '=', large.roundId)
      .execute()
    const page = await researcher.visit(url)
    expect(reliabilityRows(page.body)[1]).toEqual(['Borne', '60', '10', '20', '30', '50%', '56,1%', 'betrouwbaar'])
    expect(page.body).toContain('Vanaf 60% noemen we de uitkomsten zeer betrouwbaar, vanaf 55% betrouwbaar.')
  })
})
