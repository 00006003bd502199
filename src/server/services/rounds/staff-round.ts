/**
 * The round as every round page of the staff console (/beheer/rondes/:roundId/...) and
 * the fieldwork commands see it: loaded once per request by
 * routes/beheer/rondes/_roundId/autohooks.ts.
 */
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { RoundStatus } from '#src/server/db/schema.ts'
import type { RoundStratum } from './strata.ts'
import { strataOf } from './strata.ts'

export interface StaffRound {
  id: number
  name: string
  status: RoundStatus
  opensOn: string
  closesOn: string
  doubleKeying: boolean
  /** The questionnaire the round asks. */
  definition: QuestionnaireDefinition
  /** The questionnaire's languages, Dutch first. */
  languages: string[]
  strata: RoundStratum[]
}

export async function loadStaffRound(db: DB, roundId: number): Promise<StaffRound | undefined> {
  const round = await db
    .selectFrom('rounds')
    .innerJoin('questionnaires', 'questionnaires.id', 'rounds.questionnaire_id')
    .select([
      'rounds.id',
      'rounds.name',
      'rounds.status',
      'rounds.opens_on',
      'rounds.closes_on',
      'rounds.double_keying',
      'questionnaires.definition',
    ])
    .where('rounds.id', '=', roundId)
    .executeTakeFirst()
  if (!round) return undefined
  const strata = await strataOf(db, roundId)
  return {
    id: round.id,
    name: round.name,
    status: round.status,
    opensOn: round.opens_on,
    closesOn: round.closes_on,
    doubleKeying: round.double_keying,
    definition: round.definition,
    languages: round.definition.languages,
    strata,
  }
}
