/**
 * The one place where a keyed paper form becomes a counted response: single keying,
 * reconciled double keying and resolved duplicates all end here.
 *
 * Privacy (DESIGN.md): the response gets no link to the participant and no date; it waits
 * in `responses_waiting` until it is added to `responses` with others (callers release
 * after their commit: release-responses.ts); the participant keeps only "completed
 * (paper)", which takes them out of reminders; the day is counted in daily_counts only.
 * Call inside a transaction that holds the participant's row lock (see
 * `lockParticipantForPaper`).
 */
import type { DB } from '#src/server/db/connect.ts'
import type { ResponseMode, Wave } from '#src/server/db/schema.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { countCompletion } from '#src/server/services/respondent/participation.ts'
import { endAnswersInProgress } from '#src/server/services/respondent/end-answers-in-progress.ts'
import { holdResponse } from '#src/server/services/responses/hold-response.ts'
import type { KeyedFields } from '#src/server/db/schema.ts'
import { readKeyedForm } from './paper-form.ts'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'

export interface LockedParticipant {
  id: number
  round_id: number
  stratum_id: number
  status: 'pending' | 'in_progress' | 'completed'
  completed_mode: ResponseMode | null
  language: string
}

/** Locks the participant's row for the rest of the transaction: one save per code at a time. */
export async function lockParticipantForPaper(tx: DB, participantId: number): Promise<LockedParticipant | undefined> {
  return tx
    .selectFrom('participants')
    .select(['id', 'round_id', 'stratum_id', 'status', 'completed_mode', 'language'])
    .where('id', '=', participantId)
    .forUpdate()
    .executeTakeFirst()
}

export interface PaperResponseInput {
  roundId: number
  stratumId: number
  stratumCode: string
  definition: QuestionnaireDefinition
  fields: KeyedFields
  language: string
  wave: Wave
  /** The participant the form's code belongs to; absent for a form without code. */
  participantId?: number
  /** The day the form came in, for daily_counts (default today). */
  day?: string
}

/**
 * Holds the form as a complete (or, with a screen-out answer, screened-out) paper
 * response, counts its day and, with a code, completes the participant.
 */
export async function storePaperResponse(tx: DB, input: PaperResponseInput): Promise<void> {
  const noCode = input.participantId === undefined
  const { answers, coding, screenedOut } = readKeyedForm(
    input.definition,
    input.fields,
    { stratum: input.stratumCode },
    { noCode },
  )
  await holdResponse(tx, {
    roundId: input.roundId,
    stratumId: input.stratumId,
    mode: 'paper',
    status: screenedOut ? 'screened_out' : 'complete',
    answers,
    paperCoding: coding,
    language: input.language,
    wave: input.wave,
  })
  // Every form counts on the day it came in, with or without a code: the day counts add up
  // to the completed forms. A screened-out form is no response (as online, participation.ts).
  if (!screenedOut) await countCompletion(tx, input.roundId, input.stratumId, 'paper', input.day ?? todayInAmsterdam())
  if (input.participantId === undefined) return
  // An online questionnaire started but never sent: the paper form is this person's
  // answer, and a second, unfinished one would count them twice among partials.
  await endAnswersInProgress(tx, { kind: 'answeredOnPaper', participantId: input.participantId })
  await tx
    .updateTable('participants')
    .set({ status: 'completed', completed_mode: 'paper' })
    .where('id', '=', input.participantId)
    .execute()
}

/** The language to store: the participant's, when the questionnaire has it (the printed form was in it). */
export function paperLanguage(definition: QuestionnaireDefinition, participantLanguage: string | undefined): string {
  return participantLanguage && definition.languages.includes(participantLanguage) ? participantLanguage : 'nl'
}
