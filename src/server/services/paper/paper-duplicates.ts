/**
 * Paper forms for a code that already had a response: a second paper form, or a paper
 * form from someone who also answered online. They are kept apart from the responses
 * (exports and analyses never see them) until a researcher resolves them.
 *
 * Why "keep this one" is not always possible: a complete response carries no link to
 * the person (DESIGN.md), so once the earlier response is complete nobody, Peiling
 * included, can find it to replace it. Then the researcher keeps the earlier one, or
 * counts this form as a form without code (e.g. when a household member used the
 * wrong form). While the earlier form is still in double keying it can be replaced.
 */
import type { DB } from '#src/server/db/connect.ts'
import type { ResponseMode, Wave } from '#src/server/db/schema.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import type { KeyedFields } from '#src/server/db/schema.ts'
import { lockParticipantForPaper, storePaperResponse } from './paper-response.ts'
import { releaseWaitingResponses } from '#src/server/services/responses/release-responses.ts'

export interface NewDuplicate {
  roundId: number
  stratumId: number
  participantId: number
  earlierMode: ResponseMode
  typistId: number
  fields: KeyedFields
  language: string
  wave: Wave
}

/**
 * How people name a duplicate form: the typist writes it on the paper form, the researcher
 * finds the form by it. Not the login code, which would put a code next to answers on
 * the researcher's screen.
 */
export function duplicateReference(id: string): string {
  return `D-${id.replaceAll('-', '').slice(0, 8).toUpperCase()}`
}

/** Stores the form apart from the responses; returns its reference. */
export async function storeDuplicate(tx: DB, input: NewDuplicate): Promise<string> {
  const row = await tx
    .insertInto('paper_duplicates')
    .values({
      round_id: input.roundId,
      stratum_id: input.stratumId,
      participant_id: input.participantId,
      earlier_mode: input.earlierMode,
      typist_id: input.typistId,
      fields: JSON.stringify(input.fields),
      language: input.language,
      wave: input.wave,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return duplicateReference(row.id)
}

/**
 * A form keyed (or checked from a scan) for someone who answered already: kept apart as a
 * duplicate. When the earlier answer was online, a first keying of this same paper form
 * would wait forever for its second: the duplicate holds it now, so the keying goes.
 */
export async function keepAsDuplicate(
  tx: DB,
  input: NewDuplicate,
): Promise<{ kind: 'duplicate'; earlierMode: ResponseMode; reference: string }> {
  if (input.earlierMode === 'online')
    await tx.deleteFrom('paper_keyings').where('participant_id', '=', input.participantId).execute()
  return { kind: 'duplicate', earlierMode: input.earlierMode, reference: await storeDuplicate(tx, input) }
}

export interface DuplicateSummary {
  id: string
  /** D-3F2A9C1B: written on the paper form by the typist (see duplicateReference). */
  reference: string
  stratumName: string
  earlierMode: ResponseMode
  typistName: string
  /** Whether the earlier form can still be replaced (see the file comment). */
  canKeepThis: boolean
}

function duplicatesQuery(db: DB, roundId: number) {
  return db
    .selectFrom('paper_duplicates as d')
    .innerJoin('participants as p', 'p.id', 'd.participant_id')
    .innerJoin('strata as s', 's.id', 'd.stratum_id')
    .innerJoin('staff_users as u', 'u.id', 'd.typist_id')
    .select([
      'd.id',
      'p.status',
      's.name as stratum_name',
      's.code as stratum_code',
      'd.earlier_mode',
      'u.display_name',
      'd.fields',
      'd.participant_id',
    ])
    .where('d.round_id', '=', roundId)
}

export async function openDuplicates(db: DB, roundId: number): Promise<DuplicateSummary[]> {
  const rows = await duplicatesQuery(db, roundId).orderBy('d.id').execute()
  return rows.map(summaryOf)
}

type DuplicateRow = Awaited<ReturnType<ReturnType<typeof duplicatesQuery>['executeTakeFirstOrThrow']>>

function summaryOf(r: DuplicateRow): DuplicateSummary {
  return {
    id: r.id,
    reference: duplicateReference(r.id),
    stratumName: r.stratum_name,
    earlierMode: r.earlier_mode,
    typistName: r.display_name,
    canKeepThis: r.status !== 'completed',
  }
}

export interface DuplicateDetail extends DuplicateSummary {
  fields: KeyedFields
  /**
   * The earlier form's keyings (one or two), while it is still in double keying: the
   * researcher compares them with this form. Empty once the earlier response is complete:
   * it names nobody then, so it cannot be shown next to this one.
   */
  earlierKeyings: KeyedFields[]
}

export async function loadDuplicate(db: DB, roundId: number, id: string): Promise<DuplicateDetail | undefined> {
  const r = await duplicatesQuery(db, roundId).where('d.id', '=', id).executeTakeFirst()
  if (!r) return undefined
  const earlier =
    r.status === 'completed'
      ? []
      : await db
          .selectFrom('paper_keyings')
          .select('fields')
          .where('participant_id', '=', r.participant_id)
          .where('round_id', '=', roundId)
          .orderBy('id')
          .execute()
  return { ...summaryOf(r), fields: r.fields, earlierKeyings: earlier.map((k) => k.fields) }
}

export type DuplicateDecision =
  /** The earlier response stands; this form is discarded. */
  | 'keepFirst'
  /** This form replaces the earlier one (only while that one is not yet a complete response). */
  | 'keepThis'
  /** Both count: this one as a form without code, under the same stratum. */
  | 'keepAsNoCode'

export type ResolveOutcome = 'resolved' | 'gone' | 'notPossible'

export async function resolveDuplicate(
  db: DB,
  actor: AuditActor,
  roundId: number,
  id: string,
  decision: DuplicateDecision,
  definition: QuestionnaireDefinition,
): Promise<ResolveOutcome> {
  const outcome = await db.transaction().execute(async (tx): Promise<ResolveOutcome> => {
    const found = await tx
      .selectFrom('paper_duplicates')
      .select('participant_id')
      .where('id', '=', id)
      .where('round_id', '=', roundId)
      .executeTakeFirst()
    if (!found) return 'gone'
    // Same lock order as keying: the participant first, then the form.
    const participant = await lockParticipantForPaper(tx, found.participant_id)
    const duplicate = await tx
      .selectFrom('paper_duplicates as d')
      .innerJoin('strata as s', 's.id', 'd.stratum_id')
      .select(['d.id', 'd.stratum_id', 's.code as stratum_code', 'd.fields', 'd.language', 'd.wave'])
      .where('d.id', '=', id)
      .forUpdate('d')
      .executeTakeFirst()
    if (!duplicate || !participant) return 'gone'
    const common = {
      roundId,
      stratumId: duplicate.stratum_id,
      stratumCode: duplicate.stratum_code,
      definition,
      fields: duplicate.fields,
      language: duplicate.language,
      wave: duplicate.wave,
    }
    if (decision === 'keepThis') {
      if (participant.status === 'completed') return 'notPossible'
      // The earlier form is still in double keying: this one takes its place.
      await tx.deleteFrom('paper_keyings').where('participant_id', '=', participant.id).execute()
      await storePaperResponse(tx, { ...common, participantId: participant.id })
    } else if (decision === 'keepAsNoCode') {
      await storePaperResponse(tx, common)
    }
    await tx.deleteFrom('paper_duplicates').where('id', '=', id).execute()
    await audit(tx, actor, 'paper.duplicate.resolve', { decision }, roundId)
    return 'resolved'
  })
  // After the commit: a held response joins `responses` only in a transaction of its own.
  if (outcome === 'resolved') await releaseWaitingResponses(db, roundId)
  return outcome
}
