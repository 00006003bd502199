/**
 * `/beheer/rondes/:roundId/verzendingen/:mailingId`: one mailing; for e-mail the queue's
 * state, failures and bounces per participant, and sending again by a person's decision.
 */
import type { FastifyPluginAsync } from 'fastify'
import { field } from '#src/server/http/upload-form.ts'
import { startEmailSending } from '#src/server/jobs/fieldwork.ts'
import { mailingCounts } from '#src/server/services/fieldwork/mailings.ts'
import { problemMessages, queueStatus, requeueMessages } from '#src/server/services/fieldwork/email-queue.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'

/** Seconds between reloads of a page that shows progress. */
const REFRESH_SECONDS = 5

type Query = Record<string, string | undefined>

const mailingPage: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { mailingId: string } }>('/', async (request, reply) => {
    const mailing = request.mailing!
    const queue = mailing.channel === 'email' ? await queueStatus(app.db, mailing.id) : null
    const busy = Boolean(queue && queue.queued + queue.sending > 0)
    if (busy) reply.header('refresh', String(REFRESH_SECONDS))
    return reply.staffPage('staff/fieldwork/mailing.eta', request.t('fieldwork.mailings.mailingTitle'), {
      mailing,
      perStratum: await mailingCounts(app.db, mailing.id),
      queue,
      busy,
      refreshSeconds: REFRESH_SECONDS,
      problems: mailing.channel === 'email' ? await problemMessages(app.db, mailing.id) : [],
    })
  })

  app.post<{ Params: { mailingId: string }; Body: Query }>('/', async (request, reply) => {
    const round = request.round!
    const mailing = request.mailing!
    const action = field(request.body, 'actie')
    const which = action === 'opnieuw-mislukt' ? 'failed' : action === 'opnieuw-onzeker' ? 'uncertain' : undefined
    if (which && mailing.channel === 'email') {
      const count = await requeueMessages(app.db, round.id, mailing.id, which, staffActor(request))
      startEmailSending(app.db, app.config, request.log)
      request.notice('fieldwork.mailings.requeued', { count })
    }
    return reply.redirect(`/beheer/rondes/${round.id}/verzendingen/${mailing.id}`, 303)
  })
}

export default mailingPage
