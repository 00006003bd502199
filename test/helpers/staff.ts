/** Staff accounts for tests, and a signed-in Browser for each role. */
import type { FastifyInstance } from 'fastify'
import type { DB } from '#src/server/db/connect.ts'
import type { StaffRole } from '#src/server/db/schema.ts'
import { hashPassword } from '#src/server/services/staff/passwords.ts'
import { Browser } from './app.ts'

export const TEST_PASSWORD = 'correct horse battery staple'

// Hashing is deliberately slow; one hash serves every test account.
let passwordHash: Promise<string> | undefined

export async function createStaffUser(
  db: DB,
  role: StaffRole,
  username = `${role}-${Math.random().toString(36).slice(2, 8)}`,
) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const row = await db
    .insertInto('staff_users')
    .values({ username, display_name: `Test ${role}`, password_hash: await passwordHash, role })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, username }
}

/** A browser signed in as a new account with this role. */
export async function signedInAs(
  app: FastifyInstance,
  role: StaffRole,
  ip = '127.0.0.1',
): Promise<Browser & { userId: number; username: string }> {
  const user = await createStaffUser(app.db, role)
  const browser = new Browser(app, ip)
  await browser.visit('/beheer/inloggen')
  const response = await browser.post('/beheer/inloggen', { username: user.username, password: TEST_PASSWORD })
  if (response.statusCode !== 303) throw new Error(`sign-in as ${role} failed: ${response.statusCode}`)
  return Object.assign(browser, { userId: user.id, username: user.username })
}
