/**
 * Attacks on the staff console, as someone with a client file, a form or a browser
 * tab would try them: markup in every value staff can put in (XSS), forged forms
 * (CSRF), SQL in every input, broken and oversized uploads, and password guessing
 * spread over two app instances. Each gets a clear refusal or is kept as the plain text
 * it is, and nothing else changes in the database.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { LightMyRequestResponse } from 'fastify'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp, csrfTokenOf } from '#test/helpers/app.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { COMPLETE_TEMPLATE_FIELDS, PRINTABLE_URL } from '#test/helpers/letters.ts'
import { demoLogo } from '#src/server/services/rounds/demo-logo.ts'
import { createStaffUser, signedInAs, TEST_PASSWORD } from '#test/helpers/staff.ts'
import { testEngine } from '#test/helpers/database.ts'
import { fieldworkIdle } from '#src/server/jobs/fieldwork.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'
import { currentTotpCode } from '#src/server/services/staff/totp.ts'
import { upload, uploadAndFollow } from '#test/server/routes/beheer/rondes/_roundId/import/_upload.ts'
import type { CrawledPage } from './_staff-pages.ts'
import { crawl, formFields, postActionsOf } from './_staff-pages.ts'
import { openDatabaseTwice } from './_helpers.ts'

const SCRIPT = '<script>alert(1)</script>'
const IMG = '"><img src=x onerror=alert(1)>'
const MARKUP = `${SCRIPT} ${IMG}`
/** What a page must never contain: markup an attacker put in, rendered as markup. */
const RAW = ['<script>alert(1)', '<img src=x']
const ESCAPED_SCRIPT = '&lt;script&gt;alert(1)&lt;/script&gt;'
const ESCAPED_IMG = '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'

type SignedIn = Awaited<ReturnType<typeof signedInAs>>

let t: TestApp
let researcher: SignedIn
let admin: SignedIn
let roundId: number
let roundBase: string
let preview: LightMyRequestResponse
let crawled: { researcher: CrawledPage[]; administrator: CrawledPage[] }

/** A CSV line with every cell quoted, as spreadsheet programs write it. */
const csvLine = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')
const HEADER =
  'klantnummer;voorletters;tussenvoegsel;achternaam;straat;huisnummer;toevoeging;postcode;woonplaats;gemeente;email;taal'
const CLIENT_FILE = [
  HEADER,
  csvLine([SCRIPT, IMG, '', SCRIPT, IMG, '1', '', '7551 AA', SCRIPT, 'Hengelo', 'x1@example.nl', 'nl']),
  csvLine([IMG, 'A.', SCRIPT, IMG, SCRIPT, '2', IMG, '7622 AB', IMG, 'Borne', 'x2@example.nl', 'nl']),
  // The e-mail address cannot hold markup: this line is reported, with the value shown.
  csvLine(['K3', 'B.', '', 'Plain', 'Markt', '3', '', '7551 AB', 'Hengelo', 'Hengelo', `${SCRIPT}@example.nl`, 'nl']),
  csvLine(['K4', 'C.', '', 'Jansen', 'Markt', '4', '', '7551 AC', 'Hengelo', 'Hengelo', 'k4@example.nl', 'nl']),
  csvLine(['K5', 'D.', '', 'Smit', 'Markt', '5', '', '7622 AC', 'Borne', 'Borne', '', 'nl']),
].join('\r\n')

/** Rows and a digest of every table: any insert, update or delete shows. */
async function databaseState(): Promise<Record<string, string>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(t.database.db)
  const state: Record<string, string> = {}
  for (const { table_name } of tables.rows) {
    const row = await sql<{ n: number; digest: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest
      from ${sql.table(table_name)} x`.execute(t.database.db)
    state[table_name] = `${row.rows[0]!.n} ${row.rows[0]!.digest}`
  }
  return state
}

/** The messages on a page, to say why a step did not go through. */
const messagesOn = (response: LightMyRequestResponse) =>
  [...response.body.matchAll(/<(?:p|li|div) class="(?:error|notice|message)[^"]*"[^>]*>([\s\S]*?)<\/(?:p|li|div)>/g)]
    .map((m) => m[1]!.replace(/<[^>]+>/g, '').trim())
    .join(' | ') ||
  response.body
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, 600)

async function rowCounts(): Promise<Record<string, number>> {
  return Object.fromEntries(Object.entries(await databaseState()).map(([table, s]) => [table, Number(s.split(' ')[0])]))
}

/** A typist account made by the administrator through the accounts page, signed in with its own new password. */
async function typistMadeByAdministrator(displayName: string): Promise<Browser> {
  await admin.visit('/beheer/accounts')
  const created = await admin.post('/beheer/accounts', { username: 'typist-markup', displayName, role: 'typist' })
  expect(created.statusCode).toBe(200)
  const password = /<code[^>]*>([^<]{12,})<\/code>/.exec(created.body)?.[1]
  if (!password) throw new Error('the new password is not on the page')
  const typist = new Browser(t.app, '192.0.2.60')
  await typist.visit('/beheer/inloggen')
  expect((await typist.post('/beheer/inloggen', { username: 'typist-markup', password })).statusCode).toBe(303)
  await typist.visit('/beheer/account')
  expect(
    (
      await typist.post('/beheer/account/wachtwoord', {
        current: password,
        password: TEST_PASSWORD,
        repeat: TEST_PASSWORD,
      })
    ).statusCode,
  ).toBe(303)
  return typist
}

async function keyForm(typist: Browser, code: string, fields: Record<string, string>) {
  await typist.visit('/invoer')
  const opened = await typist.post('/invoer/formulier', { code })
  expect(opened.statusCode).toBe(200)
  const concept = /name="concept" value="([^"]+)"/.exec(opened.body)![1]!
  const saved = await typist.post('/invoer/opslaan', { concept, actie: 'opslaan', ...fields })
  expect(saved.statusCode).toBe(303)
}

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PRINTABLE_URL })
  // As the server does at start.
  await installShippedQuestionnaires(t.database.db)
  researcher = await signedInAs(t.app, 'researcher', '192.0.2.50')
  admin = await signedInAs(t.app, 'administrator', '192.0.2.51')
  const typist = await typistMadeByAdministrator(`Typist ${MARKUP}`)

  // A round named with markup, double keyed so that two keyings of one form are compared on a page.
  const form = formFields((await researcher.visit('/beheer/rondes/nieuw')).body, '/beheer/rondes')
  const made = await researcher.post('/beheer/rondes', {
    ...form,
    name: `Ronde ${MARKUP}`,
    strata: 'Hengelo\nBorne',
    doubleKeying: '1',
  })
  expect(made.statusCode, messagesOn(made)).toBe(303)
  roundBase = String(made.headers.location)
  roundId = Number(roundBase.split('/').at(-1))

  await researcher.visit(`${roundBase}/import`)
  preview = await uploadAndFollow(
    researcher,
    `${roundBase}/import`,
    {},
    { bestand: { name: 'klanten.csv', data: CLIENT_FILE, type: 'text/csv' } },
  )
  expect(preview.statusCode).toBe(200)
  const uploadUrl = /action="(\/beheer\/rondes\/\d+\/import\/[0-9a-f-]+)"/.exec(preview.body)![1]!
  expect((await researcher.submit(uploadUrl, { actie: 'overslaan', confirm: 'ja' })).body).toContain(
    '4 klanten geïmporteerd; 1 regels overgeslagen.',
  )

  // Everyone in the sample, with a code.
  const sample = await researcher.visit(`${roundBase}/steekproef`)
  const drawn = await researcher.visit(
    `${roundBase}/steekproef?${new URLSearchParams(formFields(sample.body, `${roundBase}/steekproef`, 'get')).toString()}`,
  )
  expect(
    (
      await researcher.submit(`${roundBase}/steekproef`, {
        ...formFields(drawn.body, `${roundBase}/steekproef`),
        confirm: 'ja',
      })
    ).body,
  ).toContain('4 klanten hebben een inlogcode')

  // The invitation letter's text with markup.
  const templateUrl = `${roundBase}/brieven/sjabloon?soort=uitnodiging`
  const template = formFields((await researcher.visit(templateUrl)).body, templateUrl)
  const savedTemplate = await upload(
    researcher,
    templateUrl,
    {
      ...template,
      ...COMPLETE_TEMPLATE_FIELDS,
      organisatie: `Gemeente ${MARKUP}`,
      'tekst-nl': `${template['tekst-nl']}\n\n${MARKUP}`,
      actie: 'opslaan',
    },
    { logo: { name: 'logo.png', data: demoLogo(), type: 'image/png' } },
  )
  expect(savedTemplate.statusCode).toBe(303)
  // A complete reminder template too, so the reminder page offers its form.
  const reminderUrl = `${roundBase}/brieven/sjabloon?soort=herinnering`
  const reminderTemplate = formFields((await researcher.visit(reminderUrl)).body, reminderUrl)
  const savedReminder = await upload(
    researcher,
    reminderUrl,
    { ...reminderTemplate, ...COMPLETE_TEMPLATE_FIELDS, actie: 'opslaan' },
    { logo: { name: 'logo.png', data: demoLogo(), type: 'image/png' } },
  )
  expect(savedReminder.statusCode).toBe(303)

  await researcher.visit(`${roundBase}/openen`)
  expect((await researcher.submit(`${roundBase}/openen`, { confirm: 'ja' })).body).toContain('De ronde is open.')
  await researcher.visit(`${roundBase}/brieven`)
  expect((await researcher.post(`${roundBase}/brieven`, { actie: 'uitnodiging' })).statusCode).toBe(303)
  await researcher.visit(`${roundBase}/verzendingen`)
  expect((await researcher.post(`${roundBase}/verzendingen`, { actie: 'uitnodiging-email' })).statusCode).toBe(303)
  await fieldworkIdle(t.app.db)
  // A participant found by a client number with markup: the page names them.
  await researcher.visit(`${roundBase}/verzendingen`)
  const marked = await researcher.submit(`${roundBase}/verzendingen/markeren`, {
    deelnemer: IMG,
    markering: 'mail_returned',
  })
  expect(marked.body).toContain(`(${ESCAPED_IMG}): Brief kwam terug.`)

  // Two typists key one form with different open answers, both with markup.
  const participants = await t.database.db
    .selectFrom('participants')
    .select(['code', 'client_number'])
    .where('round_id', '=', roundId)
    .orderBy('client_number')
    .execute()
  const code = participants.find((p) => p.client_number === 'K4')!.code!
  await keyForm(typist, code, { v_rapportcijfer_dienstverlening: '8', v_opmerkingen: `Eerste ${MARKUP}` })
  await keyForm(await signedInAs(t.app, 'typist', '192.0.2.61'), code, {
    v_rapportcijfer_dienstverlening: '8',
    v_opmerkingen: `Tweede ${MARKUP}`,
  })

  // Every page each role can reach by links; the reminder preview is behind a GET form.
  crawled = {
    researcher: await crawl(researcher, [
      '/beheer',
      '/invoer',
      '/beheer/audit',
      `${roundBase}/verzendingen/herinnering?brief=1&email=1`,
    ]),
    administrator: await crawl(admin, ['/beheer', '/beheer/accounts', '/beheer/audit']),
  }
}, 90_000)

afterAll(async () => {
  if (t) await fieldworkIdle(t.app.db)
  await t?.close()
})

describe(`markup staff put in: XSS (${testEngine})`, () => {
  it('shows the client file preview escaped, the bad e-mail address included', () => {
    for (const raw of RAW) expect(preview.body).not.toContain(raw)
    expect(preview.body).toContain(`<td>${ESCAPED_SCRIPT}</td>`)
    expect(preview.body).toContain(ESCAPED_IMG)
    expect(preview.body).toContain(`${ESCAPED_SCRIPT}@example.nl`)
  })

  it('never shows the markup as markup on any staff page, and shows it as text where the value is', () => {
    const pages = [...crawled.researcher, ...crawled.administrator]
    // Every page of the round's fieldwork, paper entry and results was reached.
    const urls = new Set(pages.map((p) => p.url.replace(/\?.*$/, '').replace(/\/[0-9a-f-]{36}$/, '/<id>')))
    for (const tab of [
      '',
      '/import',
      '/steekproef',
      '/brieven',
      '/brieven/sjabloon',
      '/brieven/1',
      '/verzendingen',
      '/verzendingen/2',
      '/verzendingen/herinnering',
      '/papier',
      '/papier/verschillen/<id>',
      '/monitor',
      '/resultaten',
      '/export',
      '/voorbeeld',
    ]) {
      expect(urls, tab).toContain(`${roundBase}${tab}`)
    }
    for (const url of ['/beheer', '/invoer', '/beheer/rondes', '/beheer/audit', '/beheer/accounts', '/beheer/account'])
      expect(urls).toContain(url)
    expect(pages.length).toBeGreaterThanOrEqual(35)

    for (const page of pages) {
      // A page, or "no access" for a link the role may not follow (the round pages' "Rondes" link, for administrators).
      expect([200, 403], page.url).toContain(page.status)
      if (page.status === 403) expect(page.body).toContain('Geen toegang')
      for (const raw of RAW) expect(page.body, page.url).not.toContain(raw)
    }
    const bodyOf = (pattern: RegExp) => pages.find((p) => pattern.test(p.url))!.body
    const roundName = `Ronde ${ESCAPED_SCRIPT} ${ESCAPED_IMG}`
    expect(bodyOf(new RegExp(`^${roundBase}$`))).toContain(`value="${roundName}"`)
    expect(bodyOf(/^\/beheer$/)).toContain(roundName)
    expect(bodyOf(/\/monitor$/)).toContain(roundName)
    expect(bodyOf(/^\/beheer\/accounts$/)).toContain(`Typist ${ESCAPED_SCRIPT} ${ESCAPED_IMG}`)
    expect(bodyOf(/\/brieven\/sjabloon\?soort=uitnodiging$/)).toContain(
      `value="Gemeente ${ESCAPED_SCRIPT} ${ESCAPED_IMG}"`,
    )
    expect(bodyOf(/\/brieven\/sjabloon\?soort=uitnodiging$/)).toContain(`${ESCAPED_SCRIPT} ${ESCAPED_IMG}</textarea>`)
    const review = bodyOf(/\/papier\/verschillen\//)
    expect(review).toContain(`Eerste ${ESCAPED_SCRIPT} ${ESCAPED_IMG}`)
    expect(review).toContain(`Tweede ${ESCAPED_SCRIPT} ${ESCAPED_IMG}`)
  })

  it('writes the invitation e-mails with the names as text in the HTML part', async () => {
    const folder = path.join(t.config.dataDir, 'mail')
    const mails = await Promise.all(readdirSync(folder).map((f) => simpleParser(readFileSync(path.join(folder, f)))))
    expect(mails).toHaveLength(3)
    for (const mail of mails) {
      for (const raw of RAW) expect(String(mail.html)).not.toContain(raw)
    }
    const texts = mails.map((m) => m.text ?? '').join('\n')
    expect(texts).toContain(SCRIPT)
    expect(mails.map((m) => String(m.html)).join('\n')).toContain(ESCAPED_SCRIPT)
  })
})

describe(`forged forms: CSRF (${testEngine})`, () => {
  const EXPIRED = 'Uw formulier is verlopen'

  it('refuses every staff form without a token and with another session’s token, and changes nothing', async () => {
    const others = {
      researcher: await signedInAs(t.app, 'researcher', '192.0.2.52'),
      administrator: await signedInAs(t.app, 'administrator', '192.0.2.53'),
    }
    const othersToken = {
      researcher: csrfTokenOf((await others.researcher.visit('/beheer')).body),
      administrator: csrfTokenOf((await others.administrator.visit('/beheer')).body),
    }
    const browsers = { researcher, administrator: admin }
    // Forms only reached by posting another form (the typist's form, an import's preview),
    // and the upload form the round no longer shows once its sample is drawn.
    const reachedByPost = [
      '/invoer/opslaan',
      '/invoer/concept',
      '/invoer/weggooien',
      `${roundBase}/import/00000000-0000-4000-8000-000000000000`,
      `${roundBase}/import`,
    ]
    const forms = new Map<
      string,
      { role: 'researcher' | 'administrator'; action: string; fields: Record<string, string> }
    >()
    for (const role of ['researcher', 'administrator'] as const) {
      for (const page of crawled[role]) {
        for (const action of postActionsOf(page.body, page.url)) {
          if (!forms.has(`${role} ${action}`))
            forms.set(`${role} ${action}`, { role, action, fields: formFields(page.body, action) })
        }
      }
    }
    for (const action of reachedByPost)
      forms.set(`researcher ${action}`, { role: 'researcher', action, fields: { actie: 'opslaan', confirm: 'ja' } })
    const actions = new Set([...forms.values()].map((f) => f.action.replace(/\?.*$/, '')))
    for (const expected of [
      '/beheer/uitloggen',
      '/beheer/rondes',
      `${roundBase}`,
      `${roundBase}/sluiten`,
      `${roundBase}/export`,
      `${roundBase}/brieven/sjabloon`,
      `${roundBase}/brieven/1`,
      `${roundBase}/verzendingen/markeren`,
      `${roundBase}/verzendingen/herinnering`,
      '/beheer/accounts',
      '/beheer/account/wachtwoord',
      '/invoer/formulier',
      '/invoer/zonder-code',
    ]) {
      expect(actions, expected).toContain(expected)
    }
    expect([...actions].some((a) => a.includes('/papier/verschillen/'))).toBe(true)
    expect([...actions].some((a) => /^\/beheer\/accounts\/\d+\/status$/.test(a))).toBe(true)

    await fieldworkIdle(t.app.db)
    const before = await databaseState()
    for (const { role, action, fields } of forms.values()) {
      const browser = browsers[role]
      // What the form would do, with everything filled in: only the token is missing or wrong.
      const body = { confirm: 'ja', ...fields }
      for (const csrf of [false, othersToken[role]] as const) {
        const response = await browser.post(action, body, { csrf })
        expect(response.statusCode, `${role} POST ${action} (token: ${csrf ? 'another session' : 'none'})`).toBe(403)
        expect(response.body).toContain(EXPIRED)
      }
    }
    // The upload forms also refuse a forged multipart post.
    for (const action of [`${roundBase}/import`, `${roundBase}/brieven/sjabloon?soort=uitnodiging`]) {
      researcher.lastPage = `<input name="_csrf" value="${othersToken.researcher}">`
      const response = await upload(
        researcher,
        action,
        { actie: 'opslaan', 'tekst-nl': 'Vervalst' },
        { bestand: { name: 'klanten.csv', data: CLIENT_FILE }, logo: { name: 'logo.png', data: 'x' } },
      )
      expect(response.statusCode, action).toBe(403)
    }
    expect(await databaseState()).toEqual(before)
    // The forged sign-out did not sign anyone out either.
    expect((await researcher.get('/beheer/rondes')).statusCode).toBe(200)
    expect((await admin.get('/beheer/accounts')).statusCode).toBe(200)
  })
})

describe(`SQL in staff inputs (${testEngine})`, () => {
  const INJECTIONS = [`'; drop table participants; --`, `1 or 1=1`, `%' or '1'='1`, `1); delete from staff_users; --`]

  /** The state of every table but the failed-attempt counters, which a wrong sign-in is meant to change. */
  const stateWithoutAttempts = async () => {
    const { rate_limit_hits: _, ...rest } = await databaseState()
    return rest
  }

  it('at the sign-in: "user name or password not right", nobody signed in, nothing else changed', async () => {
    const victim = await createStaffUser(t.database.db, 'researcher')
    const before = await stateWithoutAttempts()
    const browser = new Browser(t.app, '192.0.2.70')
    await browser.visit('/beheer/inloggen')
    const attempts = [
      ...INJECTIONS.flatMap((input) => [
        [input, input],
        [victim.username, input],
      ]),
      // The classic: a user name that comments out the password check, with the right password too.
      ...[`${victim.username}' --`, `${victim.username}' or '1'='1`].flatMap((input) => [
        [input, input],
        [input, TEST_PASSWORD],
      ]),
    ]
    for (const [username, password] of attempts) {
      const response = await browser.post('/beheer/inloggen', { username: username!, password: password! })
      expect(response.statusCode, `${username} / ${password}`).toBe(401)
      expect(response.body).toContain('De gebruikersnaam of het wachtwoord klopt niet.')
    }
    expect((await browser.get('/beheer')).statusCode).toBe(303)
    expect(await stateWithoutAttempts()).toEqual(before)
  })

  it('in the round form: dates are refused with a message, a name is stored as the text it is', async () => {
    const form = formFields((await researcher.visit('/beheer/rondes/nieuw')).body, '/beheer/rondes')
    const before = await databaseState()
    for (const input of INJECTIONS) {
      const response = await researcher.post('/beheer/rondes', {
        ...form,
        name: input,
        strata: input,
        opensOn: input,
        closesOn: input,
        reminderOn: input,
        retentionUntil: input,
        minGroupSize: input,
        questionnaireId: input,
      })
      expect(response.statusCode, input).toBe(422)
      expect(response.body).toContain('Dit is geen geldige datum. Schrijf de datum als jjjj-mm-dd')
      expect(response.body).toContain('Kies een vragenlijst.')
    }
    // Dates that look right but do not exist (PostgreSQL has no year 0).
    for (const date of ['2026-02-30', '0000-01-01']) {
      const response = await researcher.post('/beheer/rondes', {
        ...form,
        name: 'Ronde',
        strata: 'Hengelo',
        opensOn: date,
        closesOn: date,
        reminderOn: '',
        retentionUntil: date,
      })
      expect(response.statusCode, date).toBe(422)
      expect(response.body).toContain('Dit is geen geldige datum. Schrijf de datum als jjjj-mm-dd')
    }
    expect(await databaseState()).toEqual(before)

    const counts = await rowCounts()
    const name = INJECTIONS.join(' ')
    const made = await researcher.post('/beheer/rondes', { ...form, name, strata: INJECTIONS.join('\n') })
    expect(made.statusCode, messagesOn(made)).toBe(303)
    const stored = await t.database.db
      .selectFrom('rounds')
      .select('name')
      .where('id', '=', Number(String(made.headers.location).split('/').at(-1)))
      .executeTakeFirstOrThrow()
    expect(stored.name).toBe(name)
    expect(await rowCounts()).toEqual({
      ...counts,
      rounds: counts.rounds! + 1,
      strata: counts.strata! + INJECTIONS.length,
      audit_log: counts.audit_log! + 1,
    })
  })

  it('in any form field, a NUL character (which PostgreSQL cannot store) is left out', async () => {
    const form = formFields((await researcher.visit('/beheer/rondes/nieuw')).body, '/beheer/rondes')
    const made = await researcher.post('/beheer/rondes', {
      ...form,
      name: 'Ronde\u0000 met NUL',
      strata: 'Hengelo\u0000\nBorne',
    })
    expect(made.statusCode, messagesOn(made)).toBe(303)
    const round = await t.database.db
      .selectFrom('rounds')
      .select(['id', 'name'])
      .where('id', '=', Number(String(made.headers.location).split('/').at(-1)))
      .executeTakeFirstOrThrow()
    expect(round.name).toBe('Ronde met NUL')
    const strata = await t.database.db
      .selectFrom('strata')
      .select('name')
      .where('round_id', '=', round.id)
      .orderBy('name')
      .execute()
    expect(strata.map((s) => s.name)).toEqual(['Borne', 'Hengelo'])

    // In the address too (the audit filters).
    const audit = await admin.get('/beheer/audit?handeling=%00&gebruiker=a%00b')
    expect(audit.statusCode).toBe(200)

    // And in upload forms: a text field, and a file's name.
    const templateUrl = `${roundBase}/brieven/sjabloon?soort=uitnodiging`
    const template = formFields((await researcher.visit(templateUrl)).body, templateUrl)
    const saved = await upload(
      researcher,
      templateUrl,
      { ...template, afdeling: 'Werk\u0000 en Inkomen', actie: 'opslaan' },
      {},
    )
    expect(saved.statusCode, messagesOn(saved)).toBe(303)
    expect((await researcher.visit(templateUrl)).body).toContain('value="Werk en Inkomen"')
    const fresh = await createRound(t.database.db, { participantsPerStratum: 0 })
    const importUrl = `/beheer/rondes/${fresh.roundId}/import`
    await researcher.visit(importUrl)
    const staged = await upload(
      researcher,
      importUrl,
      {},
      { bestand: { name: 'klanten\u0000.csv', data: CLIENT_FILE } },
    )
    expect(staged.statusCode, messagesOn(staged)).toBe(303)
    const stagedUpload = await t.database.db
      .selectFrom('import_uploads')
      .select('file_name')
      .where('round_id', '=', fresh.roundId)
      .executeTakeFirstOrThrow()
    expect(stagedUpload.file_name).toBe('klanten.csv')
  })

  it('in the participant marking form, the audit filters, the sample numbers and the typist code: a message, nothing changed', async () => {
    const sampleRound = await createRound(t.database.db, { participantsPerStratum: 2, status: 'draft' })
    const [first] = sampleRound.strata
    const before = await databaseState()
    for (const input of INJECTIONS) {
      await researcher.visit(`${roundBase}/verzendingen`)
      const marked = await researcher.submit(`${roundBase}/verzendingen/markeren`, {
        deelnemer: input,
        markering: 'opted_out',
      })
      expect(marked.statusCode).toBe(200)
      expect(marked.body).toContain(
        `Geen deelnemer gevonden met &quot;${input.replace(/'/g, '&#39;')}&quot; in deze ronde.`,
      )

      const query = new URLSearchParams({
        handeling: input,
        gebruiker: input,
        ronde: input,
        van: input,
        tot: input,
        voor: input,
      })
      const audit = await admin.get(`/beheer/audit?${query.toString()}`)
      expect(audit.statusCode, input).toBe(200)
      expect(audit.body).toContain('Een datum of rondenummer klopt niet')

      const sample = await researcher.get(
        `/beheer/rondes/${sampleRound.roundId}/steekproef?seed=${encodeURIComponent(input)}&methode-${first!.id}=aselect&aantal-${first!.id}=${encodeURIComponent(input)}`,
      )
      expect(sample.statusCode, input).toBe(422)
      expect(sample.body).toContain('Vul een heel getal in van 1 tot en met')
      expect(sample.body).toContain('Vul een aantal in van 1 tot en met 2.')
      const confirm = await researcher.submit(`/beheer/rondes/${sampleRound.roundId}/steekproef`, {
        seed: input,
        [`methode-${first!.id}`]: 'aselect',
        [`aantal-${first!.id}`]: input,
        [`vingerafdruk-${first!.id}`]: input,
      })
      expect(confirm.statusCode).toBe(200)
      expect(confirm.body).toContain('Het klantenbestand is veranderd sinds u de steekproef bekeek.')

      await researcher.visit('/invoer')
      const keyed = await researcher.post('/invoer/formulier', { code: input })
      expect(keyed.statusCode, input).toBe(422)
      expect(keyed.body).toMatch(/Een code heeft 10 tekens|De code bevat een teken dat niet in codes voorkomt/)
    }
    // Impossible dates in the audit filter are refused like any other.
    for (const date of ['2026-02-30', '0000-01-01', '2026-13-01']) {
      const audit = await admin.get(`/beheer/audit?van=${date}&tot=${date}`)
      expect(audit.statusCode, date).toBe(200)
      expect(audit.body).toContain('Een datum of rondenummer klopt niet')
    }
    expect(await databaseState()).toEqual(before)
  })
})

/** A 1×1 PNG whose IDAT chunk says it is 2 GB long. */
function pngWithHugeChunk(): Buffer {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  )
  png.writeUInt32BE(0x7fffffff, png.indexOf('IDAT') - 4)
  return png
}

describe(`broken and oversized uploads (${testEngine})`, () => {
  it('refuses each with a clear message on the import page, and stores nothing', async () => {
    const fresh = await createRound(t.database.db, { participantsPerStratum: 0 })
    const url = `/beheer/rondes/${fresh.roundId}/import`
    const stored = async () => ({
      participants: (
        await t.database.db.selectFrom('participants').select('id').where('round_id', '=', fresh.roundId).execute()
      ).length,
      staged: (
        await t.database.db.selectFrom('import_uploads').select('id').where('round_id', '=', fresh.roundId).execute()
      ).length,
    })
    const cases: Array<{ name: string; data: Buffer | string; status: number; message: RegExp }> = [
      {
        name: 'te-groot.csv',
        data: Buffer.alloc(20 * 1024 * 1024 + 1, 0x41),
        status: 413,
        message: /Wat u stuurt is te groot/,
      },
      {
        name: 'binair.csv',
        data: randomBytes(64 * 1024),
        status: 422,
        message: /De kolom .* ontbreekt|geen leesbare CSV/,
      },
      {
        name: 'willekeurig.xlsx',
        data: randomBytes(64 * 1024),
        status: 422,
        message: /De kolom .* ontbreekt|geen leesbare CSV/,
      },
      {
        name: 'kapot.xlsx',
        data: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(64 * 1024)]),
        status: 422,
        message: /Het Excel-bestand kan niet gelezen worden/,
      },
      { name: 'leeg.csv', data: '', status: 422, message: /Kies een bestand|Het bestand is leeg/ },
      {
        name: 'aanhalingstekens.csv',
        data: `${HEADER}\r\n"K1;"A.;;Jansen\r\n`,
        status: 422,
        message: /geen leesbare CSV/,
      },
    ]
    for (const c of cases) {
      await researcher.visit(url)
      const response = await upload(
        researcher,
        url,
        {},
        {
          bestand: {
            name: c.name,
            data: c.data,
            type: c.name.endsWith('.xlsx')
              ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
              : 'text/csv',
          },
        },
      )
      expect(response.statusCode, `${c.name}: ${messagesOn(response)}`).toBe(c.status)
      expect(response.headers['content-type']).toContain('text/html')
      expect(response.body, c.name).toMatch(c.message)
      expect(response.body).toContain('<html lang="nl"')
      expect(await stored(), c.name).toEqual({ participants: 0, staged: 0 })
    }

    // A body that is not multipart at all, though it says so.
    await researcher.visit(url)
    const cookie = (researcher as unknown as { cookieHeader(): string }).cookieHeader()
    const broken = await t.app.inject({
      method: 'POST',
      url,
      remoteAddress: '192.0.2.50',
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: 'this is not multipart',
    })
    expect(broken.statusCode).toBe(400)
    expect(broken.body).toContain('Dit verzoek klopt niet')

    // A 100,000-character name is one bad line: reported on the preview, never imported.
    const long = [
      HEADER,
      csvLine(['K1', 'A.', '', 'x'.repeat(100_000), 'Markt', '1', '', '7551 AA', 'Hengelo', 'Hengelo', '', 'nl']),
      csvLine(['K2', 'B.', '', 'Jansen', 'Markt', '2', '', '7551 AB', 'Hengelo', 'Hengelo', '', 'nl']),
    ].join('\r\n')
    await researcher.visit(url)
    const previewed = await uploadAndFollow(researcher, url, {}, { bestand: { name: 'lang.csv', data: long } })
    expect(previewed.statusCode).toBe(200)
    expect(previewed.body).toContain('achternaam is langer dan 200 tekens')
    expect(previewed.body).not.toContain('value="importeren"')
    expect(await stored()).toEqual({ participants: 0, staged: 1 })
    const uploadUrl = /action="(\/beheer\/rondes\/\d+\/import\/[0-9a-f-]+)"/.exec(previewed.body)![1]!
    expect((await researcher.submit(uploadUrl, { actie: 'importeren' })).body).toContain(
      'Kies of u die regels overslaat',
    )
    expect((await researcher.submit(uploadUrl, { actie: 'annuleren' })).body).toContain('Er is niets opgeslagen')
    expect(await stored()).toEqual({ participants: 0, staged: 0 })
  })

  it('refuses a logo that is not an image, or too big, with a message at the logo; the template is unchanged', async () => {
    const url = `${roundBase}/brieven/sjabloon?soort=uitnodiging`
    const templates = () => t.database.db.selectFrom('letter_templates').selectAll().execute()
    const before = await templates()
    const cases: Array<{ name: string; data: Buffer | string; status: number; message: string }> = [
      {
        name: 'logo.png',
        data: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        status: 422,
        message: 'het logo moet een PNG- of JPEG-bestand zijn',
      },
      {
        name: 'logo.png',
        data: randomBytes(4096),
        status: 422,
        message: 'het logo moet een PNG- of JPEG-bestand zijn',
      },
      {
        name: 'logo.png',
        data: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(4096)]),
        status: 422,
        message: 'het logo kan niet gelezen worden',
      },
      // A real PNG whose image data claims 2 GB: the PDF library would read on byte by byte, stopping the server for seconds.
      { name: 'logo.png', data: pngWithHugeChunk(), status: 422, message: 'het logo kan niet gelezen worden' },
      {
        name: 'logo.jpg',
        data: Buffer.concat([Buffer.from('ffd8ff', 'hex'), randomBytes(4096)]),
        status: 422,
        message: 'het logo kan niet gelezen worden',
      },
      // Cut off after its frame header: pdfkit would embed it and print noise.
      {
        name: 'logo.jpg',
        data: Buffer.concat([
          Buffer.from('ffd8ffc0001108000100010301220002110103110100', 'hex'),
          Buffer.alloc(2048, 0x5a),
        ]),
        status: 422,
        message: 'het logo kan niet gelezen worden',
      },
      {
        name: 'logo.png',
        data: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(1024 * 1024 + 1)]),
        status: 422,
        message: 'het logo is groter dan 1 MB',
      },
      { name: 'logo.png', data: Buffer.alloc(3 * 1024 * 1024), status: 413, message: 'Wat u stuurt is te groot' },
    ]
    for (const c of cases) {
      const fields = formFields((await researcher.visit(url)).body, url)
      const response = await upload(
        researcher,
        url,
        { ...fields, actie: 'opslaan' },
        { logo: { name: c.name, data: c.data, type: 'image/png' } },
      )
      expect(response.statusCode, `${c.name}: ${messagesOn(response)}`).toBe(c.status)
      expect(response.body).toContain(c.message)
    }
    expect(await templates()).toEqual(before)
  })
})

describe(`password guessing over two app instances (${testEngine})`, () => {
  let databases: Awaited<ReturnType<typeof openDatabaseTwice>>
  let a: TestApp
  let b: TestApp

  beforeAll(async () => {
    databases = await openDatabaseTwice()
    a = await createTestApp({}, databases.first)
    b = await createTestApp({}, databases.second)
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await databases?.close()
  })

  async function signIn(app: TestApp, ip: string, username: string, password: string) {
    const browser = new Browser(app.app, ip)
    await browser.visit('/beheer/inloggen')
    const response = await browser.post('/beheer/inloggen', { username, password })
    return Object.assign(response, { browser })
  }

  /** One session's cookie and token in 16 posts at the same moment, spread over both instances (they share the session secret). */
  async function sixteenAtOnce(session: Browser, url: string, fields: (n: number) => Record<string, string>) {
    const cookie = (session as unknown as { cookieHeader(): string }).cookieHeader()
    const token = csrfTokenOf(session.lastPage)
    return Promise.all(
      Array.from({ length: 16 }, (_, n) =>
        (n % 2 ? a : b).app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: token, ...fields(n) }).toString(),
        }),
      ),
    )
  }

  it('stops a user name after 5 wrong passwords spread over both, then refuses even the right one on both', async () => {
    const { username } = await createStaffUser(a.database.db, 'researcher')
    for (let n = 0; n < 5; n++) {
      const response = await signIn(n % 2 === 0 ? a : b, `198.51.100.${n + 1}`, username, `wrong password ${n}`)
      expect(response.statusCode, `attempt ${n + 1}`).toBe(401)
      expect(response.body).toContain('De gebruikersnaam of het wachtwoord klopt niet.')
    }
    for (const app of [a, b]) {
      const refused = await signIn(app, '198.51.100.99', username, TEST_PASSWORD)
      expect(refused.statusCode).toBe(429)
      expect(refused.body).toContain('Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.')
      expect((await refused.browser.get('/beheer')).statusCode).toBe(303)
    }
    // Another account is not affected.
    const other = await createStaffUser(a.database.db, 'researcher')
    expect((await signIn(b, '198.51.100.99', other.username, TEST_PASSWORD)).statusCode).toBe(303)
  })

  it('holds the limit when 16 wrong passwords reach both instances at the same moment', async () => {
    const { username } = await createStaffUser(a.database.db, 'researcher')
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, n) =>
        signIn(n % 2 ? a : b, `198.51.101.${n + 1}`, username, `wrong password ${n}`),
      ),
    )
    const tried = responses.filter((r) => r.statusCode === 401).length
    const refused = responses.filter((r) => r.statusCode === 429).length
    expect({ tried, refused }).toEqual({ tried: 5, refused: 11 })
    expect((await signIn(a, '198.51.101.99', username, TEST_PASSWORD)).statusCode).toBe(429)
  })

  it('holds the limit of the second step when 16 wrong codes reach both instances at the same moment', async () => {
    const researcher = await signedInAs(a.app, 'researcher', '198.51.102.1')
    const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/
      .exec((await researcher.visit('/beheer/account/tweede-stap')).body)![1]!
      .replace(/ /g, '')
    expect((await researcher.post('/beheer/account/tweede-stap', { code: currentTotpCode(secret) })).statusCode).toBe(
      303,
    )
    const passwordDone = await signIn(a, '198.51.102.2', researcher.username, TEST_PASSWORD)
    expect(passwordDone.headers.location).toMatch(/^\/beheer\/inloggen\/tweede-stap/)
    const phone = passwordDone.browser
    await phone.visit('/beheer/inloggen/tweede-stap')
    const valid = currentTotpCode(secret, Date.now() + 30_000)
    const wrong = (n: number) => String((Number(valid) + 1 + n) % 1_000_000).padStart(6, '0')
    const responses = await sixteenAtOnce(phone, '/beheer/inloggen/tweede-stap', (n) => ({ code: wrong(n) }))
    const tried = responses.filter((r) => r.statusCode === 401).length
    const refused = responses.filter((r) => r.statusCode === 429).length
    expect({ tried, refused }).toEqual({ tried: 5, refused: 11 })
    expect((await phone.post('/beheer/inloggen/tweede-stap', { code: valid })).statusCode).toBe(429)
  })

  it('holds the limit when a borrowed session sends 16 guesses of the current password at the same moment', async () => {
    const borrowed = await signedInAs(a.app, 'researcher', '198.51.103.1')
    await borrowed.visit('/beheer/account')
    const responses = await sixteenAtOnce(borrowed, '/beheer/account/wachtwoord', (n) => ({
      current: `guess number ${n}`,
      password: 'a new password of mine',
      repeat: 'a new password of mine',
    }))
    const tried = responses.filter((r) => r.statusCode === 422).length
    const refused = responses.filter((r) => r.statusCode === 429).length
    expect({ tried, refused }).toEqual({ tried: 5, refused: 11 })
    // The right password is refused too now, so the password stays what it was.
    expect(
      (
        await borrowed.post('/beheer/account/wachtwoord', {
          current: TEST_PASSWORD,
          password: 'a new password of mine',
          repeat: 'a new password of mine',
        })
      ).statusCode,
    ).toBe(429)
  })
})
