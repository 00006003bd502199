/**
 * Tasks at every start after migrations, each returning lines to print for the operator.
 * Features add their own task here (e.g. creating the first administrator).
 */
import type { AppConfig } from '#src/server/config.ts'
import type { DB } from '#src/server/db/connect.ts'
import { createFirstAdministrator } from '#src/server/services/staff/first-administrator.ts'

export type StartupTask = (db: DB, config: AppConfig) => Promise<string[]>

const tasks: StartupTask[] = [
  async (db, config) => {
    const admin = await createFirstAdministrator(db)
    if (!admin) return []
    return [
      '',
      'First administrator account created. This password is shown ONCE; sign in and choose your own (asked at once):',
      `  ${config.publicUrl}/beheer   user: ${admin.username}   password: ${admin.password}`,
    ]
  },
]

export async function runStartupTasks(db: DB, config: AppConfig): Promise<string[]> {
  const lines: string[] = []
  for (const task of tasks) lines.push(...(await task(db, config)))
  return lines
}
