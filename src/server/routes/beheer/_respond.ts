/** Small answers every staff page gives the same way. */
import type { FastifyReply, FastifyRequest } from 'fastify'

/** "This page does not exist", for a round or account id that is not there. */
export function notFound(request: FastifyRequest, reply: FastifyReply) {
  reply.code(404)
  return reply.staffPage('error.eta', request.t('common.errors.title'), {
    message: request.t('common.errors.notFound'),
  })
}

/** A whole number from a URL parameter, or null: `/beheer/rondes/abc` is simply not found. */
export function idParam(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : null
}
