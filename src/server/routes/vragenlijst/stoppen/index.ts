/** `/vragenlijst/stoppen`: sign out and continue later with the same code; what was saved stays. */
import type { FastifyPluginAsync } from 'fastify'

const stopRoute: FastifyPluginAsync = async (app) => {
  app.post('/', async (request, reply) => {
    app.answerSaving.forget(request.respondent.participant.id)
    request.session.regenerate(['lang'])
    return reply.page(
      'respondent/message.eta',
      {
        heading: request.t('respondent.signedOut.title'),
        body: request.t('respondent.signedOut.body'),
        homeLink: true,
      },
      { title: request.t('respondent.signedOut.title') },
    )
  })
}

export default stopRoute
