import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { CLIENT_FILES, createRound } from '#test/helpers/fixtures.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { parseLoginCode } from '#src/codes/login-code.ts'
import { upload, uploadAndFollow } from './_upload.ts'
import { xlsxBomb } from '#test/server/services/fieldwork/_zip-bomb.ts'

const FIXTURES = CLIENT_FILES
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

const participantsOf = (roundId: number) =>
  t.database.db
    .selectFrom('participants')
    .select(['id', 'code', 'last_name', 'stratum_id', 'client_number'])
    .where('round_id', '=', roundId)
    .execute()

describe('importing the client file', () => {
  it('shows every bad row, imports nothing, then imports the rest only when told to skip', async () => {
    const round = await createRound(t.database.db, { participantsPerStratum: 0 })
    const browser = await signedInAs(t.app, 'researcher')
    const page = await browser.visit(`/beheer/rondes/${round.roundId}/import`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('enctype="multipart/form-data"')

    const preview = await uploadAndFollow(
      browser,
      `/beheer/rondes/${round.roundId}/import`,
      {},
      { bestand: { name: 'clients-bad.csv', data: readFileSync(`${FIXTURES}/clients-bad.csv`) } },
    )
    expect(preview.statusCode).toBe(200)
    expect(preview.body).toContain('8 regels zijn niet goed')
    expect(preview.body).toContain('postcode &quot;12345&quot; klopt niet')
    expect(preview.body).toContain('gemeente &quot;Nergenshuizen&quot; hoort niet bij deze ronde')
    // Markup in a name is valid data: shown (among the first good lines) as text, never as markup.
    expect(preview.body).toContain('<td>H. &lt;script&gt;alert(1)&lt;/script&gt;</td>')
    expect(preview.body).toContain('Puntkomma; in naam')
    expect(preview.body).not.toContain('<script>alert(1)')
    expect(preview.body).not.toContain('value="importeren"')
    expect(await participantsOf(round.roundId)).toHaveLength(0)

    const uploadUrl = /action="(\/beheer\/rondes\/\d+\/import\/[0-9a-f-]+)"/.exec(preview.body)![1]!
    // "Import" without choosing to skip is refused while the file has problems.
    const refused = await browser.submit(uploadUrl, { actie: 'importeren' })
    expect(refused.body).toContain('Kies of u die regels overslaat')
    expect(await participantsOf(round.roundId)).toHaveLength(0)

    // 8 of 10 lines bad: fixing the file is the primary action, skipping only a secondary one.
    expect(preview.body).toContain('Meer dan de helft van de regels is niet goed (8 van de 10).')
    expect(preview.body).toMatch(/value="annuleren" class="primary">Bestand verbeteren en opnieuw uploaden</)
    expect(preview.body).toMatch(
      /value="overslaan" class="secondary">Sla de 8 foute regels over en importeer 2 klanten</,
    )
    expect(preview.body).toContain('8 regels worden overgeslagen, 2 klanten worden ingelezen.')

    // The bad lines download as a CSV: line, column and the message, one row per reason.
    expect(preview.body).toContain(`href="${uploadUrl}/fouten.csv"`)
    const csv = await browser.get(`${uploadUrl}/fouten.csv`)
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    const csvLines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(csvLines[0]).toBe('regel;veld;melding')
    expect(csvLines).toContain('5;postcode;"postcode ""12345"" klopt niet (moet zijn als 1234 AB)"')
    expect(csvLines).toContain('4;postcode;postcode ontbreekt')
    expect(csvLines).toContain('7;hele regel;heeft 13 kolommen, de eerste regel heeft er 12')
    expect(csv.body).toContain('10;taal;"taal ""xx"" is onbekend')
    expect(new Set(csvLines.slice(1).map((l) => l.split(';')[0]))).toEqual(
      new Set(['2', '3', '4', '5', '6', '7', '9', '10']),
    )

    // Skipping without ticking "I understand" imports nothing.
    const unconfirmed = await browser.submit(uploadUrl, { actie: 'overslaan' })
    expect(unconfirmed.body).toContain('Zet eerst het vinkje om te bevestigen dat u de foute regels overslaat.')
    expect(await participantsOf(round.roundId)).toHaveLength(0)

    const done = await browser.submit(uploadUrl, { actie: 'overslaan', confirm: 'ja' })
    expect(done.body).toContain('2 klanten geïmporteerd; 8 regels overgeslagen.')
    expect((await participantsOf(round.roundId)).map((p) => p.last_name).sort()).toEqual([
      '<script>alert(1)</script>',
      'Puntkomma; in naam',
    ])
    // The staged rows are gone once imported.
    expect(
      await t.database.db.selectFrom('import_uploads').select('id').where('round_id', '=', round.roundId).execute(),
    ).toEqual([])
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('round_id', '=', round.roundId)
      .orderBy('id')
      .execute()
    expect(actions.map((a) => a.action)).toEqual(['import.upload', 'import.clients'])
  })

  it('offers skipping as the main choice when only a few lines are bad', async () => {
    const round = await createRound(t.database.db, { participantsPerStratum: 0 })
    const browser = await signedInAs(t.app, 'researcher')
    await browser.visit(`/beheer/rondes/${round.roundId}/import`)
    const lines = readFileSync(`${FIXTURES}/clients-small.csv`, 'utf8').trimEnd().split(/\r?\n/)
    const file = [...lines.slice(0, 4), 'K999999;X.;;Zonderstraat;;1;;7559 SH;Hengelo;Hengelo;;nl'].join('\r\n')
    const preview = await uploadAndFollow(
      browser,
      `/beheer/rondes/${round.roundId}/import`,
      {},
      { bestand: { name: 'bijna-goed.csv', data: file } },
    )
    expect(preview.body).not.toContain('Meer dan de helft')
    expect(preview.body).not.toContain('Bestand verbeteren en opnieuw uploaden')
    expect(preview.body).toMatch(/value="overslaan" class="primary">Sla de 1 foute regels over en importeer 3 klanten</)
    expect(preview.body).toContain('1 regels worden overgeslagen, 3 klanten worden ingelezen.')
    const uploadUrl = /action="(\/beheer\/rondes\/\d+\/import\/[0-9a-f-]+)"/.exec(preview.body)![1]!
    const csv = await browser.get(`${uploadUrl}/fouten.csv`)
    expect(csv.body.replace(/^\uFEFF/, '')).toBe('regel;veld;melding\r\n5;straat;straat ontbreekt\r\n')
  })

  it('explains a file without the needed columns, and cancelling stores nothing', async () => {
    const round = await createRound(t.database.db, { participantsPerStratum: 0 })
    const browser = await signedInAs(t.app, 'researcher')
    await browser.visit(`/beheer/rondes/${round.roundId}/import`)
    const bad = await upload(
      browser,
      `/beheer/rondes/${round.roundId}/import`,
      {},
      { bestand: { name: 'x.csv', data: 'naam;adres\r\nJan;Markt 1\r\n' } },
    )
    expect(bad.statusCode).toBe(422)
    expect(bad.body).toContain(
      'De kolom klantnummer, achternaam, straat, huisnummer, postcode, woonplaats, gemeente ontbreekt',
    )
    expect(bad.body).toContain('De eerste regel is: naam;adres')

    const empty = await upload(
      browser,
      `/beheer/rondes/${round.roundId}/import`,
      {},
      { bestand: { name: 'leeg.csv', data: '' } },
    )
    expect(empty.statusCode).toBe(422)
    expect(empty.body).toContain('Het bestand is leeg.')
    expect(empty.body).toContain('Het bestand mag hoogstens 20 MB zijn.')

    // An XLSX of 330 KB that unpacks to 320 MB is refused, and the server answers on.
    const bomb = await upload(
      browser,
      `/beheer/rondes/${round.roundId}/import`,
      {},
      { bestand: { name: 'klanten.xlsx', data: xlsxBomb() } },
    )
    expect(bomb.statusCode).toBe(422)
    expect(bomb.body).toContain('Het Excel-bestand is uitgepakt groter dan 64 MB.')
    expect((await t.app.inject({ url: '/health' })).statusCode).toBe(200)

    const preview = await uploadAndFollow(
      browser,
      `/beheer/rondes/${round.roundId}/import`,
      {},
      { bestand: { name: 'small.csv', data: readFileSync(`${FIXTURES}/clients-small.csv`) } },
    )
    expect(preview.body).toContain('Alle regels zijn goed.')
    const uploadUrl = /action="(\/beheer\/rondes\/\d+\/import\/[0-9a-f-]+)"/.exec(preview.body)![1]!
    const cancelled = await browser.submit(uploadUrl, { actie: 'annuleren' })
    expect(cancelled.body).toContain('Er is niets opgeslagen')
    // In English too.
    const english = await browser.visit(`/beheer/rondes/${round.roundId}/import?lang=en`)
    expect(english.body).toContain('Upload the municipality')
    expect(await participantsOf(round.roundId)).toHaveLength(0)
  })

  it('refuses an upload without a CSRF token', async () => {
    const round = await createRound(t.database.db, { participantsPerStratum: 0 })
    const browser = await signedInAs(t.app, 'researcher')
    await browser.visit(`/beheer/rondes/${round.roundId}/import`)
    browser.lastPage = '<input name="_csrf" value="forged">'
    const response = await upload(
      browser,
      `/beheer/rondes/${round.roundId}/import`,
      {},
      { bestand: { name: 'small.csv', data: readFileSync(`${FIXTURES}/clients-small.csv`) } },
    )
    expect(response.statusCode).toBe(403)
    expect(
      await t.database.db.selectFrom('import_uploads').select('id').where('round_id', '=', round.roundId).execute(),
    ).toEqual([])
  })

  it('is for researchers only', async () => {
    const round = await createRound(t.database.db, { participantsPerStratum: 0 })
    for (const role of ['administrator', 'typist'] as const) {
      const browser = await signedInAs(t.app, role)
      for (const path of ['import', 'steekproef', 'brieven', 'verzendingen']) {
        const response = await browser.get(`/beheer/rondes/${round.roundId}/${path}`)
        expect(response.statusCode, `${role} ${path}`).toBe(403)
      }
    }
  })
})

describe('drawing the sample', () => {
  it('shows the draw per stratum, confirms it reproducibly, and gives only the drawn clients a code', async () => {
    const round = await createRound(t.database.db, { participantsPerStratum: 0 })
    const browser = await signedInAs(t.app, 'researcher')
    await browser.visit(`/beheer/rondes/${round.roundId}/import`)
    const preview = await uploadAndFollow(
      browser,
      `/beheer/rondes/${round.roundId}/import`,
      {},
      { bestand: { name: 'all.csv', data: readFileSync(`${FIXTURES}/clients-hengelo-haaksbergen-borne.csv`) } },
    )
    const uploadUrl = /action="(\/beheer\/rondes\/\d+\/import\/[0-9a-f-]+)"/.exec(preview.body)![1]!
    const imported = await browser.submit(uploadUrl, { actie: 'importeren' })
    expect(imported.body).toContain('3012 klanten geïmporteerd.')

    const [hengelo, haaksbergen, borne] = round.strata
    const query = `seed=20221001&methode-${hengelo!.id}=aselect&aantal-${hengelo!.id}=1700&methode-${haaksbergen!.id}=iedereen&methode-${borne!.id}=iedereen`
    const tooMany = await browser.visit(
      `/beheer/rondes/${round.roundId}/steekproef?seed=1&methode-${hengelo!.id}=aselect&aantal-${hengelo!.id}=9999`,
    )
    expect(tooMany.statusCode).toBe(422)
    expect(tooMany.body).toContain('Vul een aantal in van 1 tot en met 2412.')

    const shown = await browser.visit(`/beheer/rondes/${round.roundId}/steekproef?${query}`)
    expect(shown.body).toMatch(/Hengelo<\/th><td class="num">2412<\/td><td class="num">1700<\/td>/)
    expect(shown.body).toMatch(/Haaksbergen<\/th><td class="num">310<\/td><td class="num">310<\/td>/)
    expect(shown.body).toMatch(/Borne<\/th><td class="num">290<\/td><td class="num">290<\/td>/)
    expect(shown.body).toContain('Bevestig de steekproef (2300 klanten)')
    // Looking changes nothing.
    expect((await participantsOf(round.roundId)).filter((p) => p.code)).toHaveLength(0)

    const fields = Object.fromEntries(
      [...shown.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
    )
    delete fields._csrf
    expect(shown.body).toContain('De andere 712 klanten worden verwijderd')
    // Without ticking "I understand" nothing is recorded, and the same draw is shown again.
    const unconfirmed = await browser.submit(`/beheer/rondes/${round.roundId}/steekproef`, fields)
    expect(unconfirmed.body).toContain('Zet eerst het vinkje om te bevestigen dat u de steekproef vastlegt.')
    expect(unconfirmed.body).toContain('Bevestig de steekproef (2300 klanten)')
    expect((await participantsOf(round.roundId)).filter((p) => p.code)).toHaveLength(0)
    const confirmed = await browser.submit(`/beheer/rondes/${round.roundId}/steekproef`, { ...fields, confirm: 'ja' })
    expect(confirmed.body).toContain('2300 klanten hebben een inlogcode')
    expect(confirmed.body).toContain('20221001')

    const participants = await participantsOf(round.roundId)
    expect(participants).toHaveLength(2300)
    expect(participants.filter((p) => p.stratum_id === hengelo!.id)).toHaveLength(1700)
    expect(new Set(participants.map((p) => p.code)).size).toBe(2300)
    expect(participants.every((p) => p.code && parseLoginCode(p.code).ok)).toBe(true)

    // The same seed on the same file draws the same clients.
    const again = await createRound(t.database.db, { participantsPerStratum: 0 })
    await browser.visit(`/beheer/rondes/${again.roundId}/import`)
    const preview2 = await uploadAndFollow(
      browser,
      `/beheer/rondes/${again.roundId}/import`,
      {},
      { bestand: { name: 'all.csv', data: readFileSync(`${FIXTURES}/clients-hengelo-haaksbergen-borne.csv`) } },
    )
    await browser.submit(/action="(\/beheer\/rondes\/\d+\/import\/[0-9a-f-]+)"/.exec(preview2.body)![1]!, {
      actie: 'importeren',
    })
    const [h2, hb2, b2] = again.strata
    const shown2 = await browser.visit(
      `/beheer/rondes/${again.roundId}/steekproef?seed=20221001&methode-${h2!.id}=aselect&aantal-${h2!.id}=1700&methode-${hb2!.id}=iedereen&methode-${b2!.id}=iedereen`,
    )
    const fields2 = Object.fromEntries(
      [...shown2.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
    )
    delete fields2._csrf
    await browser.submit(`/beheer/rondes/${again.roundId}/steekproef`, { ...fields2, confirm: 'ja' })
    const numbers = async (roundId: number) => (await participantsOf(roundId)).map((p) => p.client_number).sort()
    expect(await numbers(again.roundId)).toEqual(await numbers(round.roundId))

    // After the sample no more imports.
    const importPage = await browser.visit(`/beheer/rondes/${round.roundId}/import`)
    expect(importPage.body).toContain('De steekproef is al getrokken')
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('round_id', '=', round.roundId)
      .where('action', '=', 'sample.confirm')
      .executeTakeFirstOrThrow()
    expect(audit.details).toMatchObject({ seed: 20221001 })
  })
})
