/**
 * The one place where answers in progress stop naming their participant. Answers are
 * linked to a participant only in `answers_in_progress`, while they are filled in online;
 * every path that ends them comes here:
 * - the respondent submits: the answers become a complete response;
 * - the round closes: every response still in progress becomes partial, or screened out
 *   when it holds a screen-out answer (the respondent chose it but never went on);
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
import { visibilityOf } from '#src/questionnaire/routing.ts'

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

/**
 * Ends the matching answers in progress; returns how many responses were held (when a
 * round closes: how many partial ones, those screened out not counted).
 */
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
      const screenedOut = await screenedOutInProgress(tx, ending.roundId)
      const { rows } = await sql<{ held: number }>`
        with ended as (
          delete from answers_in_progress a using participants p
          where p.id = a.participant_id and p.round_id = ${ending.roundId}
          returning p.round_id, p.stratum_id, a.participant_id, a.answers, a.language
        ),
        held as (
          insert into responses_waiting (round_id, stratum_id, mode, status, answers, language, wave)
          select round_id, stratum_id, 'online',
            case when participant_id = any(${screenedOut}::int[]) then 'screened_out' else 'partial' end,
            answers, language, null
          from ended
          returning status
        )
        select count(*) filter (where status = 'partial')::int as held from held`.execute(tx)
      return rows[0]?.held ?? 0
    }
    case 'answeredOnPaper': {
      await tx.deleteFrom('answers_in_progress').where('participant_id', '=', ending.participantId).execute()
      return 0
    }
  }
}

/**
 * The participants of a round whose answers in progress hold a screen-out answer: routing
 * decides that (questionnaire/routing.ts), so it is worked out here, not in SQL. Only
 * questionnaires with screen-out answers read the answers.
 */
async function screenedOutInProgress(tx: DB, roundId: number): Promise<number[]> {
  const round = await tx
    .selectFrom('rounds as r')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .select([
      'q.definition',
      sql<boolean>`jsonb_path_exists(q.definition, '$.sections[*].questions[*].screenOut')`.as('screens_out'),
    ])
    .where('r.id', '=', roundId)
    .executeTakeFirst()
  if (!round?.screens_out) return []
  const rows = await tx
    .selectFrom('answers_in_progress as a')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .innerJoin('strata as s', 's.id', 'p.stratum_id')
    .select(['a.participant_id', 'a.answers', 's.code'])
    .where('p.round_id', '=', roundId)
    .execute()
  return rows
    .filter((r) => visibilityOf(round.definition, r.answers, { stratum: r.code }).screenedOut !== undefined)
    .map((r) => r.participant_id)
}
