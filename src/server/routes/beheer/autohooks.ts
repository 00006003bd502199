/** Everything under /beheer is for signed-in staff; by default administrators and researchers. */
import type { FastifyInstance } from 'fastify'
import { requireStaff } from '../../plugins/app/staff-auth.js'

export default async function (app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(['administrator', 'researcher']))
}
