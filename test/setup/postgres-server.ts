/**
 * Starts a throw-away PostgreSQL server (see postgres-process.ts) and migrates a template
 * database that every test file copies. PEILING_TEST_DATABASE_URL uses an existing server instead.
 */
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { connectPostgres } from '#src/server/db/connect.ts'
import { migrateToLatest } from '#src/server/db/migrate.ts'
import { startPostgresServer } from './postgres-process.ts'

export const TEMPLATE_DATABASE = 'peiling_template'

export default async function setup(project: TestProject): Promise<() => void> {
  const server = process.env.PEILING_TEST_DATABASE_URL ? undefined : await startPostgresServer()
  const url = process.env.PEILING_TEST_DATABASE_URL ?? server!.url
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`)
  await admin.query(`create database ${TEMPLATE_DATABASE}`)
  await admin.end()
  const templateUrl = new URL(url)
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`
  const handle = connectPostgres(templateUrl.toString(), 1)
  await migrateToLatest(handle.db)
  await handle.close()
  project.provide('postgresUrl', url)
  return () => server?.stop()
}
