/**
 * A round the size of a large fieldwork, inserted in bulk for the monitor and export
 * benchmarks: N participants (all drawn: fieldwork deletes who was not), R complete
 * responses with realistic KTO answers in three municipalities, online and on paper
 * (some paper forms without code), responses still in progress, the recorded sample,
 * the response curve in daily_counts and the mailings: every row the monitor reads.
 *
 * Set-based SQL (generate_series, unnest) so that 100,000 participants take seconds.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import { createRound, daysFromToday } from '#test/helpers/fixtures.ts'
import { mulberry32 } from '#src/statistics/mulberry32.ts'
import { respondentAnswers } from './kto-answers.ts'

export interface BigRound {
  roundId: number
  participants: number
  completeResponses: number
}

const STRATA = [
  { code: 'hengelo', name: 'Hengelo', share: 0.7 },
  { code: 'haaksbergen', name: 'Haaksbergen', share: 0.16 },
  { code: 'borne', name: 'Borne', share: 0.14 },
]

/** The round runs four weeks up to today; the reminder goes out after two. */
const ROUND_DAYS = 28
const REMINDER_DAY = 14
/** Distinct answer sets generated, then reused: routing and validation are not free. */
const DISTINCT_ANSWERS = 2_000
const CHUNK = 2_500

interface StratumPlan {
  id: number
  code: string
  participants: number
  online: number
  paperWithCode: number
  paperWithoutCode: number
  inProgress: number
}

function plan(strata: Array<{ id: number; code: string }>, participants: number, responses: number): StratumPlan[] {
  return STRATA.map((s, i) => {
    const id = strata.find((x) => x.code === s.code)!.id
    const last = i === STRATA.length - 1
    const share = (n: number) =>
      last ? n - STRATA.slice(0, -1).reduce((t, x) => t + Math.round(n * x.share), 0) : Math.round(n * s.share)
    const complete = share(responses)
    const online = Math.round(complete * 0.46)
    const paperWithoutCode = Math.round((complete - online) * 0.03)
    return {
      id,
      code: s.code,
      participants: share(participants),
      online,
      paperWithCode: complete - online - paperWithoutCode,
      paperWithoutCode,
      inProgress: Math.round(complete * 0.05),
    }
  })
}

/** Completed responses per day: a peak after the invitation, a smaller one after the reminder. */
function curve(total: number): number[] {
  const weights = Array.from(
    { length: ROUND_DAYS },
    (_, d) => (d < REMINDER_DAY ? 10 * Math.exp(-d / 3) : 6 * Math.exp(-(d - REMINDER_DAY) / 3)) + 0.3,
  )
  const sum = weights.reduce((a, b) => a + b, 0)
  const counts = weights.map((w) => Math.floor((total * w) / sum))
  counts[0]! += total - counts.reduce((a, b) => a + b, 0)
  return counts
}

export async function seedBigRound(
  db: DB,
  options: { participants: number; responses: number; name?: string },
): Promise<BigRound> {
  const round = await createRound(db, {
    participantsPerStratum: 0,
    opensOn: daysFromToday(-(ROUND_DAYS - 1)),
    closesOn: daysFromToday(7),
  })
  const roundId = round.roundId
  if (options.name) await db.updateTable('rounds').set({ name: options.name }).where('id', '=', roundId).execute()
  const strata = plan(round.strata, options.participants, options.responses)
  const definition = (
    await db
      .selectFrom('rounds')
      .innerJoin('questionnaires', 'questionnaires.id', 'rounds.questionnaire_id')
      .select('definition')
      .where('rounds.id', '=', roundId)
      .executeTakeFirstOrThrow()
  ).definition
  // Seeded: the same round every run.
  const random = mulberry32(roundId)

  for (const s of strata) {
    // Participant g of a stratum: the first ones completed online, then on paper, then
    // started; the rest have not answered (a few opted out or had their letter returned).
    const prefix = `B${roundId}S${s.id}`
    const [online, paper, started] = [s.online, s.online + s.paperWithCode, s.online + s.paperWithCode + s.inProgress]
    await sql`
      insert into participants (round_id, stratum_id, code, client_number, initials, name_prefix, last_name, street,
        house_number, postcode, city, email, language, status, completed_mode, opted_out, mail_returned)
      select ${roundId}, ${s.id}, ${prefix} || 'C' || g, ${prefix} || 'K' || g, chr(65 + g % 26) || '.',
        case when g % 7 = 0 then 'van der' end, 'Achternaam' || g, 'Dorpsstraat', (1 + g % 300)::text,
        (7500 + g % 90)::text || ' ' || chr(65 + g % 26) || chr(65 + (g / 26) % 26), ${s.code},
        case when g % 3 = 0 then 'klant' || g || '@example.nl' end,
        case when g % 20 = 0 then 'en' else 'nl' end,
        case when g <= ${paper} then 'completed' when g <= ${started} then 'in_progress' else 'pending' end,
        case when g <= ${online} then 'online' when g <= ${paper} then 'paper' end,
        g > ${started} and g % 97 = 0, g > ${started} and g % 53 = 0
      from generate_series(1, ${s.participants}) g`.execute(db)
  }
  await db
    .insertInto('samples')
    .values(
      strata.map((s) => ({
        round_id: roundId,
        stratum_id: s.id,
        method: 'random' as const,
        population: s.participants + 500,
        selected: s.participants,
        seed: 42,
        population_sha256: '0'.repeat(64),
      })),
    )
    .execute()

  // Complete responses: no link to anyone, answers from a pool of distinct respondents.
  const pool = new Map<string, string[]>()
  for (const s of strata)
    pool.set(
      s.code,
      Array.from({ length: Math.min(DISTINCT_ANSWERS, s.online + s.paperWithCode + s.paperWithoutCode) }, () =>
        JSON.stringify(respondentAnswers(definition, s.code, random)),
      ),
    )
  const rows: Array<[number, string, string, string, string, string | null]> = []
  for (const s of strata) {
    const answers = pool.get(s.code)!
    const modes = [
      ...Array(s.online).fill('online'),
      ...Array(s.paperWithCode + s.paperWithoutCode).fill('paper'),
    ] as Array<'online' | 'paper'>
    modes.forEach((mode, i) => {
      const coding =
        mode === 'paper'
          ? {
              noCode: i >= s.online + s.paperWithCode,
              marks: i % 40 === 0 ? { rapportcijfer_dienstverlening: 'multiple' } : {},
              invalid: {},
              outsideRouting: [],
            }
          : null
      rows.push([
        s.id,
        mode,
        answers[i % answers.length]!,
        i % 20 === 0 ? 'en' : 'nl',
        random() < 0.7 ? 'before_reminder' : 'after_reminder',
        coding && JSON.stringify(coding),
      ])
    })
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK)
    const column = <T>(k: number) => chunk.map((r) => r[k] as T)
    await sql`
      insert into responses (round_id, stratum_id, mode, status, answers, language, wave, paper_coding)
      select ${roundId}, s, m, 'complete', a::jsonb, l, w, p::jsonb
      from unnest(${column<number>(0)}::int[], ${column<string>(1)}::text[], ${column<string>(2)}::text[],
        ${column<string>(3)}::text[], ${column<string>(4)}::text[], ${column<string | null>(5)}::text[]) as t(s, m, a, l, w, p)`.execute(
      db,
    )
  }
  // Answers being filled in: linked to their participant until submitted.
  await sql`
    insert into answers_in_progress (participant_id, answers, language)
    select id, jsonb_build_object('rapportcijfer_dienstverlening', 1 + id % 10, 'intake_wanneer', 1 + id % 2), language
    from participants where round_id = ${roundId} and status = 'in_progress'`.execute(db)

  const today = daysFromToday(0)
  const days = Array.from({ length: ROUND_DAYS }, (_, d) => daysFromToday(d - (ROUND_DAYS - 1)))
  const counts = strata.flatMap((s) =>
    (['online', 'paper'] as const).flatMap((mode) => {
      const perDay = curve(mode === 'online' ? s.online : s.paperWithCode + s.paperWithoutCode)
      return days.map((day, d) => ({ round_id: roundId, stratum_id: s.id, mode, day, count: perDay[d]! }))
    }),
  )
  await db
    .insertInto('daily_counts')
    .values(counts.filter((c) => c.count > 0 && c.day <= today))
    .execute()

  const invited = strata.reduce((t, s) => t + s.participants, 0)
  const at = (day: string) => sql<Date>`(${day}::date + time '09:00') at time zone 'Europe/Amsterdam'`
  await db
    .insertInto('mailings')
    .values([
      { round_id: roundId, kind: 'invitation', channel: 'letter', recipient_count: invited, created_at: at(days[0]!) },
      {
        round_id: roundId,
        kind: 'invitation',
        channel: 'email',
        recipient_count: Math.round(invited / 3),
        created_at: at(days[0]!),
      },
      {
        round_id: roundId,
        kind: 'reminder',
        channel: 'letter',
        recipient_count: invited - Math.round(options.responses * 0.6),
        created_at: at(days[REMINDER_DAY]!),
      },
    ])
    .execute()
  // What autovacuum does soon after such a load: statistics for the planner, and the
  // visibility map that lets counts come from an index alone.
  await sql`vacuum analyze participants, responses, daily_counts, mailings, samples`.execute(db)
  return { roundId, participants: invited, completeResponses: rows.length }
}
