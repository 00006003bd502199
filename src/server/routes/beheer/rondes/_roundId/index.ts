/**
 * `/beheer/rondes/:roundId`: one round, for researchers.
 *
 *   GET  /beheer/rondes/:roundId             → status, settings, municipalities
 *   POST /beheer/rondes/:roundId             → save the settings
 *   POST /beheer/rondes/:roundId/openen      → draft → open (the questionnaire is frozen)
 *   POST /beheer/rondes/:roundId/sluiten     → open → closed (answers in progress become partial)
 *   POST /beheer/rondes/:roundId/opschonen   → closed → purged (personal data deleted; confirmed)
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

  app.post<{ Params: Params }>('/openen', async (request, reply) => {
    const round = await details(request)
    const result = await openRound(app.db, staffActor(request), round.round.id)
    if (!result.ok) {
      reply.status(409)
      return page(request, reply, round, {}, request.t(`management.rounds.lifecycle.${result.problem}`))
    }
    request.notice('management.rounds.lifecycle.opened')
    return reply.redirect(`/beheer/rondes/${round.round.id}`, 303)
  })

  app.post<{ Params: Params }>('/sluiten', async (request, reply) => {
    const round = await details(request)
    const result = await closeRound(app.db, staffActor(request), round.round.id)
    if (!result.ok) {
      reply.status(409)
      return page(request, reply, round, {}, request.t(`management.rounds.lifecycle.${result.problem}`))
    }
    request.notice('management.rounds.lifecycle.closedNotice', { partial: result.partial })
    return reply.redirect(`/beheer/rondes/${round.round.id}`, 303)
  })

  app.post<{ Params: Params; Body: { confirm?: string } }>('/opschonen', async (request, reply) => {
    const round = await details(request)
    if (request.body?.confirm !== 'ja') {
      reply.status(422)
      return page(request, reply, round, {}, request.t('management.rounds.lifecycle.purgeConfirmRequired'))
    }
    const result = await purgeRound(app.db, app.config, staffActor(request), round.round.id, 'confirmed')
    if (!result.ok) {
      reply.status(409)
      return page(request, reply, round, {}, request.t(`management.rounds.lifecycle.${result.problem}`))
    }
    request.notice('management.rounds.lifecycle.purgedNotice', { count: result.participants })
    return reply.redirect(`/beheer/rondes/${round.round.id}`, 303)
  })

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
