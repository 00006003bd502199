/**
 * The audit log: who did what to personal data or a round. Append-only (a database
 * trigger refuses updates and deletes), and details never hold personal data.
 */
import type { DB } from '#src/server/db/connect.ts'

export interface AuditActor {
  id: number | null
  username: string | null
}

export async function audit(
  db: DB,
  actor: AuditActor,
  action: string,
  details: Record<string, unknown> = {},
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
