/**
 * Locks a round's row for the rest of the transaction and says its status. Work that must
 * not overlap a status change (closing, purging) takes this lock first: a mailing or a
 * sample made while the round closes would reach people whose answers no longer count.
 */
import type { DB } from '#src/server/db/connect.ts'
import type { RoundStatus } from '#src/server/db/schema.ts'

export async function lockRoundStatus(tx: DB, roundId: number): Promise<RoundStatus | undefined> {
  const round = await tx.selectFrom('rounds').select('status').where('id', '=', roundId).forUpdate().executeTakeFirst()
  return round?.status
}
