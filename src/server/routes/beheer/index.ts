/** `/beheer`: the staff start page. */
import type { FastifyPluginAsync } from 'fastify'

const staffHome: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { roles: ['administrator', 'researcher', 'typist'] } }, async (request, reply) => {
    if (request.staff?.role === 'typist') return reply.redirect('/invoer', 303)
    return reply.page('staff/home.eta', {}, { title: request.t('staff.home.title'), layout: 'layouts/staff.eta' })
  })
}

export default staffHome
