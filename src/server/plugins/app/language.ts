/**
 * Chooses the language of every page: `?lang=` (remembered in the session), else Dutch.
 * The browser's language is not used: many respondents' phones are set to English
 * while they read Dutch best, and every page has the language switch.
 */
import fp from 'fastify-plugin'
import type { Translate } from '#src/i18n/translate.ts'
import { translator } from '#src/i18n/translate.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** The chosen language code, e.g. "nl", "en" or a questionnaire language such as "ar". */
    lang: string
    t: Translate
  }
}

declare module '@fastify/secure-session' {
  interface SessionData {
    lang: string
  }
}

/** Languages a page may be shown in: the UI's own, plus questionnaire languages (texts fall back to Dutch). */
const LANGUAGE_CODE = /^[a-z]{2,3}$/

export default fp(async (app) => {
  app.decorateRequest('lang', 'nl')
  app.decorateRequest('t', null as unknown as Translate)
  app.addHook('onRequest', async (request) => {
    const asked = (request.query as Record<string, unknown> | undefined)?.lang
    if (typeof asked === 'string' && LANGUAGE_CODE.test(asked)) {
      request.session.set('lang', asked)
    }
    request.lang = request.session.get('lang') ?? 'nl'
    request.t = translator(request.lang)
  })
})
