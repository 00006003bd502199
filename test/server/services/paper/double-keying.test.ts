import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { createStaffUser } from '#test/helpers/staff.ts'
import type { EntryForm } from '#src/server/services/paper/paper-entry.ts'
import { openByCode, openByFormNumber, openWithoutCode, saveForm } from '#src/server/services/paper/paper-entry.ts'
import { awaitingReview, decidePair, loadPair, parseFormNumber } from '#src/server/services/paper/double-keying.ts'
import { openDuplicates, resolveDuplicate } from '#src/server/services/paper/paper-duplicates.ts'
import { keyingPerTypist, paperWork } from '#src/server/services/paper/paper-stats.ts'
import type { LoginCode } from '#src/codes/login-code.ts'
import { submitOnline } from '#src/server/services/respondent/participation.ts'
import { loadKto } from '#test/questionnaire/kto.ts'

let handle: DatabaseHandle
let db: DB
let round: RoundFixture
const kto = loadKto()
type User = { id: number; username: string }
let anna: User, bram: User, cees: User, reviewer: User

beforeAll(async () => {
  handle = await createTestDatabase()
  db = handle.db
  round = await createRound(db, { participantsPerStratum: 4 })
  await db.updateTable('rounds').set({ double_keying: true }).where('id', '=', round.roundId).execute()
  anna = await createStaffUser(db, 'typist')
  bram = await createStaffUser(db, 'typist')
  cees = await createStaffUser(db, 'typist')
  reviewer = await createStaffUser(db, 'researcher')
})
afterAll(async () => handle.close())

async function key(typist: User, code: string, fields: Record<string, string>) {
  const opened = await openByCode(db, typist.id, code as LoginCode)
  if (!opened.ok) return opened.problem
  return saveForm(db, typist.id, opened.form.draftId, fields)
}
const participant = (id: number) =>
  db.selectFrom('participants').select(['status', 'completed_mode']).where('id', '=', id).executeTakeFirstOrThrow()
const responseCount = async () =>
  (
    await db
      .selectFrom('responses')
      .select('id')
      .where('round_id', '=', round.roundId)
      .where('status', '=', 'complete')
      .execute()
  ).length

const FORM = {
  rapportcijfer_dienstverlening: '8',
  intake_wanneer: '1',
  intake_stellingen_a: '2',
  leeftijd: '3',
  opmerkingen: 'Goed',
}

describe('double keying', () => {
  it('counts a form only when a second typist keyed the same', async () => {
    const p = round.participants[0]!
    expect(await key(anna, p.code, FORM)).toEqual({ kind: 'firstKeying' })
    expect(await participant(p.id)).toEqual({ status: 'pending', completed_mode: null })
    expect(await responseCount()).toBe(0)
    expect((await paperWork(db, round.roundId)).awaitingSecondKeying).toBe(1)
    // The same typist cannot be the second keyer.
    expect(await key(anna, p.code, FORM)).toBe('alreadyKeyedByYou')

    // The second typist sees an empty form: blind to the first keying.
    const opened = await openByCode(db, bram.id, p.code as LoginCode)
    expect(opened.ok && opened.form.fields).toEqual({})
    expect(opened.ok && opened.form.notices).toEqual(['secondKeying'])
    expect(
      await saveForm(db, bram.id, (opened as { form: EntryForm }).form.draftId, { ...FORM, leeftijd: '03' }),
    ).toEqual({ kind: 'secondKeyingMatch' })
    expect(await participant(p.id)).toEqual({ status: 'completed', completed_mode: 'paper' })
    expect(await responseCount()).toBe(1)
    expect(await db.selectFrom('paper_keyings').select('id').execute()).toEqual([])
  })

  it('lists differences field by field for a reviewer, who decides; only then the response counts', async () => {
    const p = round.participants[1]!
    await key(bram, p.code, FORM)
    expect(
      await key(cees, p.code, { ...FORM, rapportcijfer_dienstverlening: '3', leeftijd: '?', geslacht: '2' }),
    ).toEqual({ kind: 'secondKeyingDiffers', differences: 3 })
    expect(await participant(p.id)).toEqual({ status: 'pending', completed_mode: null })
    expect(await responseCount()).toBe(1)

    const [pending] = await awaitingReview(db, round.roundId)
    expect(pending!.form).toBe(`${p.code.slice(0, 5)}-${p.code.slice(5)}`)
    expect(pending!.typists.sort()).toEqual([bram.username, cees.username].map(() => 'Test typist'))
    const pair = (await loadPair(db, round.roundId, pending!.keyingId, kto))!
    expect(pair.comparison.differences.map((d) => d.label)).toEqual(['1', '19', '20'])
    const bramFirst = pair.keyings[0]!.typistId === bram.id
    const byTypist = (typist: User) =>
      pair.comparison.differences.map((d) => (bramFirst === (typist.id === bram.id) ? d.first : d.second))
    expect(byTypist(bram)).toEqual(['8', '3', undefined])
    expect(byTypist(cees)).toEqual(['3', '?', '2'])

    const actor = { id: reviewer.id, username: reviewer.username }
    const keyer = { id: bram.id, username: bram.username }
    expect((await decidePair(db, keyer, round.roundId, pending!.keyingId, {}, kto)).kind).toBe('ownKeying')
    expect(await decidePair(db, actor, round.roundId, pending!.keyingId, {}, kto)).toEqual({
      kind: 'undecided',
      variables: ['rapportcijfer_dienstverlening', 'leeftijd', 'geslacht'],
    })
    // The paper says 8 (Bram was right), age is unreadable (Cees was right), gender: the reviewer reads "1".
    const bramChoice = bramFirst ? 'first' : 'second'
    const ceesChoice = bramFirst ? 'second' : 'first'
    const decided = await decidePair(
      db,
      actor,
      round.roundId,
      pending!.keyingId,
      {
        rapportcijfer_dienstverlening: { choice: bramChoice },
        leeftijd: { choice: ceesChoice },
        geslacht: { choice: 'own', value: '1' },
      },
      kto,
    )
    expect(decided).toEqual({ kind: 'saved' })
    expect(await participant(p.id)).toEqual({ status: 'completed', completed_mode: 'paper' })
    const response = await db
      .selectFrom('responses')
      .select(['answers', 'paper_coding'])
      .where('round_id', '=', round.roundId)
      .where(({ eb, ref }) => eb(ref('answers', '->>').key('geslacht'), '=', '1'))
      .executeTakeFirstOrThrow()
    expect(response.answers).toEqual({
      rapportcijfer_dienstverlening: 8,
      intake_wanneer: 1,
      intake_stellingen_a: 2,
      geslacht: 1,
      opmerkingen: 'Goed',
    })
    expect(response.paper_coding?.marks).toEqual({ leeftijd: 'unreadable' })
    expect(await awaitingReview(db, round.roundId)).toEqual([])
    expect((await decidePair(db, actor, round.roundId, pending!.keyingId, {}, kto)).kind).toBe('gone')

    // Agreement per typist: Bram and Cees compared 6 fields, 3 differed; the reviewer overruled each twice.
    const totals = await keyingPerTypist(db, round.roundId)
    const of = (u: User) => totals.find((t) => t.typistId === u.id)!
    expect(of(cees)).toMatchObject({ fieldsCompared: 6, fieldsDiffering: 3, fieldsCorrected: 2 })
    expect(of(cees).agreement).toBeCloseTo(0.5)
    expect(of(bram)).toMatchObject({ fieldsCompared: 5 + 6, fieldsDiffering: 3, fieldsCorrected: 2 })
    expect(of(bram).accuracy).toBeCloseTo(1 - 2 / 11)
    expect(of(anna)).toMatchObject({ fieldsCompared: 5, fieldsDiffering: 0, agreement: 1 })
  })

  it('pairs the two keyings of a form without code by a number written on the form', async () => {
    const stratum = round.strata[1]!
    const first = await openWithoutCode(db, anna.id, stratum.id)
    if (!first.ok) throw new Error(first.problem)
    const saved = await saveForm(db, anna.id, first.form.draftId, { rapportcijfer_dienstverlening: '6' })
    expect(saved.kind).toBe('firstKeying')
    const label = (saved as { formLabel: string }).formLabel
    expect(label).toMatch(/^G\d+$/)
    const number = parseFormNumber(label.toLowerCase())!
    expect(await openByFormNumber(db, anna.id, number)).toEqual({ ok: false, problem: 'alreadyKeyedByYou' })
    expect(await openByFormNumber(db, anna.id, number + 1000)).toEqual({ ok: false, problem: 'unknownFormNumber' })
    const second = await openByFormNumber(db, bram.id, number)
    if (!second.ok) throw new Error(second.problem)
    expect(second.form.stratumName).toBe(stratum.name)
    expect(await saveForm(db, bram.id, second.form.draftId, { rapportcijfer_dienstverlening: '6' })).toEqual({
      kind: 'secondKeyingMatch',
    })
    const work = await paperWork(db, round.roundId)
    expect(work.strata.find((s) => s.stratumId === stratum.id)).toMatchObject({ noCode: 1 })
  })

  it('makes a form a duplicate when its code was answered online between the two keyings', async () => {
    const p = round.participants[3]!
    await key(anna, p.code, FORM)
    await submitOnline(db, p.id, { rapportcijfer_dienstverlening: 5 }, 'nl')
    expect(await key(bram, p.code, FORM)).toEqual({
      kind: 'duplicate',
      earlierMode: 'online',
      reference: expect.stringMatching(/^D-[0-9A-F]{8}$/),
    })
    // Nothing is left waiting for a second keying that will never come.
    expect(await db.selectFrom('paper_keyings').select('id').where('participant_id', '=', p.id).execute()).toEqual([])
    expect((await openDuplicates(db, round.roundId)).filter((d) => d.earlierMode === 'online')).toHaveLength(1)
  })

  it('keeps a third keying as a duplicate, which may replace the forms still in double keying', async () => {
    const p = round.participants[2]!
    await key(anna, p.code, FORM)
    await key(bram, p.code, { ...FORM, leeftijd: '4' })
    const opened = await openByCode(db, cees.id, p.code as LoginCode)
    expect(opened.ok && opened.form.notices).toEqual(['keyedTwice'])
    expect(
      await saveForm(db, cees.id, (opened as { form: EntryForm }).form.draftId, { ...FORM, leeftijd: '5' }),
    ).toEqual({ kind: 'duplicate', earlierMode: 'paper', reference: expect.stringMatching(/^D-[0-9A-F]{8}$/) })
    const dup = (await openDuplicates(db, round.roundId)).find((d) => d.earlierMode === 'paper')
    expect(dup!.canKeepThis).toBe(true)
    const before = await responseCount()
    expect(
      await resolveDuplicate(
        db,
        { id: reviewer.id, username: reviewer.username },
        round.roundId,
        dup!.id,
        'keepThis',
        kto,
      ),
    ).toBe('resolved')
    expect(await responseCount()).toBe(before + 1)
    expect(await participant(p.id)).toEqual({ status: 'completed', completed_mode: 'paper' })
    expect(await db.selectFrom('paper_keyings').select('id').where('participant_id', '=', p.id).execute()).toEqual([])
  })
})
