/**
 * `/vragenlijst`: the online questionnaire, one section per page. This route sends the
 * respondent to where they are; the folders beside it hold the other pages:
 *
 *   GET  /vragenlijst                  → the page to resume at
 *   GET  /vragenlijst/deel/:section    → one section (deel/_section/)
 *   POST /vragenlijst/deel/:section    → save its answers, then previous / next / overview
 *   GET  /vragenlijst/overzicht        → review of unanswered questions
 *   POST /vragenlijst/verzenden        → submit
 *   GET  /vragenlijst/bedankt          → thank-you page
 *   POST /vragenlijst/stoppen          → sign out, continue later
 */
import type { FastifyPluginAsync } from 'fastify'
import { progressOf } from './_respondent-page.ts'

const resumePage: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    const { sections, open } = progressOf(request)
    // Resume where something is still open; a new respondent starts at the first section.
    const resumeAt =
      Object.keys(request.respondent.answers).length === 0
        ? sections[0]
        : sections.find((s) => s.questions.some((q) => open.some((o) => o.id === q.id)))
    return reply.redirect(resumeAt ? `/vragenlijst/deel/${resumeAt.id}` : '/vragenlijst/overzicht', 303)
  })
}

export default resumePage
