/**
 * The audit log: who did what to personal data or a round. Append-only (a database
 * trigger refuses updates and deletes), and details never hold personal data.
 */
import type { DB } from '#src/server/db/connect.ts'

/**
 * Every action the app writes. Each has a label under management.audit.actions (dots
 * written as _), so the log reads in the screen's language; a test holds them to it.
 */
export const AUDIT_ACTIONS = [
  'staff.sign-in',
  'staff.sign-out',
  'account.create',
  'account.role',
  'account.activate',
  'account.deactivate',
  'account.password-reset',
  'account.password-change',
  'account.second-factor-on',
  'account.second-factor-off',
  'account.second-factor-removed',
  'round.create',
  'round.update',
  'round.open',
  'round.close',
  'round.purge',
  'import.upload',
  'import.cancel',
  'import.clients',
  'sample.confirm',
  'letters.template.save',
  'letters.template.delete',
  'letters.remake',
  'letters.layout',
  'letters.download',
  'mailing-list.download',
  'mailing.invitation.letter',
  'mailing.invitation.email',
  'mailing.reminder.letter',
  'mailing.reminder.email',
  'mailing.email.requeue',
  'participant.mark',
  'paper.double-keying.decide',
  'paper.duplicate.resolve',
  'export.download',
  'quotes.review',
  'quotes.names',
  'translations.upload',
  'questionnaire.upload',
  'questionnaire.copy',
  'reference-figures.upload',
  'reference-figures.delete',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/**
 * Every key an entry's details may hold, in the order the log shows them (the database
 * keeps JSON keys in an order of its own). Each has a label under
 * management.audit.details.labels, and its values are written out in words where they
 * are codes (routes/beheer/audit/_details.ts).
 */
export const AUDIT_DETAIL_KEYS = [
  'secondFactor',
  'userId',
  'username',
  'role',
  'from',
  'to',
  'name',
  'questionnaireId',
  'seed',
  'strata',
  'changed',
  'partialResponses',
  'reason',
  'participants',
  'format',
  'includePartial',
  'rows',
  'problemRows',
  'imported',
  'skippedRows',
  'perStratum',
  'kind',
  'stratumId',
  'logo',
  'mailingId',
  'files',
  'content',
  'batchId',
  'recipients',
  'which',
  'count',
  'participantId',
  'mark',
  'value',
  'differences',
  'decision',
  'language',
  'reviewStatus',
  'corrected',
  'changedTexts',
  'version',
  'replaced',
  'reviewedTexts',
] as const
export type AuditDetailKey = (typeof AUDIT_DETAIL_KEYS)[number]
export type AuditDetails = { [K in AuditDetailKey]?: unknown }

export interface AuditActor {
  id: number | null
  username: string | null
}

export async function audit(
  db: DB,
  actor: AuditActor,
  action: AuditAction,
  details: AuditDetails = {},
  roundId: number | null = null,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: actor.id,
      username: actor.username,
      action,
      round_id: roundId,
      details: JSON.stringify(details),
    })
    .execute()
}
