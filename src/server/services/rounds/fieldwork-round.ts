/** The round as the fieldwork screens and commands see it. */
import type { DB } from '#src/server/db/connect.ts'
import type { RoundStatus } from '#src/server/db/schema.ts'

export interface FieldworkRound {
  id: number
  name: string
  status: RoundStatus
  opensOn: string
  closesOn: string
  /** The questionnaire's languages, Dutch first. */
  languages: string[]
  strata: Array<{ id: number; code: string; name: string }>
}

export async function loadFieldworkRound(db: DB, roundId: number): Promise<FieldworkRound | undefined> {
  const round = await db
    .selectFrom('rounds')
    .innerJoin('questionnaires', 'questionnaires.id', 'rounds.questionnaire_id')
    .select([
      'rounds.id',
      'rounds.name',
      'rounds.status',
      'rounds.opens_on',
      'rounds.closes_on',
      'questionnaires.definition',
    ])
    .where('rounds.id', '=', roundId)
    .executeTakeFirst()
  if (!round) return undefined
  const strata = await db
    .selectFrom('strata')
    .select(['id', 'code', 'name'])
    .where('round_id', '=', roundId)
    .orderBy('id')
    .execute()
  return {
    id: round.id,
    name: round.name,
    status: round.status,
    opensOn: round.opens_on,
    closesOn: round.closes_on,
    languages: round.definition.languages,
    strata,
  }
}
