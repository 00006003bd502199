/**
 * On the first start there is no staff account: create one administrator with a random
 * password and print it once. There is never a default password, and the printed one is
 * replaced at the first sign-in, as for any account someone else made: it stays in the
 * start output (and in docker logs) for anyone who can read that.
 */
import type { DB } from '#src/server/db/connect.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { generatePassword, hashPassword } from './passwords.ts'

export async function createFirstAdministrator(db: DB): Promise<{ username: string; password: string } | undefined> {
  const any = await db.selectFrom('staff_users').select('id').limit(1).executeTakeFirst()
  if (any) return undefined
  const username = 'beheerder'
  const password = generatePassword()
  const user = await db
    .insertInto('staff_users')
    .values({
      username,
      display_name: 'Beheerder',
      password_hash: await hashPassword(password),
      role: 'administrator',
      must_change_password: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await audit(db, { id: null, username: 'system' }, 'account.create', { userId: user.id, role: 'administrator' })
  return { username, password }
}
