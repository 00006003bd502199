/**
 * A respondent's way through the online questionnaire, as database operations.
 *
 * Privacy (DESIGN.md): while in progress the answers are linked to the participant
 * (`answers_in_progress`) so they can be resumed; the submission ends that link and holds
 * the response without it (end-answers-in-progress.ts), a later transaction adds it to
 * `responses` with others (release-responses.ts), and the day is counted only in the
 * aggregate daily_counts.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import { queryTemplate } from '#src/server/db/query-template.ts'
import type { CalendarDate, Round, Participant, ResponseMode, Wave } from '#src/server/db/schema.ts'
import type { Answers, QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { LoginCode } from '#src/codes/login-code.ts'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'
import { releaseWaitingResponses } from '#src/server/services/responses/release-responses.ts'
import { endAnswersInProgress } from './end-answers-in-progress.ts'

export type RoundAvailability = 'open' | 'not_yet_open' | 'closed'

export function roundAvailability(
  round: Pick<Round, 'status' | 'opens_on' | 'closes_on'>,
  today = todayInAmsterdam(),
): RoundAvailability {
  if (round.status === 'closed' || round.status === 'purged') return 'closed'
  if (round.status === 'draft' || today < round.opens_on) return 'not_yet_open'
  if (today > round.closes_on) return 'closed'
  return 'open'
}

export interface ParticipantContext {
  participant: Pick<Participant, 'id' | 'round_id' | 'stratum_id' | 'status' | 'language'>
  round: Pick<Round, 'id' | 'name' | 'status' | 'opens_on' | 'closes_on'>
  stratumCode: string
  definition: QuestionnaireDefinition
  /** The answers saved so far (read in the same query, to spare a round trip per page). */
  answers: Answers
  /** What the context was read from, as row versions: a save can check that none has changed since. */
  versions: ContextVersions
}

/**
 * PostgreSQL's row version (xmin) of each row a context is read from: any update of the
 * row gives it a new one. `answers` is null while nothing is saved yet.
 */
export interface ContextVersions {
  participant: string
  round: string
  answers: string | null
}

/**
 * Remembers the language a respondent picked with the switch, for their next visit (and
 * the letters still to come). Only while answering: a completed participant is left alone.
 * Returns whether anything changed.
 */
export async function rememberLanguage(db: DB, participantId: number, language: string): Promise<boolean> {
  const result = await db
    .updateTable('participants')
    .set({ language })
    .where('id', '=', participantId)
    .where('status', '<>', 'completed')
    .where('language', '<>', language)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/**
 * The participant a login code belongs to, with the language their questionnaire starts
 * in: the one in the client file, when the questionnaire has it.
 */
export async function findParticipantByCode(
  db: DB,
  code: LoginCode,
): Promise<{ id: number; language: string | null } | undefined> {
  const row = await db
    .selectFrom('participants as p')
    .innerJoin('rounds as r', 'r.id', 'p.round_id')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .select([
      'p.id',
      'p.language',
      sql<boolean>`coalesce(q.definition->'languages' ? p.language, false)`.as('questionnaire_has_it'),
    ])
    .where('p.code', '=', code)
    .executeTakeFirst()
  return row && { id: row.id, language: row.questionnaire_has_it ? row.language : null }
}

/**
 * Definitions are read on every respondent request and are ~20 KB of JSON: reading and
 * parsing them each time was the slowest part of saving an answer. A questionnaire row
 * is not changed once used (a new version is a new row), but the cache key includes the
 * row's xmin, which PostgreSQL changes on any update, so an edited row is read afresh.
 * Per database handle, because test databases reuse the same ids.
 */
const definitionCache = new WeakMap<DB, Map<string, QuestionnaireDefinition>>()
const DEFINITION_CACHE_SIZE = 50

async function questionnaireDefinition(
  db: DB,
  questionnaireId: number,
  rowVersion: string,
): Promise<QuestionnaireDefinition> {
  let cache = definitionCache.get(db)
  if (!cache) definitionCache.set(db, (cache = new Map()))
  const key = `${questionnaireId}:${rowVersion}`
  const cached = cache.get(key)
  if (cached) return cached
  const row = await db
    .selectFrom('questionnaires')
    .select('definition')
    .where('id', '=', questionnaireId)
    .executeTakeFirstOrThrow()
  if (cache.size >= DEFINITION_CACHE_SIZE) cache.clear()
  cache.set(key, row.definition)
  return row.definition
}

// Every page of every respondent starts with this query.
const participantContextQuery = queryTemplate('participant_context', (db: DB, v: { participantId: number }) =>
  db
    .selectFrom('participants as p')
    .innerJoin('rounds as r', 'r.id', 'p.round_id')
    .innerJoin('strata as s', 's.id', 'p.stratum_id')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .leftJoin('answers_in_progress as progress', 'progress.participant_id', 'p.id')
    .select([
      'progress.answers',
      'p.id',
      'p.round_id',
      'p.stratum_id',
      'p.status',
      'p.language',
      'r.name as round_name',
      'r.status as round_status',
      'r.opens_on',
      'r.closes_on',
      's.code as stratum_code',
      'q.id as questionnaire_id',
      sql<string>`q.xmin::text`.as('questionnaire_row_version'),
      sql<string>`p.xmin::text`.as('participant_version'),
      sql<string>`r.xmin::text`.as('round_version'),
      sql<string | null>`progress.xmin::text`.as('answers_version'),
    ])
    .where('p.id', '=', v.participantId),
)

export async function loadParticipantContext(db: DB, participantId: number): Promise<ParticipantContext | undefined> {
  const [row] = (await db.executeQuery(participantContextQuery(db, { participantId }))).rows
  if (!row) return undefined
  return {
    participant: {
      id: row.id,
      round_id: row.round_id,
      stratum_id: row.stratum_id,
      status: row.status,
      language: row.language,
    },
    round: {
      id: row.round_id,
      name: row.round_name,
      status: row.round_status,
      opens_on: row.opens_on,
      closes_on: row.closes_on,
    },
    stratumCode: row.stratum_code,
    definition: await questionnaireDefinition(db, row.questionnaire_id, row.questionnaire_row_version),
    answers: row.answers ?? {},
    versions: { participant: row.participant_version, round: row.round_version, answers: row.answers_version },
  }
}

export class AlreadyCompletedError extends Error {
  constructor() {
    super('participant has already completed the questionnaire')
    this.name = 'AlreadyCompletedError'
  }
}

async function lockParticipant(db: DB, participantId: number) {
  const participant = await db
    .selectFrom('participants')
    .select(['id', 'round_id', 'stratum_id', 'status'])
    .where('id', '=', participantId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (participant.status === 'completed') throw new AlreadyCompletedError()
  return participant
}

// Every page move saves: built once, and prepared once per connection.
const saveProgressQuery = queryTemplate(
  'save_progress',
  (db: DB, v: { participantId: number; json: string; language: string }) =>
    db
      .with('participant', (qb) =>
        qb
          .selectFrom('participants as p')
          .select(['p.id', 'p.round_id', 'p.stratum_id', 'p.status'])
          .where('p.id', '=', v.participantId)
          .where('p.status', '<>', 'completed')
          // A closed round has unlinked its answers in progress (closeRound): none may be linked again.
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('rounds as r')
                .select('r.id')
                .whereRef('r.id', '=', 'p.round_id')
                .where('r.status', '=', 'open'),
            ),
          )
          .forNoKeyUpdate(),
      )
      // Only the first save writes the participant row; later saves only lock it.
      .with('started', (qb) =>
        qb
          .updateTable('participants')
          .set({ status: 'in_progress' })
          .where('id', 'in', (eb) => eb.selectFrom('participant').select('id').where('status', '=', 'pending')),
      )
      .insertInto('answers_in_progress')
      .columns(['participant_id', 'answers', 'language'])
      .expression((eb) =>
        eb
          .selectFrom('participant')
          .select(['id', sql`${v.json}::jsonb`.as('answers'), sql`${v.language}::text`.as('language')]),
      )
      .onConflict((oc) => oc.column('participant_id').doUpdateSet({ answers: v.json, language: v.language }))
      .returning(sql<string>`answers_in_progress.xmin::text`.as('version')),
)

/**
 * Stores the full set of answers so far (already validated and merged by the caller).
 * The first save is what marks the participant as started: opening a link does not.
 *
 * One statement, so one round trip on the busiest path of the app: it locks the
 * participant row (waiting for a submission under way, then seeing it completed), marks
 * a first save as started, and hands the row to the INSERT; all or nothing, like a transaction.
 * Throws AlreadyCompletedError, or RoundNotOpenError when the round is not open.
 */
export async function saveProgress(db: DB, participantId: number, answers: Answers, language: string): Promise<string> {
  const [saved] = (
    await db.executeQuery(saveProgressQuery(db, { participantId, json: JSON.stringify(answers), language }))
  ).rows
  if (!saved) {
    const participant = await db
      .selectFrom('participants')
      .select('status')
      .where('id', '=', participantId)
      .executeTakeFirst()
    if (!participant) throw new Error(`participant ${participantId} does not exist`)
    if (participant.status === 'completed') throw new AlreadyCompletedError()
    throw new RoundNotOpenError()
  }
  return saved.version
}

/** One respondent's page save from the versions its context was read from. */
export interface ConditionalSave {
  participantId: number
  versions: ContextVersions
  answers: Answers
  language: string
}

const saveProgressIfUnchangedQuery = queryTemplate(
  'save_progress_if_unchanged',
  (
    db: DB,
    v: {
      participantIds: number[]
      participantVersions: string[]
      roundVersions: string[]
      answersVersions: Array<string | null>
      answers: string[]
      languages: string[]
    },
  ) => ({
    // Kysely builds no update from a set of rows (unnest), so this one is written out.
    compile: () =>
      sql<{ participant_id: number; version: string }>`
      with save as (
        select * from unnest(
          ${v.participantIds}::int[], ${v.participantVersions}::text[], ${v.roundVersions}::text[],
          ${v.answersVersions}::text[], ${v.answers}::text[], ${v.languages}::text[]
        ) as save(participant_id, participant_version, round_version, answers_version, answers, language)
      )
      update answers_in_progress a
      set answers = save.answers::jsonb, language = save.language
      from save
      join participants p on p.id = save.participant_id
      join rounds r on r.id = p.round_id
      where a.participant_id = save.participant_id
        and p.xmin::text = save.participant_version
        and r.xmin::text = save.round_version
        and a.xmin::text = save.answers_version
      returning a.participant_id, a.xmin::text as version`.compile(db),
  }),
)

/**
 * Saves each respondent's answers only if the participant, its round and its saved
 * answers are still the rows `versions` was read from. Returns the answers' new version
 * per participant saved; one left out saved nothing, because something changed: another
 * device saved, the round was closed, a paper form or a submission completed the
 * participant. Lets a respondent's next page be saved in one round trip from what the
 * previous save left, instead of two; and several respondents' pages in one statement.
 *
 * It takes no lock on the participant (a lock is a write, about a tenth of the save's
 * work in the database). The participant and round versions are checked as the statement
 * starts; only the answers row is checked again, at its newest version, after waiting for
 * whoever is writing it. That is enough because of a rule every writer keeps, and any new
 * one must keep: whatever ends or discards answers in progress writes their row. A
 * submission locks it first, then deletes it, as do paper entry, closing the round and
 * removing a participant.
 * The saves are sent in participant order, so that two statements with the same
 * respondents (two devices on two app instances) normally write their rows in the same
 * order. PostgreSQL does not promise that order; should two statements deadlock, it
 * fails one of them, and SaveBatches then tries each of its saves alone.
 */
export async function saveProgressIfUnchanged(db: DB, saves: readonly ConditionalSave[]): Promise<Map<number, string>> {
  // A save without an answers version (a first save) finds no row to update: saveProgress inserts it.
  const ordered = [...saves].sort((a, b) => a.participantId - b.participantId)
  if (ordered.length === 0) return new Map()
  if (new Set(ordered.map((s) => s.participantId)).size !== ordered.length)
    throw new Error('a participant appears twice in one save')
  const query = saveProgressIfUnchangedQuery(db, {
    participantIds: ordered.map((s) => s.participantId),
    participantVersions: ordered.map((s) => s.versions.participant),
    roundVersions: ordered.map((s) => s.versions.round),
    answersVersions: ordered.map((s) => s.versions.answers),
    answers: ordered.map((s) => JSON.stringify(s.answers)),
    languages: ordered.map((s) => s.language),
  })
  const { rows } = await db.executeQuery(query)
  return new Map(rows.map((row) => [row.participant_id, row.version]))
}

/**
 * Before or after the day the round's first reminder was made, for something that came
 * in on `day` (a paper form on the day it was received).
 */
export async function waveOn(db: DB, roundId: number, day: CalendarDate): Promise<Wave> {
  const reminder = await db
    .selectFrom('mailings')
    .select('id')
    .where('round_id', '=', roundId)
    .where('kind', '=', 'reminder')
    .where(sql<boolean>`(created_at at time zone 'Europe/Amsterdam')::date <= ${day}::date`)
    .limit(1)
    .executeTakeFirst()
  return reminder ? 'after_reminder' : 'before_reminder'
}

/** Before or after the first reminder of the round: the only time a response carries. */
export async function currentWave(db: DB, roundId: number): Promise<Wave> {
  const reminder = await db
    .selectFrom('mailings')
    .select('id')
    .where('round_id', '=', roundId)
    .where('kind', '=', 'reminder')
    .limit(1)
    .executeTakeFirst()
  return reminder ? 'after_reminder' : 'before_reminder'
}

export async function countCompletion(
  db: DB,
  roundId: number,
  stratumId: number,
  mode: ResponseMode,
  day = todayInAmsterdam(),
): Promise<void> {
  await db
    .insertInto('daily_counts')
    .values({ round_id: roundId, stratum_id: stratumId, mode, day, count: 1 })
    .onConflict((oc) =>
      oc.columns(['round_id', 'stratum_id', 'mode', 'day']).doUpdateSet({ count: sql`daily_counts.count + 1` }),
    )
    .execute()
}

/** The round is not open (any more): nothing can be saved in it. */
export class RoundNotOpenError extends Error {
  constructor() {
    super('the round is not open')
    this.name = 'RoundNotOpenError'
  }
}

/** The answers were saved again (another tab or device) after they were read for the submission. */
export class StaleAnswersError extends Error {
  constructor() {
    super('the saved answers changed since they were read')
    this.name = 'StaleAnswersError'
  }
}

/**
 * Completes the online response. Exactly one submission wins, even when two sessions
 * submit at once: the participant row is locked and checked inside the transaction.
 * With `answersVersion` (the version `answers` were read from, null for none saved) it
 * throws StaleAnswersError, and changes nothing, when a save came in between.
 * The response waits without a link to the person, and is added to `responses` after the
 * commit, once enough wait (release-responses.ts).
 */
export async function submitOnline(
  db: DB,
  participantId: number,
  answers: Answers,
  language: string,
  options: { answersVersion?: string | null; screenedOut?: boolean } = {},
): Promise<void> {
  const roundId = await db.transaction().execute(async (tx) => {
    const participant = await lockParticipant(tx, participantId)
    // Locked: a page save waits for this submission and then finds the answers row gone
    // (a first save, with no row yet, waits on the participant row instead).
    const saved = await tx
      .selectFrom('answers_in_progress')
      .select(sql<string>`xmin::text`.as('version'))
      .where('participant_id', '=', participantId)
      .forUpdate()
      .executeTakeFirst()
    if (options.answersVersion !== undefined && (saved?.version ?? null) !== options.answersVersion)
      throw new StaleAnswersError()
    const wave = await currentWave(tx, participant.round_id)
    const status = options.screenedOut ? 'screened_out' : 'complete'
    await endAnswersInProgress(tx, { kind: 'submitted', participant, answers, language, wave, status })
    // Screened out or not, the participant is only "completed": reminders stop, and nothing
    // that names the person says which (that would be an answer about them).
    await tx
      .updateTable('participants')
      .set({ status: 'completed', completed_mode: 'online' })
      .where('id', '=', participantId)
      .execute()
    // The curve per day is of responses; someone screened out is none.
    if (!options.screenedOut) await countCompletion(tx, participant.round_id, participant.stratum_id, 'online')
    return participant.round_id
  })
  await releaseWaitingResponses(db, roundId)
}
