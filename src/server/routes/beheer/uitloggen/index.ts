/** `/beheer/uitloggen`: sign out (a form post, so another site cannot sign staff out). */
import type { FastifyPluginAsync } from 'fastify'

const signOut: FastifyPluginAsync = async (app) => {
  app.post('/', { config: { roles: ['administrator', 'researcher', 'typist'] } }, async (request, reply) => {
    request.session.regenerate(['lang'])
    return reply.redirect('/beheer/inloggen', 303)
  })
}

export default signOut
