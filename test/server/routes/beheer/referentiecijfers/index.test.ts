/**
 * Reference figures: a researcher uploads a benchmark organisation's CSV; a clean file
 * becomes a set the report can read, a file with bad rows is refused whole, with every
 * bad row named.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { CLIENT_FILES } from '#test/helpers/fixtures.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { upload } from '#test/server/routes/beheer/rondes/_roundId/import/_upload.ts'
import { listReferenceSets, loadReferenceFigures } from '#src/server/services/report/reference-figures.ts'

const SAMPLE = readFileSync(`${CLIENT_FILES}/reference-figures.csv`)
const URL = '/beheer/referentiecijfers'

let t: TestApp
let researcher: Awaited<ReturnType<typeof signedInAs>>

beforeAll(async () => {
  t = await createTestApp()
  researcher = await signedInAs(t.app, 'researcher')
})
afterAll(async () => t.close())

async function uploadFile(
  browser: typeof researcher,
  data: Buffer | string,
  fields: Record<string, string> = { naam: 'Benchmark Klantbeleving 2025', bron: 'Divosa', jaar: '2025' },
) {
  await browser.visit(URL)
  return upload(browser, URL, fields, { bestand: { name: 'referentie.csv', data, type: 'text/csv' } })
}

async function storedFigures() {
  return t.app.db.selectFrom('reference_figures').select(['concept', 'statistic']).execute()
}

async function deleteAllSets() {
  await t.app.db.deleteFrom('reference_sets').execute()
}

describe('uploading reference figures', () => {
  it('stores a clean file as a set, lists it, and the report reads percentages as shares', async () => {
    const response = await uploadFile(researcher, SAMPLE)
    expect(response.statusCode).toBe(303)
    const page = await researcher.visit(URL)
    expect(page.body).toContain('De set Benchmark Klantbeleving 2025 is opgeslagen, met 8 cijfers.')
    expect(page.body).toMatch(
      /<th scope="row">Benchmark Klantbeleving 2025<\/th>\s*<td>Divosa<\/td>\s*<td class="num">2025<\/td>\s*<td class="num">8<\/td>/,
    )
    // The staff menu leads here.
    expect(page.body).toMatch(/<a href="\/beheer\/referentiecijfers"[^>]*>Referentiecijfers<\/a>/)

    const [set] = await listReferenceSets(t.app.db)
    expect(set).toMatchObject({ name: 'Benchmark Klantbeleving 2025', source: 'Divosa', year: 2025, figures: 8 })
    expect(set!.importedBy).toBe(researcher.username)
    const figures = await loadReferenceFigures(t.app.db, set!.id)
    expect(figures.get('tevredenheid_algemeen')).toEqual(
      new Map([
        ['gemiddelde', { value: 7.1, n: 6316 }],
        ['onvoldoende', { value: expect.closeTo(0.084, 10), n: 6316 }],
      ]),
    )
    expect(figures.get('bejegening.respectvol')?.get('eens')?.value).toBeCloseTo(0.815, 10)
    expect(figures.get('bereikbaarheid.telefoon')?.get('eens')?.value).toBeCloseTo(0.64, 10)
    expect([...figures.get('contact_kanaal')!.keys()]).toEqual(['percentage:1', 'percentage:2', 'percentage:3'])
    expect(figures.get('contact_kanaal')?.get('percentage:2')).toEqual({ value: expect.closeTo(0.317, 10), n: 6250 })
    // A decimal point and a Dutch thousands point are read as meant.
    expect(figures.get('uitkering_op_tijd')?.get('gemiddelde')).toEqual({ value: 7.6, n: 6011 })

    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['username', 'details'])
      .where('action', '=', 'reference-figures.upload')
      .execute()
    expect(audit).toEqual([
      { username: researcher.username, details: { name: 'Benchmark Klantbeleving 2025', rows: 8 } },
    ])
    await deleteAllSets()
  })

  it('reads a comma-separated file with quoted decimal commas', async () => {
    const csv =
      'Concept,Statistiek,Waarde,N\ntevredenheid_algemeen,gemiddelde,"6,9",120\nintake,percentage:2,"12,5 %",118\n'
    expect((await uploadFile(researcher, csv)).statusCode).toBe(303)
    const [set] = await listReferenceSets(t.app.db)
    const figures = await loadReferenceFigures(t.app.db, set!.id)
    expect(figures.get('tevredenheid_algemeen')?.get('gemiddelde')).toEqual({ value: 6.9, n: 120 })
    expect(figures.get('intake')?.get('percentage:2')?.value).toBeCloseTo(0.125, 10)
    await deleteAllSets()
  })

  it('refuses a file with bad rows whole, naming every bad row at once', async () => {
    const csv = [
      'concept;statistiek;waarde;n',
      'tevredenheid_algemeen;gemiddelde;7,1;6316', // row 2: good
      'bejegening;eens;81;6000', // row 3: good
      'bereikbaarheid;eens;abc;5890', // row 4
      'wachttijd;gemiddelde;11;100', // row 5
      ';eens;50;100', // row 6
      'uitleg;gem;7;100', // row 7
      'uitleg;onvoldoende;101;100', // row 8
      'tevredenheid_algemeen;gemiddelde;7,0;6316', // row 9
      'kanaal;percentage:1;40;0', // row 10
      'kanaal;percentage:2;40;12,5', // row 11
    ].join('\n')
    const response = await uploadFile(researcher, csv)
    expect(response.statusCode).toBe(422)
    const body = response.body
    expect(body).toContain('Het bestand is niet opgeslagen. Er is niets veranderd.')
    expect(body).toContain('Rij 4: waarde ‘abc’ is geen getal')
    expect(body).toContain('Rij 5: waarde ‘11’ is een gemiddeld cijfer en moet tussen 1 en 10 liggen')
    expect(body).toContain('Rij 6: concept is leeg')
    expect(body).toContain(
      'Rij 7: statistiek ‘gem’ bestaat niet; kies gemiddelde, onvoldoende, eens of percentage:&lt;code&gt;',
    )
    expect(body).toContain('Rij 8: waarde ‘101’ is een percentage en moet tussen 0 en 100 liggen')
    expect(body).toContain(
      'Rij 9: concept ‘tevredenheid_algemeen’ staat twee keer met dezelfde statistiek (gemiddelde); ook in rij 2',
    )
    expect(body).toContain('Rij 10: n ‘0’ moet een heel getal zijn van 1 of meer')
    expect(body).toContain('Rij 11: n ‘12,5’ moet een heel getal zijn van 1 of meer')
    expect(body).not.toMatch(/Rij [23]:/)
    // The form keeps what was typed, so only the file needs choosing again.
    expect(body).toContain('value="Benchmark Klantbeleving 2025"')
    expect(await storedFigures()).toEqual([])
    expect(await listReferenceSets(t.app.db)).toEqual([])
  })

  it('refuses a file of the wrong shape, and a form without name, source or year', async () => {
    const wrong = await uploadFile(researcher, 'concept;waarde\nx;7\n')
    expect(wrong.statusCode).toBe(422)
    expect(wrong.body).toContain('De eerste rij moet deze kolommen hebben: concept;statistiek;waarde;n.')

    const noFields = await uploadFile(researcher, SAMPLE, { naam: ' ', bron: '', jaar: '25' })
    expect(noFields.statusCode).toBe(422)
    expect(noFields.body).toContain('Vul een naam in')
    expect(noFields.body).toContain('Vul de bron in')
    expect(noFields.body).toContain('Vul het jaar in met 4 cijfers')
    expect(await listReferenceSets(t.app.db)).toEqual([])
  })

  it('checks the size limits before reading the file', async () => {
    const row = 'tevredenheid_algemeen;gemiddelde;7,1;6316\n'
    const large = `concept;statistiek;waarde;n\n${row.repeat(Math.ceil((1024 * 1024) / row.length) + 1)}`
    const tooLarge = await uploadFile(researcher, large)
    expect(tooLarge.statusCode).toBe(422)
    expect(tooLarge.body).toContain('Het bestand is te groot. Het mag niet groter zijn dan 1 MB.')

    // Within 1 MB, but more rows than any benchmark: refused on the count of lines, not parsed.
    const tooManyRows = await uploadFile(researcher, `concept;statistiek;waarde;n\n${'a;eens;1;1\n'.repeat(10_001)}`)
    expect(tooManyRows.statusCode).toBe(422)
    expect(tooManyRows.body).toContain('Het bestand heeft te veel rijen. Het mag er niet meer dan 10.000 hebben.')
    // Exactly the limit is fine (and those are duplicates here, so named as such).
    const atLimit = await uploadFile(researcher, `concept;statistiek;waarde;n\n${'a;eens;1;1\n'.repeat(10_000)}`)
    expect(atLimit.body).toContain('Rij 3: concept ‘a’ staat twee keer')
    expect(await listReferenceSets(t.app.db)).toEqual([])
  })

  it('deletes a set with its figures, and logs it', async () => {
    await uploadFile(researcher, SAMPLE)
    const [set] = await listReferenceSets(t.app.db)
    await researcher.visit(URL)
    const response = await researcher.post(`${URL}/${set!.id}/verwijderen`, {})
    expect(response.statusCode).toBe(303)
    expect((await researcher.visit(URL)).body).toContain('De set Benchmark Klantbeleving 2025 is verwijderd.')
    expect(await listReferenceSets(t.app.db)).toEqual([])
    expect(await storedFigures()).toEqual([])
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'reference-figures.delete')
      .execute()
    expect(audit).toEqual([{ details: { name: 'Benchmark Klantbeleving 2025', rows: 8 } }])
  })
})

describe('who may use reference figures', () => {
  it('administrators may, typists get 403 on the page, the upload and the delete', async () => {
    const administrator = await signedInAs(t.app, 'administrator')
    expect((await administrator.visit(URL)).statusCode).toBe(200)
    expect((await uploadFile(administrator, SAMPLE)).statusCode).toBe(303)
    const [set] = await listReferenceSets(t.app.db)

    const typist = await signedInAs(t.app, 'typist')
    const page = await typist.visit(URL)
    expect(page.statusCode).toBe(403)
    expect(page.body).toContain('Geen toegang')
    // A page of the typist's own gives a valid CSRF token, so only the role decides.
    await typist.visit('/beheer/account')
    expect(
      (await upload(typist, URL, { naam: 'x', bron: 'y', jaar: '2025' }, { bestand: { name: 'r.csv', data: SAMPLE } }))
        .statusCode,
    ).toBe(403)
    expect((await typist.post(`${URL}/${set!.id}/verwijderen`, {})).statusCode).toBe(403)
    expect(await listReferenceSets(t.app.db)).toHaveLength(1)
    await deleteAllSets()
  })

  it('refuses a post without the form’s CSRF token', async () => {
    await researcher.visit(URL)
    const [set] = await listReferenceSets(t.app.db)
    expect(set).toBeUndefined()
    researcher.lastPage = '<input name="_csrf" value="wrong">'
    const response = await upload(
      researcher,
      URL,
      { naam: 'x', bron: 'y', jaar: '2025' },
      { bestand: { name: 'r.csv', data: SAMPLE } },
    )
    expect(response.statusCode).toBe(403)
    expect(response.body).toContain('Uw formulier is verlopen.')
    expect(await listReferenceSets(t.app.db)).toEqual([])
  })
})
