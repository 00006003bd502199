/**
 * The overview before sending: the questions still unanswered, each linked to its page,
 * required ones marked. `/vragenlijst/verzenden` shows it again when a required question
 * is still open.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { localize } from '#src/questionnaire/text.ts'
import { pageOptions, progressOf } from '#src/server/routes/vragenlijst/_respondent-page.ts'

export function reviewPage(request: FastifyRequest, reply: FastifyReply, refusedForRequired = false) {
  const { sections, open } = progressOf(request)
  const unanswered = open.map((q) => {
    const section = sections.find((s) => s.questions.some((sq) => sq.id === q.id))
    return {
      number: q.number,
      text: localize(q.text, request.lang),
      href: `/vragenlijst/deel/${section?.id ?? ''}#q-${q.id}`,
      required: q.required === true,
    }
  })
  const last = sections[sections.length - 1]
  return reply.page(
    'respondent/review.eta',
    {
      unanswered,
      refusedForRequired,
      backHref: last ? `/vragenlijst/deel/${last.id}` : '/vragenlijst',
      progress: { current: sections.length, total: sections.length },
    },
    pageOptions(request, request.t('respondent.review.title')),
  )
}
