/**
 * Every page of one round (/beheer/rondes/:roundId and the folders under it):
 * - researchers only, unless a route's `config.roles` says otherwise (the monitor also
 *   lets administrators in);
 * - the round named by the URL is loaded once onto `request.round` (declared with
 *   `reply.staffPage`, which shows its heading); an id that is not
 *   there answers "this page does not exist" (404) before any handler runs.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { requireStaff } from '#src/server/plugins/app/staff-auth.ts'
import { loadStaffRound } from '#src/server/services/rounds/staff-round.ts'
import { idParam, notFound } from '#src/server/routes/beheer/_respond.ts'

async function loadRoundOfUrl(request: FastifyRequest, reply: FastifyReply) {
  if (request.round) return
  const id = idParam((request.params as { roundId?: string }).roundId)
  const round = id === null ? undefined : await loadStaffRound(request.server.db, id)
  if (!round) return notFound(request, reply)
  request.round = round
}

export default async function (app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(['researcher']))
  app.addHook('preHandler', loadRoundOfUrl)
}
