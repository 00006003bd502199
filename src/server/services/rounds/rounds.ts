/**
 * Survey rounds: setting one up, changing its settings, and its lifecycle
 * draft → open → closed → purged (purge.ts does the last step).
 *
 * - The questionnaire and the strata can change only while the round is a draft: once
 *   it opens, answers are given to exactly that questionnaire version.
 * - Closing keeps answers in progress as partial responses and removes their link to
 *   the person (DESIGN.md: the link exists only so a respondent can resume).
 */
import { sql } from 'kysely'
import type { KeyUnder } from '#src/i18n/translate.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { CalendarDate, Round, RoundStatus } from '#src/server/db/schema.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { INVITED } from '#src/server/services/reporting/monitor.ts'
import { isCalendarDate } from '#src/server/services/calendar.ts'
import { endAnswersInProgress } from '#src/server/services/respondent/end-answers-in-progress.ts'
import { releaseWaitingResponses } from '#src/server/services/responses/release-responses.ts'
import { strataOf } from './strata.ts'

export const MIN_GROUP_SIZE_DEFAULT = 5
/** The reliability verdicts' thresholds when a round sets none (confidence.ts). */
export const VERY_RELIABLE_PERCENT_DEFAULT = 95
export const RELIABLE_PERCENT_DEFAULT = 90
/** Below 3, a "group" result is as good as one person's answer. */
export const MIN_GROUP_SIZE_FLOOR = 3
export const MAX_STRATA = 100
/** How many completed responses wait before they are added together (release-responses.ts). */
export const RELEASE_BATCH_SIZE_DEFAULT = 10
/** Fewer, and a batch points at too few people; the database allows 1 only for tests. */
export const RELEASE_BATCH_SIZE_FLOOR = 5
export const RELEASE_BATCH_SIZE_CEILING = 1000

export interface RoundInput {
  name: string
  questionnaireId: number
  /** Municipality names, in the order staff typed them. */
  strata: string[]
  opensOn: CalendarDate
  closesOn: CalendarDate
  reminderOn: CalendarDate | null
  retentionUntil: CalendarDate
  doubleKeying: boolean
  minGroupSize: number
  releaseBatchSize: number
  countOutsideRouting: boolean
  /** The lowest confidence level, in whole percent, for "zeer betrouwbaar" and for "betrouwbaar". */
  veryReliablePercent: number
  reliablePercent: number
}

/** A field and the UI text (under management.rounds.errors) that says what is wrong with it. */
export interface FieldError {
  field: keyof RoundInput
  key: KeyUnder<'management.rounds.errors'>
  params?: Record<string, string | number>
}

export type RoundForm = Record<string, string | string[] | undefined>

function text(form: RoundForm, name: string): string {
  const value = form[name]
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim()
}

/** "Hengelo" → "hengelo", "'s-Hertogenbosch" → "s-hertogenbosch": the code questionnaire routing uses. */
export function stratumCode(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
}

/** Reads and checks the round form; every problem is reported with its field. */
export function parseRoundForm(
  form: RoundForm,
  questionnaireIds: readonly number[],
): { ok: true; input: RoundInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const name = text(form, 'name')
  if (name === '') errors.push({ field: 'name', key: 'nameRequired' })
  else if (name.length > 200) errors.push({ field: 'name', key: 'nameTooLong' })

  const questionnaireId = Number(text(form, 'questionnaireId'))
  if (!questionnaireIds.includes(questionnaireId)) errors.push({ field: 'questionnaireId', key: 'questionnaire' })

  const strata = text(form, 'strata')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const seen = new Map<string, string>()
  strata.forEach((stratum, i) => {
    const code = stratumCode(stratum)
    if (stratum.length > 100 || code === '')
      errors.push({ field: 'strata', key: 'stratumName', params: { line: i + 1, name: stratum.slice(0, 100) } })
    else if (seen.has(code))
      errors.push({ field: 'strata', key: 'stratumDuplicate', params: { line: i + 1, name: stratum } })
    seen.set(code, stratum)
  })
  if (strata.length === 0) errors.push({ field: 'strata', key: 'strataRequired' })
  if (strata.length > MAX_STRATA) errors.push({ field: 'strata', key: 'strataTooMany', params: { max: MAX_STRATA } })

  const date = (field: 'opensOn' | 'closesOn' | 'reminderOn' | 'retentionUntil', required: boolean): string | null => {
    const value = text(form, field)
    if (value === '') {
      if (required) errors.push({ field, key: 'dateRequired' })
      return null
    }
    if (!isCalendarDate(value)) {
      errors.push({ field, key: 'dateFormat' })
      return null
    }
    return value
  }
  const opensOn = date('opensOn', true)
  const closesOn = date('closesOn', true)
  const reminderOn = date('reminderOn', false)
  const retentionUntil = date('retentionUntil', true)
  if (opensOn && closesOn && closesOn < opensOn) errors.push({ field: 'closesOn', key: 'closesBeforeOpens' })
  if (reminderOn && opensOn && closesOn && (reminderOn < opensOn || reminderOn > closesOn)) {
    errors.push({ field: 'reminderOn', key: 'reminderOutside' })
  }
  if (retentionUntil && closesOn && retentionUntil < closesOn)
    errors.push({ field: 'retentionUntil', key: 'retentionBeforeClose' })

  const groupText = text(form, 'minGroupSize')
  const minGroupSize = groupText === '' ? MIN_GROUP_SIZE_DEFAULT : Number(groupText)
  if (!Number.isInteger(minGroupSize) || minGroupSize < MIN_GROUP_SIZE_FLOOR || minGroupSize > 100) {
    errors.push({ field: 'minGroupSize', key: 'minGroupSize', params: { min: MIN_GROUP_SIZE_FLOOR } })
  }

  const batchText = text(form, 'releaseBatchSize')
  const releaseBatchSize = batchText === '' ? RELEASE_BATCH_SIZE_DEFAULT : Number(batchText)
  if (
    !Number.isInteger(releaseBatchSize) ||
    releaseBatchSize < RELEASE_BATCH_SIZE_FLOOR ||
    releaseBatchSize > RELEASE_BATCH_SIZE_CEILING
  ) {
    errors.push({
      field: 'releaseBatchSize',
      key: 'releaseBatchSize',
      params: { min: RELEASE_BATCH_SIZE_FLOOR, max: RELEASE_BATCH_SIZE_CEILING },
    })
  }

  const percent = (field: 'veryReliablePercent' | 'reliablePercent', fallback: number): number => {
    const value = text(form, field)
    return value === '' ? fallback : Number(value)
  }
  const veryReliablePercent = percent('veryReliablePercent', VERY_RELIABLE_PERCENT_DEFAULT)
  const reliablePercent = percent('reliablePercent', RELIABLE_PERCENT_DEFAULT)
  if (!Number.isInteger(reliablePercent) || reliablePercent < 50 || reliablePercent > 99)
    errors.push({ field: 'reliablePercent', key: 'reliablePercent' })
  else if (
    !Number.isInteger(veryReliablePercent) ||
    veryReliablePercent <= reliablePercent ||
    veryReliablePercent > 100
  )
    errors.push({ field: 'veryReliablePercent', key: 'veryReliablePercent', params: { min: reliablePercent + 1 } })

  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    input: {
      name,
      questionnaireId,
      strata,
      opensOn: opensOn!,
      closesOn: closesOn!,
      reminderOn,
      retentionUntil: retentionUntil!,
      doubleKeying: text(form, 'doubleKeying') !== '',
      countOutsideRouting: text(form, 'countOutsideRouting') !== '',
      minGroupSize,
      releaseBatchSize,
      veryReliablePercent,
      reliablePercent,
    },
  }
}

export interface QuestionnaireChoice {
  id: number
  key: string
  version: number
  title: string
}

export async function listQuestionnaires(db: DB): Promise<QuestionnaireChoice[]> {
  return db
    .selectFrom('questionnaires')
    .select(['id', 'key', 'version', 'title'])
    .orderBy('key')
    .orderBy('version', 'desc')
    .execute()
}

export interface RoundSummary {
  id: number
  name: string
  status: RoundStatus
  opensOn: CalendarDate
  closesOn: CalendarDate
  questionnaireTitle: string
  invited: number
  completed: number
}

/** Every round with its two headline figures, newest first. Two aggregate look-ups per round, on indexes. */
export async function listRounds(db: DB): Promise<RoundSummary[]> {
  const rows = await db
    .selectFrom('rounds as r')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .select([
      'r.id',
      'r.name',
      'r.status',
      'r.opens_on',
      'r.closes_on',
      'q.title',
      sql<number>`(select count(*) from participants p where p.round_id = r.id and ${INVITED})
        + coalesce((select sum(sc.invited) from stratum_counts sc where sc.round_id = r.id), 0)`.as('invited'),
      sql<number>`(select count(*) from responses s where s.round_id = r.id and s.status = 'complete')
        + (select count(*) from responses_waiting w where w.round_id = r.id and w.status = 'complete')`.as('completed'),
    ])
    .orderBy('r.opens_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    questionnaireTitle: r.title,
    invited: Number(r.invited),
    completed: Number(r.completed),
  }))
}

export interface RoundDetails {
  round: Round
  questionnaire: QuestionnaireChoice & { definition: QuestionnaireDefinition }
  strata: Array<{ id: number; code: string; name: string; participants: number }>
}

export async function loadRound(db: DB, roundId: number): Promise<RoundDetails | undefined> {
  const round = await db.selectFrom('rounds').selectAll().where('id', '=', roundId).executeTakeFirst()
  if (!round) return undefined
  const questionnaire = await db
    .selectFrom('questionnaires')
    .select(['id', 'key', 'version', 'title', 'definition'])
    .where('id', '=', round.questionnaire_id)
    .executeTakeFirstOrThrow()
  const strata = await db
    .selectFrom('strata as s')
    .select([
      's.id',
      's.code',
      's.name',
      sql<number>`(select count(*) from participants p where p.stratum_id = s.id)`.as('participants'),
    ])
    .where('s.round_id', '=', roundId)
    .orderBy('s.id')
    .execute()
  return { round, questionnaire, strata: strata.map((s) => ({ ...s, participants: Number(s.participants) })) }
}

/** The round's values as the settings form shows them. */
export function roundFormValues(details: RoundDetails): Record<string, string | boolean> {
  const { round } = details
  return {
    name: round.name,
    questionnaireId: String(round.questionnaire_id),
    strata: details.strata.map((s) => s.name).join('\n'),
    opensOn: round.opens_on,
    closesOn: round.closes_on,
    reminderOn: round.reminder_on ?? '',
    retentionUntil: round.retention_until ?? '',
    doubleKeying: round.double_keying,
    countOutsideRouting: round.count_outside_routing,
    minGroupSize: String(round.min_group_size),
    releaseBatchSize: String(round.release_batch_size),
    veryReliablePercent: String(round.very_reliable_percent),
    reliablePercent: String(round.reliable_percent),
  }
}

/** The `rounds` columns a round form sets. */
function roundColumns(input: RoundInput) {
  return {
    name: input.name,
    questionnaire_id: input.questionnaireId,
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    reminder_on: input.reminderOn,
    retention_until: input.retentionUntil,
    double_keying: input.doubleKeying,
    count_outside_routing: input.countOutsideRouting,
    min_group_size: input.minGroupSize,
    release_batch_size: input.releaseBatchSize,
    very_reliable_percent: input.veryReliablePercent,
    reliable_percent: input.reliablePercent,
  }
}

export async function createRound(db: DB, actor: AuditActor, input: RoundInput): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const round = await tx
      .insertInto('rounds')
      .values({
        ...roundColumns(input),
        status: 'draft',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx
      .insertInto('strata')
      .values(input.strata.map((name) => ({ round_id: round.id, code: stratumCode(name), name })))
      .execute()
    await audit(
      tx,
      actor,
      'round.create',
      { name: input.name, questionnaireId: input.questionnaireId, strata: input.strata.length },
      round.id,
    )
    return round.id
  })
}

export type UpdateResult = { ok: true; changed: string[] } | { ok: false; errors: FieldError[] }

/**
 * Saves the settings form. A draft may change everything; an open or closed round keeps
 * its questionnaire and strata; a purged round changes no more.
 */
export async function updateRound(
  db: DB,
  actor: AuditActor,
  roundId: number,
  input: RoundInput,
): Promise<UpdateResult> {
  return db.transaction().execute(async (tx): Promise<UpdateResult> => {
    const round = await tx
      .selectFrom('rounds')
      .selectAll()
      .where('id', '=', roundId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    if (round.status === 'purged') return { ok: false, errors: [{ field: 'name', key: 'purged' }] }
    const strata = await strataOf(tx, roundId)
    const changed: string[] = []
    const errors: FieldError[] = []

    if (input.questionnaireId !== round.questionnaire_id) {
      if (round.status !== 'draft') errors.push({ field: 'questionnaireId', key: 'questionnaireFrozen' })
      else changed.push('questionnaire')
    }
    const wanted = new Map(input.strata.map((name) => [stratumCode(name), name]))
    const removed = strata.filter((s) => !wanted.has(s.code))
    const added = [...wanted].filter(([code]) => !strata.some((s) => s.code === code))
    const renamed = strata.filter((s) => wanted.has(s.code) && wanted.get(s.code) !== s.name)
    if (removed.length + added.length > 0) {
      if (round.status !== 'draft') errors.push({ field: 'strata', key: 'strataFrozen' })
      else {
        for (const stratum of removed) {
          const inUse = await tx
            .selectFrom('participants')
            .select('id')
            .where('stratum_id', '=', stratum.id)
            .limit(1)
            .executeTakeFirst()
          if (inUse) errors.push({ field: 'strata', key: 'stratumInUse', params: { name: stratum.name } })
        }
      }
    }
    if (errors.length > 0) return { ok: false, errors }

    if (removed.length > 0)
      await tx
        .deleteFrom('strata')
        .where(
          'id',
          'in',
          removed.map((s) => s.id),
        )
        .execute()
    if (added.length > 0)
      await tx
        .insertInto('strata')
        .values(added.map(([code, name]) => ({ round_id: roundId, code, name })))
        .execute()
    for (const stratum of renamed)
      await tx
        .updateTable('strata')
        .set({ name: wanted.get(stratum.code)! })
        .where('id', '=', stratum.id)
        .execute()
    if (removed.length + added.length + renamed.length > 0) changed.push('strata')

    const columns = roundColumns(input)
    for (const [column, after] of Object.entries(columns)) {
      if (column !== 'questionnaire_id' && round[column as keyof typeof columns] !== after) changed.push(column)
    }

    if (changed.length > 0) {
      await tx.updateTable('rounds').set(columns).where('id', '=', roundId).execute()
      await audit(tx, actor, 'round.update', { changed }, roundId)
    }
    return { ok: true, changed }
  })
}

export type StatusProblem = 'notDraft' | 'notOpen'

/** draft → open: from now on the questionnaire is frozen. */
export async function openRound(
  db: DB,
  actor: AuditActor,
  roundId: number,
): Promise<{ ok: true } | { ok: false; problem: StatusProblem }> {
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('rounds')
      .set({ status: 'open' })
      .where('id', '=', roundId)
      .where('status', '=', 'draft')
      .executeTakeFirst()
    if (updated.numUpdatedRows === 0n) return { ok: false as const, problem: 'notDraft' as const }
    await audit(tx, actor, 'round.open', {}, roundId)
    return { ok: true as const }
  })
}

/**
 * open → closed. Answers in progress become partial responses without a link to the
 * person, in the same transaction, so no respondent can continue a response after it.
 * Then every waiting response is added to `responses`, however few wait.
 */
export async function closeRound(
  db: DB,
  actor: AuditActor,
  roundId: number,
): Promise<{ ok: true; partial: number } | { ok: false; problem: StatusProblem }> {
  const closed = await db.transaction().execute(async (tx) => {
    // Answer saves wait the few milliseconds this takes, and then find the round closed:
    // without it, a save that read the round as open could link answers again after the unlinking below.
    await sql`lock table answers_in_progress in share row exclusive mode`.execute(tx)
    const updated = await tx
      .updateTable('rounds')
      .set({ status: 'closed' })
      .where('id', '=', roundId)
      .where('status', '=', 'open')
      .executeTakeFirst()
    if (updated.numUpdatedRows === 0n) return { ok: false as const, problem: 'notOpen' as const }
    const partial = await endAnswersInProgress(tx, { kind: 'roundClosed', roundId })
    await audit(tx, actor, 'round.close', { partialResponses: partial }, roundId)
    return { ok: true as const, partial }
  })
  if (closed.ok) await releaseWaitingResponses(db, roundId)
  return closed
}
