/**
 * `/beheer/accounts/:userId`: one staff account, for administrators only.
 *
 *   GET  /beheer/accounts/:userId               → the account and what can be changed
 *   POST /beheer/accounts/:userId/rol           → change the role
 *   POST /beheer/accounts/:userId/status        → switch the account off or on
 *   POST /beheer/accounts/:userId/wachtwoord    → a new password, shown once
 *   POST /beheer/accounts/:userId/tweede-stap   → remove the second step (lost phone)
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AccountProblem } from '#src/server/services/staff/accounts.ts'
import {
  changeRole,
  getAccount,
  isStaffRole,
  removeSecondFactor,
  resetPassword,
  setActive,
  STAFF_ROLES,
} from '#src/server/services/staff/accounts.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { idParam, notFound } from '#src/server/routes/beheer/_respond.ts'

const administrators = { config: { roles: ['administrator'] as const } }

type Params = { userId: string }
type Body = Record<string, string | undefined>

const userIdOf = (params: Params) => idParam(params.userId)

const account: FastifyPluginAsync = async (app) => {
  async function page(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ) {
    const id = userIdOf(request.params)
    const user = id === null ? undefined : await getAccount(app.db, id)
    if (!user) return notFound(request, reply)
    return reply.staffPage('staff/account-edit.eta', user.displayName, {
      user,
      roles: STAFF_ROLES,
      self: user.id === request.staff!.id,
      error: null,
      newPassword: null,
      ...extra,
    })
  }

  async function done(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    result: { ok: true } | { ok: false; problem: AccountProblem },
  ) {
    if (!result.ok) {
      if (result.problem === 'notFound') return notFound(request, reply)
      reply.status(422)
      return page(request, reply, { error: request.t(`management.accounts.errors.${result.problem}`) })
    }
    request.notice('management.accounts.saved')
    return reply.redirect(`/beheer/accounts/${request.params.userId}`, 303)
  }

  app.get<{ Params: Params }>('/', administrators, async (request, reply) => page(request, reply))

  app.post<{ Params: Params; Body: Body }>('/rol', administrators, async (request, reply) => {
    const id = userIdOf(request.params)
    const role = String(request.body?.role ?? '')
    if (id === null) return notFound(request, reply)
    if (!isStaffRole(role)) return done(request, reply, { ok: false, problem: 'role' })
    return done(request, reply, await changeRole(app.db, staffActor(request), id, role))
  })

  app.post<{ Params: Params; Body: Body }>('/status', administrators, async (request, reply) => {
    const id = userIdOf(request.params)
    if (id === null) return notFound(request, reply)
    return done(request, reply, await setActive(app.db, staffActor(request), id, request.body?.active === 'true'))
  })

  app.post<{ Params: Params }>('/wachtwoord', administrators, async (request, reply) => {
    const id = userIdOf(request.params)
    if (id === null) return notFound(request, reply)
    const result = await resetPassword(app.db, staffActor(request), id)
    if (!result.ok) return done(request, reply, result)
    // Shown on this answer only, like a new account's password.
    return page(request, reply, { newPassword: result.password })
  })

  app.post<{ Params: Params }>('/tweede-stap', administrators, async (request, reply) => {
    const id = userIdOf(request.params)
    if (id === null) return notFound(request, reply)
    return done(request, reply, await removeSecondFactor(app.db, staffActor(request), id))
  })
}

export default account
