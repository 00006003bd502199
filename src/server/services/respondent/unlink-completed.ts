/**
 * The one place where a response stops naming its participant. A response carries
 * `participant_id` only while it is being filled in online; the database refuses anything
 * else (check constraint `responses_link_only_in_progress`, migrations/2026-11-22-001).
 * Every path that ends a response comes here:
 * - the respondent submits: the response becomes complete, with the submitted answers;
 * - the round closes: every response still in progress becomes partial;
 * - a paper form of the same participant is stored: the unfinished online answers go, so
 *   the person is not counted twice (the paper form is stored unlinked, paper-response.ts).
 * Call inside the transaction that records the ending.
 */
import type { DB } from '#src/server/db/connect.ts'
import type { Answers } from '#src/questionnaire/definition.ts'
import type { Wave } from '#src/server/db/schema.ts'

export type Ending =
  | { kind: 'submitted'; participantId: number; answers: Answers; language: string; wave: Wave }
  | { kind: 'roundClosed'; roundId: number }
  | { kind: 'answeredOnPaper'; participantId: number }

/** Ends the matching responses in progress; returns how many there were. */
export async function unlinkCompleted(tx: DB, ending: Ending): Promise<number> {
  switch (ending.kind) {
    case 'submitted': {
      const { participantId, answers, language, wave } = ending
      const result = await tx
        .updateTable('responses')
        .set({ status: 'complete', participant_id: null, answers: JSON.stringify(answers), language, wave })
        .where('participant_id', '=', participantId)
        .executeTakeFirst()
      return Number(result.numUpdatedRows)
    }
    case 'roundClosed': {
      const result = await tx
        .updateTable('responses')
        .set({ status: 'partial', participant_id: null })
        .where('round_id', '=', ending.roundId)
        .where('status', '=', 'in_progress')
        .executeTakeFirst()
      return Number(result.numUpdatedRows)
    }
    case 'answeredOnPaper': {
      const result = await tx
        .deleteFrom('responses')
        .where('participant_id', '=', ending.participantId)
        .where('status', '=', 'in_progress')
        .executeTakeFirst()
      return Number(result.numDeletedRows)
    }
  }
}
