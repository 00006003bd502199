/**
 * `reply.staffPage(template, title, data)` renders a page of the staff console: the staff
 * layout, the notice the previous request left (`request.notice(...)`, shown once, after a
 * redirect), and on the pages of one round (`request.round`) the round's heading and tabs.
 */
import fp from 'fastify-plugin'
import type { MessageKey, Params } from '#src/i18n/translate.ts'
import { STAFF_LANGUAGES } from '#src/i18n/translate.ts'
import { roundHeaderOf } from '#src/server/navigation/round-header.ts'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'

declare module 'fastify' {
  interface FastifyReply {
    /** `title` names the page; on a round's page the round's name follows it. */
    staffPage(template: string, title: string, data?: Record<string, unknown>): Promise<FastifyReply>
  }
  interface FastifyRequest {
    /** The round of a /beheer/rondes/:roundId page, loaded by that folder's autohooks. */
    round: StaffRound | null
    /** Leaves a one-line message for the next staff page: what was done, or why it was refused. */
    notice(key: MessageKey, params?: Params, kind?: NoticeKind): void
  }
}

declare module '@fastify/secure-session' {
  interface SessionData {
    staffNotice: StoredNotice
  }
}

/** `done` reads as a status ("Opgeslagen."); `refused` as an error. */
export type NoticeKind = 'done' | 'refused'

/** A UI text key, not the text: the next page may be shown in another language. */
interface StoredNotice {
  key: MessageKey
  params?: Params
  kind?: NoticeKind
}

export interface ShownNotice {
  text: string
  refused: boolean
}

export default fp(async (app) => {
  app.decorateRequest('round', null)
  app.decorateRequest('notice', function (this, key: MessageKey, params?: Params, kind: NoticeKind = 'done') {
    this.session.set('staffNotice', { key, ...(params ? { params } : {}), ...(kind === 'refused' ? { kind } : {}) })
  })

  app.decorateReply('staffPage', function (this, template, title, data = {}) {
    const request = this.request
    const stored = request.session.get('staffNotice')
    if (stored) request.session.set('staffNotice', undefined)
    const notice: ShownNotice | null = stored
      ? { text: request.t(stored.key, stored.params), refused: stored.kind === 'refused' }
      : null
    const round = request.round
    return this.page(
      template,
      { round, ...data, notice, roundHeader: round ? roundHeaderOf(request, round) : null },
      { title: round ? `${title} – ${round.name}` : title, layout: 'layouts/staff.eta', languages: STAFF_LANGUAGES },
    )
  })
})
