/**
 * `/invoer/scans`: scanned paper forms. Upload a scan file; see how far its reading is,
 * the pages that could not be used, forms that miss a page, and forms ready to check
 * (the check itself: ./_formId). Works without JavaScript: while pages are being read
 * the page refreshes itself. Typists and researchers only (../autohooks.ts): a scan
 * shows a code and handwriting.
 *
 *   GET  /invoer/scans   → upload form and the lists
 *   POST /invoer/scans   → store an upload (all pages or none), read it in the background
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { formatLoginCode } from '#src/codes/login-code.ts'
import type { UploadBody } from '#src/server/http/upload-form.ts'
import { acceptUploadForms, field, uploadedFile } from '#src/server/http/upload-form.ts'
import { roundsOpenForEntry } from '#src/server/services/paper/paper-entry.ts'
import { scanOverview } from '#src/server/services/scans/scan-overview.ts'
import { SCAN_LIMITS, ScanUploadError, storeScan } from '#src/server/services/scans/store-scan.ts'
import { startScanReading } from '#src/server/jobs/scan-reading.ts'
import { ENTRY_ROLES } from '../autohooks.ts'

const options = { config: { roles: ENTRY_ROLES } }
const REFRESH_SECONDS = 5
/** Room for the form's other fields next to the file. */
const FORM_BYTES = SCAN_LIMITS.maxBytes + 64 * 1024

const scanPages: FastifyPluginAsync = async (app) => {
  await acceptUploadForms(app, FORM_BYTES)

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { error?: string; roundId?: number } = {},
  ) {
    const rounds = await roundsOpenForEntry(app.db)
    const overview = await scanOverview(
      app.db,
      rounds.map((r) => r.id),
    )
    return reply.staffPage('typist/scans.eta', request.t('typist.scans.title'), {
      rounds,
      roundId: extra.roundId ?? rounds[0]?.id,
      error: extra.error ?? null,
      overview: {
        // Texts picked here, where the type checker holds each status and problem to a text.
        batches: overview.batches.map((b) => ({
          ...b,
          statusText: request.t(`typist.scans.status.${b.status}`),
          problems: b.problems.map((p) => ({ ...p, problemText: request.t(`typist.scans.problems.${p.problem}`) })),
        })),
        ready: overview.ready.map((f) => ({ ...f, code: formatLoginCode(f.code) })),
        incomplete: overview.incomplete.map((f) => ({ ...f, code: formatLoginCode(f.code) })),
      },
      reading: overview.batches.some((b) => b.status === 'reading'),
      refreshSeconds: REFRESH_SECONDS,
      maxMb: SCAN_LIMITS.maxBytes / (1024 * 1024),
      maxPages: SCAN_LIMITS.maxPages,
    })
  }

  app.get('/', options, async (request, reply) => render(request, reply))

  app.post<{ Body: UploadBody }>('/', options, async (request, reply) => {
    const roundId = Number(field(request.body, 'ronde'))
    const rounds = await roundsOpenForEntry(app.db)
    if (!rounds.some((r) => r.id === roundId))
      return render(request, reply.status(422), { error: request.t('typist.scans.uploadErrors.noRound') })
    const file = uploadedFile(request.body, 'bestand')
    if (!file)
      return render(request, reply.status(422), { error: request.t('typist.scans.uploadErrors.noFile'), roundId })
    try {
      const stored = await storeScan(app.db, {
        bytes: file.data,
        fileName: file.fileName,
        roundId,
        staffId: request.staff!.id,
      })
      startScanReading(app.db, request.log)
      request.notice('typist.scans.uploaded', { pages: stored.pages })
      return reply.redirect('/invoer/scans', 303)
    } catch (error) {
      if (error instanceof ScanUploadError)
        return render(request, reply.status(422), {
          error: request.t(`typist.scans.uploadErrors.${error.key}`, error.params),
          roundId,
        })
      throw error
    }
  })
}

export default scanPages
