/**
 * The app's own decorators: configuration, database, language and page rendering,
 * CSRF on every form post, friendly error pages, and the corrected texts in force.
 */
import fp from 'fastify-plugin'
import type { AppConfig } from '#src/server/config.ts'
import type { DatabaseHandle, DB } from '#src/server/db/connect.ts'
import languagePlugin from './language.ts'
import pagePlugin from './page.ts'
import errorsPlugin from './errors.ts'
import staffAuthPlugin from './staff-auth.ts'
import staffPagePlugin from './staff-page.ts'
import respondentPlugin from './respondent.ts'
import translationsPlugin from './translations.ts'

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig
    db: DB
    database: DatabaseHandle
  }
}

export default fp<{ config: AppConfig; database: DatabaseHandle }>(async (app, { config, database }) => {
  app.decorate('config', config)
  app.decorate('db', database.db)
  app.decorate('database', database)
  await app.register(languagePlugin)
  await app.register(pagePlugin)
  await app.register(errorsPlugin)
  await app.register(staffAuthPlugin)
  await app.register(staffPagePlugin)
  await app.register(respondentPlugin)
  await app.register(translationsPlugin)

  // The token is in the form body: parsed for url-encoded forms before preValidation, and
  // for upload forms in preValidation (upload-form.ts). So the check waits for preHandler.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'POST' || request.method === 'PUT' || request.method === 'DELETE') {
      app.csrfProtection(request, reply, done)
    } else {
      done()
    }
  })

  app.get('/health', async () => {
    await database.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute()
    return { status: 'ok' }
  })
})
