/**
 * Everything under /beheer is for signed-in staff; by default administrators and
 * researchers. Someone signed in with a password an administrator handed out picks
 * their own first: until then only their account page and signing out are open.
 */
import type { FastifyInstance } from 'fastify'
import { requireStaff } from '../../plugins/app/staff-auth.js'
import './_session.js'

const OPEN_WHILE_PASSWORD_MUST_CHANGE = /^\/beheer\/(account|uitloggen)(\/|$)/

export default async function (app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(['administrator', 'researcher']))
  app.addHook('preHandler', async (request, reply) => {
    if (!request.staff || !request.session.get('staffMustChangePassword')) return
    if (OPEN_WHILE_PASSWORD_MUST_CHANGE.test(request.routeOptions.url ?? '')) return
    if (request.method === 'GET') return reply.redirect('/beheer/account', 303)
    return reply.code(403).page('error.eta', { message: request.t('staff.account.mustChange') }, { title: request.t('staff.account.title'), layout: 'layouts/staff.eta' })
  })
}
