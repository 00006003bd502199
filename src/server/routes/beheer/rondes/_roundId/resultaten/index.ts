/**
 * `/beheer/rondes/:roundId/resultaten`: quick results per question, per municipality and
 * in total, with small groups suppressed (services/results.ts), under the response and
 * reliability table that opens the municipal reports (services/reliability.ts).
 */
import type { FastifyPluginAsync } from 'fastify'
import { loadReliability } from '#src/server/services/reporting/reliability.ts'
import { loadResults } from '#src/server/services/reporting/results.ts'
import { waitingResponses } from '#src/server/services/responses/release-responses.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'

const resultsPage: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    const results = (await loadResults(
      app.db,
      request.round!.id,
      request.lang,
      request.t('management.results.otherCodes'),
    ))!
    results.columns[0]!.name = request.t('management.results.total')
    return reply.staffPage('staff/results.eta', request.t('management.results.title'), {
      results,
      reliability: await loadReliability(app.db, request.round!.id),
      waiting: await waitingResponses(app.db, request.round!.id),
      fmt: numberFormats(request.lang),
    })
  })
}

export default resultsPage
