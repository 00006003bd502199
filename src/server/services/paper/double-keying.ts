/**
 * Double keying (rounds.double_keying): every paper form is keyed by two different
 * typists, blind to each other. Equal keyings become a response at once; differences
 * wait for a reviewer, who looks at the paper and decides field by field. Only then
 * does the response count and is the participant marked completed.
 *
 * A form without code has no code to pair its keyings by: its first keying gets a
 * form number (G12) that the typist writes on the paper and the second typist types.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { Wave } from '#src/server/db/schema.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import type { CalendarDate, KeyedFields } from '#src/server/db/schema.ts'
import type { KeyingComparison } from './paper-form.ts'
import { compareKeyings, keyingFields, normalizeKeyed } from './paper-form.ts'
import { lockParticipantForPaper, storePaperResponse } from './paper-response.ts'
import { releaseWaitingResponses } from '#src/server/services/responses/release-responses.ts'
import { addKeyingStats } from './paper-stats.ts'
import { storeDuplicate } from './paper-duplicates.ts'

/** How a form without code is named on paper and typed by the second typist. */
export function formNumberLabel(formNumber: number): string {
  return `G${formNumber}`
}

/** "G12", "g-12", "G 12" → 12. */
export function parseFormNumber(input: string): number | undefined {
  const match = /^\s*g[\s-]?(\d{1,9})\s*$/i.exec(input)
  return match ? Number(match[1]) : undefined
}

/** Which keyings belong together: the same code, or the same form number. */
type PairKey = { participantId: number } | { formNumber: number }

function keyingsOf(tx: DB, key: PairKey) {
  const query = tx.selectFrom('paper_keyings').selectAll()
  return 'participantId' in key
    ? query.where('participant_id', '=', key.participantId)
    : query.where('form_number', '=', key.formNumber)
}

export interface KeyingInput {
  roundId: number
  stratumId: number
  stratumCode: string
  definition: QuestionnaireDefinition
  typistId: number
  fields: KeyedFields
  language: string
  wave: Wave
  /** The day the form was received (the typist's batch date), or today. */
  day: CalendarDate
  key: PairKey | { newFormWithoutCode: true }
}

export type KeyingOutcome =
  | { kind: 'firstKeying'; formNumber?: number }
  | { kind: 'secondKeyingMatch' }
  | { kind: 'secondKeyingDiffers'; differences: number }
  | { kind: 'alreadyKeyedByYou' }
  | { kind: 'alreadyKeyedTwice' }
  /** A form number whose two keyings were already reconciled. */
  | { kind: 'formNumberDone' }

/**
 * Records one keying. Call inside a transaction; for a form with code, holding the
 * participant's lock (the keyings of a form without code are locked here).
 */
export async function recordKeying(tx: DB, input: KeyingInput): Promise<KeyingOutcome> {
  const row = {
    round_id: input.roundId,
    stratum_id: input.stratumId,
    typist_id: input.typistId,
    fields: JSON.stringify(input.fields),
    language: input.language,
    wave: input.wave,
    keyed_on: input.day,
  }
  if ('newFormWithoutCode' in input.key) {
    const inserted = await tx
      .insertInto('paper_keyings')
      .values({ ...row, form_number: sql<number>`nextval('paper_form_number_seq')` })
      .returning('form_number')
      .executeTakeFirstOrThrow()
    return { kind: 'firstKeying', formNumber: inserted.form_number ?? undefined }
  }
  const key = input.key
  const existing = await keyingsOf(tx, key).orderBy('id').forUpdate().execute()
  if (existing.some((k) => k.typist_id === input.typistId)) return { kind: 'alreadyKeyedByYou' }
  if (existing.length >= 2) return { kind: 'alreadyKeyedTwice' }
  const link = 'participantId' in key ? { participant_id: key.participantId } : { form_number: key.formNumber }
  const first = existing[0]
  if (!first && 'formNumber' in key) return { kind: 'formNumberDone' }
  if (!first) {
    await tx
      .insertInto('paper_keyings')
      .values({ ...row, ...link })
      .execute()
    return { kind: 'firstKeying' }
  }
  const comparison = compareKeyings(input.definition, first.fields, input.fields)
  const stats = { fieldsCompared: comparison.compared, fieldsDiffering: comparison.differences.length }
  await addKeyingStats(tx, input.roundId, first.typist_id, stats)
  await addKeyingStats(tx, input.roundId, input.typistId, stats)
  if (comparison.differences.length > 0) {
    await tx
      .insertInto('paper_keyings')
      .values({ ...row, ...link, stratum_id: first.stratum_id })
      .execute()
    return { kind: 'secondKeyingDiffers', differences: comparison.differences.length }
  }
  await storePaperResponse(tx, {
    roundId: input.roundId,
    stratumId: first.stratum_id,
    stratumCode: input.stratumCode,
    definition: input.definition,
    fields: first.fields,
    language: first.language,
    wave: first.wave,
    day: first.keyed_on,
    ...('participantId' in key ? { participantId: key.participantId } : {}),
  })
  await tx.deleteFrom('paper_keyings').where('id', '=', first.id).execute()
  return { kind: 'secondKeyingMatch' }
}

/** The keyings of a code (or form number) so far, to tell a typist where the form stands. */
export async function keyingStatus(db: DB, key: PairKey, typistId: number): Promise<{ count: number; byYou: boolean }> {
  const rows = await keyingsOf(db, key).execute()
  return { count: rows.length, byYou: rows.some((r) => r.typist_id === typistId) }
}

export interface ReviewSummary {
  /** The id of the pair's first keying: the address of the review page. */
  keyingId: string
  /** The code as printed, or the form number (G12) of a form without code. */
  form: string
  stratumName: string
  typists: string[]
}

export async function awaitingReview(db: DB, roundId: number): Promise<ReviewSummary[]> {
  const rows = await db
    .selectFrom('paper_keyings as k')
    .innerJoin('strata as s', 's.id', 'k.stratum_id')
    .innerJoin('staff_users as u', 'u.id', 'k.typist_id')
    .leftJoin('participants as p', 'p.id', 'k.participant_id')
    .select(['k.id', 'k.participant_id', 'k.form_number', 'p.code', 's.name as stratum_name', 'u.display_name'])
    .where('k.round_id', '=', roundId)
    .orderBy('k.id')
    .execute()
  const pairs = new Map<string, typeof rows>()
  for (const r of rows) {
    const key = r.participant_id !== null ? `p${r.participant_id}` : `f${r.form_number}`
    pairs.set(key, [...(pairs.get(key) ?? []), r])
  }
  return [...pairs.values()]
    .filter((pair) => pair.length >= 2)
    .map((pair) => ({
      keyingId: pair[0]!.id,
      form: pair[0]!.code ? formatLoginCode(pair[0]!.code) : formNumberLabel(pair[0]!.form_number ?? 0),
      stratumName: pair[0]!.stratum_name,
      typists: pair.map((k) => k.display_name),
    }))
    .sort((a, b) => a.form.localeCompare(b.form))
}

export interface KeyingPair {
  form: string
  stratumName: string
  stratumCode: string
  participantId: number | null
  keyings: Array<{ id: string; typistId: number; typistName: string; fields: KeyedFields }>
  comparison: KeyingComparison
}

async function pairKeyOf(db: DB, roundId: number, keyingId: string): Promise<PairKey | undefined> {
  const keying = await db
    .selectFrom('paper_keyings')
    .select(['participant_id', 'form_number'])
    .where('id', '=', keyingId)
    .where('round_id', '=', roundId)
    .executeTakeFirst()
  if (!keying) return undefined
  return keying.participant_id !== null ? { participantId: keying.participant_id } : { formNumber: keying.form_number! }
}

async function readPair(
  db: DB,
  key: PairKey,
  definition: QuestionnaireDefinition,
  lock: boolean,
): Promise<KeyingPair | undefined> {
  let query = db
    .selectFrom('paper_keyings as k')
    .innerJoin('strata as s', 's.id', 'k.stratum_id')
    .innerJoin('staff_users as u', 'u.id', 'k.typist_id')
    .leftJoin('participants as p', 'p.id', 'k.participant_id')
    .select([
      'k.id',
      'k.typist_id',
      'k.fields',
      'k.form_number',
      'k.participant_id',
      'p.code',
      's.name as stratum_name',
      's.code as stratum_code',
      'u.display_name',
    ])
    .orderBy('k.id')
  query =
    'participantId' in key
      ? query.where('k.participant_id', '=', key.participantId)
      : query.where('k.form_number', '=', key.formNumber)
  const rows = await (lock ? query.forUpdate('k') : query).execute()
  if (rows.length < 2) return undefined
  const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]]
  return {
    form: a.code ? formatLoginCode(a.code) : formNumberLabel(a.form_number ?? 0),
    stratumName: a.stratum_name,
    stratumCode: a.stratum_code,
    participantId: a.participant_id,
    keyings: [a, b].map((k) => ({ id: k.id, typistId: k.typist_id, typistName: k.display_name, fields: k.fields })),
    comparison: compareKeyings(definition, a.fields, b.fields),
  }
}

/** Two keyings of one form and their differences; undefined when there is no such pair (any more). */
export async function loadPair(
  db: DB,
  roundId: number,
  keyingId: string,
  definition: QuestionnaireDefinition,
): Promise<KeyingPair | undefined> {
  const key = await pairKeyOf(db, roundId, keyingId)
  return key ? readPair(db, key, definition, false) : undefined
}

/** Per differing field: the first keying's value, the second's, or the reviewer's own reading. */
export type FieldDecision = { choice: 'first' } | { choice: 'second' } | { choice: 'own'; value: string }

export type DecideOutcome =
  | { kind: 'saved' }
  /** Meanwhile the code got a response (e.g. online): the form is kept as a duplicate. */
  | { kind: 'duplicate'; reference: string }
  | { kind: 'gone' }
  /** Reviewers judge other people's keying. */
  | { kind: 'ownKeying' }
  | { kind: 'undecided'; variables: string[] }

export async function decidePair(
  db: DB,
  reviewer: AuditActor & { id: number },
  roundId: number,
  keyingId: string,
  decisions: Record<string, FieldDecision>,
  definition: QuestionnaireDefinition,
): Promise<DecideOutcome> {
  const outcome = await db.transaction().execute(async (tx): Promise<DecideOutcome> => {
    const key = await pairKeyOf(tx, roundId, keyingId)
    if (!key) return { kind: 'gone' }
    const participant = 'participantId' in key ? await lockParticipantForPaper(tx, key.participantId) : undefined
    const pair = await readPair(tx, key, definition, true)
    if (!pair) return { kind: 'gone' }
    if (pair.keyings.some((k) => k.typistId === reviewer.id)) return { kind: 'ownKeying' }
    const [first, second] = pair.keyings as [KeyingPair['keyings'][0], KeyingPair['keyings'][0]]

    const fieldsByVariable = new Map(keyingFields(definition).map((f) => [f.variable, f]))
    const final: KeyedFields = { ...first.fields }
    const undecided: string[] = []
    for (const difference of pair.comparison.differences) {
      const decision = decisions[difference.variable]
      if (!decision) {
        undecided.push(difference.variable)
        continue
      }
      const value =
        decision.choice === 'first'
          ? difference.first
          : decision.choice === 'second'
            ? difference.second
            : normalizeKeyed(fieldsByVariable.get(difference.variable)!, decision.value)
      if (value === undefined) delete final[difference.variable]
      else final[difference.variable] = value
    }
    if (undecided.length > 0) return { kind: 'undecided', variables: undecided }

    // How often each typist's value did not stand: their accuracy in the staff view.
    for (const keying of pair.keyings) {
      const corrected = pair.comparison.differences.filter(
        (d) => keying.fields[d.variable] !== final[d.variable],
      ).length
      await addKeyingStats(tx, roundId, keying.typistId, { fieldsCorrected: corrected })
    }
    const firstRow = await tx
      .selectFrom('paper_keyings')
      .select(['stratum_id', 'language', 'wave', 'keyed_on'])
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow()
    await tx.deleteFrom('paper_keyings').where('id', 'in', [first.id, second.id]).execute()
    await audit(
      tx,
      reviewer,
      'paper.double-keying.decide',
      { differences: pair.comparison.differences.length },
      roundId,
    )

    if (participant?.status === 'completed') {
      const reference = await storeDuplicate(tx, {
        roundId,
        stratumId: firstRow.stratum_id,
        participantId: participant.id,
        earlierMode: participant.completed_mode ?? 'online',
        typistId: first.typistId,
        fields: final,
        language: firstRow.language,
        wave: firstRow.wave,
      })
      return { kind: 'duplicate', reference }
    }
    await storePaperResponse(tx, {
      roundId,
      stratumId: firstRow.stratum_id,
      stratumCode: pair.stratumCode,
      definition,
      fields: final,
      language: firstRow.language,
      wave: firstRow.wave,
      day: firstRow.keyed_on,
      ...(participant ? { participantId: participant.id } : {}),
    })
    return { kind: 'saved' }
  })
  // After the commit: a held response joins `responses` only in a transaction of its own.
  if (outcome.kind === 'saved') await releaseWaitingResponses(db, roundId)
  return outcome
}
