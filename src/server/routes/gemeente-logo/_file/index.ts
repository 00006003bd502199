/**
 * `/gemeente-logo/<template id>-<hash>`: the logo of a municipality's letter, shown on the
 * respondent pages. The address changes with the logo, so a phone keeps it for good and
 * downloads it once, not on every page.
 */
import type { FastifyPluginAsync } from 'fastify'

const municipalityLogo: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { file: string } }>('/', async (request, reply) => {
    const logo = await app.municipalityFaces.logo(request.params.file)
    if (!logo) return reply.callNotFound()
    return reply
      .type(logo.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(logo.data)
  })
}

export default municipalityLogo
