import path from 'node:path'
import type { AppConfig } from '#src/server/config.ts'
import type { DatabaseHandle } from './connect.ts'
import { connectPGlite, connectPostgres } from './connect.ts'
import { lockDataDir } from './data-dir-lock.ts'
import { migrateToLatest } from './migrate.ts'

/** Opens the configured database (locking the embedded one's folder) and migrates it. */
export async function openDatabase(config: AppConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const handle = connectPostgres(config.databaseUrl)
    await migrateToLatest(handle.db)
    return handle
  }
  const unlock = await lockDataDir(config.dataDir)
  try {
    const handle = await connectPGlite(path.join(config.dataDir, 'pglite'))
    await migrateToLatest(handle.db)
    return {
      ...handle,
      close: async () => {
        await handle.close()
        await unlock()
      },
    }
  } catch (error) {
    await unlock()
    throw error
  }
}
