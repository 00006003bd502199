/**
 * Configuration from environment variables, with defaults that start a working demo.
 * Every variable is listed in README.md.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'

export interface SmtpConfig {
  host: string
  port: number
  secure: boolean
  user?: string
  password?: string
}

export interface AppConfig {
  host: string
  port: number
  /** The address respondents type and QR codes open, without trailing slash. */
  publicUrl: string
  /** A PostgreSQL server; without it the embedded database in `dataDir` is used. */
  databaseUrl?: string
  dataDir: string
  /** At least 32 characters; encrypts the session cookies. */
  sessionSecret: string
  /** Cookies only over HTTPS; on by default when PUBLIC_URL starts with https. */
  secureCookies: boolean
  /** A municipality's published NL Design System token set (a CSS file) for the respondent pages. */
  designTokens?: string
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  /** Addresses or ranges (CIDR) of the reverse proxy whose X-Forwarded-For is believed; empty: none. */
  /** The process ends when its event loop has been blocked this long (0: never); see jobs/watchdog.ts. */
  watchdogSeconds: number
  trustProxy: string[]
  smtp?: SmtpConfig
  mailFrom: string
  /** Staff are signed out after this many minutes without a request. */
  staffSessionMinutes: number
  /** Attempts at code entry per address per 15 minutes. */
  codeAttemptsPerWindow: number
  logLevel: string
  /** Load a demo round with demo participants when the database is empty. */
  demo: boolean
}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

/**
 * TRUST_PROXY: the proxy's addresses or CIDR ranges, comma-separated. Not "true": then
 * anyone who reaches the app's port directly picks the address the rate limits count.
 */
export function parseTrustProxy(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '' || value === 'false') return []
  if (value === 'true')
    throw new Error(
      'TRUST_PROXY takes the addresses or ranges of the reverse proxy (e.g. 127.0.0.1 or 172.16.0.0/12), not "true": with "true", anyone who reaches the app directly chooses the address that the rate limits count',
    )
  const entries = value.split(',').map((e) => e.trim())
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/')
    const version = isIP(address)
    const bits = version === 6 ? 128 : 32
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits)
    if (version === 0 || !prefixOk || rest.length > 0)
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or a CIDR range such as 10.0.0.0/8`)
  }
  return entries
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`)
  return n
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = integer('PORT', env.PORT, 3000)
  const host = env.HOST ?? '127.0.0.1'
  const dataDir = path.resolve(env.DATA_DIR ?? 'data')
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '')
  const sessionSecret = env.SESSION_SECRET ?? readOrCreateSecret(dataDir)
  if (sessionSecret.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters')
  const smtp: SmtpConfig | undefined = env.SMTP_HOST
    ? {
        host: env.SMTP_HOST,
        port: integer('SMTP_PORT', env.SMTP_PORT, 587),
        secure: env.SMTP_SECURE === 'true',
        user: env.SMTP_USER || undefined,
        password: env.SMTP_PASSWORD || undefined,
      }
    : undefined
  return {
    host,
    port,
    publicUrl,
    databaseUrl: env.DATABASE_URL || undefined,
    designTokens: env.DESIGN_TOKENS ? path.resolve(env.DESIGN_TOKENS) : undefined,
    dataDir,
    sessionSecret,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : publicUrl.startsWith('https:'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    smtp,
    mailFrom: env.MAIL_FROM ?? 'Peiling <enquete@example.nl>',
    staffSessionMinutes: integer('STAFF_SESSION_MINUTES', env.STAFF_SESSION_MINUTES, 30),
    codeAttemptsPerWindow: integer('CODE_ATTEMPTS', env.CODE_ATTEMPTS, 20),
    watchdogSeconds: integer('WATCHDOG_SECONDS', env.WATCHDOG_SECONDS, 60),
    logLevel: env.LOG_LEVEL ?? 'info',
    demo: env.DEMO !== 'false',
  }
}
