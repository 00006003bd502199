/**
 * What the questionnaire pages (routes/vragenlijst) share: `app.answerSaving`, the one
 * AnswerSaving of this process (its save batches and remembered contexts span all
 * respondents), and `request.respondent`, the signed-in respondent's context, which the
 * questionnaire's autohooks load before each page.
 */
import fp from 'fastify-plugin'
import { AnswerSaving } from '#src/server/services/respondent/answer-saving.ts'
import type { ParticipantContext } from '#src/server/services/respondent/participation.ts'

declare module 'fastify' {
  interface FastifyInstance {
    answerSaving: AnswerSaving
  }
  interface FastifyRequest {
    /** Set on every questionnaire page but the thank-you page, before its handler runs. */
    respondent: ParticipantContext
  }
}

export default fp(async (app) => {
  const saving = new AnswerSaving(app.db)
  app.decorate('answerSaving', saving)
  app.addHook('onClose', async () => saving.close())
  app.decorateRequest('respondent', null as unknown as ParticipantContext)
})
