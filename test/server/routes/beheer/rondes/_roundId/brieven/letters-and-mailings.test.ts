import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SMTPServer } from 'smtp-server'
import type { ParsedMail } from 'mailparser'
import { simpleParser } from 'mailparser'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { completeContent, completeLetterTemplates, PRINTABLE_URL } from '#test/helpers/letters.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'
import { currentWave } from '#src/server/services/respondent/participation.ts'
import { fieldworkIdle } from '#src/server/jobs/fieldwork.ts'
import type { TempDir } from '#test/mailmerge/pdf-tools.ts'
import {
  decodeSymbols,
  inkShare,
  pageTexts,
  renderPages,
  renderToolsAvailable,
  tempDir,
} from '#test/mailmerge/pdf-tools.ts'
import { uploadAndFollow } from '#test/server/routes/beheer/rondes/_roundId/import/_upload.ts'
import { listen, onFreePort } from '#test/setup/free-port.ts'

const canRender = renderToolsAvailable()
const PUBLIC_URL = PRINTABLE_URL
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

let t: TestApp
let smtp: SMTPServer
const received: ParsedMail[] = []
let tmp: TempDir

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream).then((mail) => {
        received.push(mail)
        callback()
      }, callback)
    },
  })
  const port = await onFreePort(async (port) => {
    await listen(smtp, port)
    return port
  })
  t = await createTestApp({ smtp: { host: '127.0.0.1', port, secure: false }, publicUrl: PUBLIC_URL })
  tmp = await tempDir()
})
afterAll(async () => {
  await fieldworkIdle(t.app.db)
  await t.close()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  await tmp.remove()
})

const PEOPLE = [
  {
    initials: 'K.',
    last_name: 'Yılmaz',
    postcode: '7559 ZW',
    street: 'Oldenzaalsestraat',
    house_number: '108',
    email: 'yilmaz@example.nl',
    language: 'tr',
  },
  {
    initials: 'T.',
    last_name: 'Nguyễn',
    postcode: '7551 AB',
    street: 'Markt',
    house_number: '2',
    email: null,
    language: 'en',
  },
  {
    initials: 'M.',
    last_name: 'Öztürk',
    postcode: '7555 HH',
    street: 'Deldenerstraat',
    house_number: '177',
    email: 'ozturk@example.nl',
    language: 'nl',
  },
]

/** A round whose participants have names, addresses and (some) e-mail addresses; its letter templates complete unless told otherwise. */
async function roundWithAddresses(
  options: { templates: 'complete' | 'default' } = { templates: 'complete' },
): Promise<RoundFixture> {
  const round = await createRound(t.database.db, { participantsPerStratum: 3 })
  if (options.templates === 'complete') await completeLetterTemplates(t.database.db, round.roundId)
  for (const [i, p] of round.participants.entries()) {
    const person = PEOPLE[i % 3]!
    await t.database.db
      .updateTable('participants')
      .set({ ...person, email: person.email ? `${i}.${person.email}` : null })
      .where('id', '=', p.id)
      .execute()
  }
  return round
}

async function download(browser: Awaited<ReturnType<typeof signedInAs>>, url: string, name: string): Promise<string> {
  const response = await browser.get(url)
  expect(response.statusCode, url).toBe(200)
  const file = tmp.file(name)
  writeFileSync(file, response.rawPayload)
  return file
}

describe('letters', () => {
  /** Hengelo's letters from the first test, for the test that renders them: its last page is the person's with lastCode. */
  let madeLetters: { file: string; lastCode: string } | undefined

  it('makes the invitation letters per municipality, sorted by postcode, with progress, downloads and a mailing list', async () => {
    const round = await roundWithAddresses()
    const browser = await signedInAs(t.app, 'researcher')
    const overview = await browser.visit(`/beheer/rondes/${round.roundId}/brieven`)
    expect(overview.body).toContain('Maak de uitnodigingsbrieven (9)')

    const made = await browser.post(`/beheer/rondes/${round.roundId}/brieven`, { actie: 'uitnodiging' })
    expect(made.statusCode).toBe(303)
    const mailingUrl = String(made.headers.location)
    const progress = await browser.visit(mailingUrl)
    // While the files are being made the page asks to be refreshed (no JavaScript needed).
    if (progress.body.includes('worden gemaakt')) {
      expect(progress.headers.refresh).toBe('3')
      expect(progress.body).toContain('<meta http-equiv="refresh" content="3">')
    }
    await fieldworkIdle(t.app.db)
    const done = await browser.visit(mailingUrl)
    expect(done.headers.refresh).toBeUndefined()
    expect(done.body).not.toContain('worden gemaakt')
    // By default one collated stream per municipality (letter, then that person's form), with its list of sets.
    const setLinks = [...done.body.matchAll(/href="([^"]+\/bestand\/\d+)"/g)].map((m) => m[1]!)
    expect(setLinks).toHaveLength(3)
    const listLinks = [...done.body.matchAll(/href="([^"]+\/lijst\/\d+)"/g)].map((m) => m[1]!)
    expect(listLinks).toHaveLength(3)
    const setsFile = await download(browser, setLinks[0]!, 'sets.pdf')
    const list = await browser.get(listLinks[0]!)
    expect(list.headers['content-type']).toContain('text/csv')
    const listLines = list.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(listLines[0]).toBe('set;code;vellen;postcode;gemeente;taal')
    expect(listLines[1]).toMatch(/^1;[2-9A-Z]{5}-[2-9A-Z]{5};\d+;7551 AB;Hengelo;en$/)

    // The collation check: the print file as made is in order; without its last sheet it is not.
    const checked = await uploadAndFollow(
      browser,
      `${mailingUrl}/controle`,
      {},
      {
        bestand: { name: 'sets.pdf', data: readFileSync(setsFile), type: 'application/pdf' },
      },
    )
    expect(checked.statusCode).toBe(200)
    expect(checked.body).toContain('Uitkomst van de controle')
    expect(checked.body).toContain('Alles klopt')
    const bytes = readFileSync(setsFile).toString('latin1')
    const kids = /\/Kids \[([^\]]*)\]/.exec(bytes)!
    const refs = kids[1]!.trim().split(/\s+(?=\d+ 0 R)/)
    const short = Buffer.from(bytes.replace(kids[0], `/Kids [${refs.slice(0, -2).join(' ')}]`), 'latin1')
    const shortChecked = await uploadAndFollow(
      browser,
      `${mailingUrl}/controle`,
      {},
      {
        bestand: { name: 'kort.pdf', data: short, type: 'application/pdf' },
      },
    )
    expect(shortChecked.body).toMatch(/Set 3, vel (\d+) van \1 ontbreekt/)
    const notPdf = await uploadAndFollow(
      browser,
      `${mailingUrl}/controle`,
      {},
      {
        bestand: { name: 'lijst.csv', data: list.body, type: 'text/csv' },
      },
    )
    expect(notPdf.statusCode).toBe(422)
    expect(notPdf.body).toContain('Dit bestand kan niet gelezen worden als PDF.')

    // Letters and forms apart instead: the same people, as two files per municipality.
    await browser.submit(mailingUrl, { actie: 'opnieuw', indeling: 'apart' })
    await fieldworkIdle(t.app.db)
    const apart = await browser.visit(mailingUrl)
    const links = [...apart.body.matchAll(/href="([^"]+\/bestand\/\d+)"/g)].map((m) => m[1]!)
    expect(links).toHaveLength(6) // letters and paper forms for 3 municipalities
    expect(apart.body).not.toContain('/lijst/')

    const hengelo = round.participants.filter((p) => p.stratumId === round.strata[0]!.id)
    const letters = await download(browser, links[0]!, 'letters.pdf')
    const pages = await pageTexts(letters)
    expect(pages).toHaveLength(3)
    // Sorted by postcode: 7551 AB (Nguyễn), 7555 HH (Öztürk), 7559 ZW (Yılmaz).
    expect(pages[0]).toContain('Nguyễn')
    expect(pages[1]).toContain('Öztürk')
    expect(pages[2]).toContain('Yılmaz')
    // (Text extraction may split the printed code at its dash.)
    expect(pages[2]!.replace(/\s/g, '')).toContain(formatLoginCode(hengelo[0]!.code))
    expect(pages[2]).toContain('7559 ZW')
    // Nguyễn's language is English: the letter is in English; Yılmaz's is Turkish.
    expect(pages[0]).toContain('Dear')
    expect(pages[2]).toContain('Sayın K. Yılmaz,')
    madeLetters = { file: letters, lastCode: hengelo[0]!.code }

    const forms = await download(browser, links[3]!, 'forms.pdf')
    const formPages = await pageTexts(forms)
    expect(formPages.length).toBeGreaterThanOrEqual(3)
    // Every page of a form carries its person's code (the forms follow the letters' order).
    const codesInOrder = [hengelo[1]!, hengelo[2]!, hengelo[0]!].map((p) => formatLoginCode(p.code))
    for (const text of formPages) expect(codesInOrder.some((c) => text.replace(/\s/g, '').includes(c))).toBe(true)
    expect(formPages[0]!.replace(/\s/g, '')).toContain(codesInOrder[0])
    expect(formPages.at(-1)!.replace(/\s/g, '')).toContain(codesInOrder[2])

    const csv = await browser.get(`${mailingUrl}/adreslijst.csv`)
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('code;url;naam;adres;postcode;woonplaats;postcode_woonplaats;gemeente;taal')
    expect(lines).toHaveLength(10)
    const postcodes = lines.slice(1).map((l) => l.split(';')[4])
    expect(postcodes).toEqual([...postcodes].sort())
    expect(csv.body).toContain(
      `${formatLoginCode(hengelo[0]!.code)};${PUBLIC_URL}/c/${hengelo[0]!.code};K. Yılmaz;Oldenzaalsestraat 108;7559 ZW`,
    )

    // Making the files again creates no codes and no mailing.
    const codesBefore = await t.database.db
      .selectFrom('participants')
      .select(['id', 'code'])
      .where('round_id', '=', round.roundId)
      .orderBy('id')
      .execute()
    await browser.submit(mailingUrl, { actie: 'opnieuw' })
    await fieldworkIdle(t.app.db)
    const codesAfter = await t.database.db
      .selectFrom('participants')
      .select(['id', 'code'])
      .where('round_id', '=', round.roundId)
      .orderBy('id')
      .execute()
    expect(codesAfter).toEqual(codesBefore)
    const mailings = await t.database.db
      .selectFrom('mailings')
      .selectAll()
      .where('round_id', '=', round.roundId)
      .execute()
    expect(mailings).toEqual([
      expect.objectContaining({
        kind: 'invitation',
        channel: 'letter',
        recipient_count: 9,
        created_by: browser.userId,
      }),
    ])
    expect(await pageTexts(await download(browser, links[0]!, 'again.pdf'))).toEqual(pages)

    // A remake prints with the template as it is now: one that lost its reference is refused.
    await t.database.db
      .updateTable('letter_templates')
      .set({ content: JSON.stringify({ ...completeContent('invitation'), reference: '' }) })
      .where('round_id', '=', round.roundId)
      .where('kind', '=', 'invitation')
      .execute()
    const refusedRemake = await browser.submit(mailingUrl, { actie: 'opnieuw' })
    expect(refusedRemake.body).toContain(
      'De brieven zijn niet gemaakt. Hengelo: Ons kenmerk. Haaksbergen: Ons kenmerk. Borne: Ons kenmerk.',
    )
    // A file that failed as it was made (its template was checked again) says in Dutch what to fill in.
    const failing = t.database.db.updateTable('letter_batches').where('round_id', '=', round.roundId)
    await failing.set({ status: 'failed', error: 'invitation letters not printable' }).execute()
    const failed = (await browser.visit(mailingUrl)).body
    expect(failed).toContain('Een bestand is niet gemaakt, omdat de brief niet meer compleet is.')
    expect(failed).toContain('<li>Haaksbergen: Ons kenmerk.</li>')
    await failing.set({ status: 'done', error: null }).execute()
    await t.database.db
      .updateTable('letter_templates')
      .set({ content: JSON.stringify(completeContent('invitation')) })
      .where('round_id', '=', round.roundId)
      .where('kind', '=', 'invitation')
      .execute()

    // A second invitation is refused.
    const again = await browser.visit(`/beheer/rondes/${round.roundId}/brieven`)
    expect(again.body).not.toContain('Maak de uitnodigingsbrieven')
    const actions = (
      await t.database.db.selectFrom('audit_log').select('action').where('round_id', '=', round.roundId).execute()
    ).map((a) => a.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'mailing.invitation.letter',
        'letters.download',
        'mailing-list.download',
        'letters.layout',
        'letters.remake',
      ]),
    )
  })

  it.skipIf(!canRender)("prints on those letters a QR code that opens the person's login link", async () => {
    expect(madeLetters, 'the letters of the test above').toBeDefined()
    const rendered = await renderPages(madeLetters!.file, tmp.dir, { first: 3, last: 3, dpi: 200 })
    expect(await inkShare(rendered.pages[0]!)).toBeGreaterThan(0.01)
    expect(await decodeSymbols(rendered.pages[0]!)).toContain(`QR-Code:${PUBLIC_URL}/c/${madeLetters!.lastCode}`)
  })

  it('edits a template per municipality with a logo, refuses unknown merge fields, and previews it as PDF', async () => {
    const round = await roundWithAddresses()
    const browser = await signedInAs(t.app, 'researcher')
    const url = `/beheer/rondes/${round.roundId}/brieven/sjabloon?soort=uitnodiging&gemeente=${round.strata[1]!.id}`
    const form = await browser.visit(url)
    expect(form.body).toContain('Deze gemeente gebruikt nu het sjabloon van de hele ronde.')
    expect(form.body).not.toContain('Nog niet compleet om te drukken')
    const fields = Object.fromEntries(
      [...form.body.matchAll(/<input id="[^"]+" name="([^"]+)" type="(?:text|date)"[^>]*value="([^"]*)"/g)].map((m) => [
        m[1]!,
        m[2]!.replace(/&amp;/g, '&'),
      ]),
    )
    const unescapeHtml = (html: string) =>
      html
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
    for (const m of form.body.matchAll(/<textarea id="[^"]+" name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
      fields[m[1]!] = unescapeHtml(m[2]!)
    const body = fields['tekst-nl']!

    const wrong = await uploadAndFollow(
      browser,
      url,
      { ...fields, 'tekst-nl': `${body}\n\nGroet aan {nam}.`, actie: 'opslaan' },
      {},
    )
    expect(wrong.statusCode).toBe(422)
    expect(wrong.body).toContain('onbekend veld {nam}')

    // The fields a printed letter needs, prefilled from the round's template; each with its own error.
    for (const label of [
      'Openingstijden van de telefoon',
      'Antwoordnummer voor de vragenlijst',
      'Ons kenmerk',
      'Datum van de brief',
    ])
      expect(form.body).toContain(label)
    expect(fields).toMatchObject({
      kenmerk: 'WI/KTO-2026',
      briefdatum: '2026-12-01',
      antwoordadres: 'Gemeente Hengelo\nAntwoordnummer 1234\n7550 VB Hengelo',
    })
    await browser.visit(url)
    const badDate = await uploadAndFollow(browser, url, { ...fields, briefdatum: '2026-02-30', actie: 'opslaan' }, {})
    expect(badDate.statusCode).toBe(422)
    expect(badDate.body).toMatch(
      /<label for="letterDate">Datum van de brief<\/label>\s*<p class="hint">[^<]*<\/p>\s*<p class="error">geen bestaande datum<\/p>/,
    )

    await browser.visit(url)
    const preview = await uploadAndFollow(
      browser,
      url,
      { ...fields, 'onderwerp-nl': 'Uw mening over Haaksbergen telt', 'tekst-nl': body, actie: 'voorbeeld' },
      { logo: { name: 'logo.png', data: PNG, type: 'image/png' } },
    )
    expect(preview.headers['content-type'], /error-summary[\s\S]*?<\/div>/.exec(preview.body)?.[0]).toBe(
      'application/pdf',
    )
    const previewFile = tmp.file('preview.pdf')
    writeFileSync(previewFile, preview.rawPayload)
    expect((await pageTexts(previewFile))[0]).toContain('Uw mening over Haaksbergen telt')
    // A preview saves nothing.
    expect(
      await t.database.db
        .selectFrom('letter_templates')
        .select('id')
        .where('round_id', '=', round.roundId)
        .where('stratum_id', 'is not', null)
        .execute(),
    ).toEqual([])

    await browser.visit(url)
    const saved = await uploadAndFollow(
      browser,
      url,
      {
        ...fields,
        'onderwerp-nl': 'Uw mening over Haaksbergen telt',
        'tekst-nl': body,
        'openingstijden-en': 'Monday to Friday 9.00–12.00',
        actie: 'opslaan',
      },
      { logo: { name: 'logo.png', data: PNG, type: 'image/png' } },
    )
    expect(saved.body).toContain('Het sjabloon is opgeslagen.')
    // The phone's hours in English, for the English letters; shown again in the form.
    const reopened = (await browser.visit(url)).body
    expect(reopened).toContain('name="openingstijden-en" type="text" dir="auto" lang="en"')
    expect(reopened).toContain('value="Monday to Friday 9.00–12.00"')
    const stored = await t.database.db
      .selectFrom('letter_templates')
      .select(['stratum_id', 'kind', 'logo_type'])
      .where('round_id', '=', round.roundId)
      .where('stratum_id', 'is not', null)
      .execute()
    expect(stored).toEqual([{ stratum_id: round.strata[1]!.id, kind: 'invitation', logo_type: 'image/png' }])

    // Haaksbergen's letters use it; Hengelo's the round's.
    const made = await browser.post(`/beheer/rondes/${round.roundId}/brieven`, { actie: 'uitnodiging' })
    await fieldworkIdle(t.app.db)
    const page = await browser.visit(String(made.headers.location))
    const links = [...page.body.matchAll(/href="([^"]+\/bestand\/\d+)"/g)].map((m) => m[1]!)
    // (The Dutch letters; Nguyễn reads English, which this template leaves at the default.)
    expect((await pageTexts(await download(browser, links[1]!, 'haaksbergen.pdf'))).join()).toContain(
      'Uw mening over Haaksbergen telt',
    )
    expect((await pageTexts(await download(browser, links[0]!, 'hengelo.pdf'))).join()).not.toContain(
      'Uw mening over Haaksbergen telt',
    )
  })
})

describe('letters that are not complete', () => {
  it('are refused with what each municipality still lacks; a test print shows them anyway, marked TESTAFDRUK', async () => {
    const round = await roundWithAddresses({ templates: 'default' })
    const browser = await signedInAs(t.app, 'researcher')
    const base = `/beheer/rondes/${round.roundId}/brieven`
    const overview = await browser.visit(base)
    expect(overview.body).toContain('Nog niet klaar om te drukken')
    for (const name of ['Hengelo', 'Haaksbergen', 'Borne'])
      expect(overview.body).toContain(`<li>${name}: Logo, Retouradres (klein boven het adres), Telefoon voor vragen`)
    expect(overview.body).not.toContain('Maak de uitnodigingsbrieven')

    // The button may be gone; a request made anyway is refused with the same list.
    const refused = await browser.post(base, { actie: 'uitnodiging' })
    expect(refused.headers.location).toBe(base)
    const notice = /<p class="error flash"[^>]*>([^<]*)<\/p>/.exec((await browser.visit(base)).body)?.[1] ?? ''
    expect(notice).toContain('De brieven zijn niet gemaakt.')
    expect(notice).toContain('Borne: Logo, Retouradres')
    expect(notice).toContain('Ons kenmerk, Datum van de brief, Naam van de ondertekenaar, Functie van de ondertekenaar')
    expect(
      await t.database.db.selectFrom('mailings').select('id').where('round_id', '=', round.roundId).execute(),
    ).toEqual([])

    // The template page says what printing still needs.
    const template = await browser.visit(`${base}/sjabloon?soort=uitnodiging`)
    // Round-wide, the built-in "Gemeente" names no municipality.
    expect(template.body).toContain(
      'Nog niet compleet om te drukken. Vul nog in: Gemeente (afzender), Logo, Retouradres',
    )

    // A reminder by letter is refused the same way.
    const reminder = await browser.visit(`/beheer/rondes/${round.roundId}/verzendingen/herinnering?brief=1`)
    expect(reminder.body).toContain('Nog niet klaar om te drukken')
    expect(reminder.body).not.toContain('Maak de herinnering')

    const stratum = round.strata[0]!.id
    for (const query of [
      'soort=uitnodiging&inhoud=brieven',
      'soort=uitnodiging&inhoud=vragenlijsten',
      'soort=herinnering&inhoud=brieven',
    ]) {
      const file = await download(browser, `${base}/proefafdruk?${query}&gemeente=${stratum}`, 'test-print.pdf')
      const pages = await pageTexts(file)
      expect(pages.length, query).toBeGreaterThan(0)
      for (const page of pages) expect(page, query).toContain('TESTAFDRUK')
    }
    expect(overview.body).toContain(`action="${base}/proefafdruk"`)
    expect(reminder.body).toContain(`action="${base}/proefafdruk"`)
    expect(
      (await browser.get(`${base}/proefafdruk?soort=herinnering&inhoud=vragenlijsten&gemeente=${stratum}`)).statusCode,
    ).toBe(404)
    expect(
      await t.database.db.selectFrom('mailings').select('id').where('round_id', '=', round.roundId).execute(),
    ).toEqual([])
  })
})

describe('e-mail and reminders', () => {
  it('sends the e-mail invitation through the queue and shows its state', async () => {
    const round = await roundWithAddresses()
    const browser = await signedInAs(t.app, 'researcher')
    const page = await browser.visit(`/beheer/rondes/${round.roundId}/verzendingen`)
    expect(page.body).toContain('Verstuur de e-mail (6)')
    const before = received.length
    const sent = await browser.post(`/beheer/rondes/${round.roundId}/verzendingen`, { actie: 'uitnodiging-email' })
    await fieldworkIdle(t.app.db)
    expect(received.length - before).toBe(6)
    const mailingPage = await browser.visit(String(sent.headers.location))
    expect(mailingPage.body).toMatch(/Verstuurd<\/th><td class="num">6</)
    expect(mailingPage.body).toContain('Geen problemen.')
    const history = await browser.visit(`/beheer/rondes/${round.roundId}/verzendingen`)
    expect(history.body).toContain('6 verstuurd, 0 wachten, 0 mislukt')
    expect(history.body).toContain('De uitnodiging per e-mail is al verstuurd.')
  })

  it('reminds only those who have not responded by any mode, and never opted-out or returned letters', async () => {
    const round = await roundWithAddresses()
    const [p0, p1, p2, p3, p4, p5] = round.participants.map((p) => p.id) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ]
    const set = (id: number, values: Record<string, unknown>) =>
      t.database.db.updateTable('participants').set(values).where('id', '=', id).execute()
    await set(p0, { status: 'completed', completed_mode: 'online' })
    await set(p1, { status: 'completed', completed_mode: 'paper' })
    await set(p2, { status: 'in_progress' })
    const browser = await signedInAs(t.app, 'researcher')
    await browser.visit(`/beheer/rondes/${round.roundId}/verzendingen`)
    // Staff mark an opt-out by client number and a returned letter by code.
    const clientNumber = (
      await t.database.db
        .selectFrom('participants')
        .select('client_number')
        .where('id', '=', p3)
        .executeTakeFirstOrThrow()
    ).client_number!
    const marked = await browser.submit(`/beheer/rondes/${round.roundId}/verzendingen/markeren`, {
      deelnemer: clientNumber,
      markering: 'opted_out',
    })
    expect(marked.body).toContain(`(${clientNumber}): Afgemeld.`)
    const code = round.participants[4]!.code
    await browser.submit(`/beheer/rondes/${round.roundId}/verzendingen/markeren`, {
      deelnemer: formatLoginCode(code).toLowerCase(),
      markering: 'mail_returned',
    })
    const flags = await t.database.db
      .selectFrom('participants')
      .select(['id', 'opted_out', 'mail_returned'])
      .where('id', 'in', [p3, p4])
      .orderBy('id')
      .execute()
    expect(flags).toEqual([
      { id: p3, opted_out: true, mail_returned: false },
      { id: p4, opted_out: false, mail_returned: true },
    ])

    const preview = await browser.visit(`/beheer/rondes/${round.roundId}/verzendingen/herinnering?brief=1&email=1`)
    // Hengelo: p0 online, p1 paper, p2 in progress → 1 letter; Haaksbergen: p3 opted out, p4 returned, p5 → 1; Borne: 3.
    expect(preview.body).toMatch(/Hengelo<\/th><td class="num">1<\/td><td class="num">\d+<\/td>/)
    expect(preview.body).toMatch(/Haaksbergen<\/th><td class="num">1<\/td>/)
    expect(preview.body).toMatch(/Borne<\/th><td class="num">3<\/td>/)
    expect(preview.body).toMatch(/Totaal<\/th><td class="num">5<\/td>/)
    expect(
      await t.database.db.selectFrom('mailings').select('id').where('round_id', '=', round.roundId).execute(),
    ).toEqual([])

    const before = received.length
    const made = await browser.submit(`/beheer/rondes/${round.roundId}/verzendingen/herinnering`, {
      brief: '1',
      email: '1',
    })
    expect(made.body).toContain('De herinnering is gemaakt.')
    await fieldworkIdle(t.app.db)
    const mailings = await t.database.db
      .selectFrom('mailings')
      .selectAll()
      .where('round_id', '=', round.roundId)
      .orderBy('id')
      .execute()
    expect(mailings.map((m) => [m.kind, m.channel, m.recipient_count, m.created_by])).toEqual([
      ['reminder', 'letter', 5, browser.userId],
      ['reminder', 'email', 4, browser.userId],
    ])
    const letterRecipients = await t.database.db
      .selectFrom('mailing_recipients')
      .select('participant_id')
      .where('mailing_id', '=', mailings[0]!.id)
      .execute()
    const reached = letterRecipients.map((r) => r.participant_id).sort((a, b) => a - b)
    expect(reached).toEqual([p2, p5, ...round.participants.slice(6).map((p) => p.id)].sort((a, b) => a - b))
    expect(reached).not.toContain(p0)
    expect(reached).not.toContain(p1)
    const reminders = received.slice(before)
    expect(reminders).toHaveLength(4)
    // Each in the client's language: Öztürk's Dutch, Yılmaz's Turkish.
    for (const mail of reminders) {
      const to = JSON.stringify(mail.to)
      expect(mail.subject, to).toBe(
        to.includes('yilmaz')
          ? 'Hatırlatma: Çalışma ve Gelir Birimi hakkında ne düşünüyorsunuz?'
          : 'Herinnering: wat vindt u van Werk en Inkomen?',
      )
    }
    expect(reminders.some((m) => JSON.stringify(m.to).includes('yilmaz'))).toBe(true)
    // Responses from now on count as after the reminder.
    expect(await currentWave(t.database.db, round.roundId)).toBe('after_reminder')
    const letters = await browser.visit(`/beheer/rondes/${round.roundId}/brieven/${mailings[0]!.id}`)
    expect(letters.body).toContain('Herinnering: brieven van')
    // Without the choice for a new paper form, a reminder is letters only.
    expect(letters.body).not.toContain('/lijst/')
  })

  it('sends a fresh paper form with a reminder when chosen, collated with each letter', async () => {
    const round = await roundWithAddresses()
    const browser = await signedInAs(t.app, 'researcher')
    const page = await browser.visit(`/beheer/rondes/${round.roundId}/verzendingen`)
    expect(page.body).toContain('name="formulier"')
    const preview = await browser.visit(`/beheer/rondes/${round.roundId}/verzendingen/herinnering?brief=1&formulier=1`)
    expect(preview.body).toContain('Bij elke brief zit een nieuwe papieren vragenlijst.')
    expect(preview.body).toContain('name="formulier" value="1"')
    const made = await browser.submit(`/beheer/rondes/${round.roundId}/verzendingen/herinnering`, {
      brief: '1',
      formulier: '1',
    })
    expect(made.body).toContain('De herinnering is gemaakt.')
    await fieldworkIdle(t.app.db)
    const [mailing] = await t.database.db
      .selectFrom('mailings')
      .select('id')
      .where('round_id', '=', round.roundId)
      .execute()
    const letters = await browser.visit(`/beheer/rondes/${round.roundId}/brieven/${mailing!.id}`)
    expect(letters.body).toContain('Sets: brief met papieren vragenlijst')
    expect([...letters.body.matchAll(/href="[^"]+\/lijst\/\d+"/g)]).toHaveLength(3)
  })
})
