/** `/vragenlijst/overzicht`: before sending, the questions still unanswered, each linked to its page. */
import type { FastifyPluginAsync } from 'fastify'
import { localize } from '#src/questionnaire/text.ts'
import { pageOptions, progressOf } from '#src/server/routes/vragenlijst/_respondent-page.ts'

const reviewPage: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    const { sections, open } = progressOf(request)
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
}

export default reviewPage
