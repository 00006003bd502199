import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { connectPGlite } from '#src/server/db/connect.ts'
import { migrateToLatest } from '#src/server/db/migrate.ts'
import { testEngine } from '#test/helpers/database.ts'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { createStaffUser } from '#test/helpers/staff.ts'
import { daysFromToday } from '#test/helpers/fixtures.ts'
import { closeRound } from '#src/server/services/rounds/rounds.ts'
import { loadMonitor } from '#src/server/services/reporting/monitor.ts'
import { purgeExpiredRounds, purgeRound } from '#src/server/services/rounds/purge.ts'
import { batchFolder } from '#src/server/services/fieldwork/letter-batches.ts'
import { createMailTransport } from '#src/server/services/fieldwork/mail-transport.ts'
import type { SeededRound } from '#test/server/routes/beheer/seed.ts'
import { PERSONAL_MARK, seedRound } from '#test/server/routes/beheer/seed.ts'

let t: TestApp
let round: SeededRound
let codes: string[]
const actor = { id: null, username: 'test' }

/** Every row of every table, as text. */
async function everyRow(): Promise<Array<{ table: string; text: string }>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.database.db)
  const rows: Array<{ table: string; text: string }> = []
  for (const { table_name } of tables.rows) {
    const result = await sql<{ text: string }>`select t::text as text from ${sql.table(table_name)} t`.execute(
      t.database.db,
    )
    for (const r of result.rows) rows.push({ table: table_name, text: r.text })
  }
  return rows
}

/** The embedded database's folder on disk (the pglite project), to look for what a purge should have removed. */
let pgliteFolder: string | undefined
let ownDatabase: DatabaseHandle | undefined

/** The files of the data folder that still hold one of `needles`. */
function filesHolding(folder: string, needles: string[]): string[] {
  const patterns = needles.map((n) => Buffer.from(n, 'utf8'))
  const found: string[] = []
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const bytes = readFileSync(file)
    if (patterns.some((p) => bytes.includes(p))) found.push(path.relative(folder, file))
  }
  return found
}

beforeAll(async () => {
  if (testEngine === 'pglite') {
    pgliteFolder = mkdtempSync(path.join(tmpdir(), 'peiling-purge-'))
    ownDatabase = await connectPGlite(pgliteFolder)
    await migrateToLatest(ownDatabase.db)
  }
  t = await createTestApp({}, ownDatabase)
  const db = t.database.db
  round = await seedRound(db, [
    { code: 'hengelo', name: 'Hengelo', invited: 40, online: 5, paper: 4, inProgress: 2 },
    { code: 'borne', name: 'Borne', invited: 20, online: 3, paper: 1 },
  ])
  const participants = await db
    .selectFrom('participants')
    .select(['id', 'code', 'stratum_id'])
    .where('round_id', '=', round.roundId)
    .orderBy('id')
    .execute()
  codes = participants.map((p) => p.code!).filter(Boolean)
  expect(codes.length).toBe(60)

  // What fieldwork and paper entry keep about people while a round runs.
  const mailing = await db
    .insertInto('mailings')
    .values({ round_id: round.roundId, kind: 'invitation', channel: 'email', recipient_count: 3 })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const p of participants.slice(0, 3)) {
    await db.insertInto('mailing_recipients').values({ mailing_id: mailing.id, participant_id: p.id }).execute()
    await db
      .insertInto('email_messages')
      .values({
        mailing_id: mailing.id,
        participant_id: p.id,
        message_id: `<${p.code}@peiling.test>`,
        last_error: `bounce for ${PERSONAL_MARK}`,
      })
      .execute()
  }
  await db
    .insertInto('import_uploads')
    .values({
      round_id: round.roundId,
      file_name: `${PERSONAL_MARK}.csv`,
      rows: JSON.stringify([{ last_name: PERSONAL_MARK }]),
      problems: '[]',
    })
    .execute()
  await db
    .insertInto('quote_names')
    .values({ round_id: round.roundId, names: `Klantmanager ${PERSONAL_MARK}` })
    .execute()
  const typist = await createStaffUser(db, 'typist')
  const p = participants[20]!
  await db
    .insertInto('paper_drafts')
    .values({
      round_id: round.roundId,
      typist_id: typist.id,
      participant_id: p.id,
      stratum_id: p.stratum_id,
      fields: JSON.stringify({ opmerkingen: 'x' }),
    })
    .execute()
  const folder = batchFolder(t.config, round.roundId)
  mkdirSync(folder, { recursive: true })
  writeFileSync(path.join(folder, 'brieven-1.pdf'), `%PDF ${PERSONAL_MARK}`)
  // Without SMTP the e-mails were written to DATA_DIR/mail; one belongs to another round.
  const transport = createMailTransport(t.config)
  for (const messageId of [
    ...participants.slice(0, 3).map((p) => `<${p.code}@peiling.test>`),
    '<another-round@peiling.test>',
  ]) {
    await transport.send({
      to: { name: PERSONAL_MARK, address: 'iemand@example.nl' },
      subject: 'Uitnodiging',
      text: messageId,
      html: `<p>${messageId}</p>`,
      messageId,
      language: 'nl',
    })
  }

  await closeRound(db, actor, round.roundId)
})
afterAll(async () => {
  await t.close()
  await ownDatabase?.close()
})

describe('purging a round', () => {
  it('leaves no name, address, e-mail address, client number or code in any table, nor the print files', async () => {
    const before = await everyRow()
    expect(before.some((r) => r.text.includes(PERSONAL_MARK))).toBe(true)
    // The embedded database's files hold them now: the check below can find them.
    if (pgliteFolder) expect(filesHolding(pgliteFolder, [PERSONAL_MARK]).length).toBeGreaterThan(0)

    const result = await purgeRound(t.database.db, t.config, actor, round.roundId, 'confirmed')
    expect(result).toEqual({ ok: true, participants: 60, scrub: { tablesRewritten: 14, walMovedOn: true } })

    const after = await everyRow()
    const leaks = after.filter(
      (r) => r.text.toLowerCase().includes(PERSONAL_MARK.toLowerCase()) || codes.some((code) => r.text.includes(code)),
    )
    expect(leaks).toEqual([])
    expect(existsSync(batchFolder(t.config, round.roundId))).toBe(false)
    const mailLeft = readdirSync(path.join(t.config.dataDir, 'mail'))
    expect(mailLeft).toHaveLength(1)
    expect(mailLeft[0]).toMatch(/another-roundpeiling\.test\.eml$/)
    // Nor on disk: no table file, index file or write-ahead log segment of the embedded
    // database holds a name or a code any more (a PostgreSQL server: the same statements,
    // see src/server/services/rounds/scrub.ts).
    if (pgliteFolder) expect(filesHolding(pgliteFolder, [PERSONAL_MARK, ...codes])).toEqual([])
  })

  it('keeps the answers and the counts per municipality and mode', async () => {
    const responses = await t.database.db
      .selectFrom('responses')
      .select(['status', 'mode'])
      .where('round_id', '=', round.roundId)
      .execute()
    expect(responses.filter((r) => r.status === 'complete')).toHaveLength(13)
    expect(responses.filter((r) => r.status === 'partial')).toHaveLength(2)
    const monitor = (await loadMonitor(t.database.db, round.roundId))!
    expect(monitor.status).toBe('purged')
    expect(
      monitor.strata.map((s) => ({
        name: s.name,
        invited: s.invited,
        online: s.completedOnline,
        paper: s.completedPaper,
        partial: s.partial,
      })),
    ).toEqual([
      { name: 'Hengelo', invited: 40, online: 5, paper: 4, partial: 2 },
      { name: 'Borne', invited: 20, online: 3, paper: 1, partial: 0 },
    ])
    expect(monitor.total.invited).toBe(60)
  })

  it('refuses a round that is not closed, and a second purge', async () => {
    const open = await seedRound(t.database.db, [{ code: 'losser', name: 'Losser', invited: 3, online: 1, paper: 0 }])
    expect(await purgeRound(t.database.db, t.config, actor, open.roundId, 'confirmed')).toEqual({
      ok: false,
      problem: 'notClosed',
    })
    expect(await purgeRound(t.database.db, t.config, actor, round.roundId, 'confirmed')).toEqual({
      ok: false,
      problem: 'notClosed',
    })
  })

  it('purges closed rounds whose retention date has passed, and no others', async () => {
    const db = t.database.db
    const expired = await seedRound(db, [{ code: 'a', name: 'A', invited: 2, online: 1, paper: 0 }], {
      status: 'closed',
    })
    const kept = await seedRound(db, [{ code: 'b', name: 'B', invited: 2, online: 1, paper: 0 }], { status: 'closed' })
    await db
      .updateTable('rounds')
      .set({ opens_on: daysFromToday(-60), closes_on: daysFromToday(-30), retention_until: daysFromToday(-1) })
      .where('id', '=', expired.roundId)
      .execute()
    await db
      .updateTable('rounds')
      .set({ opens_on: daysFromToday(-60), closes_on: daysFromToday(-30), retention_until: daysFromToday(0) })
      .where('id', '=', kept.roundId)
      .execute()
    const done = await purgeExpiredRounds(db, t.config, { id: null, username: 'cli' })
    expect(done.map((r) => r.id)).toEqual([expired.roundId])
    const statuses = await db
      .selectFrom('rounds')
      .select(['id', 'status'])
      .where('id', 'in', [expired.roundId, kept.roundId])
      .orderBy('id')
      .execute()
    expect(statuses.map((s) => s.status)).toEqual(['purged', 'closed'])
    const entry = await db
      .selectFrom('audit_log')
      .select(['username', 'details'])
      .where('round_id', '=', expired.roundId)
      .where('action', '=', 'round.purge')
      .executeTakeFirstOrThrow()
    expect(entry).toEqual({ username: 'cli', details: { reason: 'retention', participants: 2 } })
  })
})
