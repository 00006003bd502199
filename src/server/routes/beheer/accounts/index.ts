/**
 * `/beheer/accounts`: staff accounts, for administrators only.
 *
 *   GET  /beheer/accounts  → every account, and the form for a new one
 *   POST /beheer/accounts  → create an account; its password is shown once, on this answer
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { createAccount, isStaffRole, listAccounts, STAFF_ROLES } from '#src/server/services/staff/accounts.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'

const administrators = { config: { roles: ['administrator'] as const } }

type Body = Record<string, string | undefined>

const accounts: FastifyPluginAsync = async (app) => {
  async function page(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    return reply.staffPage('staff/accounts.eta', request.t('management.accounts.title'), {
      accounts: await listAccounts(app.db),
      roles: STAFF_ROLES,
      form: { username: '', displayName: '', role: 'researcher' },
      error: null,
      created: null,
      ...extra,
    })
  }

  app.get('/', administrators, async (request, reply) => page(request, reply))

  app.post<{ Body: Body }>('/', administrators, async (request, reply) => {
    const form = {
      username: String(request.body?.username ?? '')
        .trim()
        .toLowerCase()
        .slice(0, 100),
      displayName: String(request.body?.displayName ?? '')
        .trim()
        .slice(0, 200),
      role: String(request.body?.role ?? ''),
    }
    const result = isStaffRole(form.role)
      ? await createAccount(app.db, staffActor(request), {
          username: form.username,
          displayName: form.displayName,
          role: form.role,
        })
      : ({ ok: false, problem: 'role' } as const)
    if (!result.ok) {
      reply.status(422)
      return page(request, reply, { form, error: request.t(`management.accounts.errors.${result.problem}`) })
    }
    // The password exists only in this answer: never stored, never logged.
    return page(request, reply, { created: { id: result.id, username: form.username, password: result.password } })
  })
}

export default accounts
