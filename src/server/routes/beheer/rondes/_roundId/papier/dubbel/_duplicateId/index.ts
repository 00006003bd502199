/**
 * `/beheer/rondes/:roundId/papier/dubbel/:duplicateId`: a duplicate form (GET); keep the
 * first, keep this one, or count it without code (POST).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { isUuid } from '#src/server/services/paper/paper-entry.ts'
import { keyingFields } from '#src/server/services/paper/paper-form.ts'
import type { DuplicateDecision } from '#src/server/services/paper/paper-duplicates.ts'
import { loadDuplicate, resolveDuplicate } from '#src/server/services/paper/paper-duplicates.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'
import type { Body, Params } from '#src/server/routes/beheer/rondes/_roundId/papier/_paper-page.ts'
import { one, shown } from '#src/server/routes/beheer/rondes/_roundId/papier/_paper-page.ts'

const duplicatePage: FastifyPluginAsync = async (app) => {
  async function renderDuplicate(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    round: StaffRound,
    error: string | null = null,
  ) {
    const id = request.params.duplicateId
    const duplicate = isUuid(id) ? await loadDuplicate(app.db, round.id, id) : undefined
    if (!duplicate) {
      request.notice('typist.duplicate.gone', undefined, 'refused')
      return reply.redirect(`/beheer/rondes/${round.id}/papier`, 303)
    }
    const forms = [duplicate.fields, ...duplicate.earlierKeyings]
    // One row per field keyed on any of the forms: this one, then the earlier one's keyings.
    const fields = keyingFields(round.definition, request.lang)
      .filter((f) => forms.some((form) => Object.hasOwn(form, f.variable)))
      .map((f) => ({
        label: f.label,
        value: shown(duplicate.fields[f.variable], request.t),
        earlier: duplicate.earlierKeyings.map((form) => shown(form[f.variable], request.t)),
        differs: duplicate.earlierKeyings.some((form) => form[f.variable] !== duplicate.fields[f.variable]),
      }))
    return reply.staffPage(
      'staff/paper/duplicate.eta',
      request.t('typist.duplicate.title', { form: duplicate.reference }),
      {
        duplicate,
        fields,
        error,
        heading: request.t('typist.duplicate.title', { form: duplicate.reference }),
      },
    )
  }

  app.get<{ Params: Params }>('/', async (request, reply) => {
    const round = request.round!
    return renderDuplicate(request, reply, round)
  })

  app.post<{ Params: Params; Body: Body }>('/', async (request, reply) => {
    const round = request.round!
    const decision = one(request.body, 'besluit')
    const id = request.params.duplicateId ?? ''
    if (decision !== 'keepFirst' && decision !== 'keepThis' && decision !== 'keepAsNoCode') {
      return renderDuplicate(request, reply.status(422), round, request.t('typist.duplicate.choose'))
    }
    const outcome = isUuid(id)
      ? await resolveDuplicate(
          app.db,
          staffActor(request),
          round.id,
          id,
          decision satisfies DuplicateDecision,
          round.definition,
        )
      : 'gone'
    if (outcome === 'notPossible')
      return renderDuplicate(request, reply.status(409), round, request.t('typist.duplicate.notPossible'))
    if (outcome === 'resolved') request.notice('typist.duplicate.resolved')
    else request.notice('typist.duplicate.gone', undefined, 'refused')
    return reply.redirect(`/beheer/rondes/${round.id}/papier`, 303)
  })
}

export default duplicatePage
