/**
 * The heading every page of a round shows: its name, status and tabs
 * (round-tabs.ts). Pages render it with views/staff/partials/round-header.eta.
 */
import type { FastifyRequest } from 'fastify'
import type { Round } from '#src/server/db/schema.ts'
import { roundTabsFor } from '#src/server/navigation/round-tabs.ts'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'

type HeaderRound = Pick<Round, 'id' | 'name' | 'status' | 'opens_on' | 'closes_on'>

export interface RoundHeader {
  round: HeaderRound
  tabs: Array<{ href: string; label: string; current: boolean }>
}

/** The heading of the page's round (`request.round`, loaded by the round's autohooks). */
export function roundHeaderOf(request: FastifyRequest, round: StaffRound): RoundHeader {
  const path = request.url.split('?')[0]!
  return {
    round: { id: round.id, name: round.name, status: round.status, opens_on: round.opensOn, closes_on: round.closesOn },
    tabs: roundTabsFor(round.id, request.staff!.role, path, request.t),
  }
}
