/**
 * Every questionnaire page but the thank-you page needs a signed-in respondent who may
 * still answer: their context is loaded onto `request.respondent`, or the page says why
 * not (signed out, round not open, already sent) before any handler runs.
 */
import type { FastifyInstance } from 'fastify'
import type { LangText } from '#src/questionnaire/definition.ts'
import { rememberLanguage } from '#src/server/services/respondent/participation.ts'
import { refusal } from './_respondent-page.ts'

/** Pages shown after sending: they need no respondent context (there is none to load any more). */
const AFTER_SENDING = new Set(['/vragenlijst/bedankt', '/vragenlijst/einde'])

/** A page save may start from the context the previous save left (AnswerSaving.contextFor). */
const PAGE_URL = '/vragenlijst/deel/:page'

declare module '@fastify/secure-session' {
  interface SessionData {
    /** Set by a submission, for the thank-you page. */
    submitted: boolean
    /**
     * Set by a submission that a screen-out answer ended: the end page's text (the
     * definition's `screenOut.text`), read after the response no longer names anyone.
     */
    screenedOut: LangText
  }
}

export default async function (app: FastifyInstance) {
  app.addHook('preHandler', async (request, reply) => {
    if (AFTER_SENDING.has(request.routeOptions.url ?? '')) return
    const participantId = request.session.get('participantId')
    const savingPage = request.method === 'POST' && request.routeOptions.url === PAGE_URL
    const context = participantId ? await app.answerSaving.contextFor(participantId, savingPage) : undefined
    // The language switch (?lang=) on a questionnaire page is remembered for the next visit.
    const picked = (request.query as Record<string, unknown> | undefined)?.lang
    if (context && picked === request.lang && context.definition.languages.includes(request.lang)) {
      if (await rememberLanguage(app.db, context.participant.id, request.lang))
        app.answerSaving.forget(context.participant.id)
    }
    if (context) {
      const face = await app.municipalityFaces.of(context.round.id, context.participant.stratum_id)
      if (JSON.stringify(face) !== JSON.stringify(request.session.get('municipality')))
        request.session.set('municipality', face)
    }
    return refusal(request, reply, context)
  })
}
