/**
 * `/beheer/account/tweede-stap`: the second sign-in step of the signed-in user
 * (administrators and researchers).
 *
 *   GET  /beheer/account/tweede-stap            → QR code to set up the second step
 *   POST /beheer/account/tweede-stap            → confirm it with a code from the app
 *   POST /beheer/account/tweede-stap/uitzetten  → switch it off (password required)
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { SECOND_FACTOR_ROLES } from '#src/server/services/staff/accounts.ts'
import { verifyPassword } from '#src/server/services/staff/passwords.ts'
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
import { takeAttempt } from '#src/server/services/attempt-limiter.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import type { Body } from '#src/server/routes/beheer/account/_account-page.ts'
import { accountPage, field, perUser } from '#src/server/routes/beheer/account/_account-page.ts'

const withSecondFactor = { config: { roles: SECOND_FACTOR_ROLES } }

const secondStep: FastifyPluginAsync = async (app) => {
  async function setUpPage(request: FastifyRequest, reply: FastifyReply, error: string | null) {
    let secret = request.session.get('totpSetupSecret')
    if (!secret) {
      secret = newTotpSecret()
      request.session.set('totpSetupSecret', secret)
    }
    const qr = await totpQrDataUrl(totpUri(secret, request.staff!.username))
    return reply.staffPage('staff/second-factor.eta', request.t('staff.account.secondFactor.setUp'), {
      qr,
      secret: groupedSecret(secret),
      error,
    })
  }

  app.get('/', withSecondFactor, async (request, reply) => setUpPage(request, reply, null))

  app.post<{ Body: Body }>('/', withSecondFactor, async (request, reply) => {
    const secret = request.session.get('totpSetupSecret')
    if (!secret) return reply.redirect('/beheer/account/tweede-stap', 303)
    const step = matchingStep(secret, normaliseTotpCode(request.body?.code))
    if (step === null) {
      reply.status(422)
      return setUpPage(request, reply, request.t('staff.account.secondFactor.codeWrong'))
    }
    await enableTotp(app.db, staffActor(request), secret, step)
    request.session.set('totpSetupSecret', undefined)
    request.notice('staff.account.secondFactor.enabled')
    return reply.redirect('/beheer/account', 303)
  })

  app.post<{ Body: Body }>('/uitzetten', withSecondFactor, async (request, reply) => {
    const attempt = await takeAttempt(app.db, perUser, request.staff!.username)
    if (!attempt.allowed) {
      reply.status(429)
      return accountPage(request, reply, { secondFactor: request.t('staff.auth.tooMany') })
    }
    const user = await app.db
      .selectFrom('staff_users')
      .select('password_hash')
      .where('id', '=', request.staff!.id)
      .executeTakeFirstOrThrow()
    if (!(await verifyPassword(field(request.body, 'current'), user.password_hash))) {
      reply.status(422)
      return accountPage(request, reply, { secondFactor: request.t('staff.account.errors.wrong') })
    }
    await attempt.refund()
    await disableTotp(app.db, staffActor(request))
    request.notice('staff.account.secondFactor.disabled')
    return reply.redirect('/beheer/account', 303)
  })
}

export default secondStep
