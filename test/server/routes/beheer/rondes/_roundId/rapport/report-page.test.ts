import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyTableHeaders } from '#test/helpers/table-headers.ts'
import type { Browser, TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import type { SeededRound } from '#test/server/routes/beheer/seed.ts'
import { seedRound } from '#test/server/routes/beheer/seed.ts'
import { paragraphs, unzip } from '#test/report/_docx.ts'

let t: TestApp
let earlier: SeededRound
let current: SeededRound
let reference: SeededRound
let researcher: Browser

const STRATA = [
  { code: 'hengelo', name: 'Hengelo', invited: 200, online: 30, paper: 30 },
  { code: 'borne', name: 'Borne', invited: 100, online: 15, paper: 15 },
]

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.db
  // 2024: grades 5 and 6, mean 5,5. 2026: grades 7 and 8, mean 7,5: significantly higher.
  earlier = await seedRound(db, STRATA, {
    status: 'closed',
    opensOn: '2024-09-01',
    answers: (i) => ({
      rapportcijfer_dienstverlening: 5 + (i % 2),
      intake_wanneer: 1,
      intake_stellingen_a: i % 10 === 0 ? 1 : 3,
    }),
  })
  current = await seedRound(db, STRATA, {
    opensOn: '2026-09-01',
    answers: (i, stratum) => ({
      rapportcijfer_dienstverlening: i % 7 === 0 ? 99 : 7 + (i % 2),
      intake_wanneer: 1,
      // Statement a: 90% agree now, 10% in 2024; statement b: only in Borne, 3 answers.
      intake_stellingen_a: i % 10 === 0 ? 3 : 1 + (i % 2),
      ...(stratum === 'borne' && i % 10 === 0 ? { intake_stellingen_b: 1 } : {}),
      punt_goed: i % 3 === 0 ? [1, 7] : [7],
      leeftijd: 1 + (i % 4),
      geslacht: 1 + (i % 2),
    }),
  })
  reference = await seedRound(db, [{ code: 'enschede', name: 'Enschede', invited: 100, online: 20, paper: 0 }], {
    status: 'closed',
    opensOn: '2025-03-01',
    answers: () => ({ rapportcijfer_dienstverlening: 6 }),
  })
  researcher = await signedInAs(t.app, 'researcher')
})
afterAll(async () => t.close())

function blockOf(html: string, variable: string): string {
  const block = new RegExp(`<section class="report-block" id="b-${variable}"[\\s\\S]*?</section>`).exec(html)
  if (!block) throw new Error(`no block for ${variable}`)
  return block[0]
}

function cells(html: string, variable: string, statistic: string): string[] {
  const row = new RegExp(`<tr data-variable="${variable}" data-statistic="${statistic}">([\\s\\S]*?)</tr>`).exec(html)
  if (!row) throw new Error(`no row ${variable} ${statistic}`)
  return [...row[1]!.matchAll(/<td class="num" data-column="[a-z]+">([\s\S]*?)<\/td>/g)].map((m) =>
    m[1]!
      .replace(/<span class="visually-hidden">([^<]*)<\/span>/g, ' [$1]')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  )
}

describe('the report page', () => {
  it('shows the grade with trend and reference columns, and marks a significant change', async () => {
    const page = await researcher.visit(
      `/beheer/rondes/${current.roundId}/rapport?keuze=1&trend=${earlier.roundId}&referentie=${reference.roundId}`,
    )
    expect(page.statusCode).toBe(200)
    const grade = blockOf(page.body, 'rapportcijfer_dienstverlening')
    // 90 responses, 13 of them "weet niet": N = 77 valid grades.
    expect(grade).toContain('(N=77)')
    expect(page.body).toMatch(
      /<th scope="col" class="num">2026<\/th>\s*<th scope="col" class="num">2024<\/th>\s*<th scope="col" class="num">Referentiegroep<\/th>/,
    )
    const mean = cells(grade, 'rapportcijfer_dienstverlening', 'mean')
    expect(mean[0]).toMatch(/^7,\d$/)
    expect(mean[1]).toBe('5,5 ▲ [in dit jaar significant hoger dan in deze kolom]')
    expect(mean[2]).toBe('6,0 ▲ [in dit jaar significant hoger dan in deze kolom]')
    expect(cells(grade, 'rapportcijfer_dienstverlening', 'belowSix')[0]).toBe('0%')
    expect(grade).toContain('13 keer &quot;weet niet&quot;')
    // The summary on top says the same, in words.
    expect(page.body).toMatch(/data-summary="grade">De respondenten geven gemiddeld een 7,\d bij de vraag/)
    expect(page.body).toContain('Zoveel respondenten gaven een cijfer: 77.')
    expect(page.body).toContain('In 2024 was dat een 5,5.')
    expect(page.body).toContain('Het cijfer is significant hoger dan in 2024.')
  })

  it('lists the largest changes first and hides a statement with too few answers', async () => {
    const page = await researcher.visit(
      `/beheer/rondes/${current.roundId}/rapport?keuze=1&trend=${earlier.roundId}&referentie=${reference.roundId}`,
    )
    const changes = /<ul data-summary="changes">([\s\S]*?)<\/ul>/.exec(page.body)![1]!
    expect(changes.split('</li>')[0]).toContain('duidelijk uitgelegd wat mijn rechten zijn')
    expect(changes.split('</li>')[0]).toMatch(/van 10% naar 90%/)
    const statements = blockOf(page.body, 'intake_stellingen')
    // The reference round asks the statement, but nobody there answered it: a blank cell.
    expect(cells(statements, 'intake_stellingen_a', 'agree')).toEqual([
      '90%',
      '10% ▲ [in dit jaar significant hoger dan in deze kolom]',
      '',
    ])
    // Statement b has 3 answers: below the minimum group size of 5.
    expect(cells(statements, 'intake_stellingen_b', 'agree')[0]).toBe('te weinig')
  })

  it('makes the report of one municipality, without the other one', async () => {
    const page = await researcher.visit(`/beheer/rondes/${current.roundId}/rapport?gemeente=borne`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<p><strong>Gemeente Borne</strong></p>')
    expect(blockOf(page.body, 'rapportcijfer_dienstverlening')).toContain('(N=26)')
    expect(page.body).not.toContain('data-municipality="hengelo"')
    expect(page.body).toContain('data-weighting="none"')
  })

  it('weights the total over municipalities and states it, with appendices per municipality', async () => {
    const page = await researcher.visit(`/beheer/rondes/${current.roundId}/rapport`)
    expect(page.body).toContain('data-weighting="municipality"')
    expect(page.body).toContain('data-municipality="hengelo"')
    expect(page.body).toContain('data-municipality="borne"')
    // By default the trend shows the earlier round of the same questionnaire.
    expect(page.body).toMatch(new RegExp(`name="trend" value="${earlier.roundId}" checked`))
    // The tables of grades and numbers name their first column for screen readers too.
    expect(emptyTableHeaders(page.body)).toEqual([])
    expect(page.body).toContain('<span class="visually-hidden">Uitkomst</span>')
  })

  it('rakes to age and sex when the client file had birth years and sexes, and says so', async () => {
    const db = t.database.db
    // As the client import keeps them: counts per municipality, birth year and sex, never per client.
    await db
      .insertInto('population_margins')
      .values([
        {
          round_id: current.roundId,
          stratum_id: current.strata.get('hengelo')!,
          birth_year: 2000,
          sex: 'vrouw',
          clients: 120,
        },
        {
          round_id: current.roundId,
          stratum_id: current.strata.get('hengelo')!,
          birth_year: 1970,
          sex: 'man',
          clients: 80,
        },
        {
          round_id: current.roundId,
          stratum_id: current.strata.get('borne')!,
          birth_year: 1990,
          sex: 'man',
          clients: 100,
        },
      ])
      .execute()
    const page = await researcher.visit(`/beheer/rondes/${current.roundId}/rapport?keuze=1`)
    expect(page.body).toContain('data-weighting="municipalityAgeSex"')
    expect(page.body).toContain('gewogen naar gemeente, leeftijd en geslacht')
    expect(page.body).not.toContain('data-age-sex=')
  })

  it('gives the same report as a Word file, for the municipality asked', async () => {
    const file = await researcher.visit(
      `/beheer/rondes/${current.roundId}/rapport.docx?gemeente=borne&keuze=1&trend=${earlier.roundId}`,
    )
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(file.headers['content-disposition']).toBe('attachment; filename="rapport-testronde-borne.docx"')
    const text = paragraphs(unzip(file.rawPayload).get('word/document.xml')!.toString('utf8'))
      .map((p) => p.text)
      .join('\n')
    expect(text).toContain('Gemeente Borne')
    expect(text).toContain('In 2024 was dat een 5,5.')
    expect(text).not.toContain('Hengelo (N=')
  })

  it('is for researchers only', async () => {
    const administrator = await signedInAs(t.app, 'administrator')
    const page = await administrator.visit(`/beheer/rondes/${current.roundId}/rapport`)
    expect(page.statusCode).toBe(403)
  })
})

describe('the choice of what to compare with', () => {
  it('is kept with the round, and the results page summarises against the same rounds', async () => {
    await researcher.visit(`/beheer/rondes/${current.roundId}/rapport`)
    const saved = await researcher.post(`/beheer/rondes/${current.roundId}/rapport`, {
      gemeente: 'hengelo',
      referentie: String(reference.roundId),
      weging: 'uit',
    })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe(`/beheer/rondes/${current.roundId}/rapport?gemeente=hengelo`)
    const page = await researcher.visit(`/beheer/rondes/${current.roundId}/rapport`)
    // No earlier round ticked: no trend column; the reference round stays ticked.
    expect(page.body).not.toMatch(new RegExp(`name="trend" value="${earlier.roundId}" checked`))
    expect(page.body).toMatch(new RegExp(`name="referentie" value="${reference.roundId}" checked`))
    expect(page.body).toContain('data-weighting="none"')
    const results = await researcher.visit(`/beheer/rondes/${current.roundId}/resultaten`)
    expect(results.body).toContain('De referentiegroep geeft gemiddeld een 6,0.')
    expect(results.body).toContain('Kies een eerdere ronde om veranderingen te zien.')
    // The summary is kept between visits, but not past new responses in a round it rests on.
    await t.database.db
      .insertInto('responses')
      .values(
        Array.from({ length: 20 }, () => ({
          round_id: reference.roundId,
          stratum_id: reference.strata.get('enschede')!,
          mode: 'paper' as const,
          status: 'complete' as const,
          answers: JSON.stringify({ rapportcijfer_dienstverlening: 9 }),
        })),
      )
      .execute()
    const again = await researcher.visit(`/beheer/rondes/${current.roundId}/resultaten`)
    // 20 grades of 6 and 20 of 9.
    expect(again.body).toContain('De referentiegroep geeft gemiddeld een 7,5.')
  })

  it('is refused without the form’s token', async () => {
    const forged = await researcher.post(
      `/beheer/rondes/${current.roundId}/rapport`,
      { referentie: '1' },
      { csrf: false },
    )
    expect(forged.statusCode).toBe(403)
  })
})
