/**
 * What an irreversible step of a round will do, counted before it is done: the round page's
 * confirmation pages and the CLI's dry run (without --confirm) show these numbers, so
 * nobody opens, closes or purges a round without seeing how many people it touches.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { CalendarDate } from '#src/server/db/schema.ts'

export interface OpenEffects {
  /** People who can sign in once the round is open (they have a login code). */
  withCode: number
  opensOn: CalendarDate
  closesOn: CalendarDate
  /** Whether the sample is recorded; without it nobody has a code yet. */
  sampleDrawn: boolean
}

export interface CloseEffects {
  /** Questionnaires started but not sent: they become partial responses without the person. */
  inProgress: number
  /** People with a code who have not answered: they cannot answer any more. */
  notAnswered: number
}

export interface PurgeEffects {
  /** People whose name, address, e-mail address, client number and code are deleted. */
  participants: number
}

async function participantCounts(db: DB, roundId: number) {
  const row = await db
    .selectFrom('participants')
    .select([
      sql<number>`count(*)::int`.as('all'),
      sql<number>`(count(*) filter (where code is not null))::int`.as('withCode'),
      sql<number>`(count(*) filter (where code is not null and status <> 'completed'))::int`.as('notAnswered'),
    ])
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow()
  return { all: Number(row.all), withCode: Number(row.withCode), notAnswered: Number(row.notAnswered) }
}

export async function openEffects(db: DB, roundId: number): Promise<OpenEffects | undefined> {
  const round = await db
    .selectFrom('rounds')
    .select(['opens_on', 'closes_on'])
    .where('id', '=', roundId)
    .executeTakeFirst()
  if (!round) return undefined
  const sample = await db.selectFrom('samples').select('round_id').where('round_id', '=', roundId).executeTakeFirst()
  const counts = await participantCounts(db, roundId)
  return { withCode: counts.withCode, opensOn: round.opens_on, closesOn: round.closes_on, sampleDrawn: !!sample }
}

export async function closeEffects(db: DB, roundId: number): Promise<CloseEffects> {
  const inProgress = await db
    .selectFrom('answers_in_progress as a')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('p.round_id', '=', roundId)
    .executeTakeFirstOrThrow()
  const counts = await participantCounts(db, roundId)
  return { inProgress: Number(inProgress.n), notAnswered: counts.notAnswered }
}

export async function purgeEffects(db: DB, roundId: number): Promise<PurgeEffects> {
  return { participants: (await participantCounts(db, roundId)).all }
}
