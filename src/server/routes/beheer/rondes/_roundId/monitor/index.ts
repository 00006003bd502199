/**
 * `/beheer/rondes/:roundId/monitor`: the response monitor, the page staff look at every
 * morning. Counts only: per municipality and in total, per day, per mailing wave.
 */
import type { FastifyPluginAsync } from 'fastify'
import { loadMonitor } from '#src/server/services/reporting/monitor.ts'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'
import { staffPage } from '#src/server/routes/beheer/_respond.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'
import { roundHeaderOf } from '#src/server/routes/beheer/rondes/_round-header.ts'
import { responseChart } from './_chart.ts'

const monitorPage: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { roles: ['researcher', 'administrator'] } }, async (request, reply) => {
    const header = roundHeaderOf(request, request.round!)
    const { round } = header
    const monitor = (await loadMonitor(app.db, round.id))!
    const today = todayInAmsterdam()
    const chart = responseChart(
      monitor.days,
      monitor.mailings,
      round.opens_on,
      // biome-ignore lint/complexity/useMathMinMax: ISO dates, compared as strings
      today < round.closes_on ? today : round.closes_on,
    )
    let running = 0
    const dayRows = monitor.days.map((d) => {
      running += d.online + d.paper
      return { ...d, total: d.online + d.paper, cumulative: running }
    })
    return staffPage(
      reply,
      'staff/monitor.eta',
      { header, monitor, chart, dayRows, fmt: numberFormats(request.lang) },
      `${request.t('management.monitor.title')}: ${header.round.name}`,
    )
  })
}

export default monitorPage
