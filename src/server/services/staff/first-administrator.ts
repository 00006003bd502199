/**
 * On the first start there is no staff account: create one administrator with a random
 * password and print it once. There is never a default password.
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
    .values({ username, display_name: 'Beheerder', password_hash: await hashPassword(password), role: 'administrator' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await audit(db, { id: null, username: 'system' }, 'account.create', { userId: user.id, role: 'administrator' })
  return { username, password }
}
