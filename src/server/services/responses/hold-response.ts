/**
 * Where every completed response starts: `responses_waiting`. The transaction that
 * completes a participant (a submission, a keyed paper form, a round closing) writes the
 * response here, so the two rows share that transaction's `xmin`; the response reaches
 * `responses` only in a later transaction, together with others (release-responses.ts).
 */
import type { DB } from '#src/server/db/connect.ts'
import type { PaperCoding, ResponseMode, ResponseStatus, Wave } from '#src/server/db/schema.ts'
import type { Answers } from '#src/questionnaire/definition.ts'

export interface EndedResponse {
  roundId: number
  stratumId: number
  mode: ResponseMode
  status: ResponseStatus
  answers: Answers
  language: string
  wave: Wave | null
  /** Paper forms only (paper-coding.ts). */
  paperCoding?: PaperCoding
}

/** Call inside the transaction that records the ending. */
export async function holdResponse(tx: DB, response: EndedResponse): Promise<void> {
  await tx
    .insertInto('responses_waiting')
    .values({
      round_id: response.roundId,
      stratum_id: response.stratumId,
      mode: response.mode,
      status: response.status,
      answers: JSON.stringify(response.answers),
      language: response.language,
      wave: response.wave,
      paper_coding: response.paperCoding ? JSON.stringify(response.paperCoding) : null,
    })
    .execute()
}
