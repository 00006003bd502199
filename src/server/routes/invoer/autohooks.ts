/**
 * Everything under /invoer is the paper-entry screen: for typists, and for researchers
 * who key forms themselves. Administrators manage accounts, not data. As under /beheer,
 * someone signed in with a password an administrator handed out picks their own first.
 */
import type { FastifyInstance } from 'fastify'
import { requireOwnPassword, requireStaff } from '#src/server/plugins/app/staff-auth.ts'
import '#src/server/routes/beheer/_session.ts'

export const ENTRY_ROLES = ['typist', 'researcher'] as const

export default async function (app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(ENTRY_ROLES))
  app.addHook('preHandler', requireOwnPassword)
}
