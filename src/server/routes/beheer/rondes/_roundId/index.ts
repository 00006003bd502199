/**
 * `/beheer/rondes/:roundId`: one round, for researchers.
 *
 *   GET  /beheer/rondes/:roundId             → status, settings, municipalities
 *   POST /beheer/rondes/:roundId             → save the settings
 *   GET  /beheer/rondes/:roundId/openen      → what opening will do, and "I understand"
 *   POST /beheer/rondes/:roundId/openen      → draft → open (the questionnaire is frozen; confirm=ja)
 *   GET|POST /beheer/rondes/:roundId/sluiten → the same for open → closed (answers in progress become partial)
 *   GET|POST /beheer/rondes/:roundId/opschonen → the same for closed → purged (personal data deleted)
 *   GET  /beheer/rondes/:roundId/voorbeeld   → the questionnaire as a respondent sees it, per language
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { RoundDetails, RoundForm } from '#src/server/services/rounds/rounds.ts'
import {
  closeRound,
  listQuestionnaires,
  loadRound,
  openRound,
  parseRoundForm,
  roundFormValues,
  updateRound,
} from '#src/server/services/rounds/rounds.ts'
import { purgeRound } from '#src/server/services/rounds/purge.ts'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { fieldMessages } from '#src/server/routes/beheer/rondes/_form-errors.ts'
import { questionnairePreview } from './_preview.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'
import { languageLabel } from '#src/server/routes/beheer/_language-label.ts'
import { languageStatuses } from '#src/server/services/translations/translation-store.ts'
import { closeEffects, openEffects, purgeEffects } from '#src/server/services/rounds/step-effects.ts'
import { checklistFacts, checklistSteps } from '#src/server/services/rounds/round-checklist.ts'
import type { MessageKey, Translate } from '#src/i18n/translate.ts'
import type { RoundStatus } from '#src/server/db/schema.ts'
import { formatDate } from '#src/i18n/translate.ts'

/** "nl" → "Nederlands" in the language itself, so anyone finds their language. */
function languageNames(codes: string[], fallback: string): Array<{ code: string; name: string }> {
  return codes.map((code) => {
    let name = code
    try {
      name = new Intl.DisplayNames([code, fallback], { type: 'language' }).of(code) ?? code
    } catch {
      // An unknown code shows as it is.
    }
    return { code, name }
  })
}

type Params = { roundId: string }

const roundPage: FastifyPluginAsync = async (app) => {
  /** The full settings of the page's round, which this page shows and edits. */
  async function details(request: FastifyRequest<{ Params: Params }>): Promise<RoundDetails> {
    return (await loadRound(app.db, request.round!.id))!
  }

  /** How far the client's texts are in each language of the questionnaire; "missing": there are none, Dutch is shown. */
  async function languageReviews(request: FastifyRequest, round: RoundDetails) {
    const statuses = await languageStatuses(app.db)
    return round.questionnaire.definition.languages.map((code) => {
      const status = statuses.find((s) => s.language === code)
      return {
        code,
        label: languageLabel(code, request.lang),
        review: status?.review ?? 'missing',
        changedSinceCheck: status?.changedSinceCheck ?? false,
      }
    })
  }

  async function page(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    round: RoundDetails,
    form: { values?: Record<string, unknown>; errors?: Record<string, string[]> } = {},
    lifecycleError: string | null = null,
  ) {
    const r = round.round
    return reply.staffPage('staff/round.eta', request.t('management.rounds.tabs.overview'), {
      details: round,
      values: form.values ?? roundFormValues(round),
      errors: form.errors ?? {},
      lifecycleError,
      questionnaires: await listQuestionnaires(app.db),
      frozen: r.status !== 'draft',
      pastClosingDate: r.status === 'open' && todayInAmsterdam() > r.closes_on,
      action: `/beheer/rondes/${r.id}`,
      submitLabel: request.t('management.rounds.form.save'),
      fmt: numberFormats(request.lang),
      textLanguages: await languageReviews(request, round),
      checklist: r.status === 'draft' || r.status === 'open' ? await checklist(request) : null,
    })
  }

  /** The checklist's steps with their texts filled in, for the page. */
  async function checklist(request: FastifyRequest<{ Params: Params }>) {
    const t = request.t
    const fmt = numberFormats(request.lang)
    const round = request.round!
    const facts = await checklistFacts(app.db, app.config.publicUrl, round.id)
    return checklistSteps(facts).map((step) => {
      const params: Record<string, string> = {}
      for (const [name, value] of Object.entries(step.params))
        params[name] = typeof value === 'number' ? fmt.count(value) : value
      if (step.key === 'template')
        params.list = facts.incompleteTemplates
          .map((i) => `${i.stratum} (${t(`fieldwork.letters.kinds.${i.kind}`).toLowerCase()})`)
          .join(', ')
      if (step.key === 'publicUrl') {
        params.url = app.config.publicUrl
        params.reason = facts.publicUrlProblem
          ? t(`management.rounds.checklist.publicUrlProblems.${facts.publicUrlProblem}`)
          : ''
      }
      if (step.key === 'reminder' && facts.reminderOn) params.date = formatDate(facts.reminderOn, request.lang)
      return {
        ...step,
        title: t(`management.rounds.checklist.steps.${step.key}.title`),
        text: t(`management.rounds.checklist.steps.${step.text}` as MessageKey, params),
        state: t(`management.rounds.checklist.states.${step.state}`),
        stateKey: step.state,
        href:
          step.path === null ? null : step.path.startsWith('#') ? step.path : `/beheer/rondes/${round.id}${step.path}`,
        linkText:
          step.path === null
            ? null
            : t(
                `management.rounds.checklist.steps.${step.key === 'reminder' && step.path.startsWith('#') ? 'reminder.linkSettings' : `${step.key}.link`}` as MessageKey,
              ),
      }
    })
  }

  app.get<{ Params: Params }>('/', async (request, reply) => {
    const round = await details(request)
    return page(request, reply, round)
  })

  app.post<{ Params: Params; Body: RoundForm }>('/', async (request, reply) => {
    const round = await details(request)
    const body = request.body ?? {}
    const questionnaires = await listQuestionnaires(app.db)
    const parsed = parseRoundForm(
      body,
      questionnaires.map((q) => q.id),
    )
    const redisplay = { ...body, doubleKeying: Boolean(body.doubleKeying) }
    if (!parsed.ok) {
      reply.status(422)
      return page(request, reply, round, { values: redisplay, errors: fieldMessages(request, parsed.errors) })
    }
    const result = await updateRound(app.db, staffActor(request), round.round.id, parsed.input)
    if (!result.ok) {
      reply.status(422)
      return page(request, reply, round, { values: redisplay, errors: fieldMessages(request, result.errors) })
    }
    request.notice(result.changed.length > 0 ? 'management.rounds.form.saved' : 'management.rounds.form.nothingChanged')
    return reply.redirect(`/beheer/rondes/${round.round.id}`, 303)
  })

  /**
   * The three irreversible steps: GET shows what will happen (counts) with a form that asks
   * for an explicit "I understand" (confirm=ja); a POST without it does nothing.
   */
  type Step = 'open' | 'close' | 'purge'
  const STEP_PATHS: Record<Step, string> = { open: 'openen', close: 'sluiten', purge: 'opschonen' }
  /** The status a round must have for the step, and the text when it has another. */
  const STEP_STATUS: Record<Step, RoundStatus> = { open: 'draft', close: 'open', purge: 'closed' }
  const STEP_PROBLEM = { open: 'notDraft', close: 'notOpen', purge: 'notClosed' } as const

  async function effectsOf(step: Step, roundId: number, lang: string, t: Translate) {
    const fmt = numberFormats(lang)
    if (step === 'open') {
      const e = (await openEffects(app.db, roundId))!
      return [
        e.sampleDrawn
          ? t('management.rounds.guard.open.codes', {
              count: fmt.count(e.withCode),
              from: formatDate(e.opensOn, lang),
              to: formatDate(e.closesOn, lang),
            })
          : t('management.rounds.guard.open.noSample'),
        t('management.rounds.guard.open.frozen'),
      ]
    }
    if (step === 'close') {
      const e = await closeEffects(app.db, roundId)
      return [
        t('management.rounds.guard.close.inProgress', { count: fmt.count(e.inProgress) }),
        t('management.rounds.guard.close.notAnswered', { count: fmt.count(e.notAnswered) }),
      ]
    }
    const e = await purgeEffects(app.db, roundId)
    return [
      t('management.rounds.guard.purge.participants', { count: fmt.count(e.participants) }),
      t('management.rounds.guard.purge.files'),
      t('management.rounds.guard.purge.kept'),
    ]
  }

  async function confirmationPage(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    step: Step,
    error: string | null,
  ) {
    const round = request.round!
    const title = request.t(`management.rounds.guard.${step}.title`)
    return reply.staffPage('staff/round-confirm.eta', title, {
      step,
      title,
      buttonLabel: request.t(`management.rounds.guard.${step}.button`),
      action: `/beheer/rondes/${round.id}/${STEP_PATHS[step]}`,
      effects: await effectsOf(step, round.id, request.lang, request.t),
      error,
    })
  }

  async function perform(request: FastifyRequest<{ Params: Params }>, step: Step) {
    const actor = staffActor(request)
    const id = request.round!.id
    if (step === 'open') {
      const result = await openRound(app.db, actor, id)
      return result.ok
        ? { ok: true as const, notice: () => request.notice('management.rounds.lifecycle.opened') }
        : result
    }
    if (step === 'close') {
      const result = await closeRound(app.db, actor, id)
      return result.ok
        ? {
            ok: true as const,
            notice: () => request.notice('management.rounds.lifecycle.closedNotice', { partial: result.partial }),
          }
        : result
    }
    const result = await purgeRound(app.db, app.config, actor, id, 'confirmed')
    return result.ok
      ? {
          ok: true as const,
          notice: () => request.notice('management.rounds.lifecycle.purgedNotice', { count: result.participants }),
        }
      : result
  }

  for (const step of ['open', 'close', 'purge'] as const) {
    app.get<{ Params: Params }>(`/${STEP_PATHS[step]}`, async (request, reply) => {
      const round = request.round!
      // A round past this step has nothing to confirm: its page says why.
      if (round.status !== STEP_STATUS[step]) {
        reply.status(409)
        return page(
          request,
          reply,
          await details(request),
          {},
          request.t(`management.rounds.lifecycle.${STEP_PROBLEM[step]}`),
        )
      }
      return confirmationPage(request, reply, step, null)
    })

    app.post<{ Params: Params; Body: { confirm?: string } }>(`/${STEP_PATHS[step]}`, async (request, reply) => {
      const round = request.round!
      if (round.status === STEP_STATUS[step] && request.body?.confirm !== 'ja') {
        reply.status(422)
        return confirmationPage(request, reply, step, request.t('management.rounds.guard.required'))
      }
      const result = await perform(request, step)
      if (!result.ok) {
        reply.status(409)
        return page(
          request,
          reply,
          await details(request),
          {},
          request.t(`management.rounds.lifecycle.${result.problem}`),
        )
      }
      result.notice()
      return reply.redirect(`/beheer/rondes/${round.id}`, 303)
    })
  }

  app.get<{ Params: Params; Querystring: { taal?: string } }>('/voorbeeld', async (request, reply) => {
    const round = await details(request)
    const definition = round.questionnaire.definition
    const asked = request.query.taal
    const language =
      typeof asked === 'string' && definition.languages.includes(asked) ? asked : (definition.languages[0] ?? 'nl')
    return reply.staffPage('staff/round-preview.eta', request.t('management.rounds.preview.title'), {
      preview: questionnairePreview(definition, language),
      previewLanguages: languageNames(definition.languages, request.lang),
      language,
      roundId: round.round.id,
    })
  })
}

export default roundPage
