/** Small answers every staff page gives the same way. */
import type { FastifyReply, FastifyRequest } from 'fastify'

/** A staff page in the staff layout. */
export function staffPage(reply: FastifyReply, template: string, data: Record<string, unknown>, title: string) {
  return reply.page(template, data, { title, layout: 'layouts/staff.eta' })
}

/** "This page does not exist", for a round or account id that is not there. */
export function notFound(request: FastifyRequest, reply: FastifyReply) {
  reply.code(404)
  return staffPage(
    reply,
    'error.eta',
    { message: request.t('common.errors.notFound') },
    request.t('common.errors.title'),
  )
}

/** A whole number from a URL parameter, or null: `/beheer/rondes/abc` is simply not found. */
export function idParam(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : null
}
