/**
 * The response monitor: counts per stratum and in total, the curve of completed
 * responses per day, the mailings, and the response per mailing wave. Numbers only:
 * nothing here can say who answered.
 *
 * Fast on big rounds: the number written to comes from the recorded sample (or the
 * counts kept at purge), so only the responses are read by an aggregate query on their
 * (round_id, stratum_id, status, mode, wave) index; the rest are small tables.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { CalendarDate, ResponseMode, RoundStatus, Wave } from '#src/server/db/schema.ts'
import { confidenceLevel } from './confidence.ts'

/**
 * Who counts as written to (N in the confidence formula), for a participants row
 * aliased `p`: everyone who got a login code, i.e. was drawn in the sample.
 */
export const INVITED = sql<boolean>`p.code is not null`

export interface Figures {
  invited: number
  completedOnline: number
  completedPaper: number
  /**
   * Of completedPaper: forms without a (readable) code. They count in the response (they
   * come from people written to) but belong to no participant, so they are shown apart.
   */
  paperWithoutCode: number
  completed: number
  /** Started online, not submitted yet (the round is open). */
  inProgress: number
  /** Stopped before the end and kept when the round closed. */
  partial: number
  /**
   * Ended by a screen-out answer ("niet in doelgroep"), online and on paper: people
   * written to who turned out not to belong to the survey's target group. Neither a
   * response nor non-response, so counted apart.
   */
  screenedOutOnline: number
  screenedOutPaper: number
  screenedOut: number
  /**
   * completed / invited, 0–1, or null without invitations: the response as the KTO reports
   * give it (REPORTS.md: completed and returned in time / written to). The reports had no
   * screen-out questions and say nothing of them, so this rate keeps those screened out in
   * the denominator, as non-response; `responseRateInTarget` is the other reading.
   */
  responseRate: number | null
  /**
   * completed / (invited − screenedOut): the response among those written to who were not
   * found to be outside the target group (AAPOR's practice for known ineligibles). Null when
   * nobody is left. The monitor shows both and says which is which.
   */
  responseRateInTarget: number | null
  /** At a 5% margin (confidence.ts), 0–1, or null. */
  confidence: number | null
}

export interface StratumFigures extends Figures {
  stratumId: number
  name: string
}

export interface DayCount {
  day: CalendarDate
  online: number
  paper: number
}

export interface MailingMark {
  day: CalendarDate
  kind: 'invitation' | 'reminder'
  channel: 'letter' | 'email'
  recipients: number
}

export interface WaveCount {
  wave: Wave | 'unknown'
  online: number
  paper: number
}

export interface Monitor {
  status: RoundStatus
  /** The round's questionnaire has screen-out answers: the monitor shows "niet in doelgroep". */
  screensOut: boolean
  strata: StratumFigures[]
  total: Figures
  days: DayCount[]
  mailings: MailingMark[]
  waves: WaveCount[]
}

interface Counts {
  invited: number
  online: number
  paper: number
  paperWithoutCode: number
  inProgress: number
  partial: number
  screenedOutOnline: number
  screenedOutPaper: number
}

function figures(counts: Counts): Figures {
  const completed = counts.online + counts.paper
  const screenedOut = counts.screenedOutOnline + counts.screenedOutPaper
  const inTarget = counts.invited - screenedOut
  return {
    invited: counts.invited,
    completedOnline: counts.online,
    completedPaper: counts.paper,
    paperWithoutCode: counts.paperWithoutCode,
    completed,
    inProgress: counts.inProgress,
    partial: counts.partial,
    screenedOutOnline: counts.screenedOutOnline,
    screenedOutPaper: counts.screenedOutPaper,
    screenedOut,
    responseRate: counts.invited > 0 ? completed / counts.invited : null,
    responseRateInTarget: inTarget > 0 ? completed / inTarget : null,
    confidence: confidenceLevel(counts.invited, completed),
  }
}

/**
 * N per stratum of the round (as `written_to`), cheapest source first: the counts kept at
 * purge (the participants are gone then), the size of the confirmed sample (fieldwork
 * deletes who was not drawn, so that is everyone written to), and only without either a
 * count of the participants (on the partial index participants_invited_idx). With the
 * sample's population, for the weights (weights.ts).
 */
export function writtenToPerStratum(db: DB, roundId: number) {
  return db
    .selectFrom('strata as s')
    .leftJoin('stratum_counts as c', (join) =>
      join.onRef('c.stratum_id', '=', 's.id').onRef('c.round_id', '=', 's.round_id'),
    )
    .leftJoin('samples as sm', (join) =>
      join.onRef('sm.stratum_id', '=', 's.id').onRef('sm.round_id', '=', 's.round_id'),
    )
    .select([
      's.id',
      's.name',
      sql<number>`coalesce(c.invited, sm.selected,
        (select count(*) from participants p where p.round_id = s.round_id and p.stratum_id = s.id and ${INVITED}))`.as(
        'written_to',
      ),
      'sm.population',
    ])
    .where('s.round_id', '=', roundId)
    .orderBy('s.id')
}

/** A table of completed responses: those added, and those still waiting (release-responses.ts). */
type ResponseTable = 'responses' | 'responses_waiting'

/**
 * Grouped in the order of the index responses_counts_idx, so the counts come from the
 * index alone, already sorted (see migrations/2026-11-22-005-monitor-index.ts).
 */
function countsIn(db: DB, table: ResponseTable, roundId: number) {
  return db
    .selectFrom(table)
    .select(['stratum_id', 'status', 'mode', 'wave', sql<number>`count(*)`.as('n')])
    .where('round_id', '=', roundId)
    .groupBy(['stratum_id', 'status', 'mode', 'wave'])
}

function paperWithoutCodeIn(db: DB, table: ResponseTable, roundId: number) {
  return db
    .selectFrom(table)
    .select(['stratum_id', sql<number>`count(*)`.as('n')])
    .where('round_id', '=', roundId)
    .where('mode', '=', 'paper')
    .where('status', '=', 'complete')
    .where(sql<boolean>`(paper_coding->>'noCode')::boolean`)
    .groupBy('stratum_id')
}

export async function loadMonitor(db: DB, roundId: number): Promise<Monitor | undefined> {
  // The queries do not depend on each other: on a PostgreSQL server they run side by side
  // on pooled connections, so the page waits for the slowest, not for all in turn.
  const [round, invitedRows, responseRows, noCodeRows, inProgressRows, dayRows, mailingRows] = await Promise.all([
    db
      .selectFrom('rounds as r')
      .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
      .select([
        'r.status',
        sql<boolean>`jsonb_path_exists(q.definition, '$.sections[*].questions[*].screenOut')`.as('screens_out'),
      ])
      .where('r.id', '=', roundId)
      .executeTakeFirst(),
    writtenToPerStratum(db, roundId).execute(),
    // Responses still waiting to be added count as well: the monitor follows who
    // completed, not what can be analysed yet.
    countsIn(db, 'responses', roundId)
      .unionAll(countsIn(db, 'responses_waiting', roundId))
      .execute(),
    // Few rows (paper forms only): counted apart, so the query above stays on its index.
    paperWithoutCodeIn(db, 'responses', roundId)
      .unionAll(paperWithoutCodeIn(db, 'responses_waiting', roundId))
      .execute(),
    db
      .selectFrom('answers_in_progress as a')
      .innerJoin('participants as p', 'p.id', 'a.participant_id')
      .select(['p.stratum_id', sql<number>`count(*)`.as('n')])
      .where('p.round_id', '=', roundId)
      .groupBy('p.stratum_id')
      .execute(),
    db
      .selectFrom('daily_counts')
      .select(['day', 'mode', sql<number>`sum(count)`.as('n')])
      .where('round_id', '=', roundId)
      .groupBy(['day', 'mode'])
      .orderBy('day')
      .execute(),
    db
      .selectFrom('mailings')
      .select([
        sql<string>`to_char(created_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`.as('day'),
        'kind',
        'channel',
        sql<number>`sum(recipient_count)`.as('recipients'),
      ])
      .where('round_id', '=', roundId)
      .groupBy([sql`1`, 'kind', 'channel'])
      .orderBy(sql`1`)
      .orderBy('kind')
      .orderBy('channel')
      .execute(),
  ])
  if (!round) return undefined

  const perStratum = new Map(
    invitedRows.map((r) => [
      r.id,
      {
        invited: Number(r.written_to),
        online: 0,
        paper: 0,
        paperWithoutCode: 0,
        inProgress: 0,
        partial: 0,
        screenedOutOnline: 0,
        screenedOutPaper: 0,
      } satisfies Counts,
    ]),
  )
  const waves = new Map<WaveCount['wave'], WaveCount>()
  for (const row of responseRows) {
    const counts = perStratum.get(row.stratum_id)
    if (!counts) continue
    const n = Number(row.n)
    if (row.status === 'complete') {
      counts[row.mode] += n
      const wave = row.wave ?? 'unknown'
      const w = waves.get(wave) ?? { wave, online: 0, paper: 0 }
      w[row.mode] += n
      waves.set(wave, w)
    } else if (row.status === 'screened_out') {
      if (row.mode === 'online') counts.screenedOutOnline += n
      else counts.screenedOutPaper += n
    } else counts.partial += n
  }
  for (const row of inProgressRows) {
    const counts = perStratum.get(row.stratum_id)
    if (counts) counts.inProgress += Number(row.n)
  }
  for (const row of noCodeRows) {
    const counts = perStratum.get(row.stratum_id)
    if (counts) counts.paperWithoutCode += Number(row.n)
  }
  const strata = invitedRows.map((r) => ({ stratumId: r.id, name: r.name, ...figures(perStratum.get(r.id)!) }))
  const sum = (key: keyof Counts) => [...perStratum.values()].reduce((total, c) => total + c[key], 0)
  const total = figures({
    invited: sum('invited'),
    online: sum('online'),
    paper: sum('paper'),
    paperWithoutCode: sum('paperWithoutCode'),
    inProgress: sum('inProgress'),
    partial: sum('partial'),
    screenedOutOnline: sum('screenedOutOnline'),
    screenedOutPaper: sum('screenedOutPaper'),
  })

  const days = new Map<string, DayCount>()
  for (const row of dayRows) {
    const day = days.get(row.day) ?? { day: row.day, online: 0, paper: 0 }
    day[row.mode as ResponseMode] += Number(row.n)
    days.set(row.day, day)
  }

  const waveOrder: Array<WaveCount['wave']> = ['before_reminder', 'after_reminder', 'unknown']
  return {
    status: round.status,
    screensOut: round.screens_out || total.screenedOut > 0,
    strata,
    total,
    days: [...days.values()],
    mailings: mailingRows.map((m) => ({
      day: m.day,
      kind: m.kind,
      channel: m.channel,
      recipients: Number(m.recipients),
    })),
    waves: waveOrder.flatMap((w) => (waves.has(w) ? [waves.get(w)!] : [])),
  }
}
