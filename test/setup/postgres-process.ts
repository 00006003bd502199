/**
 * A throw-away PostgreSQL server (Debian's programs, as `pg_config --bindir` finds them)
 * on a free port (free-port.ts) in a temporary folder. Root may not run PostgreSQL, so as root the
 * server runs as the `postgres` user. Used by the postgres test project's global setup,
 * by tests that must restart "their" database server, and by `npm run bench`. Free of
 * vitest, so bench/ can use it.
 */
import { execFile, execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { findPostgresBinaries } from './environment.ts'
import { onFreePort } from './free-port.ts'

export interface PostgresProcess {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication). */
  url: string
  /** Stops the server at once and deletes its folder. */
  stop(): void
  /** pg_ctl restart -m fast: every open connection is cut, as in a real database restart. */
  restart(): Promise<void>
  /** pg_ctl stop -m fast, keeping the data: `start()` brings it back. */
  halt(): Promise<void>
  start(): Promise<void>
}

const isRoot = process.getuid?.() === 0

function asPostgresUser(command: string, args: string[]): void {
  if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' })
  else execFileSync(command, args, { stdio: 'pipe' })
}

/** The same, without blocking: the app in this process keeps serving (and failing) meanwhile. */
async function asPostgresUserAsync(command: string, args: string[]): Promise<void> {
  if (isRoot) await promisify(execFile)('runuser', ['-u', 'postgres', '--', command, ...args])
  else await promisify(execFile)(command, args)
}

export async function startPostgresServer(
  settings: { maxConnections?: number; durable?: boolean } = {},
): Promise<PostgresProcess> {
  const bin = findPostgresBinaries()
  if (!bin) throw new Error('PostgreSQL server programs not found (apt-get install postgresql)')
  const dir = mkdtempSync(path.join(tmpdir(), 'peiling-pg-'))
  chmodSync(dir, 0o777)
  const data = path.join(dir, 'data')
  const pgCtl = path.join(bin, 'pg_ctl')
  // Tests trade durability for speed; a benchmark against production-like settings passes durable.
  const speed = settings.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'
  const optionsFor = (port: number) =>
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=${settings.maxConnections ?? 300}${speed}`
  const log = path.join(dir, 'log')
  asPostgresUser(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ])
  const startArgsFor = (port: number) => ['-D', data, '-l', log, '-w', 'start', '-o', optionsFor(port)]
  const port = await onFreePort(async (port) => {
    // Each try's log alone, so that a clash found by an earlier try is not read as this one's.
    rmSync(log, { force: true })
    try {
      asPostgresUser(pgCtl, startArgsFor(port))
      return port
    } catch (error) {
      // pg_ctl says only "could not start server"; why (e.g. "could not bind … Address already in use") is in the log.
      throw new Error(`PostgreSQL did not start on port ${port}: ${(error as Error).message}\n${readLog(log)}`)
    }
  })
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        asPostgresUser(pgCtl, ['-D', data, '-m', 'immediate', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    restart: () =>
      asPostgresUserAsync(pgCtl, ['-D', data, '-l', log, '-w', '-m', 'fast', 'restart', '-o', optionsFor(port)]),
    halt: () => asPostgresUserAsync(pgCtl, ['-D', data, '-w', '-m', 'fast', 'stop']),
    start: () => asPostgresUserAsync(pgCtl, startArgsFor(port)),
  }
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return '(no log)'
  }
}

export interface ServerDatabase {
  /** The new database's URL: any process can open it. */
  url: string
  /** Drops the database, cutting its open connections. */
  drop(): Promise<void>
}

/** A new database on the PostgreSQL server at `serverUrl`: empty, or a copy of `template`. */
export async function createServerDatabase(serverUrl: string, template?: string): Promise<ServerDatabase> {
  const name = `db_${randomBytes(6).toString('hex')}`
  await runOnServer(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => runOnServer(serverUrl, `drop database if exists ${name} with (force)`) }
}

async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(statement)
  } finally {
    await admin.end()
  }
}
