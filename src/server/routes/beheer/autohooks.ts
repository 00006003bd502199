/**
 * Everything under /beheer is for signed-in staff; by default administrators and
 * researchers. Someone signed in with a password an administrator handed out picks
 * their own first: until then only their account page and signing out are open.
 */
import type { FastifyInstance } from 'fastify'
import { requireOwnPassword, requireStaff } from '#src/server/plugins/app/staff-auth.ts'
import './_session.ts'

export default async function (app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(['administrator', 'researcher']))
  app.addHook('preHandler', requireOwnPassword)
}
