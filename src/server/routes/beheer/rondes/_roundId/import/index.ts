/**
 * `/beheer/rondes/:roundId/import`: upload the municipality's client file, see every bad
 * row, then import (a clean file), skip the reported rows, or cancel.
 * The preview of one upload: ./_uploadId/index.ts.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { UploadBody } from '#src/server/http/upload-form.ts'
import { acceptUploadForms, uploadedFile } from '#src/server/http/upload-form.ts'
import { ClientFileError } from '#src/server/services/fieldwork/client-file.ts'
import { readClientFileApart } from '#src/server/services/fieldwork/client-file-reader.ts'
import {
  checkClientFile,
  importBlocker,
  loadRoundForImport,
  populationPerStratum,
  stageImport,
} from '#src/server/services/fieldwork/client-import.ts'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'

const MAX_FILE_BYTES = 20 * 1024 * 1024
const EXPECTED_COLUMNS =
  'klantnummer;voorletters;tussenvoegsel;achternaam;straat;huisnummer;toevoeging;postcode;woonplaats;gemeente;email;taal'

const importPages: FastifyPluginAsync = async (app) => {
  await acceptUploadForms(app, MAX_FILE_BYTES)

  async function showUploadPage(request: FastifyRequest, reply: FastifyReply, round: StaffRound, error: string | null) {
    const blocker = await importBlocker(app.db, round.id)
    const population = await populationPerStratum(app.db, round.id)
    return reply.staffPage('staff/fieldwork/import.eta', request.t('fieldwork.import.title'), {
      population,
      total: population.reduce((n, s) => n + s.clients, 0),
      blocked: blocker ? request.t(`fieldwork.import.refused.${blocker.key}`) : null,
      error,
      expectedColumns: EXPECTED_COLUMNS,
      maxFileMb: MAX_FILE_BYTES / (1024 * 1024),
    })
  }

  app.get('/', async (request, reply) => {
    const round = request.round!
    return showUploadPage(request, reply, round, null)
  })

  app.post<{ Body: UploadBody }>('/', async (request, reply) => {
    const round = request.round!
    const file = uploadedFile(request.body, 'bestand')
    if (!file) return showUploadPage(request, reply.status(422), round, request.t('fieldwork.import.noFile'))
    const blocker = await importBlocker(app.db, round.id)
    if (blocker)
      return showUploadPage(request, reply.status(409), round, request.t(`fieldwork.import.refused.${blocker.key}`))
    try {
      const check = checkClientFile(await readClientFileApart(file.data), await loadRoundForImport(app.db, round.id))
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
}

export default importPages
