/**
 * `/beheer/rondes/:roundId/resultaten`: quick results per question, per municipality and
 * in total, with small groups suppressed (services/results.ts).
 */
import type { FastifyPluginAsync } from 'fastify'
import { loadResults } from '#src/server/services/reporting/results.ts'
import { staffPage } from '#src/server/routes/beheer/_respond.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'
import { roundHeaderOf } from '#src/server/routes/beheer/rondes/_round-header.ts'

const resultsPage: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { roles: ['researcher'] } }, async (request, reply) => {
    const header = roundHeaderOf(request, request.round!)
    const results = (await loadResults(
      app.db,
      header.round.id,
      request.lang,
      request.t('management.results.otherCodes'),
    ))!
    results.columns[0]!.name = request.t('management.results.total')
    return staffPage(
      reply,
      'staff/results.eta',
      { header, results, fmt: numberFormats(request.lang) },
      `${request.t('management.results.title')}: ${header.round.name}`,
    )
  })
}

export default resultsPage
