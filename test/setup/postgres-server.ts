/**
 * Starts a throw-away PostgreSQL server (Debian's programs, as `pg_config --bindir`
 * finds them) on its own port in a temporary folder, and migrates a template database
 * that every test file copies. Root may not run PostgreSQL, so as root the server runs
 * as the `postgres` user. PEILING_TEST_DATABASE_URL uses an existing server instead.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { connectPostgres } from '../../src/server/db/connect.js'
import { migrateToLatest } from '../../src/server/db/migrate.js'
import { findPostgresBinaries } from './environment.js'

export const TEMPLATE_DATABASE = 'peiling_template'

function asPostgresUser(command: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0
  if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' })
  else execFileSync(command, args, { stdio: 'pipe' })
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const bin = findPostgresBinaries()
  if (!bin) throw new Error('PostgreSQL server programs not found')
  const dir = mkdtempSync(path.join(tmpdir(), 'peiling-pg-'))
  chmodSync(dir, 0o777)
  const port = 55000 + Math.floor(Math.random() * 5000)
  const data = path.join(dir, 'data')
  asPostgresUser(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
  asPostgresUser(path.join(bin, 'pg_ctl'), [
    '-D', data, '-l', path.join(dir, 'log'), '-w', 'start',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
  ])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        asPostgresUser(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const server = process.env.PEILING_TEST_DATABASE_URL ? undefined : await startServer()
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
