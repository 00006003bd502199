import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { audit } from '#src/server/services/audit/audit.ts'

let t: TestApp
let admin: Browser & { username: string }
let researcher: Browser & { username: string }
let round: RoundFixture

beforeAll(async () => {
  t = await createTestApp()
  admin = await signedInAs(t.app, 'administrator')
  researcher = await signedInAs(t.app, 'researcher')
  round = await createRound(t.database.db)
  await audit(t.database.db, { id: null, username: 'anna' }, 'round.open', {}, round.roundId)
  await audit(
    t.database.db,
    { id: null, username: 'anna' },
    'export.download',
    { format: 'csv', rows: 12 },
    round.roundId,
  )
  await audit(t.database.db, { id: null, username: 'piet' }, 'account.create', { userId: 99, role: 'typist' })
  // An action the code no longer writes (the log keeps entries for years).
  await t.database.db
    .insertInto('audit_log')
    .values({
      username: 'piet',
      action: 'letters.print',
      round_id: round.roundId,
      details: JSON.stringify({ mailingId: 3, pagesPrinted: 2 }),
    })
    .execute()
})
afterAll(async () => t.close())

function actionsOn(html: string): string[] {
  return [...html.matchAll(/<tr data-action="([^"]+)">/g)].map((m) => m[1]!)
}

describe('the audit log page', () => {
  it('lists every entry for an administrator, newest first, in plain words', async () => {
    const page = await admin.visit('/beheer/audit')
    expect(page.statusCode).toBe(200)
    expect(actionsOn(page.body).slice(0, 4)).toEqual([
      'letters.print',
      'account.create',
      'export.download',
      'round.open',
    ])
    expect(page.body).toContain('Antwoorden gedownload')
    expect(page.body).toContain('formaat: CSV, regels: 12')
    // An action without a text of its own shows its code; a key without one, its words.
    expect(page.body).toContain('<td>letters.print</td>')
    expect(page.body).toContain('verzending: nr. 3, pages printed: 2')
  })

  it('filters by action, user, round and date', async () => {
    expect(actionsOn((await admin.visit('/beheer/audit?handeling=export.download')).body)).toEqual(['export.download'])
    expect(actionsOn((await admin.visit('/beheer/audit?gebruiker=piet')).body)).toEqual([
      'letters.print',
      'account.create',
    ])
    expect(actionsOn((await admin.visit(`/beheer/audit?ronde=${round.roundId}&gebruiker=anna`)).body)).toEqual([
      'export.download',
      'round.open',
    ])
    expect(actionsOn((await admin.visit('/beheer/audit?van=2000-01-01&tot=2000-12-31')).body)).toEqual([])
    const bad = await admin.visit('/beheer/audit?ronde=abc&van=gisteren')
    expect(bad.body).toContain('Een datum of rondenummer klopt niet')
  })

  it('shows a researcher only what was done with rounds', async () => {
    const actions = actionsOn((await researcher.visit('/beheer/audit')).body)
    expect(actions).toContain('export.download')
    expect(actions).not.toContain('account.create')
    expect(actions).not.toContain('staff.sign-in')
  })

  it('pages through long logs', async () => {
    for (let i = 0; i < 105; i++)
      await audit(t.database.db, { id: null, username: 'bulk' }, 'round.update', { changed: ['name'] }, round.roundId)
    const first = await admin.visit('/beheer/audit?gebruiker=bulk')
    expect(actionsOn(first.body)).toHaveLength(100)
    const next = /href="\/beheer\/audit\?([^"]+)">Oudere regels/.exec(first.body)![1]!.replace(/&amp;/g, '&')
    expect(actionsOn((await admin.visit(`/beheer/audit?${next}`)).body)).toHaveLength(5)
  })

  it('cannot be changed: the page has no form for it and the database refuses', async () => {
    const page = await admin.visit('/beheer/audit')
    expect(page.body).not.toContain('method="post" action="/beheer/audit')
    await expect(sql`update audit_log set username = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/)
  })
})
