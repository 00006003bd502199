import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Migration, MigrationProvider, MigrationResultSet } from 'kysely/migration'
import { Migrator } from 'kysely/migration'
import type { DB } from './connect.ts'

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations')

/**
 * Kysely's FileMigrationProvider imports from inside node_modules, which vitest does not
 * transform, so .ts migrations fail to load there; importing from project code works
 * under Node's type stripping and vitest alike.
 */
class DirectoryMigrationProvider implements MigrationProvider {
  private readonly dir: string

  constructor(dir: string) {
    this.dir = dir
  }

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.dir)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort()
    const migrations: Record<string, Migration> = {}
    for (const file of files) {
      const module = (await import(pathToFileURL(path.join(this.dir, file)).href)) as Migration
      migrations[file.replace(/\.(ts|js)$/, '')] = module
    }
    return migrations
  }
}

export async function migrateToLatest(db: DB): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: new DirectoryMigrationProvider(MIGRATIONS_DIR) })
  const result = await migrator.migrateToLatest()
  if (result.error) throw result.error
  return result
}
