/**
 * `/vragenlijst/deel/:page`: one page of the questionnaire (a section, or part of one:
 * questionnaire/pages.ts). A post saves the page's answers
 * (services/respondent/answer-saving.ts) before the respondent moves on. A follow-up
 * question is always on a page of its own, so "next" simply goes to the next page that
 * the saved answers show.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Answers } from '#src/questionnaire/definition.ts'
import { visibilityOf, visiblePages } from '#src/questionnaire/index.ts'
import { localize } from '#src/questionnaire/text.ts'
import type { PageBody } from '#src/server/services/respondent/answer-saving.ts'
import { questionView } from '#src/server/routes/vragenlijst/_question-view.ts'
import { afterSending, alreadyDone, pageOptions, refusal } from '#src/server/routes/vragenlijst/_respondent-page.ts'

type Params = { page: string }

const questionnairePage: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Params }>('/', async (request, reply) => {
    return renderPage(request, reply, request.params.page, request.respondent.answers, {})
  })

  app.post<{ Params: Params; Body: PageBody }>('/', async (request, reply) => {
    const body = request.body ?? {}
    const saved = await app.answerSaving.savePage(request.respondent, request.params.page, body, request.lang)
    if (saved.kind === 'completed') return alreadyDone(request, reply)
    if (saved.kind === 'refused') return refusal(request, reply, saved.context) ?? reply.redirect('/vragenlijst', 303)
    if (saved.kind === 'notShown') return reply.redirect('/vragenlijst', 303)
    const { page, result } = saved
    const { definition, stratumCode } = request.respondent

    // An error about a ranking's or constant sum's items together carries the question id.
    const pageQuestions = new Set(page.questions.map((q) => q.question.id))
    const pageErrors = result.errors.filter(
      (e) => page.variables.has(e.variable) || (e.variable === e.questionId && pageQuestions.has(e.questionId)),
    )
    if (pageErrors.length > 0) {
      const errors = Object.fromEntries(pageErrors.map((e) => [e.variable, localize(e.message, request.lang)]))
      reply.status(422)
      return renderPage(request, reply, page.id, { ...result.answers, ...pickPosted(body, page.variables) }, errors)
    }

    const visibility = visibilityOf(definition, result.answers, { stratum: stratumCode })
    // A screen-out answer ends the questionnaire as the respondent goes on: there is nothing
    // after it to answer, so it is sent now and the end page says why.
    if (visibility.screenedOut && body.action !== 'previous') {
      request.respondent = saved.context
      const submitted = await app.answerSaving.submit(saved.context, request.lang)
      if (submitted.kind === 'submitted') return afterSending(request, reply, submitted)
      if (submitted.kind === 'completed') return alreadyDone(request, reply)
      if (submitted.kind === 'refused')
        return refusal(request, reply, submitted.context) ?? reply.redirect('/vragenlijst', 303)
      return reply.redirect('/vragenlijst/overzicht', 303)
    }
    const shown = visiblePages(definition, visibility.questions)
    const index = shown.findIndex((p) => p.id === page.id)
    if (body.action === 'previous') {
      const previous = shown[index - 1]
      return reply.redirect(`/vragenlijst/deel/${previous?.id ?? page.id}`, 303)
    }
    const next = body.action === 'review' ? undefined : shown[index + 1]
    return reply.redirect(next ? `/vragenlijst/deel/${next.id}` : '/vragenlijst/overzicht', 303)
  })
}

function pickPosted(body: PageBody, variables: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([k]) => variables.has(k)))
}

function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  pageId: string,
  values: Record<string, unknown>,
  errors: Record<string, string>,
) {
  const { definition, stratumCode } = request.respondent
  const visible = visibilityOf(definition, values as Answers, { stratum: stratumCode }).questions
  const pages = visiblePages(definition, visible)
  const index = pages.findIndex((p) => p.id === pageId)
  const page = pages[index]
  if (!page) return reply.redirect('/vragenlijst', 303)
  const questions = page.questions
    .filter((q) => visible.has(q.question.id))
    .map((q) => questionView(q, definition, values, errors, request.t, request.lang))
  const gridItems = new Set(
    questions.flatMap((q) =>
      q.kind === 'grid' || q.kind === 'ranking' || q.kind === 'constantsum' ? q.items.map((i) => i.name) : [],
    ),
  )
  const errorList = Object.entries(errors).map(([variable, message]) => ({
    anchor: gridItems.has(variable) ? variable : variable.replace(/_other$/, ''),
    message,
  }))
  const sectionTitle = localize(page.section.title, request.lang)
  return reply.page(
    'respondent/page.eta',
    {
      sectionTitle,
      sectionIntro: page.opensSection && page.section.intro ? localize(page.section.intro, request.lang) : null,
      intro: index === 0 && definition.intro ? localize(definition.intro, request.lang) : null,
      questions,
      errors: errorList,
      action: `/vragenlijst/deel/${page.id}`,
      hasPrevious: index > 0,
      isLast: index === pages.length - 1,
      progress: { current: index + 1, total: pages.length },
    },
    pageOptions(request, sectionTitle),
  )
}

export default questionnairePage
