/** `/beheer/uitloggen`: sign out (a form post, so another site cannot sign staff out). */
import type { FastifyPluginAsync } from 'fastify'
import { audit } from '#src/server/services/audit/audit.ts'

const signOut: FastifyPluginAsync = async (app) => {
  app.post('/', { config: { roles: ['administrator', 'researcher', 'typist'] } }, async (request, reply) => {
    if (request.staff) await audit(app.db, { id: request.staff.id, username: request.staff.username }, 'staff.sign-out')
    request.session.regenerate(['lang'])
    return reply.redirect('/beheer/inloggen', 303)
  })
}

export default signOut
