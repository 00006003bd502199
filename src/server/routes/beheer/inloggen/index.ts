/** `/beheer/inloggen`: staff sign-in, throttled per user name and per address. */
import type { FastifyPluginAsync } from 'fastify'
import type { MessageKey } from '#src/i18n/translate.ts'
import { verifyPassword } from '#src/server/services/staff/passwords.ts'
import type { AttemptLimit } from '#src/server/services/attempt-limiter.ts'
import { takeAttempt } from '#src/server/services/attempt-limiter.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import '#src/server/routes/beheer/_session.ts'
import { safeReturnPath } from './_return-path.ts'

const perUser: AttemptLimit = { scope: 'login-user', max: 5, windowSeconds: 15 * 60 }
const perAddress: AttemptLimit = { scope: 'login-ip', max: 30, windowSeconds: 15 * 60 }

// A hash to compare against when the user does not exist, so timing does not tell.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

const signIn: FastifyPluginAsync = async (app) => {
  const options = { config: { public: true } }

  app.get<{ Querystring: { terug?: string } }>('/', options, async (request, reply) => {
    return reply.staffPage('staff/sign-in.eta', request.t('staff.auth.title'), {
      username: '',
      error: null,
      returnTo: safeReturnPath(request.query.terug),
    })
  })

  app.post<{ Body: { username?: string; password?: string; terug?: string } }>('/', options, async (request, reply) => {
    const username = String(request.body?.username ?? '')
      .trim()
      .toLowerCase()
      .slice(0, 100)
    const password = String(request.body?.password ?? '').slice(0, 200)
    const returnTo = safeReturnPath(request.body?.terug)
    const fail = (key: MessageKey, status: number) => {
      reply.status(status)
      return reply.staffPage('staff/sign-in.eta', request.t('staff.auth.title'), {
        username,
        error: request.t(key),
        returnTo,
      })
    }
    // Counted before the password is checked, so guesses sent at the same moment (to one
    // instance or several) cannot slip past the limit together; a success is refunded.
    const attempts = [await takeAttempt(app.db, perUser, username), await takeAttempt(app.db, perAddress, request.ip)]
    if (attempts.some((a) => !a.allowed)) return fail('staff.auth.tooMany', 429)
    const user = await app.db
      .selectFrom('staff_users')
      .select(['id', 'username', 'password_hash', 'active', 'totp_secret', 'must_change_password'])
      .where('username', '=', username)
      .executeTakeFirst()
    const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH)
    if (!user || !valid || !user.active) {
      request.log.info('staff sign-in failed')
      return fail('staff.auth.wrong', 401)
    }
    for (const attempt of attempts) await attempt.refund()
    request.session.regenerate(['lang'])
    if (user.must_change_password) request.session.set('staffMustChangePassword', true)
    if (user.totp_secret) {
      request.session.set('staffPendingUserId', user.id)
      request.session.set('staffPendingAt', Date.now())
      return reply.redirect(`/beheer/inloggen/tweede-stap?terug=${encodeURIComponent(returnTo)}`, 303)
    }
    request.session.set('staffUserId', user.id)
    request.session.set('staffSeenAt', Date.now())
    await audit(app.db, { id: user.id, username: user.username }, 'staff.sign-in')
    return reply.redirect(user.must_change_password ? '/beheer/account' : returnTo, 303)
  })
}

export default signIn
