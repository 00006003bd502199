/** `/vragenlijst/verzenden`: the respondent sends the questionnaire; from then on it no longer names them. */
import type { FastifyPluginAsync } from 'fastify'
import { afterSending, alreadyDone, refusal } from '#src/server/routes/vragenlijst/_respondent-page.ts'
import { reviewPage } from '#src/server/routes/vragenlijst/overzicht/_review-page.ts'

const submitRoute: FastifyPluginAsync = async (app) => {
  app.post('/', async (request, reply) => {
    const submitted = await app.answerSaving.submit(request.respondent, request.lang)
    if (submitted.kind === 'completed') return alreadyDone(request, reply)
    if (submitted.kind === 'refused') return refusal(request, reply, submitted.context)
    if (submitted.kind === 'incomplete') {
      request.respondent = submitted.context
      return reviewPage(request, reply.status(422), true)
    }
    return afterSending(request, reply, submitted)
  })
}

export default submitRoute
