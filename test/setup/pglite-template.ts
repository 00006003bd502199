/**
 * Migrates one embedded database and dumps it, so each test file loads a ready copy in
 * well under a second instead of initialising PostgreSQL (several seconds) each time.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { connectPGlite } from '#src/server/db/connect.ts'
import { migrateToLatest } from '#src/server/db/migrate.ts'

let dir: string | undefined

export default async function setup(project: TestProject): Promise<() => void> {
  dir = mkdtempSync(path.join(tmpdir(), 'peiling-pglite-'))
  const handle = await connectPGlite(undefined)
  await migrateToLatest(handle.db)
  const dump = await handle.pglite!.dumpDataDir('gzip')
  await handle.close()
  const file = path.join(dir, 'template.tar.gz')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteTemplate', file)
  return () => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
    postgresUrl: string
  }
}
