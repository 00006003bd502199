/**
 * `/invoer`: the typists' screen for paper forms. No personal data: a code (or a
 * municipality, for a form without code) opens the form, nothing else. Every page works
 * without JavaScript; public/typist.js adds keyboard speed and saving as you type.
 *
 *   GET  /invoer              → scan or type a code; forms not saved yet; form without code
 *   POST /invoer/formulier    → open the form of a code (or a G-number, or a draft)
 *   POST /invoer/zonder-code  → open a form without code under a municipality
 *   POST /invoer/opslaan      → save (warnings first), or keep for later
 *   POST /invoer/concept      → keep what was typed (the script, as you type)
 *   POST /invoer/weggooien    → throw a draft away
 *   POST /invoer/ontvangen    → the day this batch of forms came in (wave and day count)
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { readFormBarcode } from '#src/codes/form-barcode.ts'
import { parseLoginCode } from '#src/codes/login-code.ts'
import type { MessageKey } from '#src/i18n/translate.ts'
import type { EntryForm, OpenResult, SaveOutcome } from '#src/server/services/paper/paper-entry.ts'
import {
  discardDraft,
  draftQuestionnaire,
  draftsOf,
  isUuid,
  openByCode,
  openByFormNumber,
  openDraft,
  openWithoutCode,
  roundsOpenForEntry,
  saveDraftFields,
  saveForm,
} from '#src/server/services/paper/paper-entry.ts'
import type { KeyingWarning } from '#src/server/services/paper/paper-form.ts'
import { keyedFieldsFromForm, readKeyedForm, warningsFingerprint } from '#src/server/services/paper/paper-form.ts'
import { parseFormNumber } from '#src/server/services/paper/double-keying.ts'
import { FIELD_PREFIX, formView } from './_form-view.ts'
import { checkReceivedOn, receivedOnIsSet, receivedOnOf } from './_received-on.ts'
import { formatDate } from '#src/i18n/translate.ts'
import { ENTRY_ROLES } from './autohooks.ts'

type Body = Record<string, string | string[] | undefined>

const options = { config: { roles: ENTRY_ROLES } }

function text(body: Body | undefined, name: string): string {
  const value = body?.[name]
  return (Array.isArray(value) ? value[0] : value)?.slice(0, 200) ?? ''
}

async function renderEntry(
  request: FastifyRequest,
  reply: FastifyReply,
  extra: { code?: string; error?: string | null; receivedOnError?: string | null } = {},
) {
  const db = request.server.db
  return reply.staffPage('typist/entry.eta', request.t('typist.entry.title'), {
    rounds: await roundsOpenForEntry(db),
    drafts: await draftsOf(db, request.staff!.id),
    code: extra.code ?? '',
    error: extra.error ?? null,
    receivedOn: receivedOnOf(request),
    receivedOnSet: receivedOnIsSet(request),
    receivedOnError: extra.receivedOnError ?? null,
  })
}

function renderForm(
  request: FastifyRequest,
  reply: FastifyReply,
  form: EntryForm,
  extra: { warnings?: KeyingWarning[]; confirm?: string | null; message?: string | null } = {},
) {
  const view = formView(form, request.t, request.lang, extra.warnings)
  const title = form.code
    ? request.t('typist.form.title', { form: form.code })
    : form.formLabel
      ? request.t('typist.form.title', { form: form.formLabel })
      : request.t('typist.form.titleNoCode')
  return reply.staffPage('typist/form.eta', title, {
    form,
    heading: title,
    notices: form.notices.map((n) => request.t(`typist.notices.${n}`)),
    questions: view.questions,
    warnings: view.warnings,
    confirm: extra.confirm ?? null,
    message: extra.message ?? null,
  })
}

/** Tells the entry page what became of the form just saved. */
function noticeOf(request: FastifyRequest, outcome: SaveOutcome): void {
  switch (outcome.kind) {
    case 'duplicate':
      return request.notice('typist.saved.duplicate', {
        mode: request.t(`typist.modes.${outcome.earlierMode}`),
        reference: outcome.reference,
      })
    case 'firstKeying':
      return outcome.formLabel
        ? request.notice('typist.saved.firstKeyingNumber', { number: outcome.formLabel })
        : request.notice('typist.saved.firstKeying')
    case 'secondKeyingDiffers':
      return request.notice('typist.saved.secondKeyingDiffers', { count: outcome.differences })
    case 'alreadyKeyedByYou':
    case 'formNumberDone':
    case 'roundNotOpen':
      return request.notice(`typist.saved.${outcome.kind}`, undefined, 'refused')
    default:
      return request.notice(`typist.saved.${outcome.kind}`)
  }
}

const paperEntry: FastifyPluginAsync = async (app) => {
  app.get('/', options, async (request, reply) => renderEntry(request, reply))

  app.post<{ Body: Body }>('/formulier', options, async (request, reply) => {
    const typistId = request.staff!.id
    const draftId = text(request.body, 'concept')
    const typed = text(request.body, 'code')
    let result: OpenResult
    if (draftId) {
      result = isUuid(draftId) ? await openDraft(app.db, typistId, draftId) : { ok: false, problem: 'draftGone' }
    } else {
      const formNumber = parseFormNumber(typed)
      if (formNumber !== undefined) {
        result = await openByFormNumber(app.db, typistId, formNumber)
      } else {
        // A scanned page barcode carries the page number after the code. The check
        // character catches a typo before any look-up.
        const parsed = parseLoginCode(readFormBarcode(typed)?.code ?? typed)
        if (!parsed.ok)
          return renderEntry(request, reply.status(422), {
            code: typed,
            error: request.t(`typist.codeErrors.${parsed.problem}`),
          })
        result = await openByCode(app.db, typistId, parsed.code)
      }
    }
    if (!result.ok)
      return renderEntry(request, reply.status(422), {
        code: typed,
        error: request.t(`typist.codeErrors.${result.problem}`),
      })
    return renderForm(request, reply, result.form)
  })

  app.post<{ Body: Body }>('/zonder-code', options, async (request, reply) => {
    const stratumId = Number(text(request.body, 'stratum'))
    if (!Number.isSafeInteger(stratumId) || stratumId <= 0) {
      return renderEntry(request, reply.status(422), { error: request.t('typist.codeErrors.unknownStratum') })
    }
    const result = await openWithoutCode(app.db, request.staff!.id, stratumId)
    if (!result.ok)
      return renderEntry(request, reply.status(422), { error: request.t(`typist.codeErrors.${result.problem}`) })
    return renderForm(request, reply, result.form)
  })

  app.post<{ Body: Body }>('/opslaan', options, async (request, reply) => {
    const typistId = request.staff!.id
    const draftId = text(request.body, 'concept')
    const opened = isUuid(draftId) ? await openDraft(app.db, typistId, draftId) : undefined
    if (!opened?.ok) {
      const key: MessageKey =
        !opened || opened.problem === 'draftGone' ? 'typist.saved.alreadySaved' : `typist.codeErrors.${opened.problem}`
      request.notice(key, undefined, 'refused')
      return reply.redirect('/invoer', 303)
    }
    const form = opened.form
    const fields = keyedFieldsFromForm(form.definition, request.body ?? {}, FIELD_PREFIX)
    // What was typed is kept first: whatever happens next, nothing is lost.
    await saveDraftFields(app.db, typistId, form.draftId, fields)
    const current = { ...form, fields, notices: form.notices.filter((n) => n !== 'restored') }
    if (text(request.body, 'actie') === 'concept') {
      return renderForm(request, reply, current, { message: request.t('typist.form.draftSaved') })
    }

    const { warnings } = readKeyedForm(form.definition, fields, { stratum: form.stratumCode }, { noCode: form.noCode })
    const fingerprint = warningsFingerprint(warnings)
    // Paper is what it is: warnings do not block, but the typist confirms exactly these;
    // except "m" where several ticks are allowed, which only the ticks themselves can replace.
    const blocked = warnings.some((w) => w.kind === 'markNotAllowed')
    if (blocked || (warnings.length > 0 && text(request.body, 'bevestigd') !== fingerprint)) {
      return renderForm(request, reply.status(422), current, { warnings, confirm: blocked ? null : fingerprint })
    }
    const outcome = await saveForm(app.db, typistId, form.draftId, fields, receivedOnOf(request))
    noticeOf(request, outcome)
    return reply.redirect('/invoer', 303)
  })

  app.post<{ Body: Body }>('/concept', options, async (request, reply) => {
    const typistId = request.staff!.id
    const draftId = text(request.body, 'concept')
    const definition = isUuid(draftId) ? await draftQuestionnaire(app.db, typistId, draftId) : undefined
    if (!definition) return reply.code(410).send({ saved: false })
    const saved = await saveDraftFields(
      app.db,
      typistId,
      draftId,
      keyedFieldsFromForm(definition, request.body ?? {}, FIELD_PREFIX),
    )
    reply.header('cache-control', 'no-store')
    return reply.code(saved ? 200 : 410).send({ saved })
  })

  app.post<{ Body: Body }>('/ontvangen', options, async (request, reply) => {
    const typed = text(request.body, 'datum')
    if (typed === '') {
      request.session.set('paperReceivedOn', undefined)
      request.notice('typist.receivedOn.today')
      return reply.redirect('/invoer', 303)
    }
    const checked = checkReceivedOn(typed)
    if (checked === 'notADate' || checked === 'inFuture' || checked === 'tooOld')
      return renderEntry(request, reply.status(422), { receivedOnError: request.t(`typist.receivedOn.${checked}`) })
    request.session.set('paperReceivedOn', checked)
    request.notice('typist.receivedOn.set', { date: formatDate(checked, request.lang) })
    return reply.redirect('/invoer', 303)
  })

  app.post<{ Body: Body }>('/weggooien', options, async (request, reply) => {
    const draftId = text(request.body, 'concept')
    if (isUuid(draftId)) await discardDraft(app.db, request.staff!.id, draftId)
    request.notice('typist.saved.discarded')
    return reply.redirect('/invoer', 303)
  })
}

export default paperEntry
