/**
 * Reading the audit log (audit.ts writes it): newest first, filtered, a page at a time.
 * Nothing here changes it; the database refuses that anyway.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { CalendarDate } from '#src/server/db/schema.ts'

export interface AuditFilter {
  action?: string
  username?: string
  roundId?: number
  /** Days in the municipality's calendar (Europe/Amsterdam), inclusive. */
  from?: CalendarDate
  to?: CalendarDate
  /** Only entries about a round: what a researcher may read. */
  roundsOnly?: boolean
  /** For the next page: entries older than this id. */
  before?: number
}

export interface AuditEntry {
  id: number
  at: Date
  username: string | null
  action: string
  roundId: number | null
  details: Record<string, unknown>
}

export const AUDIT_PAGE_SIZE = 100

export async function readAuditLog(
  db: DB,
  filter: AuditFilter,
  limit = AUDIT_PAGE_SIZE,
): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'username', 'action', 'round_id', 'details'])
    .orderBy('id', 'desc')
    .limit(limit + 1)
  if (filter.action) query = query.where('action', '=', filter.action)
  if (filter.username) query = query.where('username', '=', filter.username)
  if (filter.roundId !== undefined) query = query.where('round_id', '=', filter.roundId)
  if (filter.roundsOnly) query = query.where('round_id', 'is not', null)
  if (filter.from)
    query = query.where('at', '>=', sql<Date>`(${filter.from}::date)::timestamp at time zone 'Europe/Amsterdam'`)
  if (filter.to)
    query = query.where('at', '<', sql<Date>`(${filter.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`)
  if (filter.before !== undefined) query = query.where('id', '<', filter.before)
  const rows = await query.execute()
  const entries = rows.slice(0, limit).map((r) => ({
    id: Number(r.id),
    at: r.at,
    username: r.username,
    action: r.action,
    roundId: r.round_id,
    details: r.details,
  }))
  return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1]!.id : null }
}

/** The actions that occur, for the filter's choice list. */
export async function auditActions(db: DB, roundsOnly: boolean): Promise<string[]> {
  let query = db.selectFrom('audit_log').select('action').distinct().orderBy('action')
  if (roundsOnly) query = query.where('round_id', 'is not', null)
  return (await query.execute()).map((r) => r.action)
}
