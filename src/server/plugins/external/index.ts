/**
 * Third-party plugins, registered once for the whole app (not encapsulated).
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fp from 'fastify-plugin'
import helmet from 'helmet'
import formbody from '@fastify/formbody'
import secureSession from '@fastify/secure-session'
import csrf from '@fastify/csrf-protection'
import fastifyStatic from '@fastify/static'
import view from '@fastify/view'
import { Eta } from 'eta'
import type { AppConfig } from '#src/server/config.ts'
import { respondentStylesheet } from '#src/server/http/stylesheet.ts'
import type { UrlEncodedFields } from '#src/server/http/url-encoded.ts'
import { parseUrlEncoded } from '#src/server/http/url-encoded.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')

export const SESSION_COOKIE = 'peiling'

/** The largest page (paper entry of a whole questionnaire) has a few hundred fields; thousands are an attack. */
const MAX_FORM_FIELDS = 2000

/** Form bodies as formbody's own parser gives them (repeated names become arrays), refused above MAX_FORM_FIELDS. */
function parseForm(body: string): UrlEncodedFields {
  let fields = 1
  for (let i = body.indexOf('&'); i !== -1; i = body.indexOf('&', i + 1)) {
    if (++fields > MAX_FORM_FIELDS)
      throw Object.assign(new Error(`more than ${MAX_FORM_FIELDS} form fields`), { statusCode: 413 })
  }
  return parseUrlEncoded(body)
}

export default fp<{ config: AppConfig }>(async (app, { config }) => {
  // helmet itself rather than @fastify/helmet: that plugin builds a new helmet (and parses
  // the whole policy again) on every request: 4% of the CPU time of an answer save.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The respondent stylesheet inline on the first page of a visit, by its hash: nothing else inline.
        styleSrc: ["'self'", respondentStylesheet(config.designTokens).inlineSource],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    // Personal links must not leak to other sites through the Referer header.
    referrerPolicy: { policy: 'no-referrer' },
    hsts: config.secureCookies,
  })
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  )
  await app.register(formbody, { bodyLimit: 256 * 1024, parser: parseForm })
  await app.register(secureSession, {
    cookieName: SESSION_COOKIE,
    key: createHash('sha256').update(config.sessionSecret).digest(),
    expiry: 24 * 60 * 60,
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies },
  })
  await app.register(csrf, { sessionPlugin: '@fastify/secure-session' })
  await app.register(fastifyStatic, {
    root: path.join(root, 'public'),
    prefix: '/static/',
    maxAge: '1d',
  })
  await app.register(view, {
    engine: { eta: new Eta({ autoEscape: true, cache: process.env.NODE_ENV === 'production' }) },
    root: path.join(root, 'views'),
    // No global layout: @fastify/view refuses a per-render layout when one is set
    // globally, and staff pages use their own (page.ts picks it).
    viewExt: 'eta',
  })
})
