/**
 * What the staff console keeps in the (encrypted cookie) session between requests, and
 * the one-line notices shown once after a change ("Opgeslagen.").
 */
import type { FastifyRequest } from 'fastify'
import type { MessageKey, Params } from '#src/i18n/translate.ts'

declare module '@fastify/secure-session' {
  interface SessionData {
    /** When the password step succeeded, for an account with a second factor. */
    staffPendingAt: number
    /** A second-factor secret being set up, until the user confirms it with a code. */
    totpSetupSecret: string
    /** A notice for the next page: a UI text key and its parameters. */
    staffNotice: { key: MessageKey; params?: Params }
  }
}

export function setNotice(request: FastifyRequest, key: MessageKey, params?: Params): void {
  request.session.set('staffNotice', params ? { key, params } : { key })
}

/** The notice for this page, translated, and gone after this. */
export function takeNotice(request: FastifyRequest): string | null {
  const notice = request.session.get('staffNotice')
  if (!notice) return null
  request.session.set('staffNotice', undefined)
  return request.t(notice.key, notice.params)
}

/** The signed-in staff member as the audit log names them. Only for routes behind requireStaff. */
export function staffActor(request: FastifyRequest): { id: number; username: string } {
  const staff = request.staff
  if (!staff) throw new Error('staffActor used on a route without a signed-in staff member')
  return { id: staff.id, username: staff.username }
}
