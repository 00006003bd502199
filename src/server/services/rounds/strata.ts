/** The strata (municipalities) of a round, in the order they were made: the order every screen and file lists them. */
import type { DB } from '#src/server/db/connect.ts'

export interface RoundStratum {
  id: number
  code: string
  name: string
}

export function strataOf(db: DB, roundId: number): Promise<RoundStratum[]> {
  return db.selectFrom('strata').select(['id', 'code', 'name']).where('round_id', '=', roundId).orderBy('id').execute()
}
