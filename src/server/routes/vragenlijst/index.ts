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
  unansweredVisibleQuestions,
  isQuestionVisible,
  visibilityOf,
} from '#src/questionnaire/index.ts'
import { localize } from '#src/questionnaire/text.ts'
import type { ParticipantContext } from '#src/server/services/respondent/participation.ts'
import { roundAvailability } from '#src/server/services/respondent/participation.ts'
import type { PageBody } from '#src/server/services/respondent/answer-saving.ts'
import { AnswerSaving } from '#src/server/services/respondent/answer-saving.ts'
import { questionView } from './_question-view.ts'
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
  request.respondent = context
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

const questionnaire: FastifyPluginAsync = async (app) => {
  app.decorateRequest('respondent', null as unknown as ParticipantContext)

  const saving = new AnswerSaving(app.db)
  app.addHook('onClose', async () => saving.close())

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url === '/vragenlijst/bedankt') return
    const participantId = request.session.get('participantId')
    const savingPage = request.method === 'POST' && request.routeOptions.url === SECTION_URL
    const context = participantId ? await saving.contextFor(participantId, savingPage) : undefined
    return refusal(request, reply, context)
  })

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
    const body = request.body ?? {}
    const saved = await saving.savePage(request.respondent, request.params.section, body, request.lang)
    if (saved.kind === 'completed') return alreadyDone(request, reply)
    if (saved.kind === 'refused') return refusal(request, reply, saved.context) ?? reply.redirect('/vragenlijst', 303)
    if (saved.kind === 'notShown') return reply.redirect('/vragenlijst', 303)
    const { section, before, result, pageVariables } = saved
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
    const submitted = await saving.submit(request.respondent, request.lang)
    if (submitted.kind === 'completed') return alreadyDone(request, reply)
    if (submitted.kind === 'refused') return refusal(request, reply, submitted.context)
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
    saving.forget(request.respondent.participant.id)
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
