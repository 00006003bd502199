/**
 * `/beheer/rondes/:roundId/brieven/:mailingId`: one letter mailing's print files per
 * municipality, with progress while they are made (the page refreshes itself), downloads
 * (`/bestand/:batchId`, and the list of sets beside a sets file: `/lijst/:batchId`), the
 * mailing list CSV (`/adreslijst.csv`), "make again" (same people, same codes; as sets
 * or with letters and forms apart), and the collation check of a print file or scan
 * (`/controle`).
 */
import { createReadStream } from 'node:fs'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { UploadBody } from '#src/server/http/upload-form.ts'
import { acceptUploadForms, field, uploadedFile } from '#src/server/http/upload-form.ts'
import { startPrintFiles } from '#src/server/jobs/fieldwork.ts'
import type { MailingKind } from '#src/server/db/schema.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import type { PrintLayout } from '#src/server/services/fieldwork/letter-batches.ts'
import {
  batchesOfRound,
  batchFile,
  batchManifest,
  changePrintLayout,
  layoutOf,
  remakeBatches,
} from '#src/server/services/fieldwork/letter-batches.ts'
import type { PrintCheck } from '#src/print-check/index.ts'
import { checkPrintFile, PdfReadError, TooManyScannedPages } from '#src/print-check/index.ts'
import { describeProblem, summaryLines } from '#src/print-check/describe.ts'
import { mailingListCsv } from '#src/server/services/fieldwork/mailing-list.ts'
import {
  assertPrintable,
  describeProblems,
  PrintRefusedError,
  printProblems,
} from '#src/server/services/fieldwork/print-readiness.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { noticePrintRefusal } from '../../_print-refusal.ts'

const KIND_PARAM: Record<MailingKind, string> = { invitation: 'uitnodiging', reminder: 'herinnering' }
const LAYOUTS: Record<'sets' | 'apart', PrintLayout> = { sets: 'sets', apart: 'separate' }
/** Seconds between reloads of a page that shows progress. */
const REFRESH_SECONDS = 3
/**
 * The largest file the check takes here: the print file of a large municipality (2,300
 * sets are about 40 MB), or a scan of part of the stack. It is read in memory.
 */
const MAX_CHECK_BYTES = 100 * 1024 * 1024
/** Scanned pages read on the web server (about 0.2 s each); more with `peiling check-print`. */
const MAX_SCANNED_PAGES = 400

interface CheckResult {
  fileName: string
  lines: string[]
  problems: string[]
}

const letterMailingPages: FastifyPluginAsync = async (app) => {
  await acceptUploadForms(app, MAX_CHECK_BYTES)

  async function showPage(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { error?: string; check?: CheckResult } = {},
  ): Promise<FastifyReply> {
    const round = request.round!
    const mailing = request.mailing!
    const batches = await batchesOfRound(app.db, round.id, mailing.id)
    const busy = batches.some((b) => b.status === 'queued' || b.status === 'running')
    if (busy) reply.header('refresh', String(REFRESH_SECONDS))
    // A file fails when the letter is no longer complete (checked again as it is made):
    // say in Dutch what to fill in, where the file's own error is the English log line.
    const problems = batches.some((b) => b.status === 'failed')
      ? await printProblems(app.db, round.id, mailing.kind, app.config.publicUrl)
      : undefined
    return reply.staffPage('staff/fieldwork/letter-mailing.eta', request.t('fieldwork.letters.mailingTitle'), {
      mailing,
      sets: batches.filter((b) => b.content === 'sets'),
      letters: batches.filter((b) => b.content === 'letters'),
      questionnaires: batches.filter((b) => b.content === 'questionnaires'),
      layout: layoutOf(batches.map((b) => b.content)) ?? null,
      busy,
      refreshSeconds: REFRESH_SECONDS,
      maxCheckMb: MAX_CHECK_BYTES / (1024 * 1024),
      error: extra.error ?? null,
      check: extra.check ?? null,
      readiness: problems ? describeProblems(problems, request.t) : [],
      readinessIntro: request.t('fieldwork.letters.failedIncomplete'),
    })
  }

  app.get<{ Params: { mailingId: string } }>('/', async (request, reply) => showPage(request, reply))

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
      const batches = await batchesOfRound(app.db, round.id, mailing.id)
      const wanted = field(request.body, 'indeling')
      const current = layoutOf(batches.map((b) => b.content))
      const layout: PrintLayout | undefined = wanted === 'sets' || wanted === 'apart' ? LAYOUTS[wanted] : undefined
      const count =
        current && layout && layout !== current
          ? await changePrintLayout(app.db, app.config, round.id, mailing.id, layout, staffActor(request))
          : await remakeBatches(app.db, round.id, mailing.id, staffActor(request))
      startPrintFiles(app.db, app.config, request.log)
      request.notice('fieldwork.letters.remade', { count })
    }
    return reply.redirect(`/beheer/rondes/${round.id}/brieven/${mailing.id}`, 303)
  })

  app.post<{ Params: { mailingId: string }; Body: UploadBody }>('/controle', async (request, reply) => {
    const t = request.t
    const file = uploadedFile(request.body, 'bestand')
    if (!file) return showPage(request, reply.status(422), { error: t('fieldwork.printCheck.noFile') })
    let check: PrintCheck
    try {
      check = await checkPrintFile(file.data, { maxScannedPages: MAX_SCANNED_PAGES })
    } catch (error) {
      if (error instanceof PdfReadError)
        return showPage(request, reply.status(422), { error: t('fieldwork.printCheck.notPdf') })
      if (error instanceof TooManyScannedPages)
        return showPage(request, reply.status(422), {
          error: t('fieldwork.printCheck.tooManyPages', { max: MAX_SCANNED_PAGES }),
        })
      throw error
    }
    return showPage(request, reply, {
      check: {
        fileName: file.fileName,
        lines: summaryLines(t, check),
        problems: check.problems.map((problem) => describeProblem(t, problem)),
      },
    })
  })

  /** Sends a finished file of one of the mailing's batches: the PDF or the list of sets beside it. */
  async function sendBatchFile(
    request: FastifyRequest<{ Params: { mailingId: string; batchId: string } }>,
    reply: FastifyReply,
    find: typeof batchFile,
    contentType: string,
  ) {
    const round = request.round!
    const batchId = request.params.batchId
    const file = /^\d{1,9}$/.test(batchId) ? await find(app.db, app.config, round.id, Number(batchId)) : undefined
    if (!file) return reply.callNotFound()
    await audit(
      app.db,
      staffActor(request),
      'letters.download',
      { mailingId: request.mailing!.id, batchId: Number(batchId) },
      round.id,
    )
    reply.header('content-type', contentType)
    reply.header('content-disposition', `attachment; filename="${file.name}"`)
    reply.header('cache-control', 'no-store')
    return reply.send(createReadStream(file.path))
  }

  app.get<{ Params: { mailingId: string; batchId: string } }>('/lijst/:batchId', (request, reply) =>
    sendBatchFile(request, reply, batchManifest, 'text/csv; charset=utf-8'),
  )

  app.get<{ Params: { mailingId: string; batchId: string } }>('/bestand/:batchId', (request, reply) =>
    sendBatchFile(request, reply, batchFile, 'application/pdf'),
  )

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
