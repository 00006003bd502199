/**
 * Builds the Fastify application: third-party plugins first, then the app's own
 * decorators, then every route file under routes/ (the folders mirror the URLs).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify from 'fastify'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import autoload from '@fastify/autoload'
import type { AppConfig } from './config.ts'
import type { DatabaseHandle } from './db/connect.ts'
import externalPlugins from './plugins/external/index.ts'
import appPlugins from './plugins/app/index.ts'
import { parseUrlEncoded } from './http/url-encoded.ts'

const here = path.dirname(fileURLToPath(import.meta.url))

export interface AppOptions {
  config: AppConfig
  database: DatabaseHandle
  /** Fastify's logger option; tests pass false. */
  logger?: FastifyServerOptions['logger']
}

/** Never log codes or answers: URLs are logged without their path parameters' values. */
const redactedRequestSerializer = {
  req(request: { method: string; routeOptions?: { url?: string }; url: string; ip?: string }) {
    return { method: request.method, route: request.routeOptions?.url ?? '(no route)' }
  },
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logger =
    options.logger === undefined
      ? { level: options.config.logLevel, serializers: redactedRequestSerializer }
      : options.logger
  const app = Fastify({
    logger,
    trustProxy: options.config.trustProxy.length > 0 ? options.config.trustProxy : false,
    bodyLimit: 256 * 1024,
    // Loading the route files takes well under a second, but on a loaded machine (a test run
    // transforming them on two busy cores) longer than Fastify's default of 10 s.
    pluginTimeout: 60_000,
    // Answers are posted as forms; a form with thousands of fields is an attack, not a respondent.
    routerOptions: { maxParamLength: 100, querystringParser: parseUrlEncoded },
  })
  await app.register(externalPlugins, { config: options.config })
  await app.register(appPlugins, { config: options.config, database: options.database })
  await app.register(autoload, {
    dir: path.join(here, 'routes'),
    // Files starting with _ hold helpers for the routes next to them, not routes.
    // (Folders starting with _ are URL parameters: routes/beheer/rondes/_roundId → /beheer/rondes/:roundId.)
    ignorePattern: /(^|[/\\])_[^/\\]*\.ts$/,
    autoHooks: true,
    cascadeHooks: true,
    routeParams: true,
  })
  return app
}
