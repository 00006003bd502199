/** `/vragenlijst/overzicht`: before sending, the questions still unanswered, each linked to its page. */
import type { FastifyPluginAsync } from 'fastify'
import { reviewPage } from './_review-page.ts'

const reviewRoute: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => reviewPage(request, reply))
}

export default reviewRoute
