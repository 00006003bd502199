/**
 * A fresh, migrated database for one test file, on the engine the test project names
 * (PEILING_TEST_DB): a copy of the prepared PGlite dump, or a new database on the
 * PostgreSQL server created from the migrated template.
 */
import { readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { connectPGlite, connectPostgres, type DatabaseHandle } from '../../src/server/db/connect.js'

export const testEngine = (process.env.PEILING_TEST_DB ?? 'pglite') as 'pglite' | 'postgres'

export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (testEngine === 'postgres') {
    const url = inject('postgresUrl')
    const name = `t_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`create database ${name} template peiling_template`)
    await admin.end()
    const dbUrl = new URL(url)
    dbUrl.pathname = `/${name}`
    const handle = connectPostgres(dbUrl.toString())
    return {
      ...handle,
      close: async () => {
        await handle.close()
        const cleanup = new pg.Client({ connectionString: url })
        await cleanup.connect()
        await cleanup.query(`drop database if exists ${name} with (force)`)
        await cleanup.end()
      },
    }
  }
  const dump = readFileSync(inject('pgliteTemplate'))
  return connectPGlite(undefined, new Blob([dump]))
}
