/**
 * Chooses the language of every page: the one in the session (`?lang=` from the switch
 * on every page, or the client file's, set at sign-in: sign-in.ts), else the browser's
 * (Accept-Language) among the interface's languages, else Dutch. The browser's choice is
 * not remembered, so that signing in can still start in the client file's language.
 */
import fp from 'fastify-plugin'
import Negotiator from 'negotiator'
import type { Translate } from '#src/i18n/translate.ts'
import { isStaffLanguage, translator, UI_LANGUAGES } from '#src/i18n/translate.ts'

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

const STAFF_AREA = /^\/(beheer|invoer)(\/|\?|$)/

export default fp(async (app) => {
  app.decorateRequest('lang', 'nl')
  app.decorateRequest('t', null as unknown as Translate)
  app.addHook('onRequest', async (request) => {
    const asked = (request.query as Record<string, unknown> | undefined)?.lang
    if (typeof asked === 'string' && LANGUAGE_CODE.test(asked)) {
      request.session.set('lang', asked)
    }
    request.lang = request.session.get('lang') ?? new Negotiator(request).language([...UI_LANGUAGES]) ?? 'nl'
    // The staff pages are written in Dutch and English only: a Turkish session shows them in Dutch.
    if (STAFF_AREA.test(request.url) && !isStaffLanguage(request.lang)) request.lang = 'nl'
    request.t = translator(request.lang)
  })
})
