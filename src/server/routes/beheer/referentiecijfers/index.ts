/**
 * `/beheer/referentiecijfers`: sets of reference figures from a benchmark organisation,
 * for researchers and administrators (the default of /beheer).
 *
 *   GET  /beheer/referentiecijfers                       → the sets, and the upload form
 *   POST /beheer/referentiecijfers                       → upload a CSV: every row checked; stored only when clean
 *   POST /beheer/referentiecijfers/:setId/verwijderen    → delete a set
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { UploadBody } from '#src/server/http/upload-form.ts'
import { acceptUploadForms, field, uploadedFile } from '#src/server/http/upload-form.ts'
import type { ReferenceProblem } from '#src/server/services/report/reference-file.ts'
import {
  checkReferenceFile,
  MAX_REFERENCE_BYTES,
  MAX_REFERENCE_ROWS,
} from '#src/server/services/report/reference-file.ts'
import {
  deleteReferenceSet,
  listReferenceSets,
  saveReferenceSet,
} from '#src/server/services/report/reference-figures.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'

/** More than a page can usefully list; the rest is counted. */
const MAX_PROBLEMS_SHOWN = 200
const MAX_TEXT = 200
const FIRST_YEAR = 1990

interface Form {
  name: string
  source: string
  year: string
}

/**
 * The form may be a little larger than the file limit, so that a file just over it is
 * answered with the reason (checkReferenceFile) rather than a bare "too large".
 */
const FORM_BYTES = 2 * MAX_REFERENCE_BYTES

const referenceFigurePages: FastifyPluginAsync = async (app) => {
  await acceptUploadForms(app, FORM_BYTES)

  async function overview(
    request: FastifyRequest,
    reply: FastifyReply,
    outcome: { form?: Form; problems?: string[] } = {},
  ) {
    const problems = outcome.problems ?? []
    return reply.staffPage('staff/reference-figures.eta', request.t('management.referenceFigures.title'), {
      sets: await listReferenceSets(app.db),
      form: outcome.form ?? { name: '', source: '', year: '' },
      problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
      moreProblems: Math.max(0, problems.length - MAX_PROBLEMS_SHOWN),
      maxMb: MAX_REFERENCE_BYTES / (1024 * 1024),
      maxRows: MAX_REFERENCE_ROWS,
      fmt: numberFormats(request.lang),
    })
  }

  app.get('/', async (request, reply) => overview(request, reply))

  app.post<{ Body: UploadBody }>('/', async (request, reply) => {
    const t = request.t
    const form: Form = {
      name: field(request.body, 'naam').trim(),
      source: field(request.body, 'bron').trim(),
      year: field(request.body, 'jaar').trim(),
    }
    const file = uploadedFile(request.body, 'bestand')
    const year = Number(form.year)
    const formProblems: string[] = []
    if (form.name === '' || form.name.length > MAX_TEXT)
      formProblems.push(t('management.referenceFigures.formErrors.noName'))
    if (form.source === '' || form.source.length > MAX_TEXT)
      formProblems.push(t('management.referenceFigures.formErrors.noSource'))
    if (!/^\d{4}$/.test(form.year) || year < FIRST_YEAR || year > new Date().getFullYear() + 1)
      formProblems.push(t('management.referenceFigures.formErrors.badYear'))
    if (!file) formProblems.push(t('management.referenceFigures.formErrors.noFile'))
    const check = file ? checkReferenceFile(file.data) : undefined
    const fileProblems = check && !check.ok ? check.problems : []
    if (formProblems.length > 0 || fileProblems.length > 0 || !check?.ok) {
      reply.status(422)
      const text = (p: ReferenceProblem) => t(`management.referenceFigures.problems.${p.key}`, p.params)
      return overview(request, reply, { form, problems: [...formProblems, ...fileProblems.map(text)] })
    }
    await saveReferenceSet(app.db, { name: form.name, source: form.source, year }, check.figures, staffActor(request))
    request.notice('management.referenceFigures.saved', { name: form.name, count: check.figures.length })
    return reply.redirect('/beheer/referentiecijfers', 303)
  })

  app.post<{ Params: { setId: string } }>('/:setId/verwijderen', async (request, reply) => {
    const setId = /^\d{1,9}$/.test(request.params.setId) ? Number(request.params.setId) : null
    const name = setId === null ? null : await deleteReferenceSet(app.db, setId, staffActor(request))
    if (name === null) request.notice('management.referenceFigures.notFound', {}, 'refused')
    else request.notice('management.referenceFigures.deleted', { name })
    return reply.redirect('/beheer/referentiecijfers', 303)
  })
}

export default referenceFigurePages
