/**
 * The heading every page of a round shows: its name, status and tabs (round-tabs.ts).
 * `reply.staffPage` adds it for the pages under /beheer/rondes/:roundId, and the staff
 * layout renders it with views/staff/partials/round-header.eta.
 */
import type { FastifyRequest } from 'fastify'
import type { Round } from '#src/server/db/schema.ts'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'
import { roundTabsFor } from './round-tabs.ts'

type HeaderRound = Pick<Round, 'id' | 'name' | 'status'>

export interface RoundHeader {
  round: HeaderRound
  tabs: Array<{ href: string; label: string; current: boolean }>
}

export function roundHeaderOf(request: FastifyRequest, round: StaffRound): RoundHeader {
  const path = request.url.split('?')[0]!
  return {
    round: { id: round.id, name: round.name, status: round.status },
    tabs: roundTabsFor(round.id, request.staff!.role, path, request.t),
  }
}
