/**
 * Translation files: a researcher downloads a language's texts, a translator changes
 * them, the upload checks every row and changes nothing unless the whole file is clean,
 * and a clean file is in force at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { xlsxBomb, xlsxWithEmptyRows } from '#test/server/services/fieldwork/_zip-bomb.ts'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp } from '#test/helpers/app.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { upload, uploadAndFollow } from '#test/server/routes/beheer/rondes/_roundId/import/_upload.ts'
import { translator } from '#src/i18n/translate.ts'
import type { Sheet } from './_translation-file.ts'
import { downloadSheet, rowOf, sheetFile, STATUS, TARGET, withCell } from './_translation-file.ts'

let t: TestApp
let researcher: Awaited<ReturnType<typeof signedInAs>>

beforeAll(async () => {
  t = await createTestApp()
  researcher = await signedInAs(t.app, 'researcher')
})
afterAll(async () => t.close())

async function uploadSheet(language: string, sheet: Sheet) {
  await researcher.visit('/beheer/vertalingen')
  return upload(
    researcher,
    '/beheer/vertalingen',
    { taal: language },
    { bestand: { name: `teksten-${language}.xlsx`, data: await sheetFile(sheet) } },
  )
}

async function storedTexts() {
  return t.app.db.selectFrom('translation_texts').select(['language', 'key', 'text']).orderBy('key').execute()
}

/** What a client reading English sees on the start page. */
async function englishStartPage(): Promise<string> {
  return (await new Browser(t.app).get('/?lang=en')).body
}

describe('the translation file', () => {
  it('has a row per client text: key, Dutch, English, the language itself and its status', async () => {
    const sheet = await downloadSheet(researcher, 'en')
    expect(sheet[0]).toEqual(['key', 'Nederlands', 'English', 'English (en)', 'status'])
    const submit = sheet[rowOf(sheet, 'respondent.login.submit') - 1]!
    expect(submit).toEqual([
      'respondent.login.submit',
      'Start de vragenlijst',
      'Start the questionnaire',
      'Start the questionnaire',
      'concept',
    ])
    // Only the texts a client meets: no staff pages.
    expect(sheet.some((row) => row[0]!.startsWith('staff.'))).toBe(false)
    expect(sheet.some((row) => row[0] === 'letter.invitation.body')).toBe(true)
  })

  it('round trip: one word changed in the file is what a client reads next, without a restart', async () => {
    const sheet = await downloadSheet(researcher, 'en')
    expect(await englishStartPage()).toContain('Start the questionnaire')

    const response = await uploadSheet(
      'en',
      withCell(sheet, 'respondent.login.submit', TARGET, 'Begin the questionnaire'),
    )
    expect(response.statusCode).toBe(303)
    const overview = await researcher.visit(String(response.headers.location))
    expect(overview.body).toContain('Het bestand voor Engels (English) is opgeslagen')

    expect(await englishStartPage()).toContain('Begin the questionnaire')
    expect(await englishStartPage()).not.toContain('Start the questionnaire')
    expect(translator('en')('respondent.login.submit')).toBe('Begin the questionnaire')
    // Only the text that differs from the shipped one is stored.
    expect(await storedTexts()).toEqual([
      { language: 'en', key: 'respondent.login.submit', text: 'Begin the questionnaire' },
    ])
    // The next download holds the text in force.
    const again = await downloadSheet(researcher, 'en')
    expect(again[rowOf(again, 'respondent.login.submit') - 1]![TARGET]).toBe('Begin the questionnaire')
    expect(overview.body).toMatch(/<th scope="row" lang="nl">Engels \(English\)<\/th>[\s\S]*?<td class="num">1<\/td>/)

    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['username', 'details'])
      .where('action', '=', 'translations.upload')
      .execute()
    expect(audit).toEqual([
      {
        username: researcher.username,
        details: { language: 'en', reviewStatus: 'draft', corrected: 1, changedTexts: 1 },
      },
    ])

    // Back to the shipped text: the correction goes.
    await uploadSheet('en', withCell(again, 'respondent.login.submit', TARGET, 'Start the questionnaire'))
    expect(await storedTexts()).toEqual([])
    expect(await englishStartPage()).toContain('Start the questionnaire')
  })

  it('stores nothing from a file with a broken merge field, and names the row and the field', async () => {
    const sheet = await downloadSheet(researcher, 'en')
    const body = sheet[rowOf(sheet, 'letter.invitation.body') - 1]![TARGET]!
    expect(body).toContain('{naam}')
    const changed = withCell(
      withCell(sheet, 'respondent.login.submit', TARGET, 'Begin the questionnaire'),
      'letter.invitation.body',
      TARGET,
      body.replace('{naam}', 'client').replace('{code}', '{kode}'),
    )
    const response = await uploadSheet('en', changed)
    expect(response.statusCode).toBe(422)
    const row = rowOf(sheet, 'letter.invitation.body')
    expect(response.body).toContain('Het bestand is niet opgeslagen. Er is niets veranderd.')
    expect(response.body).toContain(`Rij ${row} (letter.invitation.body): {naam} ontbreekt.`)
    expect(response.body).toContain(`Rij ${row} (letter.invitation.body): {code} ontbreekt.`)
    expect(response.body).toContain(`Rij ${row} (letter.invitation.body): {kode} hoort niet in deze tekst.`)
    // The good row of the same file is not stored either.
    expect(await storedTexts()).toEqual([])
    expect(await englishStartPage()).toContain('Start the questionnaire')
    // The form keeps the chosen language, so the corrected file goes to the same place.
    expect(response.body).toMatch(/<option value="en" selected>/)
  })

  it('refuses a letter text that would no longer fit on one page, before any letter is printed with it', async () => {
    const sheet = await downloadSheet(researcher, 'en')
    const body = sheet[rowOf(sheet, 'letter.reminder.body') - 1]![TARGET]!
    const response = await uploadSheet(
      'en',
      withCell(sheet, 'letter.reminder.body', TARGET, `${body}\n\n${body}\n\n${body}`),
    )
    expect(response.statusCode).toBe(422)
    expect(response.body).toContain(
      `Rij ${rowOf(sheet, 'letter.reminder.body')} (letter.reminder.body): zo past de brief niet op één bladzijde`,
    )
    expect(response.body).not.toContain('letter.invitation.body')
    expect(await storedTexts()).toEqual([])
  })

  it('reports unknown, missing and doubled keys, empty texts and unknown statuses with their rows', async () => {
    const sheet = await downloadSheet(researcher, 'en')
    const renamedRow = rowOf(sheet, 'common.switchLanguage')
    const emptyRow = rowOf(sheet, 'paper.code')
    const statusRow = rowOf(sheet, 'email.invitation.subject')
    let changed = sheet.map((row) =>
      row[0] === 'common.switchLanguage' ? ['common.switchLanguages', ...row.slice(1)] : row,
    )
    changed = withCell(changed, 'paper.code', TARGET, '')
    changed = withCell(changed, 'email.invitation.subject', STATUS, 'klaar')
    changed = [...changed, [...changed[1]!]]
    const response = await uploadSheet('en', changed)
    expect(response.statusCode).toBe(422)
    expect(response.body).toContain(
      `Rij ${renamedRow}: de key common.switchLanguages bestaat niet. Verander de kolom key niet.`,
    )
    expect(response.body).toContain(
      `De tekst common.switchLanguage ontbreekt. In een nieuw gedownload bestand staat hij in rij ${renamedRow}.`,
    )
    expect(response.body).toContain(`Rij ${emptyRow} (paper.code): de tekst is leeg.`)
    expect(response.body).toContain(
      `Rij ${statusRow} (email.invitation.subject): de status &quot;klaar&quot; bestaat niet.`,
    )
    expect(response.body).toContain(`Rij ${changed.length} (${changed[1]![0]}): deze key staat ook in rij 2.`)
    expect(await storedTexts()).toEqual([])
  })

  it('refuses a file of another language, and says which language the file is for', async () => {
    const english = await downloadSheet(researcher, 'en')
    const response = await uploadSheet('nl', english)
    expect(response.statusCode).toBe(422)
    expect(response.body).toContain(
      'Dit bestand is voor een andere taal. De kolom met de vertaling heet &quot;English (en)&quot;.',
    )
    expect(response.body).toContain('moet die kolom &quot;Nederlands (nl)&quot; heten')
  })

  it('refuses a file that is too large, or no spreadsheet, before anything reads it', async () => {
    await researcher.visit('/beheer/vertalingen')
    const tooLarge = await upload(
      researcher,
      '/beheer/vertalingen',
      { taal: 'en' },
      { bestand: { name: 'groot.xlsx', data: Buffer.alloc(3 * 1024 * 1024, 0x50) } },
    )
    expect(tooLarge.statusCode).toBe(413)
    expect(tooLarge.body).toContain('Wat u stuurt is te groot.')

    await researcher.visit('/beheer/vertalingen')
    const csv = await uploadAndFollow(
      researcher,
      '/beheer/vertalingen',
      { taal: 'en' },
      { bestand: { name: 'teksten.csv', data: 'key;Nederlands;English\nrespondent.login.submit;a;b\n' } },
    )
    expect(csv.statusCode).toBe(422)
    expect(csv.body).toContain('Dit is geen Excel-bestand (.xlsx).')

    // A worksheet that unpacks to 320 MB from some 330 kB: refused on what it unpacks to, never parsed.
    await researcher.visit('/beheer/vertalingen')
    const bomb = await upload(
      researcher,
      '/beheer/vertalingen',
      { taal: 'en' },
      { bestand: { name: 'bom.xlsx', data: xlsxBomb() } },
    )
    expect(bomb.statusCode).toBe(422)
    expect(bomb.body).toContain('Het bestand is te groot. Uitgepakt mag het niet groter zijn dan 16 MB.')

    // Small packed and unpacked, but more rows than a parser should build.
    await researcher.visit('/beheer/vertalingen')
    const rows = await upload(
      researcher,
      '/beheer/vertalingen',
      { taal: 'en' },
      { bestand: { name: 'rijen.xlsx', data: await xlsxWithEmptyRows(6000) } },
    )
    expect(rows.statusCode).toBe(422)
    expect(rows.body).toContain('Het bestand heeft te veel rijen. Het mag er niet meer dan 5000 hebben.')
    expect(await storedTexts()).toEqual([])
  })

  it('makes a language checked when every row says so, and a draft again when a row does not', async () => {
    const sheet = await downloadSheet(researcher, 'en')
    const checked = sheet.map((row, i) =>
      i === 0 ? row : row.map((cell, c) => (c === STATUS ? 'gecontroleerd' : cell)),
    )
    const response = await uploadSheet('en', checked)
    expect(response.statusCode).toBe(303)
    const overview = await researcher.visit('/beheer/vertalingen')
    expect(overview.body).toMatch(/Engels \(English\)<\/th>\s*<td class="review-checked">\s*Gecontroleerd/)
    expect(overview.body).toContain('Door Test researcher op')
    const next = await downloadSheet(researcher, 'en')
    expect(next.slice(1).every((row) => row[STATUS] === 'gecontroleerd')).toBe(true)

    await uploadSheet('en', withCell(next, 'paper.code', STATUS, 'concept'))
    const after = await researcher.visit('/beheer/vertalingen')
    expect(after.body).toMatch(/Engels \(English\)<\/th>\s*<td class="review-draft">\s*Concept: nog niet gecontroleerd/)
  })
})

describe('who may use the translation files', () => {
  it('lets researchers in, and no other role', async () => {
    for (const role of ['typist', 'administrator'] as const) {
      const browser = await signedInAs(t.app, role)
      for (const url of ['/beheer/vertalingen', '/beheer/vertalingen/bestand/en']) {
        expect((await browser.get(url)).statusCode, `${role} ${url}`).toBe(403)
      }
      const form = await browser.visit('/beheer/account')
      expect(form.statusCode).toBe(200)
      const posted = await upload(
        browser,
        '/beheer/vertalingen',
        { taal: 'en' },
        { bestand: { name: 'x.xlsx', data: 'x' } },
      )
      expect(posted.statusCode, role).toBe(403)
    }
    const anonymous = await new Browser(t.app).get('/beheer/vertalingen')
    expect(anonymous.statusCode).toBe(303)
    expect(anonymous.headers.location).toBe('/beheer/inloggen?terug=%2Fbeheer%2Fvertalingen')
  })

  it('shows researchers the page in their menu, and refuses an upload without its form token', async () => {
    const page = await researcher.visit('/beheer')
    expect(page.body).toContain('<a href="/beheer/vertalingen">Vertalingen</a>')
    await researcher.visit('/beheer/vertalingen')
    const forged = await researcher.post('/beheer/vertalingen', { taal: 'en' }, { csrf: false })
    expect(forged.statusCode).toBe(403)
    expect(forged.body).toContain('verlopen')
  })
})
