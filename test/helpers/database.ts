/**
 * A fresh, migrated database for one test file, on the engine the test project names
 * (PEILING_TEST_DB): a copy of the prepared PGlite dump, or a new database on the
 * PostgreSQL server created from the migrated template.
 */
import { readFileSync } from 'node:fs'
import { pageinspect } from '@electric-sql/pglite/contrib/pageinspect'
import { inject } from 'vitest'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { connectPGlite, connectPostgres } from '#src/server/db/connect.ts'
import type { ServerDatabase } from '#test/setup/postgres-process.ts'
import { createServerDatabase } from '#test/setup/postgres-process.ts'
import { TEMPLATE_DATABASE } from '#test/setup/postgres-server.ts'

export const testEngine = (process.env.PEILING_TEST_DB ?? 'pglite') as 'pglite' | 'postgres'

/** A copy of the migrated template on the postgres project's server; its URL can be given to any process. */
export function createTemplateCopy(): Promise<ServerDatabase> {
  return createServerDatabase(inject('postgresUrl'), TEMPLATE_DATABASE)
}

/**
 * `inspectPages`: the storage itself can be read (pageinspect's heap_page_items): on
 * PGlite the extension is loaded; on the server the test user is a superuser.
 */
export async function createTestDatabase(options: { inspectPages?: boolean } = {}): Promise<DatabaseHandle> {
  if (testEngine === 'postgres') {
    const database = await createTemplateCopy()
    const handle = connectPostgres(database.url)
    return {
      ...handle,
      close: async () => {
        await handle.close()
        await database.drop()
      },
    }
  }
  const dump = readFileSync(inject('pgliteTemplate'))
  return connectPGlite(undefined, new Blob([dump]), options.inspectPages ? { pageinspect } : undefined)
}
