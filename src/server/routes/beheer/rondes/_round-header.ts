/**
 * The heading every page of a round shows: its name, status and tabs
 * (round-navigation.ts). Pages render it with views/staff/partials/round-header.eta.
 */
import type { FastifyRequest } from 'fastify'
import type { Round } from '#src/server/db/schema.ts'
import { roundTabsFor } from '#src/server/navigation/round-tabs.ts'
import { idParam } from '#src/server/routes/beheer/_respond.ts'

type HeaderRound = Pick<Round, 'id' | 'name' | 'status' | 'opens_on' | 'closes_on'>

export interface RoundHeader {
  round: HeaderRound
  tabs: Array<{ href: string; label: string; current: boolean }>
}

/** The round named by the URL's :roundId, or undefined when there is none (a 404). */
export async function roundHeader(request: FastifyRequest): Promise<RoundHeader | undefined> {
  const roundId = idParam((request.params as { roundId?: string }).roundId)
  if (roundId === null) return undefined
  const round = await request.server.db
    .selectFrom('rounds')
    .select(['id', 'name', 'status', 'opens_on', 'closes_on'])
    .where('id', '=', roundId)
    .executeTakeFirst()
  return round && roundHeaderOf(request, round)
}

/** The heading of a round the page has already loaded. */
export function roundHeaderOf(request: FastifyRequest, round: HeaderRound): RoundHeader {
  const path = request.url.split('?')[0]!
  return { round, tabs: roundTabsFor(round.id, request.staff!.role, path, request.t) }
}
