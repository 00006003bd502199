/**
 * `/vragenlijst/deel/:section`: one section of the questionnaire. A post saves the page's
 * answers (services/respondent/answer-saving.ts) before the respondent moves on.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Answers, Section } from '#src/questionnaire/definition.ts'
import { isQuestionVisible, visibilityOf, visibleSections } from '#src/questionnaire/index.ts'
import { localize } from '#src/questionnaire/text.ts'
import type { PageBody } from '#src/server/services/respondent/answer-saving.ts'
import { questionView } from '#src/server/routes/vragenlijst/_question-view.ts'
import { alreadyDone, pageOptions, refusal } from '#src/server/routes/vragenlijst/_respondent-page.ts'

type Params = { section: string }

const sectionPage: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Params }>('/', async (request, reply) => {
    return renderSection(request, reply, request.params.section, request.respondent.answers, {})
  })

  app.post<{ Params: Params; Body: PageBody }>('/', async (request, reply) => {
    const body = request.body ?? {}
    const saved = await app.answerSaving.savePage(request.respondent, request.params.section, body, request.lang)
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

export default sectionPage
