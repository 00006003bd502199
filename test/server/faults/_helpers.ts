/**
 * What the fault tests share: a database several app instances or processes can open,
 * the real server (`src/server/main.ts`) as a child process that can be killed, and a
 * respondent who talks to it over HTTP like a phone does.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { connectPostgres } from '#src/server/db/connect.ts'
import { createTemplateCopy, createTestDatabase, testEngine } from '#test/helpers/database.ts'

export { HttpRespondent, startServerProcess, type ServerProcess } from '#test/helpers/server-process.ts'

/**
 * One database, opened twice where the engine allows it: on the PostgreSQL server two
 * separate connection pools (as two app instances on two machines would have), on the
 * embedded engine one handle (it is one process's database by design).
 */
export async function openDatabaseTwice(): Promise<{
  first: DatabaseHandle
  second: DatabaseHandle
  close(): Promise<void>
}> {
  if (testEngine === 'postgres') {
    const database = await createTemplateCopy()
    const first = connectPostgres(database.url)
    const second = connectPostgres(database.url)
    return {
      first,
      second,
      close: async () => {
        await first.close()
        await second.close()
        await database.drop()
      },
    }
  }
  const handle = await createTestDatabase()
  return { first: handle, second: handle, close: () => handle.close() }
}

export function freshDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'peiling-fault-'))
}

/** The value of a text area on a page, unescaped the way a browser shows it. */
export function textareaValue(html: string, name: string): string | undefined {
  const match = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)
  if (!match) return undefined
  return match[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}
