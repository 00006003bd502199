/**
 * A pg.Pool look-alike over one embedded PGlite database, for Kysely's PostgresDialect.
 *
 * PGlite is a single connection. `connect()` hands it out to one caller at a time and
 * queues the rest, so a transaction never interleaves with another caller's queries.
 */
import type { Extensions } from '@electric-sql/pglite'
import { PGlite, types } from '@electric-sql/pglite'
import { TYPE_PARSERS } from './type-parsers.ts'

interface QueryResultLike {
  command: string
  rowCount: number
  rows: unknown[]
}

export interface PGliteClient {
  query(sql: string, parameters: readonly unknown[]): Promise<QueryResultLike>
  release(): void
}

export class PGlitePool {
  readonly #db: PGlite
  #busy = false
  readonly #waiting: Array<(client: PGliteClient) => void> = []

  constructor(db: PGlite) {
    this.#db = db
  }

  get database(): PGlite {
    return this.#db
  }

  connect(): Promise<PGliteClient> {
    return new Promise((resolve) => {
      if (!this.#busy) {
        this.#busy = true
        resolve(this.#client())
      } else {
        this.#waiting.push(resolve)
      }
    })
  }

  async end(): Promise<void> {
    if (!this.#db.closed) await this.#db.close()
  }

  #client(): PGliteClient {
    let released = false
    return {
      query: async (sql, parameters) => {
        const result = await this.#db.query(sql, parameters as unknown[])
        return {
          command: sql.trimStart().split(/\s/, 1)[0]!.toUpperCase(),
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        }
      },
      release: () => {
        if (released) return
        released = true
        const next = this.#waiting.shift()
        if (next) next(this.#client())
        else this.#busy = false
      },
    }
  }
}

export async function openPGlite(
  dataDir: string | undefined,
  loadDataDir?: Blob,
  extensions?: Extensions,
): Promise<PGlite> {
  return PGlite.create({
    dataDir,
    loadDataDir,
    ...(extensions ? { extensions } : {}),
    parsers: {
      [types.INT8]: TYPE_PARSERS.int8,
      [types.DATE]: TYPE_PARSERS.date,
      [types.NUMERIC]: TYPE_PARSERS.numeric,
    },
  })
}
