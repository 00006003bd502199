/**
 * `/beheer/rondes/:roundId/import`: upload the municipality's client file, see every bad
 * row, then import (a clean file), skip the reported rows, or cancel.
 * `/import/:uploadId` is the preview of one upload.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { FIELDWORK_ROLES, flash, renderFieldwork, roundFromUrl, takeFlash } from '#src/server/fieldwork-page.ts'
import type { UploadBody } from '#src/server/http/upload-form.ts'
import { acceptUploadForms, field, uploadedFile } from '#src/server/http/upload-form.ts'
import { ClientFileError, readClientFile } from '#src/server/services/fieldwork/client-file.ts'
import {
  cancelStagedImport,
  checkClientFile,
  importBlocker,
  importClients,
  ImportRefusedError,
  loadRoundForImport,
  loadStagedImport,
  populationPerStratum,
  stageImport,
} from '#src/server/services/fieldwork/client-import.ts'
import type { FieldworkRound } from '#src/server/services/rounds/fieldwork-round.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'

const MAX_FILE_BYTES = 20 * 1024 * 1024
const EXPECTED_COLUMNS =
  'klantnummer;voorletters;tussenvoegsel;achternaam;straat;huisnummer;toevoeging;postcode;woonplaats;gemeente;email;taal'

const importPages: FastifyPluginAsync = async (app) => {
  acceptUploadForms(app, MAX_FILE_BYTES)
  const options = { config: { roles: FIELDWORK_ROLES } }

  async function showUploadPage(
    request: FastifyRequest,
    reply: FastifyReply,
    round: FieldworkRound,
    error: string | null,
  ) {
    const blocker = await importBlocker(app.db, round.id)
    const population = await populationPerStratum(app.db, round.id)
    return renderFieldwork(request, reply, 'import.eta', round, request.t('fieldwork.import.title'), {
      population,
      total: population.reduce((n, s) => n + s.clients, 0),
      blocked: blocker ? request.t(`fieldwork.import.refused.${blocker.key}`) : null,
      error,
      message: takeFlash(request),
      expectedColumns: EXPECTED_COLUMNS,
    })
  }

  app.get('/', options, async (request, reply) => {
    const round = await roundFromUrl(request, reply)
    if (!round) return reply
    return showUploadPage(request, reply, round, null)
  })

  app.post<{ Body: UploadBody }>('/', options, async (request, reply) => {
    const round = await roundFromUrl(request, reply)
    if (!round) return reply
    const file = uploadedFile(request.body, 'bestand')
    if (!file) return showUploadPage(request, reply.status(422), round, request.t('fieldwork.import.noFile'))
    const blocker = await importBlocker(app.db, round.id)
    if (blocker)
      return showUploadPage(request, reply.status(409), round, request.t(`fieldwork.import.refused.${blocker.key}`))
    try {
      const check = checkClientFile(await readClientFile(file.data), await loadRoundForImport(app.db, round.id))
      const uploadId = await stageImport(app.db, round.id, file.fileName, check, staffActor(request))
      return reply.redirect(`/beheer/rondes/${round.id}/import/${uploadId}`, 303)
    } catch (error) {
      if (error instanceof ClientFileError) {
        return showUploadPage(
          request,
          reply.status(422),
          round,
          request.t(`fieldwork.import.file_errors.${error.key}`, error.params),
        )
      }
      throw error
    }
  })

  app.get<{ Params: { uploadId: string } }>('/:uploadId', options, async (request, reply) => {
    const round = await roundFromUrl(request, reply)
    if (!round) return reply
    const staged = await loadStagedImport(app.db, round.id, request.params.uploadId)
    if (!staged) {
      flash(request, request.t('fieldwork.import.expired'))
      return reply.redirect(`/beheer/rondes/${round.id}/import`, 303)
    }
    const t = request.t
    return renderFieldwork(request, reply, 'import-preview.eta', round, t('fieldwork.import.previewTitle'), {
      upload: staged,
      problems: staged.check.problems.map((p) => ({
        ...p,
        reasons: p.reasons.map((r) => t(`fieldwork.import.reasons.${r.key}`, r.params)),
      })),
      // The first good lines as they will be stored, so a column mix-up shows at once.
      firstRows: staged.check.rows.slice(0, 5).map((r) => ({
        line: r.line,
        clientNumber: r.client_number,
        name: [r.initials, r.name_prefix, r.last_name].filter(Boolean).join(' '),
        address: [r.street, r.house_number, r.house_number_suffix].filter(Boolean).join(' '),
        postcode: r.postcode,
        city: r.city,
        stratum: round.strata.find((s) => s.id === r.stratum_id)?.name ?? '',
        email: r.email ?? '',
        language: r.language,
      })),
      error: takeFlash(request),
    })
  })

  app.post<{ Params: { uploadId: string }; Body: Record<string, string> }>(
    '/:uploadId',
    options,
    async (request, reply) => {
      const round = await roundFromUrl(request, reply)
      if (!round) return reply
      const t = request.t
      const base = `/beheer/rondes/${round.id}/import`
      if (field(request.body, 'actie') === 'annuleren') {
        await cancelStagedImport(app.db, round.id, request.params.uploadId, staffActor(request))
        flash(request, t('fieldwork.import.cancelled'))
        return reply.redirect(base, 303)
      }
      const staged = await loadStagedImport(app.db, round.id, request.params.uploadId)
      if (!staged) {
        flash(request, t('fieldwork.import.expired'))
        return reply.redirect(base, 303)
      }
      try {
        const result = await importClients(app.db, round.id, staged.check, {
          skipProblems: field(request.body, 'actie') === 'overslaan',
          actor: staffActor(request),
          uploadId: staged.id,
        })
        flash(
          request,
          result.skipped > 0
            ? t('fieldwork.import.importedSkipped', { count: result.imported, skipped: result.skipped })
            : t('fieldwork.import.imported', { count: result.imported }),
        )
        return reply.redirect(base, 303)
      } catch (error) {
        if (error instanceof ImportRefusedError) {
          flash(request, t(`fieldwork.import.refused.${error.key}`))
          return reply.redirect(error.key === 'hasProblems' ? `${base}/${staged.id}` : base, 303)
        }
        throw error
      }
    },
  )
}

export default importPages
