/**
 * `/beheer/rondes/:roundId/rapport`: the report of the round (src/report/), for researchers.
 *
 *   GET /beheer/rondes/:roundId/rapport       → the report as a page (prints as A4)
 *   GET /beheer/rondes/:roundId/rapport.docx  → the same report as a Word file
 *
 * Both take the same query: `gemeente` (a municipality's code), `trend` and
 * `referentie` (round ids, repeated), `weging=uit`. `keuze=1` says the form was sent,
 * so that no trend round ticked means none rather than the default.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { ReportOptions, ReportTexts } from '#src/server/services/report/round-report.ts'
import { makeReport, otherRounds } from '#src/server/services/report/round-report.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'
import { notFound } from '#src/server/routes/beheer/_respond.ts'
import { gradeDistributionSvg, statementsSvg } from '#src/report/charts/index.ts'

/** The route file lives in rapport/ but also serves rapport.docx next to it. */
export const prefixOverride = '/beheer/rondes/:roundId'

interface ReportQuery {
  gemeente?: string
  trend?: string | string[]
  referentie?: string | string[]
  weging?: string
  keuze?: string
}

function ids(value: string | string[] | undefined): number[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value]
  return list.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0)
}

export function reportOptions(request: FastifyRequest<{ Querystring: ReportQuery }>): ReportOptions {
  const query = request.query
  const municipality = request.round!.strata.some((s) => s.code === query.gemeente) ? query.gemeente! : null
  return {
    roundId: request.round!.id,
    municipality,
    ...(query.keuze ? { trendRoundIds: ids(query.trend) } : {}),
    referenceRoundIds: ids(query.referentie),
    weigh: query.weging !== 'uit',
  }
}

export function reportTexts(request: FastifyRequest): ReportTexts {
  const t = request.t
  return {
    title: (round) => t('management.report.documentTitle', { round }),
    labels: {
      mean: t('management.report.labels.mean'),
      gradeMean: t('management.report.labels.gradeMean'),
      belowSix: t('management.report.labels.belowSix'),
      sevenOrMore: t('management.report.labels.sevenOrMore'),
      agree: t('management.report.labels.agree'),
      significanceTest: t('management.report.labels.significanceTest'),
      referenceGroup: t('management.report.labels.referenceGroup'),
      noAgeSexMargins: t('management.report.labels.noAgeSexMargins'),
      noAgeSexQuestions: t('management.report.labels.noAgeSexQuestions'),
    },
  }
}

const reportPage: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: ReportQuery }>('/rapport', async (request, reply) => {
    const options = reportOptions(request)
    const report = await makeReport(app.db, options, reportTexts(request))
    if (!report) return notFound(request, reply)
    const { rounds, defaultTrend } = await otherRounds(app.db, options.roundId)
    const query = new URLSearchParams(request.raw.url!.split('?')[1] ?? '')
    return reply.staffPage('staff/report.eta', request.t('management.report.title'), {
      report,
      options: { ...options, trendRoundIds: options.trendRoundIds ?? defaultTrend },
      rounds,
      strata: request.round!.strata,
      docxHref: `rapport.docx${query.size > 0 ? `?${query}` : ''}`,
      fmt: numberFormats(request.lang),
      fmtDecimal: (value: number, decimals: number) =>
        new Intl.NumberFormat(request.lang === 'en' ? 'en-GB' : 'nl-NL', {
          minimumFractionDigits: decimals,
          maximumFractionDigits: decimals,
        }).format(value),
      gradeChart: gradeDistributionSvg,
      statementsChart: statementsSvg,
    })
  })
}

export default reportPage
