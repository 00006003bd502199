/**
 * The durable e-mail queue (table email_messages): one row per participant per e-mail
 * mailing, worked by any number of app instances.
 *
 * Delivery is AT MOST ONCE, by design: a client who depends on the municipality for
 * their income should never get the same invitation twice, and a missing e-mail is
 * covered by the letter anyway.
 * - A worker claims one row at a time (FOR UPDATE SKIP LOCKED) and commits status
 *   'sending' BEFORE it talks to the mail server.
 * - Afterwards it records what the server said: 'sent'; 'failed' for a permanent
 *   refusal (5xx; a refused recipient also marks the address bounced); back to 'queued'
 *   with a growing delay for a temporary refusal (4xx), a server that cannot be
 *   reached, or a connection that breaks before the whole message went out (nothing was
 *   handed over, so trying again cannot double anything).
 * - The ambiguous case: the connection breaks after the end of the message went out,
 *   before the server's answer to it, or the process dies between the server's "250 OK" and our update. Such a row
 *   is, or is left, 'sending'; once its lease has run out it becomes 'uncertain' and is
 *   NOT retried by itself. Staff see it and may choose to send it again; the row keeps
 *   its Message-ID, so a resent message is the same message to mail software.
 * - A reminder is skipped at sending time when the participant has meanwhile completed
 *   the questionnaire (online or paper) or opted out.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { EmailStatus, MailingKind } from '#src/server/db/schema.ts'
import { formatDate } from '#src/i18n/translate.ts'
import { emailLanguage, renderEmail } from '#src/mail/render.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { effectiveTemplate } from './letter-templates.ts'
import type { MailTransport } from './mail-transport.ts'
import { SendError } from './mail-transport.ts'
import { displayName, personalUrl, printedCode } from './recipients.ts'

/** A row claimed longer ago than this, still 'sending', is taken to have died mid-send. */
const LEASE_SECONDS = 5 * 60
/** Temporary refusals (4xx) before a message counts as failed. */
const MAX_ATTEMPTS = 6
/** Delay before trying again after attempt n (seconds); the last value repeats. */
const RETRY_DELAYS = [60, 5 * 60, 15 * 60, 60 * 60]

export interface QueueOptions {
  publicUrl: string
  /** Stop after this many messages (default: until nothing is due). */
  limit?: number
  retryDelays?: number[]
  leaseSeconds?: number
}

export interface QueueRun {
  sent: number
  failed: number
  retry: number
  uncertain: number
  skipped: number
  /** The mail server could not be reached: the run stopped early. */
  serverDown: boolean
}

type Outcome =
  | { status: 'sent' }
  | { status: 'failed' | 'uncertain'; error: string; bounced?: boolean }
  | { status: 'retry'; error: string; serverDown: boolean }

interface SmtpError {
  message?: string
  code?: string
  command?: string
  responseCode?: number
  response?: string
  syscall?: string
}

const UNREACHABLE =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|Greeting never received|Connection timeout/i

/** What an error from nodemailer means for this message (see the header). */
function classifySendError(error: unknown): Outcome {
  // From an SMTP server: whether the whole message had gone out. Written to files: it had not.
  const handedOver = error instanceof SendError ? error.messageHandedOver : false
  const e = ((error instanceof SendError ? error.cause : error) ?? {}) as SmtpError
  const reply = e.response ? String(e.response).slice(0, 300) : ''
  const text = `${e.message ?? String(error)}${reply && !String(e.message).includes(reply) ? ` (${reply})` : ''}`.slice(
    0,
    500,
  )
  if (e.responseCode && e.responseCode >= 500) {
    return { status: 'failed', error: text, bounced: e.command === 'RCPT TO' }
  }
  if (e.responseCode && e.responseCode >= 400) return { status: 'retry', error: text, serverDown: false }
  if (e.syscall === 'connect' || UNREACHABLE.test(text)) return { status: 'retry', error: text, serverDown: true }
  if (e.code === 'EAUTH') return { status: 'retry', error: text, serverDown: true }
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return { status: 'failed', error: text }
  // The connection broke without an answer. Before the end of the message the server
  // cannot have taken it: nothing was handed over, and trying again doubles nothing.
  if (!handedOver) return { status: 'retry', error: text, serverDown: true }
  return { status: 'uncertain', error: text }
}

interface Claimed {
  id: number
  mailing_id: number
  participant_id: number
  message_id: string
  attempts: number
}

async function claimNext(db: DB): Promise<Claimed | undefined> {
  const result = await sql<Claimed>`
    update email_messages set status = 'sending', attempts = attempts + 1, claimed_at = now()
    where id = (
      select id from email_messages
      where status = 'queued' and next_attempt_at <= now()
      order by next_attempt_at, id
      for update skip locked
      limit 1
    )
    returning id, mailing_id, participant_id, message_id, attempts`.execute(db)
  return result.rows[0]
}

/** Rows whose worker died mid-send become 'uncertain' (never resent by themselves). */
async function expireStaleSends(db: DB, leaseSeconds = LEASE_SECONDS): Promise<number> {
  const result = await db
    .updateTable('email_messages')
    .set({ status: 'uncertain', last_error: 'Verzending onderbroken: onbekend of de e-mail is verstuurd.' })
    .where('status', '=', 'sending')
    .where('claimed_at', '<', sql<Date>`now() - make_interval(secs => ${leaseSeconds})`)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

async function record(
  db: DB,
  row: Claimed,
  status: EmailStatus,
  error: string | null,
  retryInSeconds?: number,
): Promise<void> {
  await db
    .updateTable('email_messages')
    .set({
      status,
      last_error: error,
      ...(retryInSeconds !== undefined
        ? { next_attempt_at: sql<Date>`now() + make_interval(secs => ${retryInSeconds})` }
        : {}),
    })
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .execute()
}

async function loadMessage(db: DB, row: Claimed) {
  return db
    .selectFrom('participants as p')
    .innerJoin('strata as s', 's.id', 'p.stratum_id')
    .innerJoin('rounds as r', 'r.id', 'p.round_id')
    .innerJoin('mailings as m', (join) => join.on('m.id', '=', row.mailing_id))
    .select([
      'p.code',
      'p.initials',
      'p.name_prefix',
      'p.last_name',
      'p.email',
      'p.language',
      'p.status',
      'p.opted_out',
      'p.email_bounced',
      's.name as stratum_name',
      'p.round_id',
      'p.stratum_id',
      'r.closes_on',
      'm.kind',
    ])
    .where('p.id', '=', row.participant_id)
    .executeTakeFirst()
}

/** Who signs the e-mail: the signature of the letter template this person's letter uses. */
async function signature(
  db: DB,
  roundId: number,
  stratumId: number,
  kind: MailingKind,
  cache: Map<string, string>,
): Promise<string> {
  const key = `${roundId}:${stratumId}:${kind}`
  let text = cache.get(key)
  if (text === undefined) {
    const { template } = await effectiveTemplate(db, roundId, stratumId, kind)
    text = [template.signature.name, template.signature.role].filter((p) => p?.trim()).join('\n')
    cache.set(key, text)
  }
  return text
}

/**
 * Sends what is due, one message at a time, until nothing is due, `limit` is reached or
 * the mail server is unreachable. Safe to run on several instances at once.
 */
export async function processEmailQueue(db: DB, transport: MailTransport, options: QueueOptions): Promise<QueueRun> {
  const run: QueueRun = { sent: 0, failed: 0, retry: 0, uncertain: 0, skipped: 0, serverDown: false }
  const delays = options.retryDelays ?? RETRY_DELAYS
  const signatures = new Map<string, string>()
  await expireStaleSends(db, options.leaseSeconds)
  for (let done = 0; options.limit === undefined || done < options.limit; done++) {
    const row = await claimNext(db)
    if (!row) break
    const m = await loadMessage(db, row)
    if (!m?.code || !m.email || m.email_bounced || m.opted_out || m.status === 'completed') {
      await record(db, row, 'skipped', null)
      run.skipped++
      continue
    }
    const name = displayName({ initials: m.initials, namePrefix: m.name_prefix, lastName: m.last_name })
    const rendered = renderEmail(m.kind, m.language, {
      naam: name,
      code: printedCode(m.code),
      url: options.publicUrl,
      link: personalUrl(options.publicUrl, m.code),
      sluitingsdatum: formatDate(m.closes_on, emailLanguage(m.language)),
      gemeente: m.stratum_name,
      afzender: await signature(db, m.round_id, m.stratum_id, m.kind, signatures),
    })
    let outcome: Outcome
    try {
      await transport.send({
        to: { name, address: m.email },
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: row.message_id,
        language: rendered.language,
      })
      outcome = { status: 'sent' }
    } catch (error) {
      outcome = classifySendError(error)
    }
    if (outcome.status === 'sent') {
      await record(db, row, 'sent', null)
      run.sent++
    } else if (outcome.status === 'retry') {
      // An unreachable server says nothing about this message: it is not given up on.
      const giveUp = !outcome.serverDown && row.attempts >= MAX_ATTEMPTS
      const delay = delays[Math.min(row.attempts - 1, delays.length - 1)] ?? 60
      await record(db, row, giveUp ? 'failed' : 'queued', outcome.error, giveUp ? undefined : delay)
      if (giveUp) run.failed++
      else run.retry++
      if (outcome.serverDown) {
        run.serverDown = true
        break
      }
    } else {
      await record(db, row, outcome.status, outcome.error)
      if (outcome.status === 'failed' && outcome.bounced) {
        await db.updateTable('participants').set({ email_bounced: true }).where('id', '=', row.participant_id).execute()
      }
      run[outcome.status]++
    }
  }
  return run
}

export interface QueueStatus {
  queued: number
  sending: number
  sent: number
  failed: number
  uncertain: number
  skipped: number
}

export async function queueStatus(db: DB, mailingId: number): Promise<QueueStatus> {
  const rows = await db
    .selectFrom('email_messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('mailing_id', '=', mailingId)
    .groupBy('status')
    .execute()
  const status: QueueStatus = { queued: 0, sending: 0, sent: 0, failed: 0, uncertain: 0, skipped: 0 }
  for (const r of rows) status[r.status] = Number(r.count)
  return status
}

export interface ProblemMessage {
  id: number
  participantId: number
  clientNumber: string | null
  name: string
  email: string | null
  status: EmailStatus
  attempts: number
  lastError: string | null
  bounced: boolean
}

/** Messages staff should look at: failed, uncertain, or waiting after an error. */
export async function problemMessages(db: DB, mailingId: number): Promise<ProblemMessage[]> {
  const rows = await db
    .selectFrom('email_messages as e')
    .innerJoin('participants as p', 'p.id', 'e.participant_id')
    .select([
      'e.id',
      'e.participant_id',
      'p.client_number',
      'p.initials',
      'p.name_prefix',
      'p.last_name',
      'p.email',
      'e.status',
      'e.attempts',
      'e.last_error',
      'p.email_bounced',
    ])
    .where('e.mailing_id', '=', mailingId)
    .where((eb) =>
      eb.or([
        eb('e.status', 'in', ['failed', 'uncertain']),
        eb.and([eb('e.status', '=', 'queued'), eb('e.last_error', 'is not', null)]),
      ]),
    )
    .orderBy('e.id')
    .limit(1000)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    participantId: r.participant_id,
    clientNumber: r.client_number,
    name: displayName({ initials: r.initials, namePrefix: r.name_prefix, lastName: r.last_name }),
    email: r.email,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    bounced: r.email_bounced,
  }))
}

/**
 * A person's decision to send failed or uncertain messages again (for uncertain ones:
 * accepting that someone may get the e-mail twice). Bounced addresses stay excluded.
 */
export async function requeueMessages(
  db: DB,
  roundId: number,
  mailingId: number,
  which: 'failed' | 'uncertain',
  actor: AuditActor,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('email_messages')
      .set({ status: 'queued', next_attempt_at: sql<Date>`now()`, last_error: null })
      .where('mailing_id', '=', mailingId)
      .where('status', '=', which)
      .where('participant_id', 'not in', (eb) =>
        eb.selectFrom('participants').select('id').where('email_bounced', '=', true).where('round_id', '=', roundId),
      )
      .executeTakeFirst()
    const count = Number(result.numUpdatedRows)
    await audit(tx, actor, 'mailing.email.requeue', { mailingId, which, count }, roundId)
    return count
  })
}
