/**
 * The quotes screen as a researcher uses it: open answers with likely names marked and
 * "(…)" proposed in their place, a review that stores the edited text, and only the
 * answers chosen for the report coming out for the report. Typists never see it; a post
 * without the page's form token changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import type { SeededRound } from '#test/server/routes/beheer/seed.ts'
import { seedRound } from '#test/server/routes/beheer/seed.ts'
import { decodeEntities } from '#test/server/faults/_staff-pages.ts'
import { upload } from '#test/server/routes/beheer/rondes/_roundId/import/_upload.ts'
import { loadPrintableQuotes } from '#src/server/services/report/quotes.ts'
import type { Answers } from '#src/questionnaire/definition.ts'

let t: TestApp
let round: SeededRound
let researcher: Browser & { username: string }
let url: string

const NAMED = 'Doordat mevrouw Jansen niet de tijd nam, ging het mis.'
const HTML = 'Sneller terugbellen <script>alert(1)</script> graag'

/** Hengelo: 30 answers with a remark (two pages), one with nothing to say; Borne: 3, fewer than the smallest group. */
function answersOf(i: number, stratum: string): Answers {
  if (stratum === 'borne') return { punt_verbeteren: [1], opmerkingen: `Borne opmerking ${i}` }
  if (i === 0) return { punt_verbeteren: [3], opmerkingen: NAMED }
  if (i === 1) return { punt_verbeteren: [9], punt_verbeteren_other: HTML }
  if (i === 2) return { punt_verbeteren: [3], opmerkingen: 'Geen verbeterpunten.' }
  if (i === 3) return { punt_verbeteren: [5], opmerkingen: 'Ik heb een andere klantmanager gehad, dat was Pieter.' }
  return { opmerkingen: `Opmerking nummer ${i}` }
}

beforeAll(async () => {
  t = await createTestApp()
  round = await seedRound(
    t.database.db,
    [
      { code: 'hengelo', name: 'Hengelo', invited: 60, online: 31, paper: 0 },
      { code: 'borne', name: 'Borne', invited: 10, online: 3, paper: 0 },
    ],
    { answers: answersOf },
  )
  url = `/beheer/rondes/${round.roundId}/citaten`
  researcher = await signedInAs(t.app, 'researcher')
})
afterAll(async () => t.close())

/** The review rows stored for a response. */
function reviewsOf(responseId: string) {
  return t.database.db.selectFrom('quote_reviews').select('response_id').where('response_id', '=', responseId).execute()
}

/** The text a sighted reader sees (a flag's reason is there for screen readers only). */
function visibleText(html: string): string {
  return decodeEntities(html.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, ''))
}

/** The review form of the answer whose original reads `text`, as fields a browser would post. */
function reviewFormOf(page: string, text: string): { antwoord: string; variabele: string; tekst: string } {
  const articles = page.split('<article').slice(1)
  const article = articles.find((a) => visibleText(a).includes(text))
  if (!article) throw new Error(`no answer "${text}" on the page`)
  const value = (name: string) => decodeEntities(new RegExp(`name="${name}" value="([^"]*)"`).exec(article)![1]!)
  const tekst = decodeEntities(/<textarea[^>]*name="tekst"[^>]*>([^<]*)<\/textarea>/.exec(article)![1]!)
  return { antwoord: value('antwoord'), variabele: value('variabele'), tekst }
}

/** The review form of an answer, from whichever page of the list (with `query`) shows it. */
async function formFor(text: string, query = '') {
  for (let page = 1; page <= 3; page++) {
    const response = await researcher.visit(`${url}?${query}${query ? '&' : ''}pagina=${page}`)
    if (visibleText(response.body).includes(text)) return reviewFormOf(response.body, text)
  }
  throw new Error(`no answer "${text}" on any page`)
}

describe('the quotes screen', () => {
  it('is on the round tabs and shows 20 answers a page, without the ones that say nothing', async () => {
    const overview = await researcher.visit(`/beheer/rondes/${round.roundId}`)
    expect(overview.body).toContain(`<a href="${url}">Citaten</a>`)
    const first = await researcher.visit(url)
    expect(first.statusCode).toBe(200)
    expect(first.body.match(/<article/g)).toHaveLength(20)
    // 31 in Hengelo less "Geen verbeterpunten", and 3 in Borne.
    expect(first.body).toContain('33 antwoorden. Nog niet beoordeeld in deze gemeente(n): 33.')
    expect(first.body).not.toContain('Geen verbeterpunten.')
    expect(first.body).toContain('Pagina 1 van 2')
    const second = await researcher.visit(`${url}?pagina=2`)
    expect(second.body.match(/<article/g)).toHaveLength(13)
    const borne = await researcher.visit(`${url}?gemeente=borne`)
    expect(borne.body.match(/<article/g)).toHaveLength(3)
    expect(borne.body).toContain('Gemeente: Borne')
    expect(borne.body).not.toContain('Gemeente: Hengelo')
  })

  it('marks a name after "mevrouw" and proposes "(…)" in its place, under the category chosen', async () => {
    expect((await formFor(NAMED, 'gemeente=hengelo')).tekst).toBe('Doordat mevrouw (…) niet de tijd nam, ging het mis.')
    const page = researcher.lastPage
    expect(page).toMatch(/<mark title="[^"]+">Jansen<\/mark>/)
    expect(page).toContain('Vraag 23: Heeft u nog andere opmerkingen of tips voor ons?')
    expect(page).toContain('Gekozen: Meer tijd nemen voor de klant')
    await formFor('Sneller terugbellen')
    expect(researcher.lastPage).toContain('Gekozen: Anders, namelijk …')
  })

  it('shows what a client typed as text, never as markup', async () => {
    await formFor('Sneller terugbellen')
    expect(researcher.lastPage).not.toContain('<script>alert(1)</script>')
    expect(researcher.lastPage).toContain('Sneller terugbellen &lt;script&gt;alert(1)&lt;/script&gt; graag')
  })

  it('stores the edited text when the researcher accepts it, and only printed quotes reach the report', async () => {
    const named = await formFor(NAMED, 'gemeente=hengelo')
    const response = await researcher.post(url, {
      ...named,
      tekst: 'Doordat mevrouw (…) niet de tijd nam, ging het mis',
      opnemen: '1',
      besluit: 'goedkeuren',
      gemeente: 'hengelo',
    })
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe(`${url}?gemeente=hengelo`)
    const saved = await researcher.visit(String(response.headers.location))
    expect(saved.body).toContain('Goedgekeurd en opgenomen in het rapport.')

    // Accepted but not printed, and set aside: neither is quoted.
    const other = await formFor('Sneller terugbellen')
    await researcher.post(url, { ...other, tekst: 'Sneller terugbellen graag', besluit: 'goedkeuren' })
    await researcher.post(url, { ...(await formFor('dat was Pieter')), besluit: 'niet-gebruiken' })

    const stored = await t.database.db
      .selectFrom('quote_reviews')
      .select(['variable', 'decision', 'reviewed_text', 'print'])
      .orderBy('variable')
      .orderBy('decision')
      .execute()
    expect(stored).toEqual([
      {
        variable: 'opmerkingen',
        decision: 'accepted',
        reviewed_text: NAMED.slice(0, -1).replace('Jansen', '(…)'),
        print: true,
      },
      { variable: 'opmerkingen', decision: 'rejected', reviewed_text: null, print: false },
      {
        variable: 'punt_verbeteren_other',
        decision: 'accepted',
        reviewed_text: 'Sneller terugbellen graag',
        print: false,
      },
    ])

    const hengelo = round.strata.get('hengelo')!
    const quotes = await loadPrintableQuotes(t.database.db, round.roundId, hengelo)
    expect(quotes).toEqual([
      {
        variable: 'opmerkingen',
        questionNumber: '23',
        question: 'Heeft u nog andere opmerkingen of tips voor ons?',
        category: 'Meer tijd nemen voor de klant',
        quotes: ['Doordat mevrouw (…) niet de tijd nam, ging het mis'],
      },
    ])
    expect(await loadPrintableQuotes(t.database.db, round.roundId, null)).toEqual(quotes)

    // The filter now tells the reviewed from the rest.
    const reviewed = await researcher.visit(`${url}?beoordeeld=ja`)
    expect(reviewed.body.match(/<article/g)).toHaveLength(3)
    expect(reviewed.body).toContain('Goedgekeurd, in het rapport')
    expect(reviewed.body).toContain('Goedgekeurd, niet in het rapport')
    expect(reviewed.body).toContain('<p class="meta quote-status-rejected">Niet gebruiken</p>')
    const open = await researcher.visit(`${url}?beoordeeld=nee`)
    expect(open.body).toContain('30 antwoorden. Nog niet beoordeeld in deze gemeente(n): 30.')

    // The audit log knows that answers were reviewed, not what they said.
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'quotes.review')
      .orderBy('id')
      .execute()
    expect(entries.map((e) => e.details)).toEqual([
      { decision: 'accepted', count: 1 },
      { decision: 'accepted', count: 1 },
      { decision: 'rejected', count: 1 },
    ])
  })

  it('refuses an empty text with a Dutch message at the answer, and stores nothing', async () => {
    const page = await researcher.visit(`${url}?gemeente=borne`)
    const form = reviewFormOf(page.body, 'Borne opmerking')
    const response = await researcher.post(url, { ...form, tekst: '  ', besluit: 'goedkeuren', gemeente: 'borne' })
    expect(response.statusCode).toBe(422)
    expect(response.body).toContain('De tekst is leeg.')
    expect(await reviewsOf(form.antwoord)).toEqual([])
  })

  it('gives a municipality smaller than the smallest group no quotes, even chosen ones', async () => {
    const page = await researcher.visit(`${url}?gemeente=borne`)
    const form = reviewFormOf(page.body, 'Borne opmerking')
    await researcher.post(url, { ...form, opnemen: '1', besluit: 'goedkeuren' })
    const borne = round.strata.get('borne')!
    expect(await loadPrintableQuotes(t.database.db, round.roundId, borne)).toEqual([])
    await t.database.db.updateTable('rounds').set({ min_group_size: 3 }).where('id', '=', round.roundId).execute()
    const quotes = await loadPrintableQuotes(t.database.db, round.roundId, borne)
    expect(quotes.map((q) => [q.category, q.quotes])).toEqual([['Beter bereikbaar zijn per telefoon', [form.tekst]]])
    await t.database.db.updateTable('rounds').set({ min_group_size: 5 }).where('id', '=', round.roundId).execute()
  })

  it('refuses a review without the form token', async () => {
    const form = await formFor('Opmerking nummer 10')
    const forged = await researcher.post(url, { ...form, besluit: 'niet-gebruiken' }, { csrf: false })
    expect(forged.statusCode).toBe(403)
    expect(await reviewsOf(form.antwoord)).toEqual([])
  })

  it('is closed to typists, open to administrators', async () => {
    const typist = await signedInAs(t.app, 'typist')
    expect((await typist.get(url)).statusCode).toBe(403)
    await typist.visit('/beheer/account')
    expect((await typist.post(url, { besluit: 'niet-gebruiken' })).statusCode).toBe(403)
    const administrator = await signedInAs(t.app, 'administrator')
    expect((await administrator.get(url)).statusCode).toBe(200)
  })
})

describe('the list of names to flag', () => {
  it('takes a text file of names, and then marks them in any case', async () => {
    await researcher.visit(url)
    const response = await upload(
      researcher,
      `${url}/namen`,
      { namen: '' },
      {
        bestand: { name: 'klantmanagers.txt', data: 'Pieter de Boer\r\n\r\nSandra Öztürk\n', type: 'text/plain' },
      },
    )
    expect(response.statusCode).toBe(303)
    const page = await researcher.visit(String(response.headers.location))
    expect(page.body).toContain('Namenlijst opgeslagen: 2 namen.')
    expect(page.body).toContain('Nu op de lijst: 2 namen.')
    // Capitalised inside a sentence anyway; now it is marked as a name from the list.
    const form = await formFor('dat was Pieter')
    expect(form.tekst).toBe('Ik heb een andere klantmanager gehad, dat was (…).')
    expect(researcher.lastPage).toMatch(/<mark title="naam van de namenlijst">Pieter<\/mark>/)
  })

  it('refuses a file that is no text, or too large, in Dutch, and keeps the list', async () => {
    await researcher.visit(url)
    const xlsx = await upload(
      researcher,
      `${url}/namen`,
      { namen: '' },
      {
        bestand: { name: 'namen.xlsx', data: Buffer.from('PK\u0003\u0004rest of a zip', 'latin1') },
      },
    )
    expect(xlsx.statusCode).toBe(422)
    expect(decodeEntities(xlsx.body)).toContain(
      'Dit is geen tekstbestand. Kies een .txt-bestand met één naam per regel',
    )
    await researcher.visit(url)
    const large = await upload(
      researcher,
      `${url}/namen`,
      { namen: '' },
      {
        bestand: { name: 'namen.txt', data: 'Jansen\n'.repeat(15_000), type: 'text/plain' },
      },
    )
    expect(large.statusCode).toBe(422)
    expect(large.body).toContain('Het bestand is te groot. Het mag hoogstens 64 kB zijn.')
    const stored = await t.database.db.selectFrom('quote_names').select('names').execute()
    expect(stored).toEqual([{ names: 'Pieter de Boer\nSandra Öztürk' }])
  })

  it('takes pasted names too, and refuses a line too long to be a name', async () => {
    await researcher.visit(url)
    const long = await upload(researcher, `${url}/namen`, { namen: `Jansen\n${'x'.repeat(150)}` }, {})
    expect(long.statusCode).toBe(422)
    expect(long.body).toContain('Regel 2 is te lang.')
    await researcher.visit(url)
    const pasted = await upload(researcher, `${url}/namen`, { namen: 'Jansen\njansen\nDe Vries' }, {})
    expect(pasted.statusCode).toBe(303)
    const stored = await t.database.db.selectFrom('quote_names').select('names').execute()
    expect(stored).toEqual([{ names: 'Jansen\nDe Vries' }])
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'quotes.names')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.details)).toEqual([{ count: 2 }, { count: 2 }])
  })
})

describe('reviews and names when answers go', () => {
  it('deletes the reviews of a response with the response, and everything with the round', async () => {
    const db = t.database.db
    const reviewed = await db.selectFrom('quote_reviews').select('response_id').orderBy('response_id').execute()
    expect(reviewed.length).toBeGreaterThan(1)
    await db.deleteFrom('responses').where('id', '=', reviewed[0]!.response_id).execute()
    const left = await db.selectFrom('quote_reviews').select('response_id').orderBy('response_id').execute()
    expect(left).toEqual(reviewed.slice(1))
    expect(await db.selectFrom('quote_names').select('round_id').execute()).toEqual([{ round_id: round.roundId }])
    await db.deleteFrom('rounds').where('id', '=', round.roundId).execute()
    expect(await db.selectFrom('quote_reviews').selectAll().execute()).toEqual([])
    expect(await db.selectFrom('quote_names').selectAll().execute()).toEqual([])
  })
})
