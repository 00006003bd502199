/** `/vragenlijst/bedankt`: the thank-you page, right after sending (no respondent context needed). */
import type { FastifyPluginAsync } from 'fastify'

const thanksPage: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    if (!request.session.get('submitted')) return reply.redirect('/', 303)
    return reply.page(
      'respondent/message.eta',
      {
        heading: request.t('respondent.thanks.title'),
        body: request.t('respondent.thanks.body'),
        extra: request.t('respondent.thanks.paper'),
        next: request.t('respondent.thanks.next'),
      },
      { title: request.t('respondent.thanks.title') },
    )
  })
}

export default thanksPage
