/**
 * `/vragenlijst/...`: the online questionnaire, one section per page.
 *
 *   GET  /vragenlijst                  → the page to resume at
 *   GET  /vragenlijst/deel/:section    → one section
 *   POST /vragenlijst/deel/:section    → save its answers, then previous / next / overview
 *   GET  /vragenlijst/overzicht        → review of unanswered questions
 *   POST /vragenlijst/verzenden        → submit
 *   GET  /vragenlijst/bedankt          → thank-you page
 *   POST /vragenlijst/stoppen          → sign out, continue later
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { MessageKey } from '#src/i18n/translate.ts'
import type { Answers, Section } from '#src/questionnaire/definition.ts'
import {
  visibleSections,
  validateAnswers,
  variablesOf,
  unansweredVisibleQuestions,
  isQuestionVisible,
  visibilityOf,
} from '#src/questionnaire/index.ts'
import { localize } from '#src/questionnaire/text.ts'
import type { ParticipantContext } from '#src/server/services/respondent/participation.ts'
import {
  AlreadyCompletedError,
  loadParticipantContext,
  roundAvailability,
  saveProgress,
  saveProgressIfUnchanged,
  RoundNotOpenError,
  StaleAnswersError,
  submitOnline,
} from '#src/server/services/respondent/participation.ts'
import { questionView } from './_question-view.ts'
import { RecentContexts } from './_recent-contexts.ts'
import { SaveBatches } from './_save-batches.ts'
import { formatDate } from '#src/i18n/translate.ts'

declare module 'fastify' {
  interface FastifyRequest {
    respondent: ParticipantContext
  }
}

declare module '@fastify/secure-session' {
  interface SessionData {
    submitted: boolean
  }
}

type PageBody = Record<string, string | string[] | undefined> & { action?: string }

function pageOptions(request: FastifyRequest, title: string) {
  return { title, languages: request.respondent.definition.languages }
}

function stateMessage(request: FastifyRequest, reply: FastifyReply, titleKey: MessageKey, body: string) {
  return reply.page(
    'respondent/message.eta',
    { heading: request.t(titleKey), body },
    pageOptions(request, request.t(titleKey)),
  )
}

/** How long a respondent's context stays in `RecentContexts` after its last use, and how many are kept. */
const RECENT_IDLE_MS = 5 * 60 * 1000
const RECENT_MAX_ENTRIES = 5000

/** Page-save statements under way at once per instance, and respondents per statement (see SaveBatches). */
const SAVE_LANES = 2
const SAVE_BATCH_MAX = 100

const SECTION_URL = '/vragenlijst/deel/:section'

/** The page to show instead of the questionnaire when this context does not allow answering. */
function refusal(request: FastifyRequest, reply: FastifyReply, context: ParticipantContext | undefined) {
  if (!context) {
    return reply.page(
      'respondent/login.eta',
      { code: '', error: request.t('respondent.sessionExpired') },
      { title: request.t('respondent.login.title') },
    )
  }
  if (context.participant.status === 'completed') return alreadyDone(request, reply)
  const availability = roundAvailability(context.round)
  if (availability === 'not_yet_open') {
    return stateMessage(
      request,
      reply,
      'respondent.round.notOpenTitle',
      request.t('respondent.round.notOpen', {
        opens: formatDate(context.round.opens_on, request.lang),
        closes: formatDate(context.round.closes_on, request.lang),
      }),
    )
  }
  if (availability === 'closed') {
    return stateMessage(
      request,
      reply,
      'respondent.round.closedTitle',
      request.t('respondent.round.closed', {
        closes: formatDate(context.round.closes_on, request.lang),
      }),
    )
  }
  return undefined
}

function alreadyDone(request: FastifyRequest, reply: FastifyReply) {
  return stateMessage(request, reply, 'respondent.alreadyDone.title', request.t('respondent.alreadyDone.body'))
}

/** The save found the context out of date: the page must be handled again from a fresh read. */
const STALE = Symbol('stale context')
const SECTION_NOT_SHOWN = Symbol('section not shown')
/** Fresh reads a page save makes when others keep saving in between, before it saves regardless. */
const FRESH_ATTEMPTS = 3

/**
 * How `savePage` saves:
 * - `remembered`: only if nothing changed since the context was read; a section the
 *   context's answers hide may be shown by the saved ones, so that is STALE too;
 * - `fresh`: only if nothing changed since the context was read (just now);
 * - `regardless`: overwrite, as the last resort when others keep saving in between.
 */
type SaveMode = 'remembered' | 'fresh' | 'regardless'

const questionnaire: FastifyPluginAsync = async (app) => {
  app.decorateRequest('respondent', null as unknown as ParticipantContext)

  const recent = new RecentContexts({ maxEntries: RECENT_MAX_ENTRIES, idleMs: RECENT_IDLE_MS })
  const batches = new SaveBatches((saves) => saveProgressIfUnchanged(app.db, saves), {
    lanes: SAVE_LANES,
    maxBatch: SAVE_BATCH_MAX,
  })
  const sweep = setInterval(() => recent.dropIdle(), 60 * 1000).unref()
  app.addHook('onClose', async () => {
    clearInterval(sweep)
    recent.clear()
  })

  /** Reads the context afresh; one with saved answers is kept for the next page's save. */
  async function freshContext(participantId: number): Promise<ParticipantContext | undefined> {
    const context = await loadParticipantContext(app.db, participantId)
    if (context?.participant.status === 'in_progress' && context.versions.answers !== null)
      recent.set(participantId, context)
    else recent.delete(participantId)
    return context
  }

  /**
   * Reads the respondent's context again after a save found it out of date. Returns the
   * context, not the refusal: an async function would await the reply (a thenable) away.
   */
  async function readAgain(request: FastifyRequest): Promise<ParticipantContext | undefined> {
    const context = await freshContext(request.respondent.participant.id)
    if (context) request.respondent = context
    return context
  }

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url === '/vragenlijst/bedankt') return
    const participantId = request.session.get('participantId')
    // A page save may start from what the previous save left: that save checks that nothing has changed since.
    // Not to refuse, though: the round's dates may have been moved since.
    const savingPage = request.method === 'POST' && request.routeOptions.url === SECTION_URL
    const remembered = participantId && savingPage ? recent.get(participantId) : undefined
    const usable = remembered && roundAvailability(remembered.round) === 'open' ? remembered : undefined
    const context = participantId ? (usable ?? (await freshContext(participantId))) : undefined
    if (context) request.respondent = context
    return refusal(request, reply, context)
  })

  /** Merges, checks and saves what a section page posts; STALE (nothing saved) when the context is out of date. */
  async function savePage(
    request: FastifyRequest<{ Params: { section: string }; Body: PageBody }>,
    context: ParticipantContext,
    mode: SaveMode,
  ) {
    const { definition, stratumCode, participant, answers: stored, versions } = context
    const ctx = { stratum: stratumCode }
    // Routing is worked out once for what was stored and once for what is saved: every
    // page move comes through here.
    const before = visibilityOf(definition, stored, ctx)
    const section = definition.sections.find((s) => s.id === request.params.section)
    if (!section || !before.sections.has(section.id)) return mode === 'remembered' ? STALE : SECTION_NOT_SHOWN

    // What the page posts replaces everything this page shows: an unticked box posts nothing.
    const pageVariables = new Set(section.questions.flatMap((q) => variablesOf(q)))
    const merged: Record<string, unknown> = {}
    for (const variable of Object.keys(stored)) if (!pageVariables.has(variable)) merged[variable] = stored[variable]
    const body = request.body ?? {}
    for (const variable of pageVariables) {
      const posted = body[variable]
      if (posted !== undefined && posted !== '') merged[variable] = posted
    }
    const result = validateAnswers(definition, merged, ctx, { partial: true })
    // The first save (no answers row yet) has no version to check: it inserts.
    const version =
      mode !== 'regardless' && versions.answers !== null
        ? await batches.save({
            participantId: participant.id,
            versions,
            answers: result.answers,
            language: request.lang,
          })
        : await saveProgress(app.db, participant.id, result.answers, request.lang)
    if (version === null) return STALE
    // A first save changed the participant row (it is now started): the next page reads afresh.
    if (participant.status === 'in_progress')
      recent.set(participant.id, { ...context, answers: result.answers, versions: { ...versions, answers: version } })
    else recent.delete(participant.id)
    return { section, before, result, body, pageVariables }
  }

  app.get('/', async (request, reply) => {
    const { definition, stratumCode, answers } = request.respondent
    const ctx = { stratum: stratumCode }
    const sections = visibleSections(definition, answers, ctx)
    const open = unansweredVisibleQuestions(definition, answers, ctx)
    // Resume where something is still open; a new respondent starts at the first section.
    const resumeAt =
      Object.keys(answers).length === 0
        ? sections[0]
        : sections.find((s) => s.questions.some((q) => open.some((o) => o.id === q.id)))
    return reply.redirect(resumeAt ? `/vragenlijst/deel/${resumeAt.id}` : '/vragenlijst/overzicht', 303)
  })

  app.get<{ Params: { section: string } }>('/deel/:section', async (request, reply) => {
    return renderSection(request, reply, request.params.section, request.respondent.answers, {})
  })

  app.post<{ Params: { section: string }; Body: PageBody }>('/deel/:section', async (request, reply) => {
    let saved: Awaited<ReturnType<typeof savePage>>
    try {
      saved = await savePage(request, request.respondent, 'remembered')
      // Another tab or instance saved in between: merge onto what it saved, not over it.
      for (let attempt = 1; saved === STALE && attempt <= FRESH_ATTEMPTS; attempt++) {
        const refused = refusal(request, reply, await readAgain(request))
        if (refused) return refused
        saved = await savePage(request, request.respondent, attempt < FRESH_ATTEMPTS ? 'fresh' : 'regardless')
      }
    } catch (error) {
      if (error instanceof AlreadyCompletedError) return alreadyDone(request, reply)
      if (!(error instanceof RoundNotOpenError)) throw error
      // Closed while the page was being saved: the fresh read shows the respondent why.
      return refusal(request, reply, await readAgain(request)) ?? reply.redirect('/vragenlijst', 303)
    }
    if (saved === SECTION_NOT_SHOWN || saved === STALE) return reply.redirect('/vragenlijst', 303)
    const { section, before, result, body, pageVariables } = saved
    const { definition, stratumCode } = request.respondent
    const ctx = { stratum: stratumCode }

    const pageErrors = result.errors.filter((e) => pageVariables.has(e.variable))
    if (pageErrors.length > 0) {
      const errors = Object.fromEntries(pageErrors.map((e) => [e.variable, localize(e.message, request.lang)]))
      reply.status(422)
      return renderSection(
        request,
        reply,
        section.id,
        { ...result.answers, ...pickPosted(body, pageVariables) },
        errors,
      )
    }

    // A follow-up question on this same page (e.g. "if yes, ...") appears only now: show the page again with it.
    // What the page showed is what was visible with the answers stored before this post.
    const after = visibilityOf(definition, result.answers, ctx)
    const appeared = section.questions.some((q) => !before.questions.has(q.id) && after.questions.has(q.id))
    if (appeared && body.action !== 'previous') {
      return renderSection(request, reply, section.id, result.answers, {})
    }

    const sectionsAfter = definition.sections.filter((s) => after.sections.has(s.id))
    const index = sectionsAfter.findIndex((s) => s.id === section.id)
    if (body.action === 'previous') {
      const previous = sectionsAfter[index - 1]
      return reply.redirect(previous ? `/vragenlijst/deel/${previous.id}` : `/vragenlijst/deel/${section.id}`, 303)
    }
    const next = body.action === 'review' ? undefined : sectionsAfter[index + 1]
    return reply.redirect(next ? `/vragenlijst/deel/${next.id}` : '/vragenlijst/overzicht', 303)
  })

  app.get('/overzicht', async (request, reply) => {
    const { definition, stratumCode, answers } = request.respondent
    const ctx = { stratum: stratumCode }
    const sections = visibleSections(definition, answers, ctx)
    const open = unansweredVisibleQuestions(definition, answers, ctx)
    const unanswered = open.map((q) => {
      const section = sections.find((s) => s.questions.some((sq) => sq.id === q.id))
      return {
        number: q.number,
        text: localize(q.text, request.lang),
        href: `/vragenlijst/deel/${section?.id ?? ''}#q-${q.id}`,
      }
    })
    const last = sections[sections.length - 1]
    return reply.page(
      'respondent/review.eta',
      {
        unanswered,
        backHref: last ? `/vragenlijst/deel/${last.id}` : '/vragenlijst',
        progress: { current: sections.length, total: sections.length },
      },
      pageOptions(request, request.t('respondent.review.title')),
    )
  })

  app.post('/verzenden', async (request, reply) => {
    const participantId = request.respondent.participant.id
    try {
      for (let attempt = 1; ; attempt++) {
        const { definition, stratumCode, answers: stored, versions } = request.respondent
        const { answers } = validateAnswers(definition, stored, { stratum: stratumCode }, { partial: true })
        try {
          // Submits what was read, unless another tab saved since: then that is read and checked again.
          await submitOnline(app.db, participantId, answers, request.lang, {
            answersVersion: attempt < FRESH_ATTEMPTS ? versions.answers : undefined,
          })
          break
        } catch (error) {
          if (!(error instanceof StaleAnswersError)) throw error
        }
        const refused = refusal(request, reply, await readAgain(request))
        if (refused) return refused
      }
    } catch (error) {
      if (!(error instanceof AlreadyCompletedError)) throw error
      return alreadyDone(request, reply)
    } finally {
      // Once submitted, the answers are no longer linked to the person: not here either.
      recent.delete(participantId)
    }
    request.session.set('submitted', true)
    return reply.redirect('/vragenlijst/bedankt', 303)
  })

  app.get('/bedankt', async (request, reply) => {
    if (!request.session.get('submitted')) return reply.redirect('/', 303)
    return reply.page(
      'respondent/message.eta',
      {
        heading: request.t('respondent.thanks.title'),
        body: request.t('respondent.thanks.body'),
        extra: request.t('respondent.thanks.paper'),
      },
      { title: request.t('respondent.thanks.title') },
    )
  })

  app.post('/stoppen', async (request, reply) => {
    recent.delete(request.respondent.participant.id)
    request.session.regenerate(['lang'])
    return reply.page(
      'respondent/message.eta',
      {
        heading: request.t('respondent.signedOut.title'),
        body: request.t('respondent.signedOut.body'),
        homeLink: true,
      },
      { title: request.t('respondent.signedOut.title') },
    )
  })
}

function pickPosted(body: PageBody, variables: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([k]) => variables.has(k)))
}

function renderSection(
  request: FastifyRequest,
  reply: FastifyReply,
  sectionId: string,
  values: Record<string, unknown>,
  errors: Record<string, string>,
) {
  const { definition, stratumCode } = request.respondent
  const ctx = { stratum: stratumCode }
  const sections = visibleSections(definition, values as Answers, ctx)
  const index = sections.findIndex((s) => s.id === sectionId)
  if (index === -1) return reply.redirect('/vragenlijst', 303)
  const section = sections[index] as Section
  const visible = section.questions.filter((q) => isQuestionVisible(definition, q.id, values as Answers, ctx))
  const questions = visible.map((q) => questionView(q, definition, values, errors, request.t, request.lang))
  const gridItems = new Set(questions.flatMap((q) => (q.kind === 'grid' ? q.items.map((i) => i.name) : [])))
  const errorList = Object.entries(errors).map(([variable, message]) => ({
    anchor: gridItems.has(variable) ? variable : variable.replace(/_other$/, ''),
    message,
  }))
  return reply.page(
    'respondent/section.eta',
    {
      sectionTitle: localize(section.title, request.lang),
      sectionIntro: section.intro ? localize(section.intro, request.lang) : null,
      intro: index === 0 && definition.intro ? localize(definition.intro, request.lang) : null,
      questionnaireTitle: localize(definition.title, request.lang),
      questions,
      errors: errorList,
      action: `/vragenlijst/deel/${section.id}`,
      hasPrevious: index > 0,
      isLast: index === sections.length - 1,
      progress: { current: index + 1, total: sections.length },
    },
    pageOptions(request, localize(section.title, request.lang)),
  )
}

export default questionnaire
