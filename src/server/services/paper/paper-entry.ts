/**
 * The typist's work: opening a paper form by its code (or without code), keeping the
 * form being keyed as a draft on the server, and saving it.
 *
 * Typists see no personal data: a code leads to the round, the stratum (municipality)
 * and the form, nothing else. Saving locks the participant's row, so two typists can
 * never save the same code twice: the second save finds the code completed and keeps
 * its form as a duplicate for a researcher.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { ResponseMode } from '#src/server/db/schema.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { LoginCode } from '#src/codes/login-code.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'
import { waveOn } from '#src/server/services/respondent/participation.ts'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'
import type { CalendarDate, KeyedFields } from '#src/server/db/schema.ts'
import { lockParticipantForPaper, paperLanguage, storePaperResponse } from './paper-response.ts'
import { releaseWaitingResponses } from '#src/server/services/responses/release-responses.ts'
import { keepAsDuplicate } from './paper-duplicates.ts'
import type { KeyingOutcome } from './double-keying.ts'
import { formNumberLabel, keyingStatus, recordKeying } from './double-keying.ts'
import { addKeyingStats } from './paper-stats.ts'
import { normalizeKeyedFields } from './paper-form.ts'

export interface EntryRound {
  id: number
  name: string
  doubleKeying: boolean
  strata: Array<{ id: number; name: string }>
}

/** Rounds whose paper forms may be keyed: open ones. */
export async function roundsOpenForEntry(db: DB): Promise<EntryRound[]> {
  const rows = await db
    .selectFrom('rounds as r')
    .innerJoin('strata as s', 's.round_id', 'r.id')
    .select(['r.id', 'r.name', 'r.double_keying', 's.id as stratum_id', 's.name as stratum_name'])
    .where('r.status', '=', 'open')
    .orderBy('r.id')
    .orderBy('s.name')
    .execute()
  const rounds = new Map<number, EntryRound>()
  for (const r of rows) {
    const round = rounds.get(r.id) ?? { id: r.id, name: r.name, doubleKeying: r.double_keying, strata: [] }
    round.strata.push({ id: r.stratum_id, name: r.stratum_name })
    rounds.set(r.id, round)
  }
  return [...rounds.values()]
}

/** What the typist is told above the form. */
export type EntryNotice =
  /** The typist's earlier input for this form was put back (after a closed tab or crash). */
  | 'restored'
  /** The code already has an online response: this form will be kept as a duplicate. */
  | 'completedOnline'
  /** The code already has a paper response: this form will be kept as a duplicate. */
  | 'completedPaper'
  /** Double keying: nobody keyed this form yet. */
  | 'firstKeying'
  /** Double keying: another typist keyed it once; key it again without looking at theirs. */
  | 'secondKeying'
  /** Double keying: keyed twice already (waiting for review): this form will be a duplicate. */
  | 'keyedTwice'
  /** Another typist has this code open right now. */
  | 'openElsewhere'

export interface EntryForm {
  draftId: string
  roundId: number
  roundName: string
  stratumName: string
  stratumCode: string
  /** The code as printed (K7QXM-4TR9C); null for a form without code. */
  code: string | null
  /** For a form without code in double keying: its number (G12) once it has one. */
  formLabel: string | null
  noCode: boolean
  doubleKeying: boolean
  definition: QuestionnaireDefinition
  fields: KeyedFields
  notices: EntryNotice[]
}

export type OpenProblem =
  | 'unknownCode'
  | 'roundNotOpen'
  | 'alreadyKeyedByYou'
  | 'unknownFormNumber'
  | 'unknownStratum'
  | 'draftGone'
export type OpenResult = { ok: true; form: EntryForm } | { ok: false; problem: OpenProblem }

interface DraftRow {
  id: string
  round_id: number
  participant_id: number | null
  form_number: number | null
  stratum_id: number
  fields: KeyedFields
}

async function formOf(db: DB, draft: DraftRow, notices: EntryNotice[]): Promise<EntryForm> {
  const row = await db
    .selectFrom('rounds as r')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .innerJoin('strata as s', 's.round_id', 'r.id')
    .leftJoin('participants as p', (join) => join.on('p.id', '=', draft.participant_id ?? -1))
    .select([
      'r.id',
      'r.name',
      'r.double_keying',
      'q.definition',
      's.name as stratum_name',
      's.code as stratum_code',
      'p.code',
    ])
    .where('r.id', '=', draft.round_id)
    .where('s.id', '=', draft.stratum_id)
    .executeTakeFirstOrThrow()
  const hasFields = Object.keys(draft.fields).length > 0
  return {
    draftId: draft.id,
    roundId: row.id,
    roundName: row.name,
    stratumName: row.stratum_name,
    stratumCode: row.stratum_code,
    code: row.code ? formatLoginCode(row.code) : null,
    formLabel: draft.form_number !== null ? formNumberLabel(draft.form_number) : null,
    noCode: draft.participant_id === null,
    doubleKeying: row.double_keying,
    definition: row.definition,
    fields: draft.fields,
    notices: hasFields ? ['restored', ...notices] : notices,
  }
}

const DRAFT_COLUMNS = ['id', 'round_id', 'participant_id', 'form_number', 'stratum_id', 'fields'] as const

/** The typist's draft for a code, created when the form is first opened. */
async function draftForParticipant(
  db: DB,
  typistId: number,
  participant: { id: number; round_id: number; stratum_id: number },
): Promise<DraftRow> {
  await db
    .insertInto('paper_drafts')
    .values({
      round_id: participant.round_id,
      typist_id: typistId,
      participant_id: participant.id,
      stratum_id: participant.stratum_id,
    })
    .onConflict((oc) => oc.columns(['typist_id', 'participant_id']).where('participant_id', 'is not', null).doNothing())
    .execute()
  return db
    .selectFrom('paper_drafts')
    .select(DRAFT_COLUMNS)
    .where('typist_id', '=', typistId)
    .where('participant_id', '=', participant.id)
    .executeTakeFirstOrThrow()
}

export async function openByCode(db: DB, typistId: number, code: LoginCode): Promise<OpenResult> {
  const participant = await db
    .selectFrom('participants as p')
    .innerJoin('rounds as r', 'r.id', 'p.round_id')
    .select([
      'p.id',
      'p.round_id',
      'p.stratum_id',
      'p.status',
      'p.completed_mode',
      'r.status as round_status',
      'r.double_keying',
    ])
    .where('p.code', '=', code)
    .executeTakeFirst()
  if (!participant) return { ok: false, problem: 'unknownCode' }
  if (participant.round_status !== 'open') return { ok: false, problem: 'roundNotOpen' }

  const notices: EntryNotice[] = []
  if (participant.status === 'completed') {
    notices.push(participant.completed_mode === 'paper' ? 'completedPaper' : 'completedOnline')
  } else if (participant.double_keying) {
    const status = await keyingStatus(db, { participantId: participant.id }, typistId)
    if (status.byYou) return { ok: false, problem: 'alreadyKeyedByYou' }
    notices.push(status.count === 0 ? 'firstKeying' : status.count === 1 ? 'secondKeying' : 'keyedTwice')
  } else {
    const elsewhere = await db
      .selectFrom('paper_drafts')
      .select('id')
      .where('participant_id', '=', participant.id)
      .where('typist_id', '<>', typistId)
      .executeTakeFirst()
    if (elsewhere) notices.push('openElsewhere')
  }
  return { ok: true, form: await formOf(db, await draftForParticipant(db, typistId, participant), notices) }
}

/** The second keying of a form without code, by the number the first typist wrote on it. */
export async function openByFormNumber(db: DB, typistId: number, formNumber: number): Promise<OpenResult> {
  const keying = await db
    .selectFrom('paper_keyings as k')
    .innerJoin('rounds as r', 'r.id', 'k.round_id')
    .select(['k.round_id', 'k.stratum_id', 'r.status'])
    .where('k.form_number', '=', formNumber)
    .executeTakeFirst()
  if (!keying) return { ok: false, problem: 'unknownFormNumber' }
  if (keying.status !== 'open') return { ok: false, problem: 'roundNotOpen' }
  const status = await keyingStatus(db, { formNumber }, typistId)
  if (status.byYou) return { ok: false, problem: 'alreadyKeyedByYou' }
  await db
    .insertInto('paper_drafts')
    .values({ round_id: keying.round_id, typist_id: typistId, form_number: formNumber, stratum_id: keying.stratum_id })
    .onConflict((oc) => oc.columns(['typist_id', 'form_number']).where('form_number', 'is not', null).doNothing())
    .execute()
  const draft = await db
    .selectFrom('paper_drafts')
    .select(DRAFT_COLUMNS)
    .where('typist_id', '=', typistId)
    .where('form_number', '=', formNumber)
    .executeTakeFirstOrThrow()
  return { ok: true, form: await formOf(db, draft, [status.count >= 2 ? 'keyedTwice' : 'secondKeying']) }
}

/**
 * A form whose code is missing or unreadable, under the stratum the typist chose. A
 * typist has one such form open per round: an unfinished one is reopened first.
 */
export async function openWithoutCode(db: DB, typistId: number, stratumId: number): Promise<OpenResult> {
  const stratum = await db
    .selectFrom('strata as s')
    .innerJoin('rounds as r', 'r.id', 's.round_id')
    .select(['s.id', 's.round_id', 'r.status', 'r.double_keying'])
    .where('s.id', '=', stratumId)
    .executeTakeFirst()
  if (!stratum) return { ok: false, problem: 'unknownStratum' }
  if (stratum.status !== 'open') return { ok: false, problem: 'roundNotOpen' }
  await db
    .insertInto('paper_drafts')
    .values({ round_id: stratum.round_id, typist_id: typistId, stratum_id: stratum.id })
    .onConflict((oc) =>
      oc
        .columns(['typist_id', 'round_id'])
        .where('participant_id', 'is', null)
        .where('form_number', 'is', null)
        .doNothing(),
    )
    .execute()
  // An empty draft follows the stratum chosen now; one with input keeps its own.
  await db
    .updateTable('paper_drafts')
    .set({ stratum_id: stratum.id })
    .where('typist_id', '=', typistId)
    .where('round_id', '=', stratum.round_id)
    .where('participant_id', 'is', null)
    .where('form_number', 'is', null)
    .where(sql<boolean>`fields = '{}'::jsonb`)
    .execute()
  const draft = await db
    .selectFrom('paper_drafts')
    .select(DRAFT_COLUMNS)
    .where('typist_id', '=', typistId)
    .where('round_id', '=', stratum.round_id)
    .where('participant_id', 'is', null)
    .where('form_number', 'is', null)
    .executeTakeFirstOrThrow()
  return { ok: true, form: await formOf(db, draft, stratum.double_keying ? ['firstKeying'] : []) }
}

/** Reopens one of the typist's own drafts (from the list on the entry page, or after warnings). */
export async function openDraft(db: DB, typistId: number, draftId: string): Promise<OpenResult> {
  const draft = await db
    .selectFrom('paper_drafts')
    .select(DRAFT_COLUMNS)
    .where('id', '=', draftId)
    .where('typist_id', '=', typistId)
    .executeTakeFirst()
  if (!draft) return { ok: false, problem: 'draftGone' }
  if (draft.participant_id !== null) {
    const code = await db
      .selectFrom('participants')
      .select('code')
      .where('id', '=', draft.participant_id)
      .executeTakeFirst()
    if (code?.code) return openByCode(db, typistId, code.code as LoginCode)
  }
  if (draft.form_number !== null) return openByFormNumber(db, typistId, draft.form_number)
  return { ok: true, form: await formOf(db, draft, []) }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids of drafts, keyings and duplicates are UUIDs; anything else is refused before a query. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}

/** The questionnaire a typist's draft is keyed on; undefined when the draft is gone. */
export async function draftQuestionnaire(
  db: DB,
  typistId: number,
  draftId: string,
): Promise<QuestionnaireDefinition | undefined> {
  const row = await db
    .selectFrom('paper_drafts as d')
    .innerJoin('rounds as r', 'r.id', 'd.round_id')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .select('q.definition')
    .where('d.id', '=', draftId)
    .where('d.typist_id', '=', typistId)
    .executeTakeFirst()
  return row?.definition
}

/** Keeps what was typed so far. False when the draft is gone (saved or discarded elsewhere). */
export async function saveDraftFields(
  db: DB,
  typistId: number,
  draftId: string,
  fields: KeyedFields,
): Promise<boolean> {
  const result = await db
    .updateTable('paper_drafts')
    .set({ fields: JSON.stringify(fields) })
    .where('id', '=', draftId)
    .where('typist_id', '=', typistId)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function discardDraft(db: DB, typistId: number, draftId: string): Promise<void> {
  await db.deleteFrom('paper_drafts').where('id', '=', draftId).where('typist_id', '=', typistId).execute()
}

export interface DraftSummary {
  id: string
  /** The code as printed, the form number, or null for a form without code. */
  form: string | null
  roundName: string
  stratumName: string
}

export async function draftsOf(db: DB, typistId: number): Promise<DraftSummary[]> {
  const rows = await db
    .selectFrom('paper_drafts as d')
    .innerJoin('rounds as r', 'r.id', 'd.round_id')
    .innerJoin('strata as s', 's.id', 'd.stratum_id')
    .leftJoin('participants as p', 'p.id', 'd.participant_id')
    .select(['d.id', 'd.form_number', 'p.code', 'r.name as round_name', 's.name as stratum_name'])
    .where('d.typist_id', '=', typistId)
    .where('r.status', '=', 'open')
    .orderBy('r.id')
    .orderBy('p.code')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    form: r.code ? formatLoginCode(r.code) : r.form_number !== null ? formNumberLabel(r.form_number) : null,
    roundName: r.round_name,
    stratumName: r.stratum_name,
  }))
}

export type SaveOutcome =
  | { kind: 'saved' }
  | { kind: 'savedNoCode' }
  | { kind: 'duplicate'; earlierMode: ResponseMode; reference: string }
  | { kind: 'firstKeying'; formLabel?: string }
  | { kind: 'secondKeyingMatch' }
  | { kind: 'secondKeyingDiffers'; differences: number }
  /** The draft is gone: this form was saved (or discarded) already, e.g. a double Enter. */
  | { kind: 'alreadySaved' }
  | { kind: 'alreadyKeyedByYou' }
  | { kind: 'formNumberDone' }
  | { kind: 'roundNotOpen' }

/** A keying's outcome as the typist is told it. */
export function fromKeying(outcome: KeyingOutcome): SaveOutcome {
  if (outcome.kind === 'firstKeying')
    return outcome.formNumber !== undefined
      ? { kind: 'firstKeying', formLabel: formNumberLabel(outcome.formNumber) }
      : { kind: 'firstKeying' }
  if (outcome.kind === 'alreadyKeyedTwice') return { kind: 'formNumberDone' }
  return outcome
}

/** Outcomes after which the draft stays, so the typist loses nothing. */
const KEEPS_DRAFT = new Set<SaveOutcome['kind']>([
  'alreadySaved',
  'alreadyKeyedByYou',
  'formNumberDone',
  'roundNotOpen',
])

/**
 * Saves the typist's form (already confirmed against its warnings). One transaction:
 * the participant's lock, the draft's removal and the response (or keying, or
 * duplicate) go together or not at all.
 */
/**
 * `receivedOn`: the day the form came in (the typist's batch date); it decides the form's
 * wave (before or after the reminder) and the day it is counted on. Default today.
 */
export async function saveForm(
  db: DB,
  typistId: number,
  draftId: string,
  fields: KeyedFields,
  receivedOn: CalendarDate = todayInAmsterdam(),
): Promise<SaveOutcome> {
  const outline = await db
    .selectFrom('paper_drafts')
    .select(['participant_id'])
    .where('id', '=', draftId)
    .where('typist_id', '=', typistId)
    .executeTakeFirst()
  if (!outline) return { kind: 'alreadySaved' }
  const saved = await db.transaction().execute(async (tx): Promise<{ outcome: SaveOutcome; roundId?: number }> => {
    // Lock order everywhere: the participant first, then drafts and keyings.
    const participant =
      outline.participant_id !== null ? await lockParticipantForPaper(tx, outline.participant_id) : undefined
    const draft = await tx
      .selectFrom('paper_drafts')
      .select(DRAFT_COLUMNS)
      .where('id', '=', draftId)
      .where('typist_id', '=', typistId)
      .forUpdate()
      .executeTakeFirst()
    if (!draft) return { outcome: { kind: 'alreadySaved' } }
    const round = await tx
      .selectFrom('rounds as r')
      .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
      .innerJoin('strata as s', 's.round_id', 'r.id')
      .select(['r.status', 'r.double_keying', 'q.definition', 's.code as stratum_code'])
      .where('r.id', '=', draft.round_id)
      .where('s.id', '=', draft.stratum_id)
      .executeTakeFirstOrThrow()
    if (round.status !== 'open') return { outcome: { kind: 'roundNotOpen' } }

    const wave = await waveOn(tx, draft.round_id, receivedOn)
    const language = paperLanguage(round.definition, participant?.language)
    const base = {
      roundId: draft.round_id,
      stratumId: draft.stratum_id,
      stratumCode: round.stratum_code,
      definition: round.definition,
      fields: normalizeKeyedFields(round.definition, fields),
      language,
      wave,
      day: receivedOn,
    }
    const duplicate = (earlierMode: ResponseMode): Promise<SaveOutcome> =>
      keepAsDuplicate(tx, { ...base, participantId: participant!.id, earlierMode, typistId })

    let outcome: SaveOutcome
    if (participant) {
      if (participant.status === 'completed') {
        outcome = await duplicate(participant.completed_mode ?? 'online')
      } else if (round.double_keying) {
        const keying = await recordKeying(tx, { ...base, typistId, key: { participantId: participant.id } })
        outcome = keying.kind === 'alreadyKeyedTwice' ? await duplicate('paper') : fromKeying(keying)
      } else {
        await storePaperResponse(tx, { ...base, participantId: participant.id })
        outcome = { kind: 'saved' }
      }
    } else if (draft.form_number !== null) {
      outcome = fromKeying(await recordKeying(tx, { ...base, typistId, key: { formNumber: draft.form_number } }))
    } else if (round.double_keying) {
      outcome = fromKeying(await recordKeying(tx, { ...base, typistId, key: { newFormWithoutCode: true } }))
    } else {
      await storePaperResponse(tx, base)
      outcome = { kind: 'savedNoCode' }
    }
    if (KEEPS_DRAFT.has(outcome.kind)) return { outcome, roundId: draft.round_id }
    await tx.deleteFrom('paper_drafts').where('id', '=', draftId).execute()
    await addKeyingStats(tx, draft.round_id, typistId, { forms: 1 })
    return { outcome, roundId: draft.round_id }
  })
  // After the commit: a held response joins `responses` only in a transaction of its own.
  if (saved.roundId !== undefined) await releaseWaitingResponses(db, saved.roundId)
  return saved.outcome
}
