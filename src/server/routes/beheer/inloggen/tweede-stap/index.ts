/**
 * `/beheer/inloggen/tweede-stap`: after the password, the six-digit code from the
 * authenticator app, for accounts that have a second factor. Throttled per account, and
 * each code works once (services/totp.ts).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AttemptLimit } from '#src/server/services/attempt-limiter.ts'
import { takeAttempt } from '#src/server/services/attempt-limiter.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { normaliseTotpCode, verifyAndUseTotp } from '#src/server/services/staff/totp.ts'
import '#src/server/routes/beheer/_session.ts'
import { safeReturnPath } from '#src/server/routes/beheer/inloggen/_return-path.ts'

const perUser: AttemptLimit = { scope: 'totp-user', max: 5, windowSeconds: 15 * 60 }
/** The password step counts for this long; then the whole sign-in starts again. */
const PENDING_MS = 5 * 60_000

function pendingUser(request: FastifyRequest): number | undefined {
  const userId = request.session.get('staffPendingUserId')
  const at = request.session.get('staffPendingAt') ?? 0
  return userId && Date.now() - at <= PENDING_MS ? userId : undefined
}

function page(request: FastifyRequest, reply: FastifyReply, returnTo: string, error: string | null) {
  return reply.staffPage('staff/second-step.eta', request.t('staff.auth.secondStepTitle'), { error, returnTo })
}

const secondStep: FastifyPluginAsync = async (app) => {
  const options = { config: { public: true } }

  app.get<{ Querystring: { terug?: string } }>('/', options, async (request, reply) => {
    if (!pendingUser(request)) return reply.redirect('/beheer/inloggen', 303)
    return page(request, reply, safeReturnPath(request.query.terug), null)
  })

  app.post<{ Body: { code?: string; terug?: string } }>('/', options, async (request, reply) => {
    const returnTo = safeReturnPath(request.body?.terug)
    const userId = pendingUser(request)
    if (!userId) return reply.redirect('/beheer/inloggen', 303)
    const key = String(userId)
    // Counted before the code is checked, as at the password step; a right code is refunded.
    const attempt = await takeAttempt(app.db, perUser, key)
    if (!attempt.allowed) {
      reply.status(429)
      return page(request, reply, returnTo, request.t('staff.auth.tooMany'))
    }
    if (!(await verifyAndUseTotp(app.db, userId, normaliseTotpCode(request.body?.code)))) {
      reply.status(401)
      return page(request, reply, returnTo, request.t('staff.auth.codeWrong'))
    }
    await attempt.refund()
    const user = await app.db
      .selectFrom('staff_users')
      .select(['id', 'username', 'active'])
      .where('id', '=', userId)
      .executeTakeFirst()
    if (!user?.active) return reply.redirect('/beheer/inloggen', 303)
    const mustChange = request.session.get('staffMustChangePassword') === true
    request.session.regenerate(['lang'])
    if (mustChange) request.session.set('staffMustChangePassword', true)
    request.session.set('staffUserId', user.id)
    request.session.set('staffSeenAt', Date.now())
    await audit(app.db, { id: user.id, username: user.username }, 'staff.sign-in', { secondFactor: true })
    return reply.redirect(mustChange ? '/beheer/account' : returnTo, 303)
  })
}

export default secondStep
