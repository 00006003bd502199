import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { createStaffUser } from '#test/helpers/staff.ts'
import type { EntryForm } from '#src/server/services/paper/paper-entry.ts'
import {
  discardDraft,
  draftsOf,
  openByCode,
  openWithoutCode,
  saveDraftFields,
  saveForm,
} from '#src/server/services/paper/paper-entry.ts'
import { openDuplicates, resolveDuplicate, loadDuplicate } from '#src/server/services/paper/paper-duplicates.ts'
import { keyingPerTypist, paperWork } from '#src/server/services/paper/paper-stats.ts'
import { loadMonitor } from '#src/server/services/reporting/monitor.ts'
import { saveProgress, submitOnline } from '#src/server/services/respondent/participation.ts'
import type { LoginCode } from '#src/codes/login-code.ts'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'
import { loadKto } from '#test/questionnaire/kto.ts'

let handle: DatabaseHandle
let db: DB
let round: RoundFixture
let typistA: { id: number; username: string }
let typistB: { id: number; username: string }

const FORM = {
  rapportcijfer_dienstverlening: '7',
  intake_wanneer: '1',
  intake_stellingen_a: '2',
  parttimebaan: '?',
  leeftijd: 'm',
}

beforeAll(async () => {
  handle = await createTestDatabase()
  db = handle.db
  round = await createRound(db, { participantsPerStratum: 6 })
  typistA = await createStaffUser(db, 'typist')
  typistB = await createStaffUser(db, 'typist')
})
afterAll(async () => handle.close())

async function open(typistId: number, code: string): Promise<EntryForm> {
  const result = await openByCode(db, typistId, code as LoginCode)
  if (!result.ok) throw new Error(`could not open: ${result.problem}`)
  return result.form
}

const participant = (id: number) =>
  db.selectFrom('participants').select(['status', 'completed_mode']).where('id', '=', id).executeTakeFirstOrThrow()
const paperResponses = () =>
  db.selectFrom('responses').selectAll().where('round_id', '=', round.roundId).where('mode', '=', 'paper').execute()

describe('saving a keyed paper form', () => {
  it('stores a complete paper response without link, completes the participant and counts the day', async () => {
    const p = round.participants[0]!
    const form = await open(typistA.id, p.code)
    expect(form.code).toBe(`${p.code.slice(0, 5)}-${p.code.slice(5)}`)
    expect(form.notices).toEqual([])
    const before = await paperResponses()
    expect(await saveForm(db, typistA.id, form.draftId, FORM)).toEqual({ kind: 'saved' })

    const [response] = (await paperResponses()).filter((r) => !before.some((b) => b.id === r.id))
    expect(response).toMatchObject({
      status: 'complete',
      stratum_id: p.stratumId,
      wave: 'before_reminder',
      language: 'nl',
    })
    expect(response!.answers).toEqual({ rapportcijfer_dienstverlening: 7, intake_wanneer: 1, intake_stellingen_a: 2 })
    expect(response!.paper_coding).toEqual({
      noCode: false,
      marks: { parttimebaan: 'unreadable', leeftijd: 'multiple' },
      invalid: {},
      outsideRouting: [],
    })
    expect(await participant(p.id)).toEqual({ status: 'completed', completed_mode: 'paper' })
    const counts = await db
      .selectFrom('daily_counts')
      .selectAll()
      .where('round_id', '=', round.roundId)
      .where('mode', '=', 'paper')
      .execute()
    expect(counts).toEqual([
      { round_id: round.roundId, stratum_id: p.stratumId, mode: 'paper', day: todayInAmsterdam(), count: 1 },
    ])
    // The draft is gone: a second Enter saves nothing twice.
    expect(await draftsOf(db, typistA.id)).toEqual([])
    expect(await saveForm(db, typistA.id, form.draftId, FORM)).toEqual({ kind: 'alreadySaved' })
    expect((await paperResponses()).length).toBe(before.length + 1)
  })

  it('keeps a form in progress on the server and puts it back when the code is opened again', async () => {
    const p = round.participants[1]!
    const form = await open(typistA.id, p.code)
    expect(await saveDraftFields(db, typistA.id, form.draftId, { rapportcijfer_dienstverlening: '9' })).toBe(true)
    // The tab closes; later the typist scans the same code.
    const again = await open(typistA.id, p.code)
    expect(again.draftId).toBe(form.draftId)
    expect(again.fields).toEqual({ rapportcijfer_dienstverlening: '9' })
    expect(again.notices).toContain('restored')
    expect((await draftsOf(db, typistA.id)).map((d) => d.form)).toEqual([form.code])
    // Another typist does not see it, but is told the form is open elsewhere.
    const other = await open(typistB.id, p.code)
    expect(other.fields).toEqual({})
    expect(other.notices).toEqual(['openElsewhere'])
    await discardDraft(db, typistB.id, other.draftId)
    await discardDraft(db, typistA.id, form.draftId)
    expect(await saveDraftFields(db, typistA.id, form.draftId, {})).toBe(false)
  })

  it('replaces an online questionnaire that was started but never sent', async () => {
    const p = round.participants[2]!
    await saveProgress(db, p.id, { rapportcijfer_dienstverlening: 3 }, 'nl')
    const form = await open(typistA.id, p.code)
    expect(await saveForm(db, typistA.id, form.draftId, FORM)).toEqual({ kind: 'saved' })
    const linked = await db.selectFrom('answers_in_progress').selectAll().where('participant_id', '=', p.id).execute()
    expect(linked).toEqual([])
    expect(await participant(p.id)).toEqual({ status: 'completed', completed_mode: 'paper' })
  })

  it('stores a form without code under the chosen stratum, counted in the response and on its day', async () => {
    const stratum = round.strata[2]!
    const result = await openWithoutCode(db, typistA.id, stratum.id)
    if (!result.ok) throw new Error(result.problem)
    expect(result.form.noCode).toBe(true)
    expect(result.form.stratumName).toBe(stratum.name)
    expect(await saveForm(db, typistA.id, result.form.draftId, { rapportcijfer_dienstverlening: '4' })).toEqual({
      kind: 'savedNoCode',
    })
    const work = await paperWork(db, round.roundId)
    expect(work.strata.find((s) => s.stratumId === stratum.id)).toMatchObject({ noCode: 1, withCode: 0 })
    const noCode = (await paperResponses()).filter((r) => r.paper_coding?.noCode)
    expect(noCode).toHaveLength(1)
    expect(noCode[0]).toMatchObject({
      stratum_id: stratum.id,
      answers: { rapportcijfer_dienstverlening: 4 },
    })
    const monitor = (await loadMonitor(db, round.roundId))!
    expect(monitor.strata.find((s) => s.stratumId === stratum.id)).toMatchObject({
      completedPaper: 1,
      paperWithoutCode: 1,
      completed: 1,
    })
    // The days add up to what was completed, forms without a code included.
    const perDay = monitor.days.reduce((sum, d) => sum + d.online + d.paper, 0)
    expect(perDay).toBe(monitor.total.completed)
  })
})

describe('duplicates', () => {
  it('keeps a paper form for a code answered online as a duplicate, never as a second response', async () => {
    const p = round.participants[3]!
    await submitOnline(db, p.id, { rapportcijfer_dienstverlening: 8 }, 'nl')
    const form = await open(typistB.id, p.code)
    expect(form.notices).toEqual(['completedOnline'])
    const before = (await paperResponses()).length
    expect(await saveForm(db, typistB.id, form.draftId, FORM)).toEqual({
      kind: 'duplicate',
      earlierMode: 'online',
      reference: expect.stringMatching(/^D-[0-9A-F]{8}$/),
    })
    expect((await paperResponses()).length).toBe(before)
    const complete = await db
      .selectFrom('responses')
      .select('id')
      .where('round_id', '=', round.roundId)
      .where('status', '=', 'complete')
      .where('stratum_id', '=', p.stratumId)
      .execute()
    const duplicates = await openDuplicates(db, round.roundId)
    expect(duplicates).toHaveLength(1)
    expect(duplicates[0]).toMatchObject({ earlierMode: 'online', canKeepThis: false })
    // Known by its reference, not by the login code of the person.
    expect(duplicates[0]!.reference).toMatch(/^D-[0-9A-F]{8}$/)
    expect(JSON.stringify(duplicates[0])).not.toContain(form.code!.replace('-', ''))
    expect(complete.length).toBeGreaterThan(0)
    expect(await participant(p.id)).toEqual({ status: 'completed', completed_mode: 'online' })
  })

  it('lets a researcher keep the first (discarding this form) or count it as a form without code', async () => {
    const researcher = await createStaffUser(db, 'researcher')
    const actor = { id: researcher.id, username: researcher.username }
    const [dup] = await openDuplicates(db, round.roundId)
    const kto = loadKto()
    expect(await resolveDuplicate(db, actor, round.roundId, dup!.id, 'keepThis', kto)).toBe('notPossible')
    expect(await resolveDuplicate(db, actor, round.roundId, dup!.id, 'keepFirst', kto)).toBe('resolved')
    expect(await loadDuplicate(db, round.roundId, dup!.id)).toBeUndefined()
    expect(await resolveDuplicate(db, actor, round.roundId, dup!.id, 'keepFirst', kto)).toBe('gone')

    // A second paper form for a code already keyed on paper.
    const p = round.participants[0]!
    const form = await open(typistB.id, p.code)
    expect(form.notices).toEqual(['completedPaper'])
    expect(await saveForm(db, typistB.id, form.draftId, { geslacht: '2' })).toEqual({
      kind: 'duplicate',
      earlierMode: 'paper',
      reference: expect.stringMatching(/^D-[0-9A-F]{8}$/),
    })
    const [second] = await openDuplicates(db, round.roundId)
    const before = await paperResponses()
    expect(await resolveDuplicate(db, actor, round.roundId, second!.id, 'keepAsNoCode', kto)).toBe('resolved')
    const added = (await paperResponses()).filter((r) => !before.some((b) => b.id === r.id))
    expect(added).toHaveLength(1)
    expect(added[0]).toMatchObject({ answers: { geslacht: 2 }, paper_coding: { noCode: true } })
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'paper.duplicate.resolve')
      .execute()
    expect(audits.map((a) => a.details)).toEqual([{ decision: 'keepFirst' }, { decision: 'keepAsNoCode' }])
    // Nothing in the audit log names the code.
    expect(JSON.stringify(audits)).not.toContain(p.code)
  })

  it('lets two typists save the same code at the same moment: exactly one response, one duplicate', async () => {
    const p = round.participants[4]!
    const a = await open(typistA.id, p.code)
    const b = await open(typistB.id, p.code)
    const before = (await paperResponses()).length
    const paperCount = async () =>
      (
        await db
          .selectFrom('daily_counts')
          .select('count')
          .where('round_id', '=', round.roundId)
          .where('stratum_id', '=', p.stratumId)
          .where('mode', '=', 'paper')
          .executeTakeFirst()
      )?.count ?? 0
    const countedBefore = await paperCount()
    const outcomes = await Promise.all([
      saveForm(db, typistA.id, a.draftId, FORM),
      saveForm(db, typistB.id, b.draftId, { ...FORM, geslacht: '1' }),
    ])
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['duplicate', 'saved'])
    expect((await paperResponses()).length).toBe(before + 1)
    const duplicates = await db.selectFrom('paper_duplicates').select('id').where('participant_id', '=', p.id).execute()
    expect(duplicates).toHaveLength(1)
    expect(await participant(p.id)).toEqual({ status: 'completed', completed_mode: 'paper' })
    expect(await paperCount()).toBe(countedBefore + 1)
  })

  it('counts forms per typist', async () => {
    const totals = await keyingPerTypist(db, round.roundId)
    const a = totals.find((t) => t.typistId === typistA.id)!
    const b = totals.find((t) => t.typistId === typistB.id)!
    expect(a.forms).toBe(4)
    expect(b.forms).toBe(3)
    expect(a.agreement).toBeNull()
  })
})
