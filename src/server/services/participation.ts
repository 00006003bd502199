/**
 * A respondent's way through the online questionnaire, as database operations.
 *
 * Privacy (DESIGN.md): while in progress the response is linked to the participant so
 * it can be resumed; on submit the link is removed in the same transaction that marks
 * the participant completed, and the day is counted only in the aggregate daily_counts.
 */
import { sql } from 'kysely'
import type { DB } from '../db/connect.js'
import type { Round, Participant, ResponseMode, Wave } from '../db/schema.js'
import type { Answers, QuestionnaireDefinition } from '../../questionnaire/definition.js'
import type { LoginCode } from '../../codes/login-code.js'
import { todayInAmsterdam } from './calendar.js'

export type RoundAvailability = 'open' | 'not_yet_open' | 'closed'

export function roundAvailability(round: Pick<Round, 'status' | 'opens_on' | 'closes_on'>, today = todayInAmsterdam()): RoundAvailability {
  if (round.status === 'closed' || round.status === 'purged') return 'closed'
  if (round.status === 'draft' || today < round.opens_on) return 'not_yet_open'
  if (today > round.closes_on) return 'closed'
  return 'open'
}

export interface ParticipantContext {
  participant: Pick<Participant, 'id' | 'round_id' | 'stratum_id' | 'status' | 'language'>
  round: Pick<Round, 'id' | 'name' | 'status' | 'opens_on' | 'closes_on'>
  stratumCode: string
  definition: QuestionnaireDefinition
}

export async function findParticipantByCode(db: DB, code: LoginCode): Promise<{ id: number } | undefined> {
  return db.selectFrom('participants').select('id').where('code', '=', code).executeTakeFirst()
}

export async function loadParticipantContext(db: DB, participantId: number): Promise<ParticipantContext | undefined> {
  const row = await db
    .selectFrom('participants as p')
    .innerJoin('rounds as r', 'r.id', 'p.round_id')
    .innerJoin('strata as s', 's.id', 'p.stratum_id')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .select([
      'p.id',
      'p.round_id',
      'p.stratum_id',
      'p.status',
      'p.language',
      'r.name as round_name',
      'r.status as round_status',
      'r.opens_on',
      'r.closes_on',
      's.code as stratum_code',
      'q.definition',
    ])
    .where('p.id', '=', participantId)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    participant: { id: row.id, round_id: row.round_id, stratum_id: row.stratum_id, status: row.status, language: row.language },
    round: { id: row.round_id, name: row.round_name, status: row.round_status, opens_on: row.opens_on, closes_on: row.closes_on },
    stratumCode: row.stratum_code,
    definition: row.definition,
  }
}

export async function loadProgress(db: DB, participantId: number): Promise<Answers> {
  const row = await db
    .selectFrom('responses')
    .select('answers')
    .where('participant_id', '=', participantId)
    .executeTakeFirst()
  return row?.answers ?? {}
}

export class AlreadyCompletedError extends Error {
  constructor() {
    super('participant has already completed the questionnaire')
    this.name = 'AlreadyCompletedError'
  }
}

async function lockParticipant(db: DB, participantId: number) {
  const participant = await db
    .selectFrom('participants')
    .select(['id', 'round_id', 'stratum_id', 'status'])
    .where('id', '=', participantId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (participant.status === 'completed') throw new AlreadyCompletedError()
  return participant
}

/**
 * Stores the full set of answers so far (already validated and merged by the caller).
 * The first save is what marks the participant as started: opening a link does not.
 */
export async function saveProgress(db: DB, participantId: number, answers: Answers, language: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const participant = await lockParticipant(tx, participantId)
    await tx
      .insertInto('responses')
      .values({
        round_id: participant.round_id,
        stratum_id: participant.stratum_id,
        mode: 'online',
        status: 'in_progress',
        participant_id: participantId,
        answers: JSON.stringify(answers),
        language,
      })
      .onConflict((oc) =>
        oc
          .column('participant_id')
          .where('participant_id', 'is not', null)
          .doUpdateSet({ answers: JSON.stringify(answers), language }),
      )
      .execute()
    if (participant.status === 'pending') {
      await tx.updateTable('participants').set({ status: 'in_progress' }).where('id', '=', participantId).execute()
    }
  })
}

/** Before or after the first reminder of the round: the only time a response carries. */
export async function currentWave(db: DB, roundId: number): Promise<Wave> {
  const reminder = await db
    .selectFrom('mailings')
    .select('id')
    .where('round_id', '=', roundId)
    .where('kind', '=', 'reminder')
    .limit(1)
    .executeTakeFirst()
  return reminder ? 'after_reminder' : 'before_reminder'
}

export async function countCompletion(
  db: DB,
  roundId: number,
  stratumId: number,
  mode: ResponseMode,
  day = todayInAmsterdam(),
): Promise<void> {
  await db
    .insertInto('daily_counts')
    .values({ round_id: roundId, stratum_id: stratumId, mode, day, count: 1 })
    .onConflict((oc) =>
      oc.columns(['round_id', 'stratum_id', 'mode', 'day']).doUpdateSet({ count: sql`daily_counts.count + 1` }),
    )
    .execute()
}

/**
 * Completes the online response. Exactly one submission wins, even when two sessions
 * submit at once: the participant row is locked and checked inside the transaction.
 */
export async function submitOnline(db: DB, participantId: number, answers: Answers, language: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const participant = await lockParticipant(tx, participantId)
    const wave = await currentWave(tx, participant.round_id)
    const updated = await tx
      .updateTable('responses')
      .set({ status: 'complete', participant_id: null, answers: JSON.stringify(answers), language, wave })
      .where('participant_id', '=', participantId)
      .executeTakeFirst()
    if (updated.numUpdatedRows === 0n) {
      await tx
        .insertInto('responses')
        .values({
          round_id: participant.round_id,
          stratum_id: participant.stratum_id,
          mode: 'online',
          status: 'complete',
          answers: JSON.stringify(answers),
          language,
          wave,
        })
        .execute()
    }
    await tx
      .updateTable('participants')
      .set({ status: 'completed', completed_mode: 'online' })
      .where('id', '=', participantId)
      .execute()
    await countCompletion(tx, participant.round_id, participant.stratum_id, 'online')
  })
}
