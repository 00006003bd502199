/**
 * The promise on the letter, checked where it must hold: in the stored rows. A round gets
 * online, single-keyed and double-keyed paper responses, a resolved duplicate, two people
 * screened out by a screen-out answer (online and on paper) and answers still in progress
 * when it closes; then every table is searched for something that leads
 * from a response to a person: transaction ids (`xmin`, `xmax`), physical order (`ctid`),
 * ids, dates and, with pageinspect, the old row versions left in the table files.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import type { LoginCode } from '#src/codes/login-code.ts'
import { openByCode, saveForm } from '#src/server/services/paper/paper-entry.ts'
import { openDuplicates, resolveDuplicate } from '#src/server/services/paper/paper-duplicates.ts'
import { saveProgress, submitOnline } from '#src/server/services/respondent/participation.ts'
import { closeRound } from '#src/server/services/rounds/rounds.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { createStaffUser } from '#test/helpers/staff.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { loadKto } from '#test/questionnaire/kto.ts'
import { saveReview } from '#src/server/services/report/quote-reviews.ts'

let handle: DatabaseHandle
let db: DB
let round: RoundFixture
let definition: QuestionnaireDefinition
/** The order in which people completed, as the marker each one left in `opmerkingen`. */
const completionOrder: string[] = []

beforeAll(async () => {
  handle = await createTestDatabase({ inspectPages: true })
  db = handle.db
  await sql`create extension if not exists pageinspect`.execute(db)
  // The KTO, with "more than a year ago" as a screen-out answer to the intake question.
  definition = loadKto()
  const intake = definition.sections.flatMap((s) => s.questions).find((q) => q.id === 'intake_wanneer')
  if (intake?.type !== 'single') throw new Error('the KTO has no single-choice intake_wanneer')
  intake.screenOut = { values: [2], text: { nl: 'U hoeft verder niets in te vullen.' } }
  round = await createRound(db, { participantsPerStratum: 8, releaseBatchSize: 5, definition })
  const typistA = await createStaffUser(db, 'typist')
  const typistB = await createStaffUser(db, 'typist')
  const researcher = await createStaffUser(db, 'researcher')
  const people = round.participants

  const online = async (index: number) => {
    const p = people[index]!
    await saveProgress(db, p.id, { rapportcijfer_dienstverlening: 6 }, 'nl')
    await submitOnline(db, p.id, { rapportcijfer_dienstverlening: 7, opmerkingen: `online-${index}` }, 'nl')
    completionOrder.push(`online-${index}`)
  }
  const keyPaper = async (typistId: number, index: number, extra: Record<string, string> = {}) => {
    const opened = await openByCode(db, typistId, people[index]!.code as LoginCode)
    if (!opened.ok) throw new Error(opened.problem)
    const fields = { rapportcijfer_dienstverlening: '8', opmerkingen: `paper-${index}`, ...extra }
    return saveForm(db, typistId, opened.form.draftId, fields)
  }

  // Single keying first, then the round switches to double keying.
  for (const index of [0, 1, 2]) await online(index)
  for (const index of [3, 4]) {
    expect(await keyPaper(typistA.id, index)).toEqual({ kind: 'saved' })
    completionOrder.push(`paper-${index}`)
  }
  await db.updateTable('rounds').set({ double_keying: true }).where('id', '=', round.roundId).execute()
  for (const index of [5, 6, 7]) {
    expect(await keyPaper(typistA.id, index)).toEqual({ kind: 'firstKeying' })
    expect(await keyPaper(typistB.id, index)).toEqual({ kind: 'secondKeyingMatch' })
    completionOrder.push(`paper-${index}`)
  }
  for (const index of [8, 9, 10, 11]) await online(index)
  // Two people outside the target group: one online, one on paper (the typist keys what is
  // on paper, the remark after the screen-out answer too).
  await saveProgress(db, people[14]!.id, { intake_wanneer: 2 }, 'nl')
  await submitOnline(db, people[14]!.id, { intake_wanneer: 2, opmerkingen: 'online-14' }, 'nl', { screenedOut: true })
  completionOrder.push('online-14')
  expect(await keyPaper(typistA.id, 15, { intake_wanneer: '2' })).toEqual({ kind: 'firstKeying' })
  expect(await keyPaper(typistB.id, 15, { intake_wanneer: '2' })).toEqual({ kind: 'secondKeyingMatch' })
  completionOrder.push('paper-15')
  // A paper form from someone who answered online: a duplicate, counted as a form without code.
  expect(await keyPaper(typistA.id, 0)).toMatchObject({ kind: 'duplicate' })
  const [duplicate] = await openDuplicates(db, round.roundId)
  const actor = { id: researcher.id, username: researcher.username }
  expect(await resolveDuplicate(db, actor, round.roundId, duplicate!.id, 'keepAsNoCode', definition)).toBe('resolved')
  completionOrder.push('paper-0')
  // Two people stop halfway; their answers become partial responses when the round closes.
  for (const index of [12, 13]) await saveProgress(db, people[index]!.id, { opmerkingen: `partial-${index}` }, 'nl')
})
afterAll(async () => handle.close())

async function publicTables(): Promise<string[]> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(db)
  return rows.map((r) => r.tablename)
}

/**
 * The round and municipality a response names in its own columns: inserting a response
 * locks their rows (the foreign key's KEY SHARE lock sets `xmax`), which tells nothing
 * the response does not say itself. Every other `xmax` counts.
 */
const REFERENCED_BY_RESPONSES = new Set(['rounds', 'strata'])

/** Every transaction id that wrote, deleted or locked a live row of the table. */
async function transactionsIn(table: string): Promise<Set<string>> {
  const { rows } = await sql<{ xmin: string; xmax: string }>`
    select xmin::text as xmin, xmax::text as xmax from ${sql.table(table)}`.execute(db)
  const ids = rows.flatMap((r) => (REFERENCED_BY_RESPONSES.has(table) ? [r.xmin] : [r.xmin, r.xmax]))
  return new Set(ids.filter((xid) => xid !== '0'))
}

async function responses() {
  const { rows } = await sql<{ id: string; xmin: string; xmax: string; marker: string | null }>`
    select id, xmin::text as xmin, xmax::text as xmax, answers->>'opmerkingen' as marker
    from responses where round_id = ${round.roundId} order by ctid`.execute(db)
  return rows
}

async function expectNoLinkThroughLiveRows() {
  const stored = await responses()
  const responseTransactions = new Set(stored.map((r) => r.xmin))
  // Written once, never updated, deleted or locked since.
  expect(stored.every((r) => r.xmax === '0')).toBe(true)
  for (const table of await publicTables()) {
    if (table === 'responses') continue
    const shared = [...(await transactionsIn(table))].filter((xid) => responseTransactions.has(xid))
    expect({ table, shared }).toEqual({ table, shared: [] })
  }
  // The query from the issue that found 14 of 16 people.
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from responses r join participants p on p.xmin = r.xmin or p.xmax = r.xmin`.execute(db)
  expect(rows[0]!.n).toBe(0)
  return stored
}

describe('while the round is open', () => {
  it('has added responses only in groups of at least k, and holds the rest back', async () => {
    const stored = await responses()
    const groups = new Map<string, number>()
    for (const r of stored) groups.set(r.xmin, (groups.get(r.xmin) ?? 0) + 1)
    expect([...groups.values()].every((size) => size >= 5)).toBe(true)
    const waiting = await db
      .selectFrom('responses_waiting')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(stored.length + Number(waiting.n)).toBe(completionOrder.length)
    expect(stored.length).toBeGreaterThanOrEqual(10)
  })

  it('shares no transaction between a response and any row of any other table', async () => {
    await expectNoLinkThroughLiveRows()
  })
})

/** The responses whose remark a researcher reviewed for quotes after the round closed. */
const reviewed: string[] = []

describe('after the round has closed', () => {
  beforeAll(async () => {
    const actor = { id: null, username: 'test' }
    expect(await closeRound(db, actor, round.roundId)).toEqual({ ok: true, partial: 2 })
    // Open answers reviewed for quotes, as the quotes screen does: accepted, changed, set aside.
    const researcher = await createStaffUser(db, 'researcher')
    const staff = { id: researcher.id, username: researcher.username }
    const complete = await db
      .selectFrom('responses')
      .select('id')
      .where('round_id', '=', round.roundId)
      .where('status', '=', 'complete')
      .orderBy('id')
      .limit(2)
      .execute()
    const [first, second] = complete.map((r) => r.id)
    const review = (responseId: string, text: string, print: boolean) =>
      saveReview(db, staff, round.roundId, definition, {
        decision: 'accepted',
        responseId,
        variable: 'opmerkingen',
        text,
        print,
      })
    expect(await review(first!, 'Eerste versie', false)).toBe('saved')
    expect(await review(first!, 'Mevrouw (…) hielp goed', true)).toBe('saved')
    const rejected = { decision: 'rejected' as const, responseId: second!, variable: 'opmerkingen' }
    expect(await saveReview(db, staff, round.roundId, definition, rejected)).toBe('saved')
    reviewed.push(first!, second!)
  })

  it('has added every response, the partial ones too, and holds none back', async () => {
    const stored = await responses()
    expect(stored.map((r) => r.marker).sort()).toEqual(
      [...completionOrder, 'partial-12', 'partial-13'].sort((a, b) => a.localeCompare(b)),
    )
    expect(await db.selectFrom('responses_waiting').selectAll().execute()).toEqual([])
    expect(await db.selectFrom('answers_in_progress').selectAll().execute()).toEqual([])
  })

  it('shares no transaction between a response and any row of any other table', async () => {
    await expectNoLinkThroughLiveRows()
  })

  it('stores the screened-out ones as such, while their participants say no more than "completed"', async () => {
    const { rows } = await sql<{ marker: string; status: string }>`
      select answers->>'opmerkingen' as marker, status from responses
      where round_id = ${round.roundId} and status = 'screened_out' order by 1`.execute(db)
    expect(rows).toEqual([
      { marker: 'online-14', status: 'screened_out' },
      { marker: 'paper-15', status: 'screened_out' },
    ])
    // Every column that does not identify the person is the same as for one who answered in full.
    const identifying = ['id', 'round_id', 'stratum_id', 'code', 'client_number', 'initials', 'name_prefix']
    const address = ['last_name', 'street', 'house_number', 'house_number_suffix', 'postcode', 'city', 'email']
    const beyondIdentity = async (index: number) => {
      const row: Record<string, unknown> = await db
        .selectFrom('participants')
        .selectAll()
        .where('id', '=', round.participants[index]!.id)
        .executeTakeFirstOrThrow()
      for (const column of [...identifying, ...address]) delete row[column]
      return row
    }
    expect(await beyondIdentity(14)).toEqual(await beyondIdentity(8))
    expect(await beyondIdentity(15)).toEqual(await beyondIdentity(3))
  })

  it('keeps the responses in an order that is not the order in which people completed', async () => {
    const stored = (await responses()).map((r) => r.marker).filter((m) => !m?.startsWith('partial'))
    // Each group of k was shuffled: the chance that all come out in completion order is below 1 in 10,000.
    expect(stored).not.toEqual(completionOrder)
  })

  it('gives a response no id that appears anywhere else, and no date', async () => {
    const ids = new Set((await responses()).map((r) => r.id))
    // A review of an open answer names its response and nothing else (tested below).
    const { rows: uuidColumns } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type = 'uuid' and table_name <> 'responses'
        and not (table_name = 'quote_reviews' and column_name = 'response_id')`.execute(db)
    for (const { table_name, column_name } of uuidColumns) {
      const { rows } = await sql<{ value: string }>`
        select ${sql.ref(column_name)}::text as value from ${sql.table(table_name)}`.execute(db)
      expect(rows.filter((r) => ids.has(r.value))).toEqual([])
    }
    const { rows: dateColumns } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = 'public' and table_name = 'responses'
        and (data_type like '%time%' or data_type = 'date' or data_type = 'interval')`.execute(db)
    expect(dateColumns).toEqual([])
  })

  it('keeps a review of an open answer as anonymous as the answer: no date, no staff, no shared transaction', async () => {
    const { rows: columns } = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns
      where table_schema = 'public' and table_name = 'quote_reviews' order by column_name`.execute(db)
    expect(columns.map((c) => c.column_name)).toEqual([
      'decision',
      'print',
      'response_id',
      'reviewed_text',
      'round_id',
      'variable',
    ])
    expect(columns.filter((c) => /time|date|interval/.test(c.data_type))).toEqual([])
    const { rows: references } = await sql<{ target: string }>`
      select confrelid::regclass::text as target from pg_constraint
      where conrelid = 'quote_reviews'::regclass and contype = 'f'`.execute(db)
    expect(references.map((r) => r.target)).toEqual(['rounds'])
    // The reviews were written, and the audit entries after them, each in a transaction of its own.
    const reviewTransactions = await transactionsIn('quote_reviews')
    expect(reviewTransactions.size).toBe(2)
    for (const table of await publicTables()) {
      if (table === 'quote_reviews') continue
      const shared = [...(await transactionsIn(table))].filter((xid) => reviewTransactions.has(xid))
      expect({ table, shared }).toEqual({ table, shared: [] })
    }
    const entries = await db.selectFrom('audit_log').select('details').where('action', '=', 'quotes.review').execute()
    expect(entries.map((e) => e.details)).toEqual([
      { decision: 'accepted', count: 1 },
      { decision: 'accepted', count: 1 },
      { decision: 'rejected', count: 1 },
    ])
    // Reviewing locked no response: they are as they were written (no xmax).
    const { rows } = await sql<{ xmax: string }>`
      select xmax::text as xmax from responses where id in (${sql.join(reviewed)})`.execute(db)
    expect(rows).toEqual([{ xmax: '0' }, { xmax: '0' }])
  })

  it('leaves no old row version in the table files that could bridge a response and a person', async () => {
    const pages = async (table: string) => {
      const { rows } = await sql<{ live_items: number; rows: number; dead_with_data: number }>`
        with items as (
          select (heap_page_items(get_raw_page(${table}::text, blkno::int))).*
          from generate_series(0, pg_relation_size(${table}::text::regclass) / current_setting('block_size')::int - 1) blkno
        )
        select
          count(*) filter (where lp_flags = 1 and t_data is not null and t_xmax = 0)::int as live_items,
          (select count(*) from ${sql.table(table)})::int as rows,
          count(*) filter (where t_data is not null and (lp_flags <> 1 or t_xmax <> 0))::int as dead_with_data
        from items`.execute(db)
      return rows[0]!
    }
    // The waiting responses carried their completion's transaction: none is left, not even deleted.
    expect(await pages('responses_waiting')).toEqual({ live_items: 0, rows: 0, dead_with_data: 0 })
    const stored = await pages('responses')
    expect(stored.dead_with_data).toBe(0)
    expect(stored.live_items).toBe(stored.rows)
    // Where answers stood next to a participant: only rows still in use.
    for (const table of ['answers_in_progress', 'paper_drafts', 'paper_keyings', 'paper_duplicates']) {
      expect({ table, ...(await pages(table)) }).toMatchObject({ table, dead_with_data: 0 })
    }
  })
})
