/**
 * Questionnaires in the app: a researcher downloads a version, edits it, uploads it as a
 * new version, sees what changed, previews it, and cannot change a version a round has
 * opened with. A faulty file is refused with every fault and the line to look at.
 */
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { daysFromToday } from '#test/helpers/fixtures.ts'
import { loadKto } from '#test/questionnaire/kto.ts'
import { upload } from '#test/server/routes/beheer/rondes/_roundId/import/_upload.ts'
import { pageTexts, useTempDir } from '#test/mailmerge/pdf-tools.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { definitionToYaml } from '#src/questionnaire/definition-yaml.ts'
import { readQuestionnaireWorkbook, writeQuestionnaireWorkbook } from '#src/questionnaire/xlsform/index.ts'
import { SETTINGS, workbook } from '#test/questionnaire/xlsform/_workbook.ts'

let t: TestApp
let researcher: Awaited<ReturnType<typeof signedInAs>>
const kto = loadKto()
const KTO = `/beheer/vragenlijsten/kto-participatiewet/${kto.version}`
const tmp = useTempDir()

beforeAll(async () => {
  t = await createTestApp()
  await installShippedQuestionnaires(t.database.db)
  researcher = await signedInAs(t.app, 'researcher')
})
afterAll(async () => t.close())

async function uploadYaml(text: string, fields: Record<string, string> = {}, name = 'vragenlijst.yaml') {
  await researcher.visit('/beheer/vragenlijsten')
  return upload(researcher, '/beheer/vragenlijsten', fields, { bestand: { name, data: text } })
}

async function downloadKto(): Promise<string> {
  const response = await researcher.get(`${KTO}/bestand/yaml`)
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-disposition']).toBe(
    `attachment; filename="kto-participatiewet-versie-${kto.version}.yaml"`,
  )
  return response.body
}

async function storedDefinition(key: string, version: number): Promise<QuestionnaireDefinition | undefined> {
  const row = await t.database.db
    .selectFrom('questionnaires')
    .select('definition')
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst()
  return row?.definition
}

async function versionCount(): Promise<number> {
  return (await t.database.db.selectFrom('questionnaires').select('id').execute()).length
}

/** Each fault of the error summary, as the researcher reads it. */
function listedFaults(html: string): string[] {
  const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? ''
  return [...summary.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
    m[1]!
      .trim()
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>'),
  )
}

/** A definition with five faults on known lines. */
const FAULTY = `id: eigen-vragen
version: 1
languages: [nl]
title:
  nl: Eigen vragen
sections:
  - id: start
    title:
      nl: Start
    questions:
      - id: tevreden
        number: "1"
        type: stars
        text:
          nl: Hoe tevreden bent u?
      - id: woont
        number: "2"
        type: yesno
        showIf: { question: kinderen, equals: 1 }
        text:
          nl: Woont u in de gemeente?
      - id: woont
        number: "3"
        type: yesno
        text:
          en: Do you have children?
      - id: kinderen
        number: "4"
        type: grid
        scale: bestaat_niet
        text:
          nl: Hoe vindt u het?
        items:
          - id: a
            number: a
            text:
              nl: De school
`

describe('the list of questionnaires', () => {
  it('shows the built-in KTO with its origin, status and rounds, and is for researchers only', async () => {
    const page = await researcher.visit('/beheer/vragenlijsten')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`href="${KTO}"`)
    expect(page.body).toContain('Vast in Peiling')
    expect(page.body).toContain('<a href="/beheer/vragenlijsten" aria-current="page"')

    for (const role of ['administrator', 'typist'] as const) {
      const other = await signedInAs(t.app, role)
      expect((await other.get('/beheer/vragenlijsten')).statusCode).toBe(403)
      expect((await other.get(`${KTO}/bestand/yaml`)).statusCode).toBe(403)
    }
  })
})

describe('uploading a file', () => {
  it('refuses a file with faults, lists each with its line and path, and stores nothing', async () => {
    const before = await versionCount()
    const response = await uploadYaml(FAULTY)
    expect(response.statusCode).toBe(422)
    expect(response.body).toContain('Het bestand is niet opgeslagen. Er is niets veranderd.')
    // The schema's faults come first; the rules between questions once the structure is sound.
    expect(listedFaults(response.body)).toEqual([
      expect.stringMatching(
        /^Regel 13, bij sections\[0\]\.questions\[0\]\.type: De soort vraag "stars" bestaat niet\. Gebruik een van: grade, /,
      ),
      'Regel 25, bij sections[0].questions[2].text.nl: Hier ontbreekt de Nederlandse tekst (nl).',
    ])
    expect(await versionCount()).toBe(before)

    // With those two put right, the rules between the questions are checked.
    const second = await uploadYaml(FAULTY.replace('type: stars', 'type: grade').replace('en: Do you', 'nl: Heeft u'))
    expect(second.statusCode).toBe(422)
    const faults = listedFaults(second.body)
    expect(faults).toContainEqual(
      'Regel 19, bij sections[0].questions[1].showIf.question: De vraag "kinderen" komt niet voor vraag "woont". Een voorwaarde kan alleen naar antwoorden op eerdere vragen kijken.',
    )
    expect(faults).toContainEqual(expect.stringMatching(/^Regel 22, bij sections\[0\]\.questions\[2\]\.id: .*woont/))
    expect(faults).toContainEqual(
      expect.stringMatching(/^Regel 30, bij sections\[0\]\.questions\[3\]\.scale: .*bestaat_niet/),
    )
    expect(faults).toHaveLength(3)
    expect(await versionCount()).toBe(before)
  })

  it('refuses files it cannot read before parsing them: too large, not UTF-8, another kind of file', async () => {
    const huge = `# ${'x'.repeat(2 * 1024 * 1024)}\n${FAULTY}`
    const tooLarge = await uploadYaml(huge)
    expect(tooLarge.statusCode).toBe(422)
    expect(listedFaults(tooLarge.body)).toEqual(['Het bestand is te groot. Het mag niet groter zijn dan 2 MB.'])

    await researcher.visit('/beheer/vragenlijsten')
    const latin1 = await upload(
      researcher,
      '/beheer/vragenlijsten',
      {},
      {
        bestand: { name: 'oud.yaml', data: Buffer.from('title:\n  nl: Caf\xe9\n', 'latin1') },
      },
    )
    expect(listedFaults(latin1.body)).toEqual([
      'Het bestand is geen tekst in UTF-8. Sla het op als UTF-8 en upload het opnieuw.',
    ])

    const csv = await uploadYaml('a;b\n1;2\n', {}, 'vragen.csv')
    expect(listedFaults(csv.body)).toEqual(['Kies een bestand dat eindigt op .yaml, .yml of .xlsx.'])
  })
})

describe('download, edit, upload', () => {
  it('the downloaded YAML of the KTO reads back as the identical definition, in the order of the shipped file', async () => {
    const text = await downloadKto()
    expect(parse(text)).toEqual(kto)
    expect(text).toMatch(/^# Wat vindt u van Werk en Inkomen\?, versie 2, gedownload uit Peiling\.\n/)
    expect(text).toContain('\nid: kto-participatiewet\nversion: 2\nlanguages: [ nl, en, tr, ar, pl ]\n')
    expect(text).toContain('showIf: { question: intake_wanneer, equals: 1 }')
    // Uploading it unchanged: the built-in version stays as it is.
    const again = await uploadYaml(text, { vervangen: 'ja' })
    expect(again.statusCode).toBe(422)
    expect(listedFaults(again.body)).toEqual([
      'Versie 2 van kto-participatiewet is een vaste versie van Peiling. Geef het bestand een nieuw versienummer.',
    ])

    // As a new version: stored exactly as it was downloaded, only the number differs.
    const response = await uploadYaml(text.replace('\nversion: 2\n', '\nversion: 3\n'))
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/beheer/vragenlijsten/kto-participatiewet/3')
    expect(await storedDefinition('kto-participatiewet', 3)).toEqual({ ...kto, version: 3 })
    const page = await researcher.visit('/beheer/vragenlijsten/kto-participatiewet/3')
    expect(page.body).toContain('Versie 3 van kto-participatiewet is opgeslagen.')
    expect(page.body).toContain('De vragen, teksten en codes zijn gelijk.')
    expect(page.body).toContain(
      '<dd>Nederlands, Engels (English), Turks (Türkçe), Arabisch (العربية), Pools (Polski)</dd>',
    )
    expect(page.body).toContain('href="/beheer/vragenlijsten/kto-participatiewet/3/papier?taal=pl"')
    // The next download of the new version is the same text but for the version.
    const download = await researcher.get('/beheer/vragenlijsten/kto-participatiewet/3/bestand/yaml')
    expect(download.body).toBe(text.replaceAll('versie 2', 'versie 3').replace('\nversion: 2\n', '\nversion: 3\n'))
  })

  it('shows a reworded and an added question against the version it was made from', async () => {
    const text = await downloadKto()
    const reworded = text
      .replace('\nversion: 2\n', '\nversion: 4\n')
      .replace(
        'nl: Welk rapportcijfer geeft u de afdeling Werk en Inkomen?',
        'nl: Welk cijfer geeft u de afdeling Werk en Inkomen?',
      )
      .replace(
        '\n  - id: intake\n',
        `
      - id: wijkteam
        number: "1a"
        type: yesno
        text:
          nl: Heeft u contact met het wijkteam?

  - id: intake
`,
      )
    const response = await uploadYaml(reworded, { basis: 'kto-participatiewet:2' })
    expect(response.statusCode).toBe(303)
    const page = (await researcher.visit(String(response.headers.location))).body
    expect(page).toContain('Verschillen met Wat vindt u van Werk en Inkomen?, versie 2.')
    const added = /<ul class="diff-added"[\s\S]*?<\/ul>/.exec(page)?.[0] ?? ''
    expect(added).toContain('Vraag 1a (wijkteam): Heeft u contact met het wijkteam?')
    const changed = /<ul class="diff-changed"[\s\S]*?<\/ul>\s*<\/li>\s*<\/ul>/.exec(page)?.[0] ?? ''
    expect(changed).toContain('Vraag 1 (rapportcijfer_dienstverlening)')
    expect(changed).toContain('Vraagtekst veranderd (nl)')
    expect(changed).toContain('<del lang="nl">Welk rapportcijfer geeft u de afdeling Werk en Inkomen?</del>')
    expect(changed).toContain('<ins lang="nl">Welk cijfer geeft u de afdeling Werk en Inkomen?</ins>')
    expect(page).not.toContain('class="diff-removed"')
    // Compared with the copy of version 2 (3), the result is the same.
    const against3 = await researcher.visit('/beheer/vragenlijsten/kto-participatiewet/4?tegen=kto-participatiewet:3')
    expect(against3.body).toContain('Verschillen met Wat vindt u van Werk en Inkomen?, versie 3.')
    expect(against3.body).toContain('Vraag 1a (wijkteam)')
  })
})

describe('a version in use', () => {
  it('may be replaced while only draft rounds use it, and is fixed once a round has opened with it', async () => {
    const text = (await downloadKto()).replace('\nversion: 2\n', '\nversion: 5\n')
    expect((await uploadYaml(text)).statusCode).toBe(303)
    const id = (
      await t.database.db
        .selectFrom('questionnaires')
        .select('id')
        .where('key', '=', 'kto-participatiewet')
        .where('version', '=', 5)
        .executeTakeFirstOrThrow()
    ).id
    const round = await t.database.db
      .insertInto('rounds')
      .values({ name: 'KTO 2027', questionnaire_id: id, opens_on: daysFromToday(1), closes_on: daysFromToday(28) })
      .returning('id')
      .executeTakeFirstOrThrow()

    // The same number again: refused unless replacing is asked for.
    const changed = text.replace('nl: Welk rapportcijfer', 'nl: Welk schoolcijfer')
    const unasked = await uploadYaml(changed)
    expect(unasked.statusCode).toBe(422)
    expect(listedFaults(unasked.body)[0]).toContain('Versie 5 van kto-participatiewet bestaat al.')
    const replaced = await uploadYaml(changed, { vervangen: 'ja' })
    expect(replaced.statusCode).toBe(303)
    expect((await storedDefinition('kto-participatiewet', 5))?.sections[0]?.questions[0]?.text.nl).toContain(
      'Welk schoolcijfer',
    )

    await t.database.db.updateTable('rounds').set({ status: 'open' }).where('id', '=', round.id).execute()
    const list = await researcher.visit('/beheer/vragenlijsten')
    expect(list.body).toContain('KTO 2027 (Open)')
    const refused = await uploadYaml(text, { vervangen: 'ja' })
    expect(refused.statusCode).toBe(422)
    expect(listedFaults(refused.body)).toEqual([
      'Versie 5 van kto-participatiewet is al gebruikt in een ronde die open is of was. Die versie verandert niet meer. Geef het bestand een nieuw versienummer.',
    ])
    expect((await storedDefinition('kto-participatiewet', 5))?.sections[0]?.questions[0]?.text.nl).toContain(
      'Welk schoolcijfer',
    )
    // Whatever the app might do: the database refuses to change it.
    await expect(
      t.database.db
        .updateTable('questionnaires')
        .set({ definition: JSON.stringify(kto) })
        .where('id', '=', id)
        .execute(),
    ).rejects.toThrow(/in use by an opened round/)

    // It can be copied to the next free number, and that copy is a draft to change.
    const page = await researcher.visit('/beheer/vragenlijsten/kto-participatiewet/5')
    expect(page.body).toContain('Deze versie verandert niet meer.')
    const copy = await researcher.submit('/beheer/vragenlijsten/kto-participatiewet/5/kopie', {})
    expect(copy.body).toContain('Versie 6 is gemaakt als kopie.')
    expect(await storedDefinition('kto-participatiewet', 6)).toEqual({
      ...(await storedDefinition('kto-participatiewet', 5)),
      version: 6,
    })
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'in', ['questionnaire.upload', 'questionnaire.copy'])
      .orderBy('id', 'desc')
      .limit(2)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['questionnaire.copy', 'questionnaire.upload'])
    expect(audit[1]!.details).toMatchObject({ name: 'kto-participatiewet', version: 5, replaced: true, format: 'yaml' })
  })
})

describe('the preview', () => {
  it('shows every question as a respondent sees it, in each language, with who gets which question', async () => {
    const page = await researcher.visit(`${KTO}/voorbeeld`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Welk rapportcijfer geeft u de afdeling Werk en Inkomen?')
    // Who gets a question, in the export's variable names, as the codebook has it.
    expect(page.body).toMatch(
      /class="routing"[^>]*>Alleen voor wie: intake_wanneer = 1<\/p>\s*<div class="question" id="q-intake_stellingen">/,
    )
    for (const language of kto.languages) expect(page.body).toContain(`href="${KTO}/voorbeeld?taal=${language}"`)
    const arabic = await researcher.visit(`${KTO}/voorbeeld?taal=ar`)
    expect(arabic.body).toContain('<div class="preview" lang="ar" dir="rtl">')
    expect(arabic.body).toContain('ما الدرجة التي تعطيها لقسم العمل والدخل؟')
    // Nothing of a respondent: no session, no stored answer.
    expect(await t.database.db.selectFrom('answers_in_progress').select('participant_id').execute()).toEqual([])
  })

  it('gives the paper form as a PDF, marked as a test print', async () => {
    const response = await researcher.get(`${KTO}/papier?taal=en`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    const file = tmp.file('form.pdf')
    writeFileSync(file, response.rawPayload)
    const pages = await pageTexts(file)
    expect(pages.length).toBeGreaterThan(2)
    for (const p of pages) expect(p).toContain('TESTAFDRUK')
    expect(pages.join('\n')).toContain('What score would you give the Work and Income department?')
  })

  it('answers 404 for a version that does not exist', async () => {
    expect((await researcher.get('/beheer/vragenlijsten/kto-participatiewet/99')).statusCode).toBe(404)
    expect((await researcher.get('/beheer/vragenlijsten/Bad!/1/voorbeeld')).statusCode).toBe(404)
    expect((await researcher.get(`${KTO}/bestand/pdf`)).statusCode).toBe(404)
  })
})

describe('the same as a spreadsheet', () => {
  it('downloads the KTO as XLSX that reads back as the identical definition, and YAML → XLSX → YAML is the same text', async () => {
    const response = await researcher.get(`${KTO}/bestand/xlsx`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="kto-participatiewet-versie-${kto.version}.xlsx"`,
    )
    const read = await readQuestionnaireWorkbook(response.rawPayload)
    if (!read.ok) throw new Error(JSON.stringify(read.errors))
    expect(read.definition).toStrictEqual(kto)
    expect(definitionToYaml(read.definition)).toBe(definitionToYaml(kto))
  })

  it('takes an uploaded workbook as a new version, and refuses one with faults, naming sheet and row', async () => {
    const edited = await writeQuestionnaireWorkbook({ ...kto, version: 7 })
    await researcher.visit('/beheer/vragenlijsten')
    const stored = await upload(
      researcher,
      '/beheer/vragenlijsten',
      {},
      { bestand: { name: 'kto.xlsx', data: Buffer.from(edited) } },
    )
    expect(stored.statusCode).toBe(303)
    expect(await storedDefinition('kto-participatiewet', 7)).toEqual({ ...kto, version: 7 })

    await researcher.visit('/beheer/vragenlijsten')
    const faulty = await workbook({
      survey: [
        ['type', 'name', 'number', 'label::nl'],
        ['begin_group', 'start', null, 'Start'],
        ['stars', 'tevreden', '1', 'Hoe tevreden bent u?'],
        ['end_group', null, null, null],
      ],
      settings: SETTINGS,
    })
    const before = await versionCount()
    const refused = await upload(
      researcher,
      '/beheer/vragenlijsten',
      {},
      { bestand: { name: 'fout.xlsx', data: Buffer.from(faulty) } },
    )
    expect(refused.statusCode).toBe(422)
    const faults = listedFaults(refused.body)
    expect(faults).toEqual([
      'Blad survey, rij 2: Deze groep heeft geen vragen.',
      expect.stringMatching(
        /^Blad survey, rij 3: Het type "stars" kent Peiling niet\. Gebruik een van: grade, select_one, /,
      ),
    ])
    expect(await versionCount()).toBe(before)
  })
})
