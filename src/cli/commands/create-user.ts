import { parseArgs } from 'node:util'
import type { Command } from '#src/cli/command.ts'
import { UsageError } from '#src/cli/command.ts'
import { generatePassword, hashPassword } from '#src/server/services/staff/passwords.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import type { StaffRole } from '#src/server/db/schema.ts'

const ROLES: StaffRole[] = ['administrator', 'researcher', 'typist']

export const createUser: Command = {
  name: 'create-user',
  summary: 'Create a staff account; the password is printed once.',
  usage: 'create-user --username NAME --role administrator|researcher|typist [--name "Display Name"]',
  async run(args, { database, out }) {
    const { values } = parseArgs({
      args,
      options: { username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    })
    const username = values.username?.trim().toLowerCase()
    const role = values.role as StaffRole | undefined
    if (!username || !/^[a-z0-9._-]{2,50}$/.test(username))
      throw new UsageError('--username: 2–50 characters a-z 0-9 . _ -')
    if (!role || !ROLES.includes(role)) throw new UsageError(`--role: one of ${ROLES.join(', ')}`)
    const { db } = await database()
    const password = generatePassword()
    const user = await db
      .insertInto('staff_users')
      .values({ username, display_name: values.name ?? username, password_hash: await hashPassword(password), role })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!user) throw new UsageError(`A user named ${username} already exists.`)
    await audit(db, { id: null, username: 'cli' }, 'account.create', { userId: user.id, role })
    out.write(`Created ${role} ${username}. Password (shown once): ${password}\n`)
  },
}
