/**
 * `/beheer/rondes/:roundId/resultaten`: quick results per question, per municipality and
 * in total, with small groups suppressed (services/results.ts), under a summary on one
 * screen: the response and reliability table that opens the municipal reports
 * (services/reliability.ts), the overall grade against the previous round and the
 * reference group, and the five largest changes (the report's summary, src/report/).
 */
import type { FastifyPluginAsync } from 'fastify'
import { loadResults } from '#src/server/services/reporting/results.ts'
import { formatDifference } from '#src/report/format.ts'
import { reportSummary } from '#src/server/services/report/report-summary.ts'
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
      // The report's summary, compared with what the researcher chose for the report.
      report: await reportSummary(app.db, request.round!.id),
      rt: request.t,
      fmtDifference: formatDifference,
      waiting: await waitingResponses(app.db, request.round!.id),
      fmt: numberFormats(request.lang),
    })
  })
}

export default resultsPage
