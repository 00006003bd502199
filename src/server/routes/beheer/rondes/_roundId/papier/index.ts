/**
 * `/beheer/rondes/:roundId/papier`: paper entry as researchers see it. Counts per day
 * and per typist, agreement of double keying, forms waiting for a second keying or a
 * review, duplicates to decide on, and forms without code (counted apart).
 *
 *   GET  /papier                       → overview
 *   GET  /papier/verschillen/:keyingId → the differences of a double-keyed form
 *   POST /papier/verschillen/:keyingId → decide them field by field
 *   GET  /papier/dubbel/:duplicateId   → a duplicate form
 *   POST /papier/dubbel/:duplicateId   → keep the first, keep this one, or count it without code
 *
 * Researchers only: these pages show codes next to keyed answers (the reviewer needs
 * the code to find the paper form).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { allQuestions, localize } from '#src/questionnaire/index.ts'
import { roundTabsFor } from '#src/server/navigation/round-tabs.ts'
import type { StaffRole } from '#src/server/db/schema.ts'
import { isUuid } from '#src/server/services/paper/paper-entry.ts'
import { keyingFields } from '#src/server/services/paper/paper-form.ts'
import type { FieldDecision } from '#src/server/services/paper/double-keying.ts'
import { awaitingReview, decidePair, loadPair } from '#src/server/services/paper/double-keying.ts'
import type { DuplicateDecision } from '#src/server/services/paper/paper-duplicates.ts'
import { loadDuplicate, openDuplicates, resolveDuplicate } from '#src/server/services/paper/paper-duplicates.ts'
import { keyingPerDay, keyingPerTypist, paperWork } from '#src/server/services/paper/paper-stats.ts'
import { flash, takeFlash } from '#src/server/fieldwork-page.ts'
import { idParam, notFound } from '#src/server/routes/beheer/_respond.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'

const PAPER_ROLES: readonly StaffRole[] = ['researcher']
const options = { config: { roles: PAPER_ROLES } }
const STAFF_LAYOUT = 'layouts/staff.eta'

interface PaperRound {
  id: number
  name: string
  doubleKeying: boolean
  definition: QuestionnaireDefinition
}

type Params = { roundId: string; keyingId?: string; duplicateId?: string }
type Body = Record<string, string | string[] | undefined>

async function roundOf(
  request: FastifyRequest<{ Params: Params }>,
  reply: FastifyReply,
): Promise<PaperRound | undefined> {
  const id = idParam(request.params.roundId)
  const row =
    id !== null
      ? await request.server.db
          .selectFrom('rounds as r')
          .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
          .select(['r.id', 'r.name', 'r.double_keying', 'q.definition'])
          .where('r.id', '=', id)
          .executeTakeFirst()
      : undefined
  if (!row) {
    await notFound(request, reply)
    return undefined
  }
  return { id: row.id, name: row.name, doubleKeying: row.double_keying, definition: row.definition }
}

function render(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  round: PaperRound,
  title: string,
  data: Record<string, unknown>,
) {
  const path = request.url.split('?')[0]!
  const overview = `/beheer/rondes/${round.id}/papier`
  const tabs = roundTabsFor(round.id, request.staff!.role, path, request.t)
  return reply.page(
    `staff/paper/${template}`,
    { round, tabs, overview, ...data },
    { title: `${title} – ${round.name}`, layout: STAFF_LAYOUT },
  )
}

function percent(share: number | null, lang: string): string {
  return share === null
    ? '–'
    : `${(share * 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 })}%`
}

/** How a keyed value reads for a reviewer: marks spelled out, blanks visible. */
function shown(value: string | undefined, t: FastifyRequest['t']): string {
  if (value === undefined) return t('typist.review.blank')
  if (value === 'm') return t('typist.review.multiple')
  if (value === '?') return t('typist.review.unreadable')
  return value
}

function one(body: Body | undefined, name: string): string | undefined {
  const value = body?.[name]
  return Array.isArray(value) ? value[0] : value
}

const paperPages: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Params }>('/', options, async (request, reply) => {
    const round = await roundOf(request, reply)
    if (!round) return reply
    const db = app.db
    const [work, perDay, perTypist, reviews, duplicates] = await Promise.all([
      paperWork(db, round.id),
      keyingPerDay(db, round.id),
      keyingPerTypist(db, round.id),
      awaitingReview(db, round.id),
      openDuplicates(db, round.id),
    ])
    const message = takeFlash(request)
    return render(request, reply, 'overview.eta', round, request.t('typist.staff.title'), {
      message,
      work,
      totals: {
        withCode: work.strata.reduce((sum, s) => sum + s.withCode, 0),
        noCode: work.strata.reduce((sum, s) => sum + s.noCode, 0),
      },
      perDay,
      perTypist: perTypist.map((p) => ({
        ...p,
        agreementText: percent(p.agreement, request.lang),
        accuracyText: percent(p.accuracy, request.lang),
      })),
      reviews,
      duplicates: duplicates.map((d) => ({ ...d, earlierText: request.t(`typist.modes.${d.earlierMode}`) })),
    })
  })

  async function renderReview(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    round: PaperRound,
    extra: { error?: string; posted?: Body } = {},
  ) {
    const keyingId = request.params.keyingId
    const pair = isUuid(keyingId) ? await loadPair(app.db, round.id, keyingId, round.definition) : undefined
    if (!pair) {
      flash(request, request.t('typist.review.gone'))
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
    return render(request, reply, 'review.eta', round, request.t('typist.review.title', { form: pair.form }), {
      pair,
      differences,
      error: extra.error ?? null,
      heading: request.t('typist.review.title', { form: pair.form }),
      firstName: pair.keyings[0]!.typistName,
      secondName: pair.keyings[1]!.typistName,
    })
  }

  app.get<{ Params: Params }>('/verschillen/:keyingId', options, async (request, reply) => {
    const round = await roundOf(request, reply)
    if (!round) return reply
    return renderReview(request, reply, round)
  })

  app.post<{ Params: Params; Body: Body }>('/verschillen/:keyingId', options, async (request, reply) => {
    const round = await roundOf(request, reply)
    if (!round) return reply
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
        const key = outcome.kind === 'saved' ? 'saved' : outcome.kind === 'duplicate' ? 'savedDuplicate' : 'gone'
        flash(request, request.t(`typist.review.${key}`))
        return reply.redirect(`/beheer/rondes/${round.id}/papier`, 303)
      }
    }
  })

  async function renderDuplicate(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    round: PaperRound,
    error: string | null = null,
  ) {
    const id = request.params.duplicateId
    const duplicate = isUuid(id) ? await loadDuplicate(app.db, round.id, id) : undefined
    if (!duplicate) {
      flash(request, request.t('typist.duplicate.gone'))
      return reply.redirect(`/beheer/rondes/${round.id}/papier`, 303)
    }
    const fields = keyingFields(round.definition, request.lang)
      .filter((f) => Object.hasOwn(duplicate.fields, f.variable))
      .map((f) => ({ label: f.label, value: shown(duplicate.fields[f.variable], request.t) }))
    return render(
      request,
      reply,
      'duplicate.eta',
      round,
      request.t('typist.duplicate.title', { form: duplicate.code }),
      {
        duplicate,
        fields,
        error,
        heading: request.t('typist.duplicate.title', { form: duplicate.code }),
      },
    )
  }

  app.get<{ Params: Params }>('/dubbel/:duplicateId', options, async (request, reply) => {
    const round = await roundOf(request, reply)
    if (!round) return reply
    return renderDuplicate(request, reply, round)
  })

  app.post<{ Params: Params; Body: Body }>('/dubbel/:duplicateId', options, async (request, reply) => {
    const round = await roundOf(request, reply)
    if (!round) return reply
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
    flash(request, request.t(outcome === 'resolved' ? 'typist.duplicate.resolved' : 'typist.duplicate.gone'))
    return reply.redirect(`/beheer/rondes/${round.id}/papier`, 303)
  })
}

export default paperPages
