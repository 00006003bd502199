/**
 * `/beheer/rondes/:roundId/export`: the anonymous data set, for researchers.
 *
 *   GET  /beheer/rondes/:roundId/export  → what there is, and the choice of file
 *   POST /beheer/rondes/:roundId/export  → the file (CSV streamed; written to the audit log)
 *
 * A form post rather than a link, so the audited download needs the page's CSRF token:
 * another site cannot make a researcher's browser download (and log) an export.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ExportFormat } from '#src/server/services/reporting/exports.ts'
import { countExportRows, countScreenedOut, EXPORT_FORMATS } from '#src/server/services/reporting/exports.ts'
import { exportFile } from '#src/server/services/reporting/export-files.ts'
import { isStaffLanguage } from '#src/i18n/translate.ts'
import { waitingResponses } from '#src/server/services/responses/release-responses.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
const exportPage: FastifyPluginAsync = async (app) => {
  /** The page: how many rows there are, the choice of file, and an error if any. */
  async function showPage(request: FastifyRequest, reply: FastifyReply, error: string | null) {
    const roundId = request.round!.id
    const screenedOut = await countScreenedOut(app.db, roundId)
    const complete = (await countExportRows(app.db, roundId, { includePartial: false })) - screenedOut
    const all = (await countExportRows(app.db, roundId, { includePartial: true })) - screenedOut
    return reply.staffPage('staff/export.eta', request.t('management.export.title'), {
      formats: EXPORT_FORMATS,
      complete,
      partial: all - complete,
      screenedOut,
      waiting: await waitingResponses(app.db, roundId),
      error,
      fmt: numberFormats(request.lang),
      // The embedded database is open in one process only: the app's, while it runs.
      commandOnlyWhileStopped: app.database.kind === 'pglite',
    })
  }

  app.get('/', async (request, reply) => showPage(request, reply, null))

  app.post<{ Body: { format?: string; partial?: string; beoordeeld?: string } }>('/', async (request, reply) => {
    const format = request.body?.format as ExportFormat | undefined
    if (!format || !EXPORT_FORMATS.includes(format)) {
      reply.status(422)
      return showPage(request, reply, request.t('management.export.badFormat'))
    }
    const lang = isStaffLanguage(request.lang) ? request.lang : 'nl'
    const file = (await exportFile(
      app.db,
      staffActor(request),
      request.round!.id,
      format,
      { includePartial: request.body?.partial === '1', reviewedTexts: request.body?.beoordeeld === '1' },
      request.t,
      lang,
    ))!
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
    return reply.send(file.body)
  })
}

export default exportPage
