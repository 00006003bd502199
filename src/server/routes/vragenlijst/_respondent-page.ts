/**
 * What the questionnaire pages (/vragenlijst and the folders under it) answer instead of
 * the questionnaire: no session, the round not open, or the questionnaire already sent.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { MessageKey } from '#src/i18n/translate.ts'
import type { Question, Section } from '#src/questionnaire/definition.ts'
import { unansweredVisibleQuestions, visibleSections } from '#src/questionnaire/index.ts'
import { formatDate } from '#src/i18n/translate.ts'
import type { ParticipantContext } from '#src/server/services/respondent/participation.ts'
import { roundAvailability } from '#src/server/services/respondent/participation.ts'

/** Where the respondent stands: the sections they see, and the questions still open there. */
export function progressOf(request: FastifyRequest): { sections: Section[]; open: Question[] } {
  const { definition, stratumCode, answers } = request.respondent
  const ctx = { stratum: stratumCode }
  return {
    sections: visibleSections(definition, answers, ctx),
    open: unansweredVisibleQuestions(definition, answers, ctx),
  }
}

/** Page options: the language switch offers the questionnaire's languages. */
export function pageOptions(request: FastifyRequest, title: string) {
  return { title, languages: request.respondent.definition.languages }
}

function stateMessage(request: FastifyRequest, reply: FastifyReply, titleKey: MessageKey, body: string) {
  return reply.page(
    'respondent/message.eta',
    { heading: request.t(titleKey), body },
    pageOptions(request, request.t(titleKey)),
  )
}

/** The page to show instead of the questionnaire when this context does not allow answering. */
export function refusal(request: FastifyRequest, reply: FastifyReply, context: ParticipantContext | undefined) {
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

export function alreadyDone(request: FastifyRequest, reply: FastifyReply) {
  return stateMessage(request, reply, 'respondent.alreadyDone.title', request.t('respondent.alreadyDone.body'))
}
