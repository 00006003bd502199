/**
 * `/invoer/scans/pagina/:pageId`: a small picture of a scanned page that could not be
 * used, so a typist sees which sheet it is. Typists and researchers only (autohooks of
 * /invoer); never cached, since it shows a code and handwriting.
 */
import type { FastifyPluginAsync } from 'fastify'
import { roundsOpenForEntry } from '#src/server/services/paper/paper-entry.ts'
import { scanPageThumbnail } from '#src/server/services/scans/scan-overview.ts'
import { ENTRY_ROLES } from '#src/server/routes/invoer/autohooks.ts'

const options = { config: { roles: ENTRY_ROLES } }

const pageImage: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { pageId: string } }>('/', options, async (request, reply) => {
    const rounds = await roundsOpenForEntry(app.db)
    const png = /^\d{1,9}$/.test(request.params.pageId)
      ? await scanPageThumbnail(
          app.db,
          Number(request.params.pageId),
          rounds.map((r) => r.id),
        )
      : undefined
    if (!png) return reply.callNotFound()
    return reply.header('cache-control', 'no-store').type('image/png').send(png)
  })
}

export default pageImage
