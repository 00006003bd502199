/**
 * `/beheer/rondes/:roundId/monitor`: the response monitor, the page staff look at every
 * morning. Counts only: per municipality and in total, per day, per mailing wave.
 */
import type { FastifyPluginAsync } from 'fastify'
import { loadMonitor } from '#src/server/services/reporting/monitor.ts'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'
import { responseChart } from './_chart.ts'

const monitorPage: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { roles: ['researcher', 'administrator'] } }, async (request, reply) => {
    const round = request.round!
    const monitor = (await loadMonitor(app.db, round.id))!
    const today = todayInAmsterdam()
    const chart = responseChart(
      monitor.days,
      monitor.mailings,
      round.opensOn,
      // biome-ignore lint/complexity/useMathMinMax: ISO dates, compared as strings
      today < round.closesOn ? today : round.closesOn,
    )
    let running = 0
    const dayRows = monitor.days.map((d) => {
      running += d.online + d.paper
      return { ...d, total: d.online + d.paper, cumulative: running }
    })
    return reply.staffPage('staff/monitor.eta', request.t('management.monitor.title'), {
      monitor,
      chart,
      dayRows,
      fmt: numberFormats(request.lang),
    })
  })
}

export default monitorPage
