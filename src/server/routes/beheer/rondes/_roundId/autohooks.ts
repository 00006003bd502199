/**
 * Every page of one round (/beheer/rondes/:roundId and the folders under it):
 * - researchers only, unless a route's `config.roles` says otherwise (the monitor also
 *   lets administrators in);
 * - the round named by the URL is loaded once onto `request.round`; an id that is not
 *   there answers "this page does not exist" (404) before any handler runs.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { requireStaff } from '#src/server/plugins/app/staff-auth.ts'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'
import { loadStaffRound } from '#src/server/services/rounds/staff-round.ts'
import { idParam, notFound } from '#src/server/routes/beheer/_respond.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** The round of a /beheer/rondes/:roundId page; set before its handler runs. */
    round: StaffRound | null
  }
}

async function loadRoundOfUrl(request: FastifyRequest, reply: FastifyReply) {
  if (request.round) return
  const id = idParam((request.params as { roundId?: string }).roundId)
  const round = id === null ? undefined : await loadStaffRound(request.server.db, id)
  if (!round) return notFound(request, reply)
  request.round = round
}

export default async function (app: FastifyInstance) {
  // Cascaded hooks run once per folder below this one: decorate only once.
  if (!app.hasRequestDecorator('round')) app.decorateRequest('round', null)
  app.addHook('preHandler', requireStaff(['researcher']))
  app.addHook('preHandler', loadRoundOfUrl)
}
