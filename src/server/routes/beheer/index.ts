/** `/beheer`: the staff start page, with every round and its headline figures. */
import type { FastifyPluginAsync } from 'fastify'
import { listRounds } from '#src/server/services/rounds/rounds.ts'
import { numberFormats } from './_format.ts'

const staffHome: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { roles: ['administrator', 'researcher', 'typist'] } }, async (request, reply) => {
    // A typist's only work is paper entry; signing in lands here by default.
    if (request.staff?.role === 'typist') return reply.redirect('/invoer', 303)
    return reply.staffPage('staff/home.eta', request.t('staff.home.title'), {
      rounds: await listRounds(app.db),
      fmt: numberFormats(request.lang),
      researcher: request.staff?.role === 'researcher',
    })
  })
}

export default staffHome
