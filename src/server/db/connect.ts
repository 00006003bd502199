import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Extensions, PGlite } from '@electric-sql/pglite'
import type { Database } from './schema.ts'
import { PGlitePool, openPGlite } from './pglite-pool.ts'
import { OID, TYPE_PARSERS } from './type-parsers.ts'
import { PreparingClient } from './prepared-statements.ts'

export type DB = Kysely<Database>

export interface DatabaseHandle {
  db: DB
  kind: 'postgres' | 'pglite'
  /** Only for the embedded database: the PGlite instance (for dumps in tests). */
  pglite?: PGlite
  close(): Promise<void>
}

function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === OID.int8) return TYPE_PARSERS.int8
      if (oid === OID.date) return TYPE_PARSERS.date
      if (oid === OID.numeric) return TYPE_PARSERS.numeric
      return pg.types.getTypeParser(oid, format as 'text')
    }) as pg.CustomTypesConfig['getTypeParser'],
  }
}

export function connectPostgres(connectionString: string, maxConnections = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: maxConnections, types: pgTypes(), Client: PreparingClient })
  // An idle client that loses its server (restart) must not crash the process.
  pool.on('error', () => {})
  // A client in use when the server goes away fails its query AND emits 'error'; the pool
  // listens only while the client is idle, and an unheard 'error' would stop the process.
  pool.on('connect', (client) => client.on('error', () => {}))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, kind: 'postgres', close: () => db.destroy() }
}

/** `extensions`: for tests that inspect storage (pageinspect); the app loads none. */
export async function connectPGlite(
  dataDir: string | undefined,
  loadDataDir?: Blob,
  extensions?: Extensions,
): Promise<DatabaseHandle> {
  const pglite = await openPGlite(dataDir, loadDataDir, extensions)
  const pool = new PGlitePool(pglite)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) })
  return { db, kind: 'pglite', pglite, close: () => db.destroy() }
}
