/**
 * `/vragenlijst/einde`: the end page of a screen-out answer, right after sending: the
 * questionnaire's own text for it (e.g. "this questionnaire is for people who had
 * contact in the last 12 months") instead of the usual thank-you. No respondent context.
 */
import type { FastifyPluginAsync } from 'fastify'
import { localize } from '#src/questionnaire/text.ts'

const endPage: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    const text = request.session.get('screenedOut')
    if (!request.session.get('submitted') || !text) return reply.redirect('/', 303)
    return reply.page(
      'respondent/message.eta',
      {
        heading: request.t('respondent.screenedOut.title'),
        body: localize(text, request.lang),
        extra: request.t('respondent.thanks.paper'),
      },
      // The questionnaire's languages, which the text was kept in.
      { title: request.t('respondent.screenedOut.title'), languages: Object.keys(text) },
    )
  })
}

export default endPage
