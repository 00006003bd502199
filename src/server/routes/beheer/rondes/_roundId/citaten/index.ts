/**
 * `/beheer/rondes/:roundId/citaten`: open answers reviewed before a report may quote them,
 * for researchers and administrators (typists never: they see no answers but the form
 * they key).
 *
 *   GET  /beheer/rondes/:roundId/citaten         → 20 answers a page (?pagina=), per municipality
 *                                                   (?gemeente=<code>), reviewed or not (?beoordeeld=ja|nee)
 *   POST /beheer/rondes/:roundId/citaten         → one answer's review: Goedkeuren (with its text and
 *                                                   "Opnemen in rapport") or Niet gebruiken
 *   POST /beheer/rondes/:roundId/citaten/namen   → the round's list of names to flag (pasted or a .txt file)
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { UploadBody } from '#src/server/http/upload-form.ts'
import { acceptUploadForms, field, uploadedFile } from '#src/server/http/upload-form.ts'
import type { ReviewFilter, ReviewInput } from '#src/server/services/report/quote-reviews.ts'
import { listOpenAnswers, MAX_REVIEWED_LENGTH, saveReview } from '#src/server/services/report/quote-reviews.ts'
import {
  loadQuoteNames,
  MAX_NAME_LIST_BYTES,
  NameListError,
  parseNameList,
  saveQuoteNames,
} from '#src/server/services/report/quote-names.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'
import { idParam } from '#src/server/routes/beheer/_respond.ts'

const ROLES = { config: { roles: ['researcher', 'administrator'] as const } }

/** The filter as the page's address says it, and what carries it across a form post. */
interface Where {
  gemeente: string
  beoordeeld: '' | 'ja' | 'nee'
  pagina: number
}

function whereOf(values: Record<string, unknown> | undefined): Where {
  const text = (name: string) => (typeof values?.[name] === 'string' ? (values[name] as string).trim() : '')
  const beoordeeld = text('beoordeeld')
  return {
    gemeente: text('gemeente').slice(0, 100),
    beoordeeld: beoordeeld === 'ja' || beoordeeld === 'nee' ? beoordeeld : '',
    pagina: idParam(text('pagina')) ?? 1,
  }
}

function addressOf(roundId: number, where: Where, page = where.pagina): string {
  const query = new URLSearchParams()
  if (where.gemeente) query.set('gemeente', where.gemeente)
  if (where.beoordeeld) query.set('beoordeeld', where.beoordeeld)
  if (page > 1) query.set('pagina', String(page))
  const search = query.toString()
  return `/beheer/rondes/${roundId}/citaten${search ? `?${search}` : ''}`
}

interface PageExtras {
  reviewError?: { responseId: string; variable: string; message: string; text: string; print: boolean }
  namesError?: string
  pastedNames?: string
}

const quotesPage: FastifyPluginAsync = async (app) => {
  // A name list fits in MAX_NAME_LIST_BYTES; somewhat more is read so that a too-large
  // file gets its own message instead of the general "too large" page.
  await acceptUploadForms(app, 4 * MAX_NAME_LIST_BYTES)

  async function showPage(request: FastifyRequest, reply: FastifyReply, where: Where, extras: PageExtras = {}) {
    const round = request.round!
    const stratum = round.strata.find((s) => s.code === where.gemeente)
    const filter: ReviewFilter = {
      stratumId: stratum?.id ?? null,
      reviewed: where.beoordeeld === '' ? null : where.beoordeeld === 'ja',
      page: where.pagina,
    }
    const list = await listOpenAnswers(app.db, round.id, round.definition, filter)
    const current = { ...where, gemeente: stratum?.code ?? '', pagina: list.page }
    const names = await loadQuoteNames(app.db, round.id)
    return reply.staffPage('staff/quotes.eta', request.t('management.quotes.title'), {
      list,
      where: current,
      strata: round.strata,
      previousHref: list.page > 1 ? addressOf(round.id, current, list.page - 1) : null,
      nextHref: list.page < list.pages ? addressOf(round.id, current, list.page + 1) : null,
      action: `/beheer/rondes/${round.id}/citaten`,
      names: { count: names.length, pasted: extras.pastedNames ?? names.join('\n'), error: extras.namesError ?? null },
      maxNamesKb: MAX_NAME_LIST_BYTES / 1024,
      reviewError: extras.reviewError ?? null,
      fmt: numberFormats(request.lang),
    })
  }

  app.get('/', ROLES, async (request, reply) =>
    showPage(request, reply, whereOf(request.query as Record<string, unknown>)),
  )

  app.post<{ Body: Record<string, unknown> }>('/', ROLES, async (request, reply) => {
    const round = request.round!
    const body = request.body ?? {}
    const where = whereOf(body)
    const responseId = field(body, 'antwoord')
    const variable = field(body, 'variabele')
    const decision = field(body, 'besluit')
    const text = field(body, 'tekst')
    const print = field(body, 'opnemen') === '1'
    const refuse = (message: string) => {
      reply.status(422)
      return showPage(request, reply, where, { reviewError: { responseId, variable, message, text, print } })
    }
    let input: ReviewInput
    if (decision === 'goedkeuren') input = { decision: 'accepted', responseId, variable, text, print }
    else if (decision === 'niet-gebruiken') input = { decision: 'rejected', responseId, variable }
    else return refuse(request.t('management.quotes.errors.badDecision'))
    const outcome = await saveReview(app.db, staffActor(request), round.id, round.definition, input)
    if (outcome === 'emptyText') return refuse(request.t('management.quotes.errors.emptyText'))
    if (outcome === 'textTooLong')
      return refuse(request.t('management.quotes.errors.textTooLong', { max: MAX_REVIEWED_LENGTH }))
    if (outcome === 'notFound') {
      request.notice('management.quotes.errors.notFound', {}, 'refused')
      return reply.redirect(addressOf(round.id, where), 303)
    }
    request.notice(
      input.decision === 'rejected'
        ? 'management.quotes.saved.rejected'
        : print
          ? 'management.quotes.saved.printed'
          : 'management.quotes.saved.accepted',
    )
    return reply.redirect(addressOf(round.id, where), 303)
  })

  app.post<{ Body: UploadBody }>('/namen', ROLES, async (request, reply) => {
    const round = request.round!
    const where = whereOf(request.body as Record<string, unknown>)
    const pasted = field(request.body, 'namen')
    const file = uploadedFile(request.body, 'bestand')
    let names: string[]
    try {
      names = parseNameList(file ? file.data : pasted)
    } catch (error) {
      if (!(error instanceof NameListError)) throw error
      reply.status(422)
      return showPage(request, reply, where, {
        namesError: request.t(`management.quotes.names.errors.${error.key}`, error.params),
        pastedNames: pasted,
      })
    }
    await saveQuoteNames(app.db, staffActor(request), round.id, names)
    request.notice('management.quotes.names.saved', { count: names.length })
    return reply.redirect(addressOf(round.id, where), 303)
  })
}

export default quotesPage
