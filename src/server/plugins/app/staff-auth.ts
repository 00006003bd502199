/**
 * Staff sign-in state. `request.staff` is the signed-in staff member (or null), checked
 * against the database on every request so a disabled account is out at once. Staff
 * are signed out after STAFF_SESSION_MINUTES without a request.
 *
 * Routes state who may use them with `config: { roles: [...] }`; the autohooks of
 * routes/beheer and routes/invoer enforce it (see `requireStaff` and `requireOwnPassword`).
 */
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { StaffRole } from '#src/server/db/schema.ts'

export interface SignedInStaff {
  id: number
  username: string
  displayName: string
  role: StaffRole
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: SignedInStaff | null
  }
  interface FastifyContextConfig {
    /** Who may use this route. */
    roles?: readonly StaffRole[]
    /** The route is open without signing in (the sign-in page itself). */
    public?: boolean
  }
}

declare module '@fastify/secure-session' {
  interface SessionData {
    staffUserId: number
    staffSeenAt: number
    /** Set after the password when the account has a second factor, until the code is given. */
    staffPendingUserId: number
    /** The account signed in with a password an administrator handed out. */
    staffMustChangePassword: boolean
  }
}

export default fp(async (app) => {
  app.decorateRequest('staff', null)
  app.addHook('onRequest', async (request) => {
    const userId = request.session.get('staffUserId')
    if (!userId) return
    const seenAt = request.session.get('staffSeenAt') ?? 0
    if (Date.now() - seenAt > app.config.staffSessionMinutes * 60_000) {
      request.session.set('staffUserId', undefined)
      return
    }
    const user = await app.db
      .selectFrom('staff_users')
      .select(['id', 'username', 'display_name', 'role', 'active'])
      .where('id', '=', userId)
      .executeTakeFirst()
    if (!user?.active) {
      request.session.set('staffUserId', undefined)
      return
    }
    request.session.set('staffSeenAt', Date.now())
    request.staff = { id: user.id, username: user.username, displayName: user.display_name, role: user.role }
  })
})

/**
 * The check the staff areas run before every route: sign in first, then the route's
 * roles (by default administrators and researchers only).
 */
export function requireStaff(defaultRoles: readonly StaffRole[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config
    if (config.public) return
    if (!request.staff) {
      if (request.method === 'GET') {
        return reply.redirect(`/beheer/inloggen?terug=${encodeURIComponent(request.url)}`, 303)
      }
      return reply
        .code(401)
        .staffPage('error.eta', request.t('staff.auth.title'), { message: request.t('staff.auth.signInFirst') })
    }
    const roles = config.roles ?? defaultRoles
    if (!roles.includes(request.staff.role)) {
      return reply
        .code(403)
        .staffPage('error.eta', request.t('staff.auth.forbiddenTitle'), { message: request.t('staff.auth.forbidden') })
    }
  }
}

/** What stays open to someone who must first pick their own password. */
const OPEN_WHILE_PASSWORD_MUST_CHANGE = /^\/beheer\/(account|uitloggen)(\/|$)/

/**
 * The check the staff areas run after `requireStaff`: someone signed in with a password
 * an administrator handed out picks their own first; until then only their account page
 * and signing out are open.
 */
export async function requireOwnPassword(request: FastifyRequest, reply: FastifyReply) {
  if (!request.staff || !request.session.get('staffMustChangePassword')) return
  if (OPEN_WHILE_PASSWORD_MUST_CHANGE.test(request.routeOptions.url ?? '')) return
  if (request.method === 'GET') return reply.redirect('/beheer/account', 303)
  return reply
    .code(403)
    .staffPage('error.eta', request.t('staff.account.title'), { message: request.t('staff.account.mustChange') })
}
