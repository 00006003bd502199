/**
 * What the staff console keeps in the (encrypted cookie) session between requests (the
 * notice for the next page is kept by plugins/app/staff-page.ts), and who did a change.
 */
import type { FastifyRequest } from 'fastify'

declare module '@fastify/secure-session' {
  interface SessionData {
    /** When the password step succeeded, for an account with a second factor. */
    staffPendingAt: number
    /** A second-factor secret being set up, until the user confirms it with a code. */
    totpSetupSecret: string
  }
}

/** The signed-in staff member as the audit log names them. Only for routes behind requireStaff. */
export function staffActor(request: FastifyRequest): { id: number; username: string } {
  const staff = request.staff
  if (!staff) throw new Error('staffActor used on a route without a signed-in staff member')
  return { id: staff.id, username: staff.username }
}
