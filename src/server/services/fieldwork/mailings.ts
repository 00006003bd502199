/**
 * Mailings: an invitation or reminder, by letter or e-mail, to a set of participants
 * fixed at the moment it is made. The set is stored (mailing_recipients), so a reprint
 * prints exactly the same letters with the same codes, and the mailing record (kind,
 * channel, date, who, count) is what the monitor and the response waves read.
 *
 * Who gets one: participants with a login code who have not completed the questionnaire
 * by any mode (online or paper), never those who opted out; letters and every reminder
 * never go to an address whose letter came back; e-mails only to addresses that have not
 * bounced.
 */
import type { ExpressionBuilder } from 'kysely'
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { Database, MailingKind } from '#src/server/db/schema.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { lockRoundStatus } from '#src/server/services/rounds/round-lock.ts'
import { strataOf } from '#src/server/services/rounds/strata.ts'
import type { PrintLayout } from './letter-batches.ts'
import { printContents } from './letter-batches.ts'
import { assertPrintable } from './print-readiness.ts'

export type Channel = 'letter' | 'email'

export interface StratumCount {
  stratumId: number
  name: string
  count: number
}

function eligible(roundId: number, kind: MailingKind, channel: Channel) {
  return (eb: ExpressionBuilder<Database, 'participants'>) => {
    const conditions = [
      eb('participants.round_id', '=', roundId),
      eb('participants.code', 'is not', null),
      eb('participants.status', '!=', 'completed'),
      eb('participants.opted_out', '=', false),
    ]
    if (channel === 'letter' || kind === 'reminder') conditions.push(eb('participants.mail_returned', '=', false))
    if (channel === 'email') {
      conditions.push(eb('participants.email', 'is not', null), eb('participants.email_bounced', '=', false))
    }
    return eb.and(conditions)
  }
}

/** Who a mailing made now would reach, per stratum (for the page before confirming). */
export async function eligibleCounts(
  db: DB,
  roundId: number,
  kind: MailingKind,
  channel: Channel,
): Promise<StratumCount[]> {
  const strata = await strataOf(db, roundId)
  const counts = await db
    .selectFrom('participants')
    .select(['participants.stratum_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where(eligible(roundId, kind, channel))
    .groupBy('participants.stratum_id')
    .execute()
  return strata.map((s) => ({
    stratumId: s.id,
    name: s.name,
    count: Number(counts.find((c) => c.stratum_id === s.id)?.count ?? 0),
  }))
}

/** Who a mailing made now would reach, per stratum and client language (for the warning about unchecked translations). */
export async function eligibleLanguageCounts(
  db: DB,
  roundId: number,
  kind: MailingKind,
  channel: Channel,
): Promise<Array<{ stratumId: number; language: string; count: number }>> {
  const rows = await db
    .selectFrom('participants')
    .select(['participants.stratum_id', 'participants.language', (eb) => eb.fn.countAll<number>().as('count')])
    .where(eligible(roundId, kind, channel))
    .groupBy(['participants.stratum_id', 'participants.language'])
    .execute()
  return rows.map((r) => ({ stratumId: r.stratum_id, language: r.language, count: Number(r.count) }))
}

export class MailingRefusedError extends Error {
  readonly key: 'alreadySent' | 'nobody' | 'noSample' | 'roundClosed'

  constructor(key: 'alreadySent' | 'nobody' | 'noSample' | 'roundClosed') {
    super(key)
    this.key = key
    this.name = 'MailingRefusedError'
  }
}

export interface CreatedMailing {
  mailingId: number
  channel: Channel
  recipients: number
  /** Print files made for a letter mailing, per municipality (letters; for an invitation also the paper questionnaires). */
  batchIds: number[]
}

/** The domain for Message-IDs: the public address's host. */
function messageIdDomain(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'peiling.invalid'
  } catch {
    return 'peiling.invalid'
  }
}

/**
 * Makes a mailing per channel, all in one transaction: the mailing record, its
 * recipients as they are at this moment, the print jobs or the queued e-mails, and the
 * audit entry. An invitation goes out once per channel; reminders as often as needed.
 * Letters are refused (PrintRefusedError) while a template is incomplete or PUBLIC_URL
 * is not public.
 */
export async function createMailings(
  db: DB,
  roundId: number,
  kind: MailingKind,
  channels: Channel[],
  options: {
    actor: AuditActor
    publicUrl: string
    /** A fresh paper form with each letter: always with an invitation, chosen per reminder. */
    forms?: boolean
    /** Collated sets (default) or letters and forms as separate files. */
    layout?: PrintLayout
  },
): Promise<CreatedMailing[]> {
  return db.transaction().execute(async (tx) => {
    const status = await lockRoundStatus(tx, roundId)
    if (status === undefined) throw new Error(`round ${roundId} not found`)
    if (status === 'closed' || status === 'purged') throw new MailingRefusedError('roundClosed')
    const coded = await tx
      .selectFrom('participants')
      .select('id')
      .where('round_id', '=', roundId)
      .where('code', 'is not', null)
      .limit(1)
      .executeTakeFirst()
    if (!coded) throw new MailingRefusedError('noSample')
    // Letters go out once and cannot be called back: never incomplete, never with an address nobody can reach.
    if (channels.includes('letter')) await assertPrintable(tx, roundId, kind, options.publicUrl)
    const created: CreatedMailing[] = []
    for (const channel of channels) {
      if (kind === 'invitation') {
        const earlier = await tx
          .selectFrom('mailings')
          .select('id')
          .where('round_id', '=', roundId)
          .where('kind', '=', 'invitation')
          .where('channel', '=', channel)
          .executeTakeFirst()
        if (earlier) throw new MailingRefusedError('alreadySent')
      }
      const mailing = await tx
        .insertInto('mailings')
        .values({ round_id: roundId, kind, channel, created_by: options.actor.id })
        .returning('id')
        .executeTakeFirstOrThrow()
      const inserted = await tx
        .insertInto('mailing_recipients')
        .columns(['mailing_id', 'participant_id'])
        .expression((eb) =>
          eb
            .selectFrom('participants')
            .select([eb.val(mailing.id).as('mailing_id'), 'participants.id'])
            .where(eligible(roundId, kind, channel)),
        )
        .executeTakeFirst()
      const recipients = Number(inserted.numInsertedOrUpdatedRows ?? 0n)
      if (recipients === 0) throw new MailingRefusedError('nobody')
      await tx.updateTable('mailings').set({ recipient_count: recipients }).where('id', '=', mailing.id).execute()
      const batchIds: number[] = []
      if (channel === 'letter') {
        // The paper questionnaire goes in the invitation's envelope; a reminder refers to it, or brings a fresh one.
        const contents = printContents(kind, { forms: options.forms, layout: options.layout })
        for (const stratum of await mailingCounts(tx, mailing.id)) {
          for (const content of contents) {
            const batch = await tx
              .insertInto('letter_batches')
              .values({
                round_id: roundId,
                mailing_id: mailing.id,
                stratum_id: stratum.stratumId,
                content,
                total: stratum.count,
                created_by: options.actor.id,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
            batchIds.push(batch.id)
          }
        }
      } else {
        const domain = messageIdDomain(options.publicUrl)
        await sql`
          insert into email_messages (mailing_id, participant_id, message_id)
          select ${mailing.id}, participant_id, '<' || gen_random_uuid() || '@' || ${domain} || '>'
          from mailing_recipients where mailing_id = ${mailing.id}`.execute(tx)
      }
      await audit(tx, options.actor, `mailing.${kind}.${channel}`, { mailingId: mailing.id, recipients }, roundId)
      created.push({ mailingId: mailing.id, channel, recipients, batchIds })
    }
    return created
  })
}

export interface MailingSummary {
  id: number
  kind: MailingKind
  channel: Channel
  createdAt: Date
  createdBy: string | null
  recipients: number
}

/** Every mailing of the round, newest first. */
export async function mailingHistory(db: DB, roundId: number): Promise<MailingSummary[]> {
  const rows = await db
    .selectFrom('mailings')
    .leftJoin('staff_users', 'staff_users.id', 'mailings.created_by')
    .select([
      'mailings.id',
      'mailings.kind',
      'mailings.channel',
      'mailings.created_at',
      'mailings.recipient_count',
      'staff_users.display_name',
    ])
    .where('mailings.round_id', '=', roundId)
    .orderBy('mailings.id', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    createdAt: r.created_at,
    createdBy: r.display_name,
    recipients: r.recipient_count,
  }))
}

export async function loadMailing(db: DB, roundId: number, mailingId: number): Promise<MailingSummary | undefined> {
  return (await mailingHistory(db, roundId)).find((m) => m.id === mailingId)
}

/** Recipients of a mailing per stratum. */
export async function mailingCounts(db: DB, mailingId: number): Promise<StratumCount[]> {
  const rows = await db
    .selectFrom('mailing_recipients as m')
    .innerJoin('participants as p', 'p.id', 'm.participant_id')
    .innerJoin('strata as s', 's.id', 'p.stratum_id')
    .select(['s.id', 's.name', (eb) => eb.fn.countAll<number>().as('count')])
    .where('m.mailing_id', '=', mailingId)
    .groupBy(['s.id', 's.name'])
    .orderBy('s.id')
    .execute()
  return rows.map((r) => ({ stratumId: r.id, name: r.name, count: Number(r.count) }))
}
