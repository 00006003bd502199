/**
 * A screen-out answer from the respondent's page to the researcher's files: without
 * JavaScript (plain form posts), a respondent who chooses it and goes on is sent to the
 * end page with the questionnaire's own text; a typist keys another one on paper; the
 * monitor counts both as "niet in doelgroep" per municipality and mode; the export marks
 * them; and nothing that names a person tells who was screened out.
 */
import { sql } from 'kysely'
import readXlsxFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginCode } from '#src/codes/login-code.ts'
import { openByCode, saveForm } from '#src/server/services/paper/paper-entry.ts'
import { closeRound } from '#src/server/services/rounds/rounds.ts'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { createStaffUser, signedInAs } from '#test/helpers/staff.ts'
import { SCREEN_OUT_TEXT, screenOutDefinition } from '#test/questionnaire/screen-out-fixture.ts'

let t: TestApp
let round: RoundFixture
/** Hengelo: 0 online complete, 1 online screened out, 2 paper screened out, 3 paper complete; Haaksbergen: 4 online screened out. */
let people: RoundFixture['participants']

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db, {
    definition: screenOutDefinition(),
    participantsPerStratum: 4,
    releaseBatchSize: 2,
  })
  people = round.participants
})
afterAll(async () => t.close())

const escaped = (text: string) => text.replace(/'/g, '&#39;')

async function signIn(code: string): Promise<Browser> {
  const browser = new Browser(t.app)
  await browser.visit('/')
  expect((await browser.post('/', { code })).statusCode).toBe(303)
  return browser
}

async function participant(id: number) {
  return t.database.db
    .selectFrom('participants')
    .select(['status', 'completed_mode', 'language', 'opted_out', 'mail_returned', 'email_bounced'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

async function keyPaper(typistId: number, code: string, fields: Record<string, string>) {
  const opened = await openByCode(t.database.db, typistId, code as LoginCode)
  if (!opened.ok) throw new Error(opened.problem)
  return saveForm(t.database.db, typistId, opened.form.draftId, fields)
}

describe('online, without JavaScript', () => {
  it('goes on to the next question after an answer that does not screen out', async () => {
    const browser = await signIn(people[0]!.code)
    const first = await browser.visit('/vragenlijst')
    expect(first.body).toContain('name="contact_12m"')
    const next = await browser.submit('/vragenlijst/deel/contact', { algemeen: '8', contact_12m: '1', action: 'next' })
    expect(next.body).toContain('name="geholpen"')
    await browser.submit('/vragenlijst/deel/contact-2', { geholpen: '1', action: 'next' })
    await browser.submit('/vragenlijst/deel/slot', { opmerking: 'online-compleet', action: 'next' })
    const thanks = await browser.submit('/vragenlijst/verzenden', {})
    expect(thanks.body).toContain('Uw antwoorden zijn verstuurd')
  })

  it('ends at its own page with its own text when the screen-out answer is chosen', async () => {
    const browser = await signIn(people[1]!.code)
    await browser.visit('/vragenlijst')
    const sent = await browser.post('/vragenlijst/deel/contact', { algemeen: '6', contact_12m: '3', action: 'next' })
    expect(sent.statusCode).toBe(303)
    expect(sent.headers.location).toBe('/vragenlijst/einde')
    const end = await browser.visit('/vragenlijst/einde')
    expect(end.statusCode).toBe(200)
    expect(end.body).toContain('<h1>Einde van de vragenlijst</h1>')
    expect(end.body).toContain(escaped(SCREEN_OUT_TEXT.nl))
    expect(end.body).not.toContain('Uw antwoorden zijn verstuurd')
    // In English on request, from the same session.
    expect((await browser.visit('/vragenlijst/einde?lang=en')).body).toContain(escaped(SCREEN_OUT_TEXT.en!))
    // Done: the questionnaire cannot be opened again.
    expect((await browser.visit('/vragenlijst?lang=nl')).body).toContain('U heeft de vragenlijst al ingevuld')
    expect(await participant(people[1]!.id)).toEqual(await participant(people[0]!.id))
  })

  it('has no end page for someone who did not send anything', async () => {
    const browser = await signIn(people[5]!.code)
    const response = await browser.get('/vragenlijst/einde')
    expect(response.statusCode).toBe(303)
  })

  it('sends a screen-out answer left on the overview as screened out too', async () => {
    const browser = await signIn(people[4]!.code)
    await browser.visit('/vragenlijst')
    // "Previous" on the first page saves without going on; the overview then sends it.
    await browser.post('/vragenlijst/deel/contact', { contact_12m: '3', action: 'previous' })
    const overview = await browser.visit('/vragenlijst/overzicht')
    expect(overview.body).toContain('action="/vragenlijst/verzenden"')
    const sent = await browser.post('/vragenlijst/verzenden', {})
    expect(sent.headers.location).toBe('/vragenlijst/einde')
  })
})

describe('on paper', () => {
  it('stores a form keyed with the screen-out answer as screened out, and a form without it as complete', async () => {
    const typist = await createStaffUser(t.database.db, 'typist')
    expect(await keyPaper(typist.id, people[2]!.code, { algemeen: '5', contact_12m: '3' })).toEqual({ kind: 'saved' })
    expect(
      await keyPaper(typist.id, people[3]!.code, {
        algemeen: '9',
        contact_12m: '2',
        geholpen: '2',
        opmerking: 'papier',
      }),
    ).toEqual({ kind: 'saved' })
    expect(await participant(people[2]!.id)).toEqual(await participant(people[3]!.id))
  })
})

describe('stored', () => {
  it('keeps the answers given up to the screen-out answer, as screened out, and counts no day for them', async () => {
    const db = t.database.db
    const rows = await db
      .selectFrom('responses')
      .select(['mode', 'status', 'answers'])
      .where('round_id', '=', round.roundId)
      .unionAll(
        db.selectFrom('responses_waiting').select(['mode', 'status', 'answers']).where('round_id', '=', round.roundId),
      )
      .execute()
    const screenedOut = rows.filter((r) => r.status === 'screened_out')
    expect(screenedOut.map((r) => [r.mode, r.answers]).sort()).toEqual(
      [
        ['online', { algemeen: 6, contact_12m: 3 }],
        ['online', { contact_12m: 3 }],
        ['paper', { algemeen: 5, contact_12m: 3 }],
      ].sort(),
    )
    expect(rows.filter((r) => r.status === 'complete')).toHaveLength(2)
    const days = await db
      .selectFrom('daily_counts')
      .select(sql<number>`sum(count)::int`.as('n'))
      .where('round_id', '=', round.roundId)
      .executeTakeFirstOrThrow()
    expect(days.n).toBe(2)
  })
})

function row(html: string, table: string, stratum: string): Record<string, string> {
  const tableHtml = new RegExp(`<table class="[^"]*${table}[^"]*">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? ''
  const match = new RegExp(`<tr[^>]*data-stratum="${stratum}">([\\s\\S]*?)</tr>`).exec(tableHtml)
  if (!match) throw new Error(`no row for ${stratum} in ${table}`)
  return Object.fromEntries([...match[1]!.matchAll(/data-figure="(\w+)">([^<]*)</g)].map((m) => [m[1]!, m[2]!]))
}

describe('the preview for researchers', () => {
  it('says at the question which answer ends the questionnaire, and with which text', async () => {
    const researcher = await signedInAs(t.app, 'researcher')
    const page = await researcher.visit(`/beheer/rondes/${round.roundId}/voorbeeld`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(
      `Bij ‘Nee, geen contact’ stopt de vragenlijst (niet in doelgroep). De klant leest dan: ${escaped(SCREEN_OUT_TEXT.nl)}`,
    )
  })
})

describe('the monitor', () => {
  it('counts them apart as "niet in doelgroep" per municipality and mode, not as response', async () => {
    const researcher = await signedInAs(t.app, 'researcher')
    const page = await researcher.visit(`/beheer/rondes/${round.roundId}/monitor`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Niet in doelgroep per gemeente')
    // Hengelo: 4 written to, 2 completed (1 online, 1 paper), 1 + 1 screened out.
    expect(row(page.body, 'monitor', 'Hengelo')).toMatchObject({
      online: '1',
      paper: '1',
      completed: '2',
      rate: '50,0%',
    })
    expect(row(page.body, 'screened-out', 'Hengelo')).toEqual({
      screenedOutOnline: '1',
      screenedOutPaper: '1',
      screenedOut: '2',
      rate: '50,0%',
      rateInTarget: '100,0%',
    })
    expect(row(page.body, 'monitor', 'Haaksbergen')).toMatchObject({ completed: '0', inProgress: '0', partial: '0' })
    expect(row(page.body, 'screened-out', 'Haaksbergen')).toEqual({
      screenedOutOnline: '1',
      screenedOutPaper: '0',
      screenedOut: '1',
      rate: '0,0%',
      rateInTarget: '0,0%',
    })
    expect(row(page.body, 'screened-out', 'Totaal')).toMatchObject({
      screenedOut: '3',
      rate: '16,7%',
      rateInTarget: '22,2%',
    })
  })
})

describe('after the round has closed', () => {
  beforeAll(async () => {
    // Someone chooses the screen-out answer, goes back instead of on, and never returns.
    const browser = await signIn(people[6]!.code)
    await browser.visit('/vragenlijst')
    await browser.post('/vragenlijst/deel/contact', { contact_12m: '3', action: 'previous' })
    const closed = await closeRound(t.database.db, { id: null, username: 'test' }, round.roundId)
    // Their answers are kept as screened out, not as a partial response.
    expect(closed).toEqual({ ok: true, partial: 0 })
  })

  it('exports them marked as niet_in_doelgroep, without a weight, and says so in the codebook', async () => {
    const researcher = await signedInAs(t.app, 'researcher')
    await researcher.visit(`/beheer/rondes/${round.roundId}/export`)
    expect(researcher.lastPage).toContain('Verder 4 vragenlijsten van mensen die niet in de doelgroep zijn')
    const csv = await researcher.post(`/beheer/rondes/${round.roundId}/export`, { format: 'csv' })
    expect(csv.statusCode).toBe(200)
    const [header, ...lines] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    const columns = header!.split(';')
    const records = lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [columns[i]!, v])))
    const out = records.filter((r) => r.status === 'niet_in_doelgroep')
    expect(out).toHaveLength(4)
    expect(out.every((r) => r.gewicht === '' && r.contact_12m === '3' && r.geholpen === '')).toBe(true)
    expect(records.filter((r) => r.status === 'compleet').every((r) => r.gewicht !== '')).toBe(true)

    await researcher.visit(`/beheer/rondes/${round.roundId}/export`)
    const xlsx = await researcher.post(`/beheer/rondes/${round.roundId}/export`, { format: 'xlsx' })
    const [data] = await readXlsxFile(xlsx.rawPayload)
    const statusColumn = data!.data[0]!.indexOf('status')
    expect(data!.data.slice(1).filter((r) => r[statusColumn] === 'niet_in_doelgroep')).toHaveLength(4)

    await researcher.visit(`/beheer/rondes/${round.roundId}/export`)
    const codebook = await researcher.post(`/beheer/rondes/${round.roundId}/export`, { format: 'codebook' })
    const statusLine = codebook.body.split('\r\n').find((l) => l.startsWith('status;'))
    expect(statusLine).toContain('compleet, onvolledig, niet_in_doelgroep')
  })

  it('shares no transaction between a screened-out response and a participant', async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from responses r join participants p on p.xmin = r.xmin or p.xmax = r.xmin
      where r.round_id = ${round.roundId}`.execute(t.database.db)
    expect(rows[0]!.n).toBe(0)
    const { rows: statuses } = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from participants where round_id = ${round.roundId} group by status
      order by status`.execute(t.database.db)
    // Screened out or not, a participant is just "completed": 5 of them, nothing more said
    // (and the one who stopped at the screen-out answer is, as any who stopped, "in progress").
    expect(statuses).toEqual([
      { status: 'completed', n: 5 },
      { status: 'in_progress', n: 1 },
      { status: 'pending', n: 6 },
    ])
  })
})
