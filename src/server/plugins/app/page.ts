/**
 * `reply.page(template, data)` renders a view inside the layout with what every page
 * needs: texts in the chosen language, the CSRF token, and the text direction.
 */
import fp from 'fastify-plugin'
import { isRightToLeft } from '#src/questionnaire/text.ts'
import { formatDate, UI_LANGUAGES } from '#src/i18n/translate.ts'
import { languageName } from '#src/i18n/language-names.ts'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'
import { navigationFor } from '#src/server/navigation/staff-menu.ts'
import { siteAddress } from '#src/server/services/fieldwork/recipients.ts'
import type { Stylesheet } from '#src/server/http/stylesheet.ts'
import { respondentStylesheet } from '#src/server/http/stylesheet.ts'

declare module '@fastify/secure-session' {
  interface SessionData {
    /** Set once a page has brought the stylesheet inline: the next pages link it. */
    styled: boolean
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The respondent pages' stylesheet with the design tokens in force (routes/stijl). */
    respondentStylesheet: Stylesheet
  }
  interface FastifyReply {
    /** Renders and sends the page; `return reply.page(...)` from handlers and hooks alike. */
    page(template: string, data?: Record<string, unknown>, options?: PageOptions): Promise<FastifyReply>
  }
}

export interface PageOptions {
  /** Languages to offer in the language switch (default: the UI languages). */
  languages?: readonly string[]
  /** The page's title, for <title>. */
  title?: string
  /** Staff pages use their own layout and navigation. */
  layout?: string
}

export default fp(async (app) => {
  // "hengelo.peiling.nl": how the letter writes the site, so a client can check they are on it.
  const address = siteAddress(app.config.publicUrl)
  const stylesheet = respondentStylesheet(app.config.designTokens)
  app.decorate('respondentStylesheet', stylesheet)
  app.decorateReply('page', async function (this, template, data = {}, options = {}) {
    const request = this.request
    const lang = request.lang
    const languages = (options.languages ?? UI_LANGUAGES).map((code) => ({
      code,
      name: languageName(code),
    }))
    const csrfToken = this.generateCsrf()
    // The first page of a visit brings its stylesheet inline (one round trip less before the
    // first paint on a slow line) and has the browser fetch the file for the next pages.
    const firstPage = !request.session.get('styled')
    if (firstPage) request.session.set('styled', true)
    const path = request.url.split('?')[0]!
    const staff = request.staff
    const html = await this.viewAsync(
      template,
      {
        ...data,
        t: request.t,
        lang,
        dir: isRightToLeft(lang) ? 'rtl' : 'ltr',
        csrfToken,
        siteAddress: address,
        stylesheetPath: stylesheet.path,
        stylesheetInline: firstPage ? stylesheet.css : null,
        languages,
        path,
        staff,
        // Known once the respondent's code is: their municipality's name, logo and contact line.
        municipality: staff ? null : (request.session.get('municipality') ?? null),
        staffNav: staff ? navigationFor(staff.role, path, request.t) : [],
        title: options.title,
        // A timestamp is shown as its day in the municipality's calendar, as the monitor counts it.
        formatDate: (day: string | Date) => formatDate(typeof day === 'string' ? day : todayInAmsterdam(day), lang),
      },
      { layout: options.layout ?? 'layouts/main.eta' },
    )
    this.type('text/html; charset=utf-8')
    // Pages hold personal progress: never cache them in shared or back-button caches.
    this.header('cache-control', 'no-store')
    return this.send(html)
  })
})
