/**
 * The whole app on a fresh test database, and a small cookie-keeping client over
 * fastify.inject that fills in forms the way a browser would (CSRF token included).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '#src/server/app.ts'
import type { AppConfig } from '#src/server/config.ts'
import { loadConfig } from '#src/server/config.ts'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { createTestDatabase } from './database.ts'
import { csrfTokenOf } from './form.ts'

export { csrfTokenOf }

export interface TestApp {
  app: FastifyInstance
  database: DatabaseHandle
  config: AppConfig
  close(): Promise<void>
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'peiling-test-')),
      SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
      PUBLIC_URL: 'http://peiling.test',
      DEMO: 'false',
    }),
    ...overrides,
  }
}

export async function createTestApp(overrides: Partial<AppConfig> = {}, database?: DatabaseHandle): Promise<TestApp> {
  const db = database ?? (await createTestDatabase())
  const config = testConfig(overrides)
  const app = await buildApp({ config, database: db, logger: false })
  await app.ready()
  return {
    app,
    database: db,
    config,
    close: async () => {
      await app.close()
      if (!database) await db.close()
    },
  }
}

type FormValue = string | number | Array<string | number>

/** One browser: keeps cookies between requests, like a person's phone or PC. */
export class Browser {
  private cookies = new Map<string, string>()
  lastPage = ''
  private readonly app: FastifyInstance
  private readonly ip

  constructor(app: FastifyInstance, ip = '127.0.0.1') {
    this.app = app
    this.ip = ip
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ')
  }

  private remember(response: LightMyRequestResponse): void {
    for (const c of response.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.ip,
      headers: { cookie: this.cookieHeader(), ...headers },
    })
    this.remember(response)
    if (response.headers['content-type']?.toString().startsWith('text/html')) this.lastPage = response.body
    return response
  }

  /** GET, following redirects like a browser. */
  async visit(url: string): Promise<LightMyRequestResponse> {
    let response = await this.get(url)
    for (let i = 0; i < 5 && response.statusCode >= 300 && response.statusCode < 400; i++) {
      response = await this.get(String(response.headers.location))
    }
    return response
  }

  /** Posts a form with the CSRF token of the last page seen. */
  async post(
    url: string,
    fields: Record<string, FormValue>,
    options: { csrf?: string | false; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams()
    const token = options.csrf === undefined ? csrfTokenOf(this.lastPage) : options.csrf
    if (token !== false) body.append('_csrf', token)
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, String(v))
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      headers: {
        ...options.headers,
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: body.toString(),
    })
    this.remember(response)
    if (response.headers['content-type']?.toString().startsWith('text/html')) this.lastPage = response.body
    return response
  }

  /** POST, then follow the redirect. */
  async submit(url: string, fields: Record<string, FormValue>): Promise<LightMyRequestResponse> {
    const response = await this.post(url, fields)
    if (response.statusCode >= 300 && response.statusCode < 400) return this.visit(String(response.headers.location))
    return response
  }
}
