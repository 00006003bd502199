/**
 * Errors become a plain Dutch (or English) page with the right status; the log gets the
 * English details, never the request body.
 */
import fp from 'fastify-plugin'
import type { FastifyError } from 'fastify'
import type { MessageKey } from '#src/i18n/translate.ts'
import { isDatabaseUnavailable } from '#src/server/db/unavailable.ts'

function messageKey(status: number, code: string | undefined): MessageKey {
  if (code === 'FST_CSRF_INVALID_TOKEN' || code === 'FST_CSRF_MISSING_SECRET') return 'common.errors.csrf'
  if (status === 404) return 'common.errors.notFound'
  if (status === 413) return 'common.errors.tooLarge'
  if (status === 503) return 'common.errors.unavailable'
  if (status >= 400 && status < 500) return 'common.errors.badRequest'
  return 'common.errors.server'
}

export default fp(async (app) => {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const databaseDown = isDatabaseUnavailable(error)
    const status = databaseDown ? 503 : error.statusCode && error.statusCode >= 400 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: error.code, status }, 'request rejected')
    reply.status(status)
    if (!request.t) return { error: error.code ?? 'error', status }
    return reply.page(
      'error.eta',
      { message: request.t(messageKey(status, error.code)) },
      { title: request.t('common.errors.title') },
    )
  })

  app.setNotFoundHandler(async (request, reply) => {
    reply.status(404)
    if (!request.t) return { error: 'not found' }
    return reply.page(
      'error.eta',
      { message: request.t('common.errors.notFound') },
      { title: request.t('common.errors.title') },
    )
  })
})
