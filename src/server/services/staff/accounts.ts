/**
 * Staff accounts: creating them (with a password shown once), changing roles,
 * switching them off, resetting passwords and second factors, and a user's own
 * password change. Every change is written to the audit log in the same transaction.
 *
 * There is always at least one active administrator: the app refuses the change that
 * would lock everybody out of account management.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { StaffRole } from '#src/server/db/schema.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts'

export const STAFF_ROLES: readonly StaffRole[] = ['administrator', 'researcher', 'typist']
/** Roles that may (and should) use a second factor. Typists see no personal data. */
export const SECOND_FACTOR_ROLES: readonly StaffRole[] = ['administrator', 'researcher']
export const USERNAME_PATTERN = /^[a-z0-9._-]{2,50}$/
export const MAX_PASSWORD_LENGTH = 200

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value)
}

export interface AccountSummary {
  id: number
  username: string
  displayName: string
  role: StaffRole
  active: boolean
  secondFactor: boolean
  mustChangePassword: boolean
  createdAt: Date
}

const summaryColumns = [
  'id',
  'username',
  'display_name',
  'role',
  'active',
  'totp_secret',
  'must_change_password',
  'created_at',
] as const

function toSummary(row: {
  id: number
  username: string
  display_name: string
  role: StaffRole
  active: boolean
  totp_secret: string | null
  must_change_password: boolean
  created_at: Date
}): AccountSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active,
    secondFactor: row.totp_secret !== null,
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at,
  }
}

/**
 * Accounts of the app itself (the scan reader's, `peiling:scan`) have a colon in their
 * name, which USERNAME_PATTERN never gives a person: they are not listed and cannot be
 * opened, so nobody activates one or gives it a password.
 */
const PERSON = sql<boolean>`position(':' in username) = 0`

export async function listAccounts(db: DB): Promise<AccountSummary[]> {
  const rows = await db
    .selectFrom('staff_users')
    .select(summaryColumns)
    .where(PERSON)
    .orderBy('active', 'desc')
    .orderBy('username')
    .execute()
  return rows.map(toSummary)
}

export async function getAccount(db: DB, id: number): Promise<AccountSummary | undefined> {
  const row = await db
    .selectFrom('staff_users')
    .select(summaryColumns)
    .where('id', '=', id)
    .where(PERSON)
    .executeTakeFirst()
  return row && toSummary(row)
}

/** Why an account change was refused; each is a UI text under management.accounts.errors. */
export type AccountProblem =
  | 'usernameFormat'
  | 'usernameTaken'
  | 'displayName'
  | 'role'
  | 'notFound'
  | 'lastAdministrator'
  | 'self'

export type AccountResult<T = object> = ({ ok: true } & T) | { ok: false; problem: AccountProblem }

export interface NewAccount {
  username: string
  displayName: string
  role: StaffRole
}

/** Creates an account with a random password, which the caller shows once. */
export async function createAccount(
  db: DB,
  actor: AuditActor,
  input: NewAccount,
): Promise<AccountResult<{ id: number; password: string }>> {
  const username = input.username.trim().toLowerCase()
  const displayName = input.displayName.trim()
  if (!USERNAME_PATTERN.test(username)) return { ok: false, problem: 'usernameFormat' }
  if (displayName === '' || displayName.length > 100) return { ok: false, problem: 'displayName' }
  if (!isStaffRole(input.role)) return { ok: false, problem: 'role' }
  const password = generatePassword()
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('staff_users')
      .values({
        username,
        display_name: displayName,
        password_hash: passwordHash,
        role: input.role,
        must_change_password: true,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!row) return { ok: false as const, problem: 'usernameTaken' as const }
    await audit(tx, actor, 'account.create', { userId: row.id, username, role: input.role })
    return { ok: true as const, id: row.id, password }
  })
}

/** Whether another active administrator remains when `userId` stops being one. */
async function anotherActiveAdministrator(db: DB, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('staff_users')
    .select('id')
    .where('role', '=', 'administrator')
    .where('active', '=', true)
    .where('id', '!=', userId)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Locks the administrators' rows so two administrators demoting each other at the same
 * moment cannot both succeed and leave nobody in charge.
 */
async function lockAdministrators(db: DB): Promise<void> {
  await db.selectFrom('staff_users').select('id').where('role', '=', 'administrator').forUpdate().execute()
}

export async function changeRole(db: DB, actor: AuditActor, userId: number, role: StaffRole): Promise<AccountResult> {
  if (!isStaffRole(role)) return { ok: false, problem: 'role' }
  return db.transaction().execute(async (tx) => {
    await lockAdministrators(tx)
    const user = await tx
      .selectFrom('staff_users')
      .select(['role', 'totp_secret'])
      .where('id', '=', userId)
      .where(PERSON)
      .forUpdate()
      .executeTakeFirst()
    if (!user) return { ok: false as const, problem: 'notFound' as const }
    if (user.role === role) return { ok: true as const }
    if (userId === actor.id) return { ok: false as const, problem: 'self' as const }
    if (user.role === 'administrator' && !(await anotherActiveAdministrator(tx, userId))) {
      return { ok: false as const, problem: 'lastAdministrator' as const }
    }
    // A typist has no second factor; keeping a secret they cannot manage would lock them out.
    const dropSecondFactor = !SECOND_FACTOR_ROLES.includes(role) && user.totp_secret !== null
    await tx
      .updateTable('staff_users')
      .set(dropSecondFactor ? { role, totp_secret: null, totp_last_step: null } : { role })
      .where('id', '=', userId)
      .where(PERSON)
      .execute()
    await audit(tx, actor, 'account.role', { userId, from: user.role, to: role })
    return { ok: true as const }
  })
}

export async function setActive(db: DB, actor: AuditActor, userId: number, active: boolean): Promise<AccountResult> {
  return db.transaction().execute(async (tx) => {
    await lockAdministrators(tx)
    const user = await tx
      .selectFrom('staff_users')
      .select(['role', 'active'])
      .where('id', '=', userId)
      .where(PERSON)
      .forUpdate()
      .executeTakeFirst()
    if (!user) return { ok: false as const, problem: 'notFound' as const }
    if (user.active === active) return { ok: true as const }
    if (!active && userId === actor.id) return { ok: false as const, problem: 'self' as const }
    if (!active && user.role === 'administrator' && !(await anotherActiveAdministrator(tx, userId))) {
      return { ok: false as const, problem: 'lastAdministrator' as const }
    }
    await tx.updateTable('staff_users').set({ active }).where('id', '=', userId).where(PERSON).execute()
    await audit(tx, actor, active ? 'account.activate' : 'account.deactivate', { userId })
    return { ok: true as const }
  })
}

/** A new random password, shown once; the user must pick their own at the next sign-in. */
export async function resetPassword(
  db: DB,
  actor: AuditActor,
  userId: number,
): Promise<AccountResult<{ password: string }>> {
  const password = generatePassword()
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('staff_users')
      .set({ password_hash: passwordHash, must_change_password: true })
      .where('id', '=', userId)
      .where(PERSON)
      .executeTakeFirst()
    if (updated.numUpdatedRows === 0n) return { ok: false as const, problem: 'notFound' as const }
    await audit(tx, actor, 'account.password-reset', { userId })
    return { ok: true as const, password }
  })
}

/** For a user who lost their phone: they sign in with the password alone and set up a new one. */
export async function removeSecondFactor(db: DB, actor: AuditActor, userId: number): Promise<AccountResult> {
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('staff_users')
      .set({ totp_secret: null, totp_last_step: null })
      .where('id', '=', userId)
      .where(PERSON)
      .where('totp_secret', 'is not', null)
      .executeTakeFirst()
    if (updated.numUpdatedRows > 0n) await audit(tx, actor, 'account.second-factor-removed', { userId })
    return { ok: true as const }
  })
}

export type PasswordProblem = 'wrong' | 'tooShort' | 'tooLong' | 'mismatch' | 'same'

/** A signed-in user's own password change, confirmed with the current password. */
export async function changeOwnPassword(
  db: DB,
  actor: AuditActor & { id: number },
  current: string,
  next: string,
  repeated: string,
): Promise<{ ok: true } | { ok: false; problem: PasswordProblem }> {
  if (next.length < MIN_PASSWORD_LENGTH) return { ok: false, problem: 'tooShort' }
  if (next.length > MAX_PASSWORD_LENGTH) return { ok: false, problem: 'tooLong' }
  if (next !== repeated) return { ok: false, problem: 'mismatch' }
  const user = await db
    .selectFrom('staff_users')
    .select('password_hash')
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow()
  if (!(await verifyPassword(current, user.password_hash))) return { ok: false, problem: 'wrong' }
  if (current === next) return { ok: false, problem: 'same' }
  const passwordHash = await hashPassword(next)
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('staff_users')
      .set({ password_hash: passwordHash, must_change_password: false })
      .where('id', '=', actor.id)
      .execute()
    await audit(tx, actor, 'account.password-change', { userId: actor.id })
  })
  return { ok: true }
}
