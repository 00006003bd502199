/**
 * `/beheer/rondes/:roundId/brieven/:mailingId`: one letter mailing's print files per
 * municipality, with progress while they are made (the page refreshes itself), downloads
 * (`/bestand/:batchId`), the mailing list CSV (`/adreslijst.csv`), and "make again" (same
 * people, same codes).
 */
import { createReadStream } from 'node:fs'
import type { FastifyPluginAsync } from 'fastify'
import { field } from '#src/server/http/upload-form.ts'
import { startPrintFiles } from '#src/server/jobs/fieldwork.ts'
import type { MailingKind } from '#src/server/db/schema.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { batchesOfRound, batchFile, remakeBatches } from '#src/server/services/fieldwork/letter-batches.ts'
import { mailingListCsv } from '#src/server/services/fieldwork/mailing-list.ts'
import { assertPrintable, PrintRefusedError } from '#src/server/services/fieldwork/print-readiness.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { noticePrintRefusal } from '../../_print-refusal.ts'

const KIND_PARAM: Record<MailingKind, string> = { invitation: 'uitnodiging', reminder: 'herinnering' }
/** Seconds between reloads of a page that shows progress. */
const REFRESH_SECONDS = 3

const letterMailingPages: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { mailingId: string } }>('/', async (request, reply) => {
    const round = request.round!
    const mailing = request.mailing!
    const batches = await batchesOfRound(app.db, round.id, mailing.id)
    const busy = batches.some((b) => b.status === 'queued' || b.status === 'running')
    if (busy) reply.header('refresh', String(REFRESH_SECONDS))
    return reply.staffPage('staff/fieldwork/letter-mailing.eta', request.t('fieldwork.letters.mailingTitle'), {
      mailing,
      letters: batches.filter((b) => b.content === 'letters'),
      questionnaires: batches.filter((b) => b.content === 'questionnaires'),
      busy,
      refreshSeconds: REFRESH_SECONDS,
    })
  })

  app.post<{ Params: { mailingId: string }; Body: Record<string, string> }>('/', async (request, reply) => {
    const round = request.round!
    const mailing = request.mailing!
    if (field(request.body, 'actie') === 'opnieuw') {
      // A remake prints with the template as it is now: it must still be complete.
      try {
        await assertPrintable(app.db, round.id, mailing.kind, app.config.publicUrl)
      } catch (error) {
        if (!(error instanceof PrintRefusedError)) throw error
        noticePrintRefusal(request, error)
        return reply.redirect(`/beheer/rondes/${round.id}/brieven/${mailing.id}`, 303)
      }
      const count = await remakeBatches(app.db, round.id, mailing.id, staffActor(request))
      startPrintFiles(app.db, app.config, request.log)
      request.notice('fieldwork.letters.remade', { count })
    }
    return reply.redirect(`/beheer/rondes/${round.id}/brieven/${mailing.id}`, 303)
  })

  app.get<{ Params: { mailingId: string; batchId: string } }>('/bestand/:batchId', async (request, reply) => {
    const round = request.round!
    const mailing = request.mailing!
    const batchId = request.params.batchId
    const file = /^\d{1,9}$/.test(batchId) ? await batchFile(app.db, app.config, round.id, Number(batchId)) : undefined
    if (!file) return reply.callNotFound()
    await audit(
      app.db,
      staffActor(request),
      'letters.download',
      { mailingId: mailing.id, batchId: Number(batchId) },
      round.id,
    )
    reply.header('content-type', 'application/pdf')
    reply.header('content-disposition', `attachment; filename="${file.name}"`)
    reply.header('cache-control', 'no-store')
    return reply.send(createReadStream(file.path))
  })

  app.get<{ Params: { mailingId: string } }>('/adreslijst.csv', async (request, reply) => {
    const round = request.round!
    const mailing = request.mailing!
    await audit(app.db, staffActor(request), 'mailing-list.download', { mailingId: mailing.id }, round.id)
    reply.header('content-type', 'text/csv; charset=utf-8')
    reply.header(
      'content-disposition',
      `attachment; filename="adreslijst-${KIND_PARAM[mailing.kind]}-${mailing.id}.csv"`,
    )
    reply.header('cache-control', 'no-store')
    return reply.send(mailingListCsv(app.db, mailing.id, app.config.publicUrl))
  })
}

export default letterMailingPages
