/**
 * Staff marks on a participant, found by client number or login code: opted out (no
 * more letters or e-mails), letter returned by the post (no more letters, no
 * reminders), e-mail address bounced (no more e-mails).
 */
import type { DB } from '#src/server/db/connect.ts'
import { parseLoginCode } from '#src/codes/login-code.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { displayName } from './recipients.ts'

export type Mark = 'opted_out' | 'mail_returned' | 'email_bounced'
export const MARKS: Mark[] = ['opted_out', 'mail_returned', 'email_bounced']

export interface MarkedParticipant {
  id: number
  clientNumber: string | null
  name: string
}

export async function findParticipant(
  db: DB,
  roundId: number,
  identifier: string,
): Promise<MarkedParticipant | undefined> {
  const text = identifier.trim()
  if (!text) return undefined
  const parsed = parseLoginCode(text)
  const row = await db
    .selectFrom('participants')
    .select(['id', 'client_number', 'initials', 'name_prefix', 'last_name'])
    .where('round_id', '=', roundId)
    .where((eb) =>
      parsed.ok
        ? eb.or([eb('code', '=', parsed.code), eb('client_number', '=', text)])
        : eb('client_number', '=', text),
    )
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    clientNumber: row.client_number,
    name: displayName({ initials: row.initials, namePrefix: row.name_prefix, lastName: row.last_name }),
  }
}

export async function setMark(
  db: DB,
  roundId: number,
  participantId: number,
  mark: Mark,
  value: boolean,
  actor: AuditActor,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('participants')
      .set({ [mark]: value })
      .where('id', '=', participantId)
      .where('round_id', '=', roundId)
      .execute()
    await audit(tx, actor, 'participant.mark', { participantId, mark, value }, roundId)
  })
}

export async function markCounts(db: DB, roundId: number): Promise<Record<Mark, number>> {
  const row = await db
    .selectFrom('participants')
    .select([
      (eb) => eb.fn.countAll<number>().filterWhere('opted_out', '=', true).as('opted_out'),
      (eb) => eb.fn.countAll<number>().filterWhere('mail_returned', '=', true).as('mail_returned'),
      (eb) => eb.fn.countAll<number>().filterWhere('email_bounced', '=', true).as('email_bounced'),
    ])
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow()
  return {
    opted_out: Number(row.opted_out),
    mail_returned: Number(row.mail_returned),
    email_bounced: Number(row.email_bounced),
  }
}
