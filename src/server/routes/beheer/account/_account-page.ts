/**
 * What the pages of /beheer/account share: the account page itself (shown again with a
 * problem after a failed change), the attempt budget, and reading a form field.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { getAccount, SECOND_FACTOR_ROLES } from '#src/server/services/staff/accounts.ts'
import { MIN_PASSWORD_LENGTH } from '#src/server/services/staff/passwords.ts'
import type { AttemptLimit } from '#src/server/services/attempt-limiter.ts'

// The same budget as signing in: a borrowed session must not become a way to guess the password.
export const perUser: AttemptLimit = { scope: 'login-user', max: 5, windowSeconds: 15 * 60 }

export type Body = Record<string, string | undefined>
export const field = (body: Body | undefined, name: string) => String(body?.[name] ?? '').slice(0, 300)

/** The account page: password form and second-step status, with the problems of a failed change. */
export async function accountPage(
  request: FastifyRequest,
  reply: FastifyReply,
  errors: { password?: string; secondFactor?: string } = {},
) {
  const account = await getAccount(request.server.db, request.staff!.id)
  return reply.staffPage('staff/account.eta', request.t('staff.account.title'), {
    account,
    mustChange: request.session.get('staffMustChangePassword') === true,
    canUseSecondFactor: SECOND_FACTOR_ROLES.includes(request.staff!.role),
    minLength: MIN_PASSWORD_LENGTH,
    errors,
  })
}
