/**
 * What the questionnaire pages (routes/vragenlijst) share: `app.answerSaving`, the one
 * AnswerSaving of this process (its save batches and remembered contexts span all
 * respondents), `app.municipalityFaces` (name, logo and contact line of the respondent's
 * municipality), and `request.respondent`, the signed-in respondent's context, which the
 * questionnaire's autohooks load before each page.
 */
import fp from 'fastify-plugin'
import { AnswerSaving } from '#src/server/services/respondent/answer-saving.ts'
import type { ParticipantContext } from '#src/server/services/respondent/participation.ts'
import type { MunicipalityFace } from '#src/server/services/respondent/municipality-face.ts'
import { MunicipalityFaces } from '#src/server/services/respondent/municipality-face.ts'

declare module 'fastify' {
  interface FastifyInstance {
    answerSaving: AnswerSaving
    municipalityFaces: MunicipalityFaces
  }
  interface FastifyRequest {
    /** Set on every questionnaire page but the thank-you page, before its handler runs. */
    respondent: ParticipantContext
  }
}

declare module '@fastify/secure-session' {
  interface SessionData {
    /** The respondent's municipality, once the code is known: every respondent page shows it (layouts/main.eta). */
    municipality: MunicipalityFace
  }
}

export default fp(async (app) => {
  const saving = new AnswerSaving(app.db)
  app.decorate('answerSaving', saving)
  app.decorate('municipalityFaces', new MunicipalityFaces(app.db))
  app.addHook('onClose', async () => saving.close())
  app.decorateRequest('respondent', null as unknown as ParticipantContext)
})
