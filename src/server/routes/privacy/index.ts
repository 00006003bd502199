/** `/privacy`: what happens to a respondent's answers and personal data, in plain language. */
import type { FastifyPluginAsync } from 'fastify'

const privacyStatement: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    return reply.page('respondent/privacy.eta', {}, { title: request.t('respondent.privacy.title') })
  })
}

export default privacyStatement
