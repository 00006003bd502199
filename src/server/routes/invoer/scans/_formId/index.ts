/**
 * `/invoer/scans/<form>`: checking a scanned paper form. The keying screen, holding the
 * values read, with the scan of every question beside it; the cursor goes only to what
 * the reader was not sure of and to handwriting. Works without JavaScript; public/typist.js
 * adds the keyboard path (Tab and Enter from one field to check to the next).
 *
 *   GET  /invoer/scans/:formId                         → the form to check (?alle=1: every field in the Tab order)
 *   POST /invoer/scans/:formId                         → store it (warnings first), then the next form
 *   GET  /invoer/scans/:formId/beeld/:page/:question.png → the scan of one question on one page
 *
 * Typists and researchers only (../../autohooks.ts). A scan shows the code and handwriting:
 * its pictures are never kept by the browser.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { KeyedFields } from '#src/server/db/schema.ts'
import type { SaveOutcome } from '#src/server/services/paper/paper-entry.ts'
import type { KeyingWarning } from '#src/server/services/paper/paper-form.ts'
import { keyedFieldsFromForm, readKeyedForm, warningsFingerprint } from '#src/server/services/paper/paper-form.ts'
import type { ScannedForm } from '#src/server/services/scans/check-form.ts'
import {
  acceptScannedForm,
  nextReadyForm,
  openScannedForm,
  questionAreas,
  questionPicture,
} from '#src/server/services/scans/check-form.ts'
import { FIELD_PREFIX, formView } from '../../_form-view.ts'
import { ENTRY_ROLES } from '../../autohooks.ts'

type Body = Record<string, string | string[] | undefined>
type Params = { formId: string }

const options = { config: { roles: ENTRY_ROLES } }
const SCANS = '/invoer/scans'

function text(body: Body | undefined, name: string): string {
  const value = body?.[name]
  return (Array.isArray(value) ? value[0] : value)?.slice(0, 200) ?? ''
}

function renderCheck(
  request: FastifyRequest,
  reply: FastifyReply,
  scanned: ScannedForm,
  extra: { fields?: KeyedFields; warnings?: KeyingWarning[]; confirm?: string | null; allFields?: boolean } = {},
) {
  const form = extra.fields ? { ...scanned.form, fields: extra.fields } : scanned.form
  const view = formView(form, request.t, request.lang, extra.warnings)
  const base = `${SCANS}/${scanned.formId}`
  const uncertain = new Map(scanned.reading.fields.filter((f) => !f.certain).map((f) => [`f-${f.variable}`, f.reason]))
  const areas = questionAreas(scanned)
  const pictures = Object.fromEntries(
    view.questions.map((q) => {
      const onPages = areas.get(q.id) ?? []
      return [
        q.id,
        onPages.map((a) => ({
          src: `${base}/beeld/${a.page}/${encodeURIComponent(q.id)}.png`,
          alt:
            onPages.length > 1
              ? request.t('typist.scanCheck.pictureOnPage', { number: q.number, page: a.page })
              : request.t('typist.scanCheck.picture', { number: q.number }),
          // The picture's size in points, so the page keeps its place while the pictures load.
          width: Math.round(a.rect.width),
          height: Math.round(a.rect.height),
        })),
      ]
    }),
  )
  const title = request.t('typist.scanCheck.title', { form: form.code ?? '' })
  return reply.staffPage('typist/form.eta', title, {
    form,
    heading: title,
    notices: scanned.notices.map((n) => request.t(`typist.scanCheck.notices.${n}`)),
    questions: view.questions,
    warnings: view.warnings,
    confirm: extra.confirm ?? null,
    message: null,
    scan: {
      action: base,
      allFields: extra.allFields ?? false,
      allFieldsLink: `${base}?alle=1`,
      checkLink: base,
      back: SCANS,
      count: request.t('typist.scanCheck.count', { count: uncertain.size, total: scanned.reading.fields.length }),
      uncertain: Object.fromEntries(
        [...uncertain].map(([id, reason]) => [
          id,
          request.t(reason === 'written' ? 'typist.scanCheck.written' : 'typist.scanCheck.unclear'),
        ]),
      ),
      pictures,
    },
  })
}

/** Tells the next page what became of the form just stored; the keying screen's own words. */
function noticeOf(request: FastifyRequest, outcome: SaveOutcome): void {
  switch (outcome.kind) {
    case 'saved':
      return request.notice('typist.scanCheck.saved')
    case 'duplicate':
      return request.notice('typist.saved.duplicate', {
        mode: request.t(`typist.modes.${outcome.earlierMode}`),
        reference: outcome.reference,
      })
    case 'secondKeyingDiffers':
      return request.notice('typist.saved.secondKeyingDiffers', { count: outcome.differences })
    case 'alreadyKeyedByYou':
      return request.notice('typist.codeErrors.alreadyKeyedByYou', undefined, 'refused')
    case 'roundNotOpen':
      return request.notice('typist.saved.roundNotOpen', undefined, 'refused')
    case 'alreadySaved':
      return request.notice('typist.scanCheck.gone', undefined, 'refused')
    default:
      return request.notice(`typist.saved.${outcome.kind}`)
  }
}

function refuse(request: FastifyRequest, reply: FastifyReply, problem: 'gone' | 'roundNotOpen' | 'alreadyKeyedByYou') {
  request.notice(problem === 'gone' ? 'typist.scanCheck.gone' : `typist.codeErrors.${problem}`, undefined, 'refused')
  return reply.redirect(SCANS, 303)
}

const scanCheck: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Params; Querystring: { alle?: string } }>('/', options, async (request, reply) => {
    const opened = await openScannedForm(app.db, request.staff!.id, request.params.formId)
    if (!opened.ok) return refuse(request, reply, opened.problem)
    return renderCheck(request, reply, opened.scanned, { allFields: request.query.alle === '1' })
  })

  app.post<{ Params: Params; Body: Body }>('/', options, async (request, reply) => {
    const typistId = request.staff!.id
    const opened = await openScannedForm(app.db, typistId, request.params.formId)
    if (!opened.ok) return refuse(request, reply, opened.problem)
    const { form, formId } = opened.scanned
    const fields = keyedFieldsFromForm(form.definition, request.body ?? {}, FIELD_PREFIX)
    // Warnings as on the keying screen: confirmed as on paper, except "m" where several
    // ticks are allowed, which only the ticks themselves can replace.
    const { warnings } = readKeyedForm(form.definition, fields, { stratum: form.stratumCode })
    const fingerprint = warningsFingerprint(warnings)
    const blocked = warnings.some((w) => w.kind === 'markNotAllowed')
    if (blocked || (warnings.length > 0 && text(request.body, 'bevestigd') !== fingerprint)) {
      return renderCheck(request, reply.status(422), opened.scanned, {
        fields,
        warnings,
        confirm: blocked ? null : fingerprint,
        allFields: text(request.body, 'alle') === '1',
      })
    }
    const { outcome, roundId } = await acceptScannedForm(app.db, typistId, formId, fields)
    noticeOf(request, outcome)
    const next = roundId !== undefined ? await nextReadyForm(app.db, typistId, roundId, formId) : undefined
    return reply.redirect(next ? `${SCANS}/${next}` : SCANS, 303)
  })

  app.get<{ Params: Params & { page: string; picture: string } }>(
    '/beeld/:page/:picture',
    options,
    async (request, reply) => {
      const page = Number(request.params.page)
      const question = /^(.+)\.png$/.exec(request.params.picture)?.[1]
      if (!Number.isSafeInteger(page) || page < 1 || !question) return reply.callNotFound()
      const png = await questionPicture(app.db, request.params.formId, question, page)
      if (!png) return reply.callNotFound()
      // Handwriting and a code: not for any cache, and gone with the scan.
      return reply.type('image/png').header('cache-control', 'no-store').send(png)
    },
  )
}

export default scanCheck
