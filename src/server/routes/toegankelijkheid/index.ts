/**
 * `/toegankelijkheid`: the accessibility statement (toegankelijkheidsverklaring) that
 * Dutch public bodies must publish. It states what was measured, not what was hoped for.
 */
import type { FastifyPluginAsync } from 'fastify'
import { MEASURED_CONFORMANCE } from './_measured.ts'

const accessibilityStatement: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    return reply.page(
      'respondent/accessibility.eta',
      { measured: MEASURED_CONFORMANCE },
      { title: request.t('respondent.accessibility.title') },
    )
  })
}

export default accessibilityStatement
