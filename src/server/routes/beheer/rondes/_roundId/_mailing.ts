/**
 * The mailing of a /beheer/rondes/:roundId/{brieven,verzendingen}/:mailingId page, loaded
 * once onto `request.mailing` by the autohooks of those `_mailingId` folders. A mailing of
 * another round (or, for letters, of another channel) is not found.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Channel, MailingSummary } from '#src/server/services/fieldwork/mailings.ts'
import { loadMailing } from '#src/server/services/fieldwork/mailings.ts'
import { idParam } from '#src/server/routes/beheer/_respond.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** The mailing of a …/:mailingId page; set before its handler runs. */
    mailing: MailingSummary | null
  }
}

/** Loads the URL's mailing before every handler of the folder; `channel` narrows it. */
export function loadMailingOfUrl(app: FastifyInstance, channel?: Channel): void {
  // Cascaded hooks may run once per folder below this one: decorate only once.
  if (!app.hasRequestDecorator('mailing')) app.decorateRequest('mailing', null)
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.mailing || !request.round) return
    const id = idParam((request.params as { mailingId?: string }).mailingId)
    const mailing = id === null ? undefined : await loadMailing(request.server.db, request.round.id, id)
    if (!mailing || (channel !== undefined && mailing.channel !== channel)) return reply.callNotFound()
    request.mailing = mailing
  })
}
