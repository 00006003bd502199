/** Every page of one mailing under /verzendingen: the mailing is loaded onto `request.mailing`. */
import type { FastifyInstance } from 'fastify'
import { loadMailingOfUrl } from '#src/server/routes/beheer/rondes/_roundId/_mailing.ts'

export default async function (app: FastifyInstance) {
  loadMailingOfUrl(app)
}
