/** The questionnaires (/beheer/vragenlijsten) are for researchers, who choose them for their rounds. */
import type { FastifyInstance } from 'fastify'
import { requireStaff } from '#src/server/plugins/app/staff-auth.ts'

export default async function (app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(['researcher']))
}
