/**
 * Puts the texts researchers corrected (uploaded translation files) in force once the app
 * is ready, and every half minute takes over what was uploaded on another instance. A
 * database that cannot be reached at start leaves the shipped texts in force until it can.
 */
import fp from 'fastify-plugin'
import { refreshCorrectedTexts } from '#src/server/services/translations/translation-store.ts'

const REFRESH_MS = 30_000

export default fp(async (app) => {
  let timer: NodeJS.Timeout | undefined
  const refresh = async () => {
    try {
      await refreshCorrectedTexts(app.db)
    } catch (err) {
      app.log.error({ err }, 'loading the corrected texts failed')
    }
  }
  app.addHook('onReady', async () => {
    await refresh()
    timer = setInterval(() => void refresh(), REFRESH_MS)
    timer.unref()
  })
  app.addHook('onClose', async () => clearInterval(timer))
})
