/**
 * `/beheer/rondes/:roundId/papier/verschillen/:keyingId`: the differences of a
 * double-keyed form (GET), decided field by field (POST).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { allQuestions, localize } from '#src/questionnaire/index.ts'
import { isUuid } from '#src/server/services/paper/paper-entry.ts'
import { keyingFields } from '#src/server/services/paper/paper-form.ts'
import type { FieldDecision } from '#src/server/services/paper/double-keying.ts'
import { decidePair, loadPair } from '#src/server/services/paper/double-keying.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'
import type { Body, Params } from '#src/server/routes/beheer/rondes/_roundId/papier/_paper-page.ts'
import { one, shown } from '#src/server/routes/beheer/rondes/_roundId/papier/_paper-page.ts'

const reviewPage: FastifyPluginAsync = async (app) => {
  async function renderReview(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    round: StaffRound,
    extra: { error?: string; posted?: Body } = {},
  ) {
    const keyingId = request.params.keyingId
    const pair = isUuid(keyingId) ? await loadPair(app.db, round.id, keyingId, round.definition) : undefined
    if (!pair) {
      request.notice('typist.review.gone', undefined, 'refused')
      return reply.redirect(`/beheer/rondes/${round.id}/papier`, 303)
    }
    const fields = new Map(keyingFields(round.definition, request.lang).map((f) => [f.variable, f]))
    const questionText = new Map(allQuestions(round.definition).map((q) => [q.id, localize(q.text, request.lang)]))
    const differences = pair.comparison.differences.map((d) => {
      const field = fields.get(d.variable)
      return {
        variable: d.variable,
        label: d.label,
        text: [field ? questionText.get(field.questionId) : '', field?.text].filter(Boolean).join(' – '),
        first: shown(d.first, request.t),
        second: shown(d.second, request.t),
        chosen: one(extra.posted, `k_${d.variable}`) ?? '',
        own: one(extra.posted, `e_${d.variable}`) ?? '',
      }
    })
    return reply.staffPage('staff/paper/review.eta', request.t('typist.review.title', { form: pair.form }), {
      pair,
      differences,
      error: extra.error ?? null,
      heading: request.t('typist.review.title', { form: pair.form }),
      firstName: pair.keyings[0]!.typistName,
      secondName: pair.keyings[1]!.typistName,
    })
  }

  app.get<{ Params: Params }>('/', async (request, reply) => {
    const round = request.round!
    return renderReview(request, reply, round)
  })

  app.post<{ Params: Params; Body: Body }>('/', async (request, reply) => {
    const round = request.round!
    const keyingId = request.params.keyingId ?? ''
    const decisions: Record<string, FieldDecision> = {}
    for (const [name, value] of Object.entries(request.body ?? {})) {
      if (!name.startsWith('k_')) continue
      const variable = name.slice(2)
      const choice = Array.isArray(value) ? value[0] : value
      if (choice === 'first' || choice === 'second') decisions[variable] = { choice }
      else if (choice === 'own')
        decisions[variable] = { choice: 'own', value: (one(request.body, `e_${variable}`) ?? '').slice(0, 4000) }
    }
    const outcome = isUuid(keyingId)
      ? await decidePair(app.db, staffActor(request), round.id, keyingId, decisions, round.definition)
      : { kind: 'gone' as const }
    switch (outcome.kind) {
      case 'ownKeying':
        return renderReview(request, reply.status(403), round, {
          error: request.t('typist.review.ownKeying'),
          posted: request.body,
        })
      case 'undecided': {
        const labels = keyingFields(round.definition)
          .filter((f) => outcome.variables.includes(f.variable))
          .map((f) => f.label)
        return renderReview(request, reply.status(422), round, {
          error: request.t('typist.review.undecided', { labels: labels.join(', ') }),
          posted: request.body,
        })
      }
      default: {
        if (outcome.kind === 'duplicate')
          request.notice('typist.review.savedDuplicate', { reference: outcome.reference })
        else if (outcome.kind === 'saved') request.notice('typist.review.saved')
        else request.notice('typist.review.gone', undefined, 'refused')
        return reply.redirect(`/beheer/rondes/${round.id}/papier`, 303)
      }
    }
  })
}

export default reviewPage
