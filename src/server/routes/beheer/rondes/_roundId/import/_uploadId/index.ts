/**
 * `/beheer/rondes/:roundId/import/:uploadId`: the preview of one uploaded client file,
 * with every bad row; then import (a clean file), skip the reported rows (only with the
 * box "I understand" ticked, confirm=ja), or cancel to fix the file. When most lines are
 * bad, fixing the file is the primary action.
 * `…/:uploadId/fouten.csv`: the bad lines as a CSV, for whoever fixes the file.
 */
import type { FastifyPluginAsync } from 'fastify'
import { field } from '#src/server/http/upload-form.ts'
import {
  cancelStagedImport,
  importClients,
  ImportRefusedError,
  loadStagedImport,
} from '#src/server/services/fieldwork/client-import.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { importErrorsCsv } from '#src/server/services/fieldwork/import-error-list.ts'

const uploadPage: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { uploadId: string } }>('/', async (request, reply) => {
    const round = request.round!
    const staged = await loadStagedImport(app.db, round.id, request.params.uploadId)
    if (!staged) {
      request.notice('fieldwork.import.expired', undefined, 'refused')
      return reply.redirect(`/beheer/rondes/${round.id}/import`, 303)
    }
    const t = request.t
    const bad = staged.check.problems.length
    const total = bad + staged.check.rows.length
    return reply.staffPage('staff/fieldwork/import-preview.eta', t('fieldwork.import.previewTitle'), {
      upload: staged,
      mostlyBad: bad * 2 > total,
      total,
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
    })
  })

  app.get<{ Params: { uploadId: string } }>('/fouten.csv', async (request, reply) => {
    const round = request.round!
    const staged = await loadStagedImport(app.db, round.id, request.params.uploadId)
    if (!staged) {
      request.notice('fieldwork.import.expired', undefined, 'refused')
      return reply.redirect(`/beheer/rondes/${round.id}/import`, 303)
    }
    reply.header('content-type', 'text/csv; charset=utf-8')
    reply.header('content-disposition', `attachment; filename="foute-regels-${staged.id}.csv"`)
    reply.header('cache-control', 'no-store')
    return reply.send(importErrorsCsv(staged.check.problems, request.t))
  })

  app.post<{ Params: { uploadId: string }; Body: Record<string, string> }>('/', async (request, reply) => {
    const round = request.round!
    const base = `/beheer/rondes/${round.id}/import`
    if (field(request.body, 'actie') === 'annuleren') {
      await cancelStagedImport(app.db, round.id, request.params.uploadId, staffActor(request))
      request.notice('fieldwork.import.cancelled')
      return reply.redirect(base, 303)
    }
    const staged = await loadStagedImport(app.db, round.id, request.params.uploadId)
    if (!staged) {
      request.notice('fieldwork.import.expired', undefined, 'refused')
      return reply.redirect(base, 303)
    }
    const skip = field(request.body, 'actie') === 'overslaan'
    if (skip && field(request.body, 'confirm') !== 'ja') {
      request.notice('fieldwork.import.refused.notConfirmed', undefined, 'refused')
      return reply.redirect(`${base}/${staged.id}`, 303)
    }
    try {
      const result = await importClients(app.db, round.id, staged.check, {
        skipProblems: skip,
        actor: staffActor(request),
        uploadId: staged.id,
      })
      if (result.skipped > 0)
        request.notice('fieldwork.import.importedSkipped', { count: result.imported, skipped: result.skipped })
      else request.notice('fieldwork.import.imported', { count: result.imported })
      return reply.redirect(base, 303)
    } catch (error) {
      if (error instanceof ImportRefusedError) {
        request.notice(`fieldwork.import.refused.${error.key}`, undefined, 'refused')
        return reply.redirect(error.key === 'hasProblems' ? `${base}/${staged.id}` : base, 303)
      }
      throw error
    }
  })
}

export default uploadPage
