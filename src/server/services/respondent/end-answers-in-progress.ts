/**
 * The one place where answers in progress stop naming their participant. Answers are
 * linked to a participant only in `answers_in_progress`, while they are filled in online;
 * every path that ends them comes here:
 * - the respondent submits: the answers become a complete response;
 * - the round closes: every response still in progress becomes partial;
 * - a paper form of the same participant is stored: the unfinished online answers go, so
 *   the person is not counted twice (the paper form itself is held by paper-response.ts).
 * An ended response waits in `responses_waiting` (hold-response.ts) until it is released
 * into `responses` with others. Call inside the transaction that records the ending.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { Answers } from '#src/questionnaire/definition.ts'
import type { Wave } from '#src/server/db/schema.ts'
import { holdResponse } from '#src/server/services/responses/hold-response.ts'

export type Ending =
  | {
      kind: 'submitted'
      participant: { id: number; round_id: number; stratum_id: number }
      answers: Answers
      language: string
      wave: Wave
      /** A screen-out answer ended the questionnaire (the default: complete). */
      status?: 'complete' | 'screened_out'
    }
  | { kind: 'roundClosed'; roundId: number }
  | { kind: 'answeredOnPaper'; participantId: number }

/** Ends the matching answers in progress; returns how many responses were held. */
export async function endAnswersInProgress(tx: DB, ending: Ending): Promise<number> {
  switch (ending.kind) {
    case 'submitted': {
      const { participant, answers, language, wave, status = 'complete' } = ending
      await tx.deleteFrom('answers_in_progress').where('participant_id', '=', participant.id).execute()
      await holdResponse(tx, {
        roundId: participant.round_id,
        stratumId: participant.stratum_id,
        mode: 'online',
        status,
        answers,
        language,
        wave,
      })
      return 1
    }
    case 'roundClosed': {
      const { rows } = await sql<{ held: number }>`
        with ended as (
          delete from answers_in_progress a using participants p
          where p.id = a.participant_id and p.round_id = ${ending.roundId}
          returning p.round_id, p.stratum_id, a.answers, a.language
        ),
        held as (
          insert into responses_waiting (round_id, stratum_id, mode, status, answers, language, wave)
          select round_id, stratum_id, 'online', 'partial', answers, language, null from ended
          returning 1
        )
        select count(*)::int as held from held`.execute(tx)
      return rows[0]?.held ?? 0
    }
    case 'answeredOnPaper': {
      await tx.deleteFrom('answers_in_progress').where('participant_id', '=', ending.participantId).execute()
      return 0
    }
  }
}
