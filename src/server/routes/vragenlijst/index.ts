/**
 * `/vragenlijst`: the online questionnaire, a section on one or more pages (questionnaire/pages.ts). This route sends the
 * respondent to where they are; the folders beside it hold the other pages:
 *
 *   GET  /vragenlijst                  → the page to resume at
 *   GET  /vragenlijst/deel/:page       → one page (deel/_page/)
 *   POST /vragenlijst/deel/:page       → save its answers, then previous / next / overview
 *   GET  /vragenlijst/overzicht        → check your answers
 *   POST /vragenlijst/verzenden        → submit
 *   GET  /vragenlijst/bedankt          → thank-you page
 *   GET  /vragenlijst/einde            → the end page of a screen-out answer, with its own text
 *   POST /vragenlijst/stoppen          → sign out, continue later
 */
import type { FastifyPluginAsync } from 'fastify'
import { resumeAddress } from './_respondent-page.ts'

const resumePage: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => reply.redirect(resumeAddress(request), 303))
}

export default resumePage
