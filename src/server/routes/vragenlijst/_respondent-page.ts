/**
 * What the questionnaire pages (/vragenlijst and the folders under it) answer instead of
 * the questionnaire: no session, the round not open, or the questionnaire already sent.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { MessageKey } from '#src/i18n/translate.ts'
import type { LangText, Question } from '#src/questionnaire/definition.ts'
import type { QuestionnairePage } from '#src/questionnaire/index.ts'
import { unansweredVisibleQuestions, visibilityOf, visiblePages } from '#src/questionnaire/index.ts'
import { formatDate } from '#src/i18n/translate.ts'
import { localize } from '#src/questionnaire/text.ts'
import type { ParticipantContext } from '#src/server/services/respondent/participation.ts'
import type { SubmissionOutcome } from '#src/server/services/respondent/answer-saving.ts'
import { roundAvailability } from '#src/server/services/respondent/participation.ts'
import { mayAnswer } from '#src/server/services/respondent/answer-saving.ts'

/** Where the respondent stands: the pages they see, and the questions still open there. */
export function progressOf(request: FastifyRequest): { pages: QuestionnairePage[]; open: Question[] } {
  const { definition, stratumCode, answers } = request.respondent
  const ctx = { stratum: stratumCode }
  return {
    pages: visiblePages(definition, visibilityOf(definition, answers, ctx).questions),
    open: unansweredVisibleQuestions(definition, answers, ctx),
  }
}

/** The page that asks a question, or for a grid over several pages the one with its first unanswered statement. */
export function pageAsking(
  pages: QuestionnairePage[],
  question: Question,
  answers: Record<string, unknown>,
): QuestionnairePage | undefined {
  const asking = pages.filter((page) => page.questions.some((q) => q.question.id === question.id))
  return asking.find((page) => [...page.variables].some((v) => answers[v] === undefined)) ?? asking[0]
}

/** Where a respondent goes on: the first page with something still open, the first page for a new one, else the overview. */
export function resumeAddress(request: FastifyRequest): string {
  const { pages, open } = progressOf(request)
  const { answers } = request.respondent
  const resumeAt =
    Object.keys(answers).length === 0 ? pages[0] : open[0] ? pageAsking(pages, open[0], answers) : undefined
  return resumeAt ? `/vragenlijst/deel/${resumeAt.id}` : '/vragenlijst/overzicht'
}

/**
 * After signing in: straight to the page to resume at, when the respondent may answer
 * (on a slow phone line every redirect spared is a round trip less before the first question).
 */
export async function afterSignIn(app: FastifyInstance, request: FastifyRequest): Promise<string> {
  const participantId = request.session.get('participantId')
  const context = participantId ? await app.answerSaving.contextFor(participantId, false) : undefined
  if (!mayAnswer(context)) return '/vragenlijst'
  request.respondent = context
  return resumeAddress(request)
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

/**
 * After a submission: the thank-you page, or for a screen-out answer the end page with
 * that answer's own text (kept in the session, as the response no longer names anyone).
 */
export function afterSending(
  request: FastifyRequest,
  reply: FastifyReply,
  submitted: SubmissionOutcome & { kind: 'submitted' },
) {
  request.session.set('submitted', true)
  if (!submitted.screenedOut) return reply.redirect('/vragenlijst/bedankt', 303)
  const question = submitted.screenedOut.question
  if (question.type !== 'single' && question.type !== 'yesno') throw new Error('only choice questions screen out')
  const text = question.screenOut!.text
  // In each of the questionnaire's languages (Dutch where a text lacks one), and only those:
  // the end page offers them in its language switch, and the session is a cookie.
  const languages = request.respondent.definition.languages
  request.session.set('screenedOut', Object.fromEntries(languages.map((l) => [l, localize(text, l)])) as LangText)
  return reply.redirect('/vragenlijst/einde', 303)
}
