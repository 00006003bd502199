/**
 * The researchers' paper pages: the overview figures, reviewing double keying, resolving
 * duplicates, and who may see them (typists never: codes next to answers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyTableHeaders } from '#test/helpers/table-headers.ts'
import { sql } from 'kysely'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp, Browser, csrfTokenOf } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'
import { submitOnline } from '#src/server/services/respondent/participation.ts'

let t: TestApp
let round: RoundFixture
let base: string

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db, { participantsPerStratum: 3 })
  await t.database.db.updateTable('rounds').set({ double_keying: true }).where('id', '=', round.roundId).execute()
  base = `/beheer/rondes/${round.roundId}/papier`
})
afterAll(async () => t.close())

async function key(typist: Browser, code: string, fields: Record<string, string>) {
  await typist.visit('/invoer')
  const opened = await typist.post('/invoer/formulier', { code })
  const concept = /name="concept" value="([^"]+)"/.exec(opened.body)?.[1]
  if (!concept) throw new Error(`form did not open: ${opened.statusCode}`)
  return typist.submit('/invoer/opslaan', {
    concept,
    actie: 'opslaan',
    bevestigd: /name="bevestigd" value="([^"]+)"/.exec(opened.body)?.[1] ?? '',
    ...fields,
  })
}

describe('who may see the paper pages', () => {
  const fakeId = '00000000-0000-4000-8000-000000000000'

  it('refuses typists and administrators on every route, and sends strangers to sign in', async () => {
    const typist = await signedInAs(t.app, 'typist')
    const admin = await signedInAs(t.app, 'administrator')
    const stranger = new Browser(t.app)
    const csrf = csrfTokenOf((await stranger.visit('/')).body)
    const gets = [base, `${base}/verschillen/${fakeId}`, `${base}/dubbel/${fakeId}`]
    for (const url of gets) {
      expect((await typist.get(url)).statusCode, url).toBe(403)
      expect((await admin.get(url)).statusCode, url).toBe(403)
      expect((await stranger.get(url)).statusCode, url).toBe(303)
    }
    const typistCsrf = csrfTokenOf((await typist.visit('/invoer')).body)
    const adminCsrf = csrfTokenOf((await admin.visit('/beheer')).body)
    for (const url of gets.slice(1)) {
      expect((await typist.post(url, { besluit: 'keepFirst' }, { csrf: typistCsrf })).statusCode, url).toBe(403)
      expect((await admin.post(url, { besluit: 'keepFirst' }, { csrf: adminCsrf })).statusCode, url).toBe(403)
      expect((await stranger.post(url, { besluit: 'keepFirst' }, { csrf })).statusCode, url).toBe(401)
    }
  })

  it('keeps typists out of the staff console and its personal data', async () => {
    const typist = await signedInAs(t.app, 'typist')
    const id = round.roundId
    const urls = [
      '/beheer/rondes',
      '/beheer/rondes/nieuw',
      `/beheer/rondes/${id}`,
      `/beheer/rondes/${id}/import`,
      `/beheer/rondes/${id}/steekproef`,
      `/beheer/rondes/${id}/brieven`,
      `/beheer/rondes/${id}/verzendingen`,
      `/beheer/rondes/${id}/monitor`,
      `/beheer/rondes/${id}/export`,
      '/beheer/accounts',
      '/beheer/audit',
    ]
    const person = await t.database.db
      .selectFrom('participants')
      .selectAll()
      .where('id', '=', round.participants[0]!.id)
      .executeTakeFirstOrThrow()
    for (const url of urls) {
      const response = await typist.get(url)
      // Forbidden, or not (yet) a page at all: never shown.
      expect([403, 404], url).toContain(response.statusCode)
      expect(response.body, url).not.toContain(person.last_name!)
    }
  })
})

describe('the overview', () => {
  it('shows counts per stratum, per typist and per day, and the work still open', async () => {
    const [anna, bram] = [await signedInAs(t.app, 'typist'), await signedInAs(t.app, 'typist')]
    const form = { v_rapportcijfer_dienstverlening: '8', v_geslacht: '2' }
    const [p0, p1, p2] = round.participants
    expect((await key(anna, p0!.code, form)).body).toContain('Eerste invoer opgeslagen')
    expect((await key(bram, p0!.code, form)).body).toContain('De twee invoeren zijn gelijk')
    await key(anna, p1!.code, form)
    expect((await key(bram, p1!.code, { ...form, v_geslacht: '1' })).body).toContain('Er zijn 1 verschillen')
    await key(anna, p2!.code, form)

    const researcher = await signedInAs(t.app, 'researcher')
    const page = await researcher.visit(base)
    expect(page.statusCode).toBe(200)
    expect(page.body).toMatch(/id="awaiting-second">1</)
    expect(page.body).toMatch(/id="awaiting-review">1</)
    expect(page.body).toMatch(/id="open-duplicates">0</)
    expect(page.body).toContain('tellen nog niet mee')
    expect(page.body).toContain(formatLoginCode(p1!.code))
    const perTypist = /<table class="data" id="per-typist">[\s\S]*?<\/table>/.exec(page.body)![0]
    // Anna keyed 3 forms, Bram 2; both compared 2 + 2 fields with 1 difference: 75% agreement.
    expect(perTypist.match(/<td class="num">\d+<\/td>/g)!.slice(0, 2)).toEqual([
      '<td class="num">3</td>',
      '<td class="num">4</td>',
    ])
    expect(perTypist).toContain('75%')
    // The column of "Controleren" links has a header a screen reader can announce.
    expect(page.body).toMatch(/href="\/beheer\/rondes\/\d+\/papier\/verschillen\/[0-9a-f-]{36}"/)
    expect(emptyTableHeaders(page.body)).toEqual([])
    const perDay = /<table class="data" id="per-day">[\s\S]*?<\/table>/.exec(page.body)![0]
    expect(perDay.match(/<td class="num">(\d+)<\/td>/g)!.sort()).toEqual([
      '<td class="num">2</td>',
      '<td class="num">3</td>',
    ])
  })
})

describe('reviewing differences', () => {
  it('lists them field by field; the reviewer decides and the form counts', async () => {
    const researcher = await signedInAs(t.app, 'researcher')
    const overview = await researcher.visit(base)
    const link = /href="([^"]+\/verschillen\/[^"]+)"/.exec(overview.body)![1]!
    const page = await researcher.visit(link)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Verschillen in formulier')
    expect(page.body).toContain('Invoer 1 (Test typist)')
    expect(page.body).toContain('Wat is uw geslacht?')
    const names = [...page.body.matchAll(/type="radio" name="(k_[^"]+)" value="first"/g)].map((m) => m[1])
    expect(names).toEqual(['k_geslacht'])

    const undecided = await researcher.post(link, {})
    expect(undecided.statusCode).toBe(422)
    expect(undecided.body).toContain('Nog open: vraag 20')

    const p1 = round.participants[1]!
    const done = await researcher.submit(link, { k_geslacht: 'own', e_geslacht: '3' })
    expect(done.body).toContain('Beslissing opgeslagen. Het formulier telt mee.')
    const participant = await t.database.db
      .selectFrom('participants')
      .select(['status', 'completed_mode'])
      .where('id', '=', p1.id)
      .executeTakeFirstOrThrow()
    expect(participant).toEqual({ status: 'completed', completed_mode: 'paper' })
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('action', '=', 'paper.double-keying.decide')
      .execute()
    expect(audit).toEqual([{ action: 'paper.double-keying.decide', username: researcher.username }])
    // The same link again: nothing left to decide.
    expect((await researcher.visit(link)).body).toContain('Dit formulier is al gecontroleerd.')
  })
})

describe('resolving duplicates', () => {
  it('shows the duplicate by its reference, never its code, and lets the researcher keep the first', async () => {
    const p = round.participants[3]!
    await submitOnline(t.database.db, p.id, { rapportcijfer_dienstverlening: 5 }, 'nl')
    const typist = await signedInAs(t.app, 'typist')
    const saved = (await key(typist, p.code, { v_rapportcijfer_dienstverlening: '9' })).body
    expect(saved).toContain('Opgeslagen als dubbel formulier D-')
    // The typist writes the reference on the paper form; the researcher finds the form by it.
    const reference = /dubbel formulier (D-[0-9A-F]{8})/.exec(saved)![1]!
    expect(saved).toContain(`Schrijf ${reference} op het formulier`)

    const researcher = await signedInAs(t.app, 'researcher')
    const overview = await researcher.visit(base)
    expect(overview.body).toMatch(/id="open-duplicates">1</)
    const link = /href="([^"]+\/dubbel\/[^"]+)"/.exec(overview.body)![1]!
    const page = await researcher.visit(link)
    expect(page.body).toContain(`Dubbel formulier ${reference}`)
    expect(overview.body).toContain(reference)
    // No login code next to the keyed answers, on the list or the page.
    for (const body of [overview.body, page.body]) {
      expect(body).not.toContain(formatLoginCode(p.code))
      expect(body).not.toContain(p.code)
    }
    expect(page.body).toContain('al een antwoord via internet')
    // The earlier online response cannot be found (no link to the person), so it cannot be replaced.
    expect(page.body).not.toContain('value="keepThis"')
    expect(page.body).toContain('kan het eerdere antwoord niet vervangen')
    expect((await researcher.post(link, { besluit: 'keepThis' })).statusCode).toBe(409)
    expect((await researcher.post(link, { besluit: 'nonsense' })).statusCode).toBe(422)

    const before = await t.database.db
      .selectFrom('responses')
      .select('id')
      .where('round_id', '=', round.roundId)
      .where('status', '=', 'complete')
      .execute()
    const done = await researcher.submit(link, { besluit: 'keepFirst' })
    expect(done.body).toContain('Beslissing opgeslagen.')
    expect(done.body).toMatch(/id="open-duplicates">0</)
    const after = await t.database.db
      .selectFrom('responses')
      .select('id')
      .where('round_id', '=', round.roundId)
      .where('status', '=', 'complete')
      .execute()
    expect(after.length).toBe(before.length)
  })
})

describe('a duplicate of a form still in double keying', () => {
  it('shows this form next to both keyings of the earlier one, and lets the researcher keep this one', async () => {
    const p = round.participants[5]!
    const [anna, bram, cees] = [
      await signedInAs(t.app, 'typist'),
      await signedInAs(t.app, 'typist'),
      await signedInAs(t.app, 'typist'),
    ]
    await key(anna, p.code, { v_rapportcijfer_dienstverlening: '7' })
    expect((await key(bram, p.code, { v_rapportcijfer_dienstverlening: '8' })).body).toContain('verschil')
    const saved = (await key(cees, p.code, { v_rapportcijfer_dienstverlening: '3', v_geslacht: '2' })).body
    const reference = /dubbel formulier (D-[0-9A-F]{8})/.exec(saved)![1]!

    const researcher = await signedInAs(t.app, 'researcher')
    const overview = await researcher.visit(base)
    const link = new RegExp(`href="([^"]+/dubbel/[^"]+)">[^<]*<span class="visually-hidden"> ${reference}`).exec(
      overview.body,
    )?.[1]
    expect(link).toBeDefined()
    const page = await researcher.visit(link!)
    expect(page.body).not.toContain(p.code)
    const header = /<thead><tr>([\s\S]*?)<\/tr><\/thead>/.exec(page.body)![1]!
    expect([...header.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1])).toEqual([
      'Vraag',
      'Dit formulier',
      'Eerdere formulier, invoer 1',
      'Eerdere formulier, invoer 2',
    ])
    const rows = [
      ...page.body.matchAll(/<tr( class="differs")?><th scope="row">([^<]+)<\/th>((?:<td>[^<]*<\/td>)+)<\/tr>/g),
    ]
    // Rows are headed by the question's number, as on the paper form.
    const grade = rows.find((r) => r[2] === '1')!
    const [thisForm, ...earlier] = [...grade[3]!.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1])
    expect(thisForm).toBe('3')
    expect(earlier.sort()).toEqual(['7', '8'])
    expect(grade[1]).toBe(' class="differs"')
    // Nothing was counted yet for this person, so this form may take the earlier one's place.
    expect(page.body).toContain('value="keepThis"')
    expect(page.body).not.toContain('Het eerdere antwoord ziet u hier niet')
  })
})

describe('a form without code in a round with double keying', () => {
  it('gets a number on its first keying that the second typist types instead of a code', async () => {
    const [anna, bram] = [await signedInAs(t.app, 'typist'), await signedInAs(t.app, 'typist')]
    await anna.visit('/invoer')
    const opened = await anna.post('/invoer/zonder-code', { stratum: round.strata[2]!.id })
    const concept = /name="concept" value="([^"]+)"/.exec(opened.body)![1]!
    const first = await anna.submit('/invoer/opslaan', {
      concept,
      actie: 'opslaan',
      v_rapportcijfer_dienstverlening: '6',
    })
    const number = /Schrijf dit nummer op het formulier: (G\d+)/.exec(first.body)?.[1]
    expect(number).toBeDefined()

    await bram.visit('/invoer')
    const second = await bram.post('/invoer/formulier', { code: number!.toLowerCase().replace('g', 'g-') })
    expect(second.statusCode).toBe(200)
    expect(second.body).toContain(`Formulier ${number}`)
    expect(second.body).toContain('Iemand anders heeft dit formulier al ingevoerd')
    expect(second.body).not.toMatch(/value="6"/)
    const saved = await bram.submit('/invoer/opslaan', {
      concept: /name="concept" value="([^"]+)"/.exec(second.body)![1]!,
      actie: 'opslaan',
      v_rapportcijfer_dienstverlening: '6',
    })
    expect(saved.body).toContain('De twee invoeren zijn gelijk')
    const noCode = await t.database.db
      .selectFrom('responses')
      .select(['stratum_id', 'answers'])
      .where('round_id', '=', round.roundId)
      .where(sql<boolean>`(paper_coding->>'noCode')::boolean`)
      .execute()
    expect(noCode).toEqual([{ stratum_id: round.strata[2]!.id, answers: { rapportcijfer_dienstverlening: 6 } }])
    // The number is used up.
    await anna.visit('/invoer')
    expect((await anna.post('/invoer/formulier', { code: number! })).body).toContain('bestaat niet of is al klaar')
  })
})
