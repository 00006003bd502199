/** Rounds and participants for tests, on the shipped default questionnaire unless told otherwise. */
import { fileURLToPath } from 'node:url'
import type { LoginCode } from '#src/codes/login-code.ts'
import { generateLoginCode } from '#src/codes/login-code.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { RoundStatus } from '#src/server/db/schema.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import {
  installShippedQuestionnaires,
  DEFAULT_QUESTIONNAIRE,
} from '#src/server/services/rounds/questionnaire-library.ts'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'

/** The synthetic client files (test/fixtures/README.md): clients-small.csv, clients-bad.csv, clients-hengelo-haaksbergen-borne.csv. */
export const CLIENT_FILES = fileURLToPath(new URL('../fixtures', import.meta.url))

export function daysFromToday(days: number): string {
  const d = new Date(`${todayInAmsterdam()}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export interface RoundFixture {
  roundId: number
  strata: Array<{ id: number; code: string; name: string }>
  participants: Array<{ id: number; code: LoginCode; stratumId: number }>
}

export async function createRound(
  db: DB,
  options: {
    status?: RoundStatus
    opensOn?: string
    closesOn?: string
    participantsPerStratum?: number
    strata?: Array<{ code: string; name: string }>
    definition?: QuestionnaireDefinition
    /**
     * The round's k (release-responses.ts). Default 1: each completed response reaches
     * `responses` right after its own commit, so tests of other things can read it there;
     * tests of the waiting set a larger k.
     */
    releaseBatchSize?: number
  } = {},
): Promise<RoundFixture> {
  let questionnaireId: number
  if (options.definition) {
    const row = await db
      .insertInto('questionnaires')
      .values({
        key: options.definition.id,
        version: options.definition.version,
        title: options.definition.title.nl,
        definition: JSON.stringify(options.definition),
      })
      .onConflict((oc) =>
        oc.columns(['key', 'version']).doUpdateSet({ definition: JSON.stringify(options.definition) }),
      )
      .returning('id')
      .executeTakeFirstOrThrow()
    questionnaireId = row.id
  } else {
    questionnaireId = (await installShippedQuestionnaires(db)).get(DEFAULT_QUESTIONNAIRE)!
  }
  const round = await db
    .insertInto('rounds')
    .values({
      name: 'Testronde',
      questionnaire_id: questionnaireId,
      status: options.status ?? 'open',
      opens_on: options.opensOn ?? daysFromToday(-1),
      closes_on: options.closesOn ?? daysFromToday(27),
      release_batch_size: options.releaseBatchSize ?? 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const strata = await db
    .insertInto('strata')
    .values(
      (
        options.strata ?? [
          { code: 'hengelo', name: 'Hengelo' },
          { code: 'haaksbergen', name: 'Haaksbergen' },
          { code: 'borne', name: 'Borne' },
        ]
      ).map((s) => ({ round_id: round.id, ...s })),
    )
    .returning(['id', 'code', 'name'])
    .execute()
  const participants: RoundFixture['participants'] = []
  let n = 0
  for (const stratum of strata) {
    for (let i = 0; i < (options.participantsPerStratum ?? 2); i++) {
      const code = generateLoginCode()
      n++
      const row = await db
        .insertInto('participants')
        .values({
          round_id: round.id,
          stratum_id: stratum.id,
          code,
          client_number: `T${round.id}-${n}`,
          initials: 'T.',
          last_name: `Test ${n}`,
          postcode: '7551 AA',
          city: stratum.name,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      participants.push({ id: row.id, code, stratumId: stratum.id })
    }
  }
  return { roundId: round.id, strata, participants }
}
