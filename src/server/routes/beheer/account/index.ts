/**
 * `/beheer/account`: the signed-in user's own account. Every role may change its own
 * password here (also a typist, who has no other page under /beheer); administrators
 * and researchers can also switch the second sign-in step on or off.
 *
 *   GET  /beheer/account                        → password form and second-step status
 *   POST /beheer/account/wachtwoord             → change the password
 *   GET  /beheer/account/tweede-stap            → QR code to set up the second step
 *   POST /beheer/account/tweede-stap            → confirm it with a code from the app
 *   POST /beheer/account/tweede-stap/uitzetten  → switch it off (password required)
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { changeOwnPassword, getAccount, SECOND_FACTOR_ROLES } from '#src/server/services/staff/accounts.ts'
import { MIN_PASSWORD_LENGTH, verifyPassword } from '#src/server/services/staff/passwords.ts'
import {
  disableTotp,
  enableTotp,
  groupedSecret,
  matchingStep,
  newTotpSecret,
  normaliseTotpCode,
  totpQrDataUrl,
  totpUri,
} from '#src/server/services/staff/totp.ts'
import type { AttemptLimit } from '#src/server/services/attempt-limiter.ts'
import { takeAttempt } from '#src/server/services/attempt-limiter.ts'
import { setNotice, staffActor, takeNotice } from '#src/server/routes/beheer/_session.ts'

// The same budget as signing in: a borrowed session must not become a way to guess the password.
const perUser: AttemptLimit = { scope: 'login-user', max: 5, windowSeconds: 15 * 60 }

const everyone = { config: { roles: ['administrator', 'researcher', 'typist'] as const } }
const withSecondFactor = { config: { roles: SECOND_FACTOR_ROLES } }

type Body = Record<string, string | undefined>
const field = (body: Body | undefined, name: string) => String(body?.[name] ?? '').slice(0, 300)

const ownAccount: FastifyPluginAsync = async (app) => {
  async function overview(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: { password?: string; secondFactor?: string } = {},
  ) {
    const account = await getAccount(app.db, request.staff!.id)
    return reply.page(
      'staff/account.eta',
      {
        account,
        notice: takeNotice(request),
        mustChange: request.session.get('staffMustChangePassword') === true,
        canUseSecondFactor: SECOND_FACTOR_ROLES.includes(request.staff!.role),
        minLength: MIN_PASSWORD_LENGTH,
        errors,
      },
      { title: request.t('staff.account.title'), layout: 'layouts/staff.eta' },
    )
  }

  app.get('/', everyone, async (request, reply) => overview(request, reply))

  app.post<{ Body: Body }>('/wachtwoord', everyone, async (request, reply) => {
    // Counted before the password is checked (as at sign-in), so that guesses sent at the
    // same moment cannot slip past the limit together; anything but a wrong password is refunded.
    const attempt = await takeAttempt(app.db, perUser, request.staff!.username)
    if (!attempt.allowed) {
      reply.status(429)
      return overview(request, reply, { password: request.t('staff.auth.tooMany') })
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
      return overview(request, reply, {
        password: request.t(`staff.account.errors.${result.problem}`, { min: MIN_PASSWORD_LENGTH }),
      })
    }
    request.session.set('staffMustChangePassword', undefined)
    setNotice(request, 'staff.account.changed')
    return reply.redirect('/beheer/account', 303)
  })

  async function setUpPage(request: FastifyRequest, reply: FastifyReply, error: string | null) {
    let secret = request.session.get('totpSetupSecret')
    if (!secret) {
      secret = newTotpSecret()
      request.session.set('totpSetupSecret', secret)
    }
    const qr = await totpQrDataUrl(totpUri(secret, request.staff!.username))
    return reply.page(
      'staff/second-factor.eta',
      { qr, secret: groupedSecret(secret), error },
      { title: request.t('staff.account.secondFactor.setUp'), layout: 'layouts/staff.eta' },
    )
  }

  app.get('/tweede-stap', withSecondFactor, async (request, reply) => setUpPage(request, reply, null))

  app.post<{ Body: Body }>('/tweede-stap', withSecondFactor, async (request, reply) => {
    const secret = request.session.get('totpSetupSecret')
    if (!secret) return reply.redirect('/beheer/account/tweede-stap', 303)
    const step = matchingStep(secret, normaliseTotpCode(request.body?.code))
    if (step === null) {
      reply.status(422)
      return setUpPage(request, reply, request.t('staff.account.secondFactor.codeWrong'))
    }
    await enableTotp(app.db, staffActor(request), secret, step)
    request.session.set('totpSetupSecret', undefined)
    setNotice(request, 'staff.account.secondFactor.enabled')
    return reply.redirect('/beheer/account', 303)
  })

  app.post<{ Body: Body }>('/tweede-stap/uitzetten', withSecondFactor, async (request, reply) => {
    const attempt = await takeAttempt(app.db, perUser, request.staff!.username)
    if (!attempt.allowed) {
      reply.status(429)
      return overview(request, reply, { secondFactor: request.t('staff.auth.tooMany') })
    }
    const user = await app.db
      .selectFrom('staff_users')
      .select('password_hash')
      .where('id', '=', request.staff!.id)
      .executeTakeFirstOrThrow()
    if (!(await verifyPassword(field(request.body, 'current'), user.password_hash))) {
      reply.status(422)
      return overview(request, reply, { secondFactor: request.t('staff.account.errors.wrong') })
    }
    await attempt.refund()
    await disableTotp(app.db, staffActor(request))
    setNotice(request, 'staff.account.secondFactor.disabled')
    return reply.redirect('/beheer/account', 303)
  })
}

export default ownAccount
