/**
 * `/beheer/vragenlijsten`: the questionnaire versions, for researchers.
 *
 *   GET  /beheer/vragenlijsten  → every version (built in or uploaded), the rounds using it, the upload form
 *   POST /beheer/vragenlijsten  → upload a YAML or XLSX file: every fault listed; stored only when clean
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { UploadBody } from '#src/server/http/upload-form.ts'
import { acceptUploadForms, field, uploadedFile } from '#src/server/http/upload-form.ts'
import {
  MAX_QUESTIONNAIRE_BYTES,
  readQuestionnaireUpload,
} from '#src/server/services/questionnaires/questionnaire-file.ts'
import { listVersions, storeVersion } from '#src/server/services/questionnaires/questionnaire-store.ts'
import { readingProblems, storeProblem } from '#src/server/services/questionnaires/fault-text.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'

/** More than a page can usefully list; the rest is counted. */
const MAX_PROBLEMS_SHOWN = 200

interface UploadOutcome {
  problems: string[]
  basedOn: string
  replace: boolean
}

/** "kto-participatiewet:2" from the form's select → its key and version. */
function parseVersionChoice(value: string): { key: string; version: number } | undefined {
  const match = /^([a-z][a-z0-9_-]*):(\d{1,9})$/.exec(value)
  return match ? { key: match[1]!, version: Number(match[2]) } : undefined
}

const questionnairePages: FastifyPluginAsync = async (app) => {
  // The form's other fields are a few bytes; the file's own limit is checked again before parsing.
  await acceptUploadForms(app, MAX_QUESTIONNAIRE_BYTES + 64 * 1024)

  async function overview(request: FastifyRequest, reply: FastifyReply, outcome?: UploadOutcome) {
    const problems = outcome?.problems ?? []
    return reply.staffPage('staff/questionnaires.eta', request.t('management.questionnaires.title'), {
      versions: await listVersions(app.db),
      problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
      moreProblems: Math.max(0, problems.length - MAX_PROBLEMS_SHOWN),
      basedOn: outcome?.basedOn ?? '',
      replace: outcome?.replace ?? false,
      maxFileMb: MAX_QUESTIONNAIRE_BYTES / (1024 * 1024),
      fmt: numberFormats(request.lang),
    })
  }

  app.get('/', async (request, reply) => overview(request, reply))

  app.post<{ Body: UploadBody }>('/', async (request, reply) => {
    const t = request.t
    const basedOnField = field(request.body, 'basis')
    const replace = field(request.body, 'vervangen') === 'ja'
    const refuse = (problems: string[]) => {
      reply.status(422)
      return overview(request, reply, { problems, basedOn: basedOnField, replace })
    }
    const file = uploadedFile(request.body, 'bestand')
    if (!file) return refuse([t('management.questionnaires.noFile')])
    const reading = await readQuestionnaireUpload(file.fileName, file.data)
    if (!reading.ok) return refuse(readingProblems(reading, t))
    const definition = reading.definition
    const basedOn = parseVersionChoice(basedOnField)
    const stored = await storeVersion(app.db, staffActor(request), definition, {
      ...(basedOn ? { basedOn } : {}),
      replace,
      format: reading.format,
    })
    if (!stored.ok) return refuse([storeProblem(stored.problem, definition.id, definition.version, t)])
    request.notice(stored.replaced ? 'management.questionnaires.replaced' : 'management.questionnaires.saved', {
      key: definition.id,
      version: definition.version,
    })
    return reply.redirect(`/beheer/vragenlijsten/${definition.id}/${definition.version}`, 303)
  })
}

export default questionnairePages
