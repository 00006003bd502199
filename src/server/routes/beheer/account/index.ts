/**
 * `/beheer/account`: the signed-in user's own account. Every role may change its own
 * password here (also a typist, who has no other page under /beheer); administrators
 * and researchers can also switch the second sign-in step on or off
 * (./tweede-stap/index.ts).
 *
 *   GET  /beheer/account                        → password form and second-step status
 *   POST /beheer/account/wachtwoord             → change the password
 */
import type { FastifyPluginAsync } from 'fastify'
import { changeOwnPassword } from '#src/server/services/staff/accounts.ts'
import { MIN_PASSWORD_LENGTH } from '#src/server/services/staff/passwords.ts'
import { takeAttempt } from '#src/server/services/attempt-limiter.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import type { Body } from './_account-page.ts'
import { accountPage, field, perUser } from './_account-page.ts'

const everyone = { config: { roles: ['administrator', 'researcher', 'typist'] as const } }

const ownAccount: FastifyPluginAsync = async (app) => {
  app.get('/', everyone, async (request, reply) => accountPage(request, reply))

  app.post<{ Body: Body }>('/wachtwoord', everyone, async (request, reply) => {
    // Counted before the password is checked (as at sign-in), so that guesses sent at the
    // same moment cannot slip past the limit together; anything but a wrong password is refunded.
    const attempt = await takeAttempt(app.db, perUser, request.staff!.username)
    if (!attempt.allowed) {
      reply.status(429)
      return accountPage(request, reply, { password: request.t('staff.auth.tooMany') })
    }
    const result = await changeOwnPassword(
      app.db,
      staffActor(request),
      field(request.body, 'current'),
      field(request.body, 'password'),
      field(request.body, 'repeat'),
    )
    if (result.ok || result.problem !== 'wrong') await attempt.refund()
    if (!result.ok) {
      reply.status(422)
      return accountPage(request, reply, {
        password: request.t(`staff.account.errors.${result.problem}`, { min: MIN_PASSWORD_LENGTH }),
      })
    }
    request.session.set('staffMustChangePassword', undefined)
    request.notice('staff.account.changed')
    return reply.redirect('/beheer/account', 303)
  })
}

export default ownAccount
