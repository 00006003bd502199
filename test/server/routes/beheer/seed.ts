/**
 * Rounds with many participants and responses for the staff console's tests, inserted
 * in bulk. Names, addresses, codes and client numbers follow a pattern the purge and
 * export tests search for afterwards.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { RoundStatus, Wave } from '#src/server/db/schema.ts'
import type { Answers } from '#src/questionnaire/definition.ts'
import { createRound } from '#test/helpers/fixtures.ts'

export interface StratumSeed {
  code: string
  name: string
  invited: number
  online: number
  paper: number
  /** Online responses started, not submitted (linked to their participant). */
  inProgress?: number
  /** Imported clients who were not drawn: no code. */
  notDrawn?: number
}

export interface SeededRound {
  roundId: number
  strata: Map<string, number>
}

/** The 2022 round of Hengelo, Haaksbergen and Borne (DESIGN.md). */
export const ROUND_2022: StratumSeed[] = [
  { code: 'hengelo', name: 'Hengelo', invited: 1700, online: 124, paper: 150, notDrawn: 12 },
  { code: 'haaksbergen', name: 'Haaksbergen', invited: 310, online: 29, paper: 25 },
  { code: 'borne', name: 'Borne', invited: 290, online: 25, paper: 36 },
]

/** The marker every piece of personal data in a seeded round carries. */
export const PERSONAL_MARK = 'Pers0nal'

export async function seedRound(
  db: DB,
  strata: StratumSeed[],
  options: {
    status?: RoundStatus
    opensOn?: string
    answers?: (index: number, stratum: string, mode: 'online' | 'paper') => Answers
    wave?: (index: number) => Wave | null
  } = {},
): Promise<SeededRound> {
  const round = await createRound(db, {
    status: options.status ?? 'open',
    ...(options.opensOn ? { opensOn: options.opensOn } : {}),
    participantsPerStratum: 0,
    strata: strata.map((s) => ({ code: s.code, name: s.name })),
  })
  const ids = new Map(round.strata.map((s) => [s.code, s.id]))
  const answersOf = options.answers ?? ((i) => ({ rapportcijfer_dienstverlening: 1 + (i % 10) }))
  const waveOf = options.wave ?? ((i) => (i % 3 === 0 ? 'after_reminder' : 'before_reminder'))
  let index = 0
  for (const s of strata) {
    const stratumId = ids.get(s.code)!
    const prefix = `${PERSONAL_MARK}R${round.roundId}S${stratumId}`
    const total = s.invited + (s.notDrawn ?? 0)
    await sql`
      insert into participants (round_id, stratum_id, code, client_number, initials, last_name, street, house_number, postcode, city, email)
      select ${round.roundId}, ${stratumId},
        case when g <= ${s.invited} then ${prefix} || 'C' || g end,
        ${prefix} || 'K' || g, 'X.', ${prefix} || 'Naam' || g, ${prefix} || 'straat', g::text, '7551 AA', ${s.name},
        lower(${prefix}) || g || '@example.nl'
      from generate_series(1, ${total}) g`.execute(db)
    const people = await db
      .selectFrom('participants')
      .select('id')
      .where('stratum_id', '=', stratumId)
      .where('code', 'is not', null)
      .orderBy('id')
      .execute()
    const online = people.slice(0, s.online).map((p) => p.id)
    const paper = people.slice(s.online, s.online + s.paper).map((p) => p.id)
    const started = people.slice(s.online + s.paper, s.online + s.paper + (s.inProgress ?? 0)).map((p) => p.id)
    if (online.length)
      await db
        .updateTable('participants')
        .set({ status: 'completed', completed_mode: 'online' })
        .where('id', 'in', online)
        .execute()
    if (paper.length)
      await db
        .updateTable('participants')
        .set({ status: 'completed', completed_mode: 'paper' })
        .where('id', 'in', paper)
        .execute()
    if (started.length)
      await db.updateTable('participants').set({ status: 'in_progress' }).where('id', 'in', started).execute()
    const rows = [...online.map(() => 'online' as const), ...paper.map(() => 'paper' as const)].map((mode) => {
      const i = index++
      return {
        round_id: round.roundId,
        stratum_id: stratumId,
        mode,
        status: 'complete' as const,
        answers: JSON.stringify(answersOf(i, s.code, mode)),
        wave: waveOf(i),
      }
    })
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('responses')
        .values(rows.slice(i, i + 500))
        .execute()
    for (const participantId of started) {
      await db
        .insertInto('answers_in_progress')
        .values({ participant_id: participantId, answers: JSON.stringify({ rapportcijfer_dienstverlening: 3 }) })
        .execute()
    }
  }
  return { roundId: round.roundId, strata: ids }
}
