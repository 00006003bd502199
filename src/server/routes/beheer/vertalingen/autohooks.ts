/** The translation files (/beheer/vertalingen) are for researchers, who also run the rounds whose letters they print. */
import type { FastifyInstance } from 'fastify'
import { requireStaff } from '#src/server/plugins/app/staff-auth.ts'

export default async function (app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(['researcher']))
}
