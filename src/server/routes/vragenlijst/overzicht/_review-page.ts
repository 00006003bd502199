/**
 * "Check your answers" before sending: the questions still open first (required ones
 * marked), then per part of the questionnaire what was answered, each with a link to
 * change it. The parts fold shut, so the page stays short on a phone however long the
 * questionnaire is. `/vragenlijst/verzenden` shows it again when a required question is
 * still open.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Question } from '#src/questionnaire/definition.ts'
import { answerLines } from '#src/questionnaire/index.ts'
import { localize } from '#src/questionnaire/text.ts'
import { pageAsking, pageOptions, progressOf } from '#src/server/routes/vragenlijst/_respondent-page.ts'

export function reviewPage(request: FastifyRequest, reply: FastifyReply, refusedForRequired = false) {
  const { definition, answers } = request.respondent
  const { pages, open } = progressOf(request)
  const openIds = new Set(open.map((q) => q.id))
  const link = (q: Question) => {
    const page = pageAsking(pages, q, answers)
    return `/vragenlijst/deel/${page?.id ?? ''}#q-${q.id}`
  }
  const unanswered = open.map((q) => ({
    number: q.number,
    text: localize(q.text, request.lang),
    href: link(q),
    required: q.required === true,
  }))
  // Each section once, with the visible questions in it that have an answer (a grid partly answered too).
  const seen = new Set<string>()
  const parts = pages.flatMap((page) => {
    if (seen.has(page.section.id)) return []
    seen.add(page.section.id)
    const asked = pages
      .filter((p) => p.section.id === page.section.id)
      .flatMap((p) => p.questions.map((q) => q.question))
      .filter((q, i, all) => all.indexOf(q) === i)
    const answered = asked
      .map((q) => ({ q, lines: answerLines(definition, q, answers, request.lang) }))
      .filter(({ lines }) => lines.length > 0)
      .map(({ q, lines }) => ({
        number: q.number,
        text: localize(q.text, request.lang),
        href: link(q),
        lines,
        partly: openIds.has(q.id),
      }))
    return answered.length > 0 ? [{ title: localize(page.section.title, request.lang), answered }] : []
  })
  const last = pages[pages.length - 1]
  return reply.page(
    'respondent/review.eta',
    {
      unanswered,
      parts,
      refusedForRequired,
      backHref: last ? `/vragenlijst/deel/${last.id}` : '/vragenlijst',
      progress: { current: pages.length, total: pages.length },
    },
    pageOptions(request, request.t('respondent.review.title')),
  )
}
