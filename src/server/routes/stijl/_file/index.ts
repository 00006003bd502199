/**
 * `/stijl/<hash>.css`: the respondent pages' stylesheet with its design tokens
 * (http/stylesheet.ts). The name changes with the content, so browsers keep it for good.
 */
import type { FastifyPluginAsync } from 'fastify'

const stylesheetRoute: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { file: string } }>('/', async (request, reply) => {
    const { css, path } = app.respondentStylesheet
    if (path !== `/stijl/${request.params.file}`) return reply.callNotFound()
    return reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(css)
  })
}

export default stylesheetRoute
