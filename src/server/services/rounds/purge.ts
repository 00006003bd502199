/**
 * Deleting a round's personal data (DESIGN.md): when its retention date has passed, or
 * earlier when a researcher confirms it. Names, addresses, e-mail addresses, client
 * numbers and login codes all live in `participants` only, so the participants are
 * deleted, together with everything that hangs on them (tables that reference a
 * participant must do so `on delete cascade`), plus a client file still waiting for
 * confirmation and the print files (PDF letters with names and addresses) and e-mails
 * written to disk without SMTP.
 * What the monitor needs of them, the number written to per stratum, is kept in
 * `stratum_counts`; responses, daily counts and mailings hold no personal data and stay,
 * as do the client file's counts per birth year and sex (`population_margins`).
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'
import { INVITED } from '#src/server/services/reporting/monitor.ts'
import { deleteBatchFiles } from '#src/server/services/fieldwork/letter-batches.ts'
import { deleteWrittenMessages } from '#src/server/services/fieldwork/mail-transport.ts'
import type { AppConfig } from '#src/server/config.ts'
import { deleteRoundScans } from '#src/server/services/scans/forget-scans.ts'
import { lockRoundStatus } from './round-lock.ts'
import type { ScrubResult } from './scrub.ts'
import { scrubDeletedRows } from './scrub.ts'
import { releaseWaitingResponses } from '#src/server/services/responses/release-responses.ts'

export type PurgeProblem = 'notFound' | 'notClosed'

export async function purgeRound(
  db: DB,
  config: AppConfig,
  actor: AuditActor,
  roundId: number,
  reason: 'confirmed' | 'retention',
): Promise<{ ok: true; participants: number; scrub: ScrubResult } | { ok: false; problem: PurgeProblem }> {
  // Closing released them; this catches any a crash kept waiting, before the people go.
  await releaseWaitingResponses(db, roundId)
  const purged = await db.transaction().execute(async (tx) => {
    const status = await lockRoundStatus(tx, roundId)
    if (status === undefined) return { ok: false as const, problem: 'notFound' as const }
    if (status !== 'closed') return { ok: false as const, problem: 'notClosed' as const }
    await tx
      .insertInto('stratum_counts')
      .columns(['round_id', 'stratum_id', 'invited', 'opted_out', 'mail_returned'])
      .expression(
        tx
          .selectFrom('strata as s')
          .leftJoin('participants as p', (join) =>
            join.onRef('p.stratum_id', '=', 's.id').onRef('p.round_id', '=', 's.round_id'),
          )
          .select([
            's.round_id',
            's.id',
            sql<number>`count(p.id) filter (where ${INVITED})`.as('invited'),
            sql<number>`count(p.id) filter (where p.opted_out)`.as('opted_out'),
            sql<number>`count(p.id) filter (where p.mail_returned)`.as('mail_returned'),
          ])
          .where('s.round_id', '=', roundId)
          .groupBy(['s.round_id', 's.id']),
      )
      .onConflict((oc) => oc.columns(['round_id', 'stratum_id']).doNothing())
      .execute()
    const writtenMessages = await tx
      .selectFrom('email_messages as e')
      .innerJoin('mailings as m', 'm.id', 'e.mailing_id')
      .select('e.message_id')
      .where('m.round_id', '=', roundId)
      .execute()
    // Print files still to be made would bring names back onto the disk: they are called off.
    await tx
      .updateTable('letter_batches')
      .set({ status: 'failed', error: 'purged', finished_at: sql<Date>`now()`, heartbeat_at: null })
      .where('round_id', '=', roundId)
      .where('status', 'in', ['queued', 'running'])
      .execute()
    // Scans show codes and handwriting; problem pages hang on no participant.
    await deleteRoundScans(tx, roundId)
    const deleted = await tx.deleteFrom('participants').where('round_id', '=', roundId).executeTakeFirst()
    await tx.deleteFrom('import_uploads').where('round_id', '=', roundId).execute()
    // The names to flag in open answers are the municipality's staff: personal data too.
    await tx.deleteFrom('quote_names').where('round_id', '=', roundId).execute()
    await tx.updateTable('rounds').set({ status: 'purged' }).where('id', '=', roundId).execute()
    // Inside the transaction: if the files cannot be deleted, nothing is marked purged.
    await deleteBatchFiles(config, roundId)
    await deleteWrittenMessages(
      config,
      writtenMessages.map((m) => m.message_id),
    )
    const participants = Number(deleted.numDeletedRows)
    await audit(tx, actor, 'round.purge', { reason, participants }, roundId)
    return { ok: true as const, participants }
  })
  if (!purged.ok) return purged
  // After the commit: VACUUM cannot run inside a transaction, and only committed deletions can be scrubbed.
  return { ...purged, scrub: await scrubDeletedRows(db) }
}

/** Closed rounds whose retention date lies before `today`. */
export async function roundsDueForPurge(
  db: DB,
  today = todayInAmsterdam(),
): Promise<Array<{ id: number; name: string }>> {
  return db
    .selectFrom('rounds')
    .select(['id', 'name'])
    .where('status', '=', 'closed')
    .where('retention_until', '<', today)
    .orderBy('id')
    .execute()
}

/** Purges every closed round past its retention date; for the CLI (a daily cron job). */
export async function purgeExpiredRounds(
  db: DB,
  config: AppConfig,
  actor: AuditActor,
  today = todayInAmsterdam(),
): Promise<Array<{ id: number; name: string; participants: number }>> {
  const done: Array<{ id: number; name: string; participants: number }> = []
  for (const round of await roundsDueForPurge(db, today)) {
    const result = await purgeRound(db, config, actor, round.id, 'retention')
    if (result.ok) done.push({ ...round, participants: result.participants })
  }
  return done
}
