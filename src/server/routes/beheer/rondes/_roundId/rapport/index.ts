/**
 * `/beheer/rondes/:roundId/rapport`: the report of the round (src/report/), for researchers.
 *
 *   GET  /beheer/rondes/:roundId/rapport       → the report as a page (prints as A4)
 *   POST /beheer/rondes/:roundId/rapport       → keep what to compare with, then show it
 *   GET  /beheer/rondes/:roundId/rapport.docx  → the same report as a Word file
 *
 * What to compare with (earlier rounds, reference group, weighting) is kept with the
 * round, so the results page's summary compares with the same. Both GETs take
 * `gemeente` (a municipality's code); `keuze=1` with `trend`, `referentie` (round ids,
 * repeated), `referentieset` and `weging` overrides the kept choice for one view.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { renderReportDocx } from '#src/report/render-docx.ts'
import type { ReportOptions } from '#src/server/services/report/round-report.ts'
import {
  DEFAULT_REPORT_CHOICES,
  loadReportChoices,
  makeReport,
  otherRounds,
  saveReportChoices,
} from '#src/server/services/report/round-report.ts'
import type { ReportChoices } from '#src/server/db/schema.ts'
import { listReferenceSets } from '#src/server/services/report/reference-figures.ts'
import { reportViewData } from '#src/server/services/report/report-html.ts'
import { notFound } from '#src/server/routes/beheer/_respond.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'

/** The route file lives in rapport/ but also serves rapport.docx next to it. */
export const prefixOverride = '/beheer/rondes/:roundId'

interface ReportQuery {
  gemeente?: string
  trend?: string | string[]
  referentie?: string | string[]
  referentieset?: string
  weging?: string | string[]
  keuze?: string
  _csrf?: string
}

function ids(value: string | string[] | undefined): number[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value]
  return list.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0)
}

/** The choice a form (or a `keuze=1` query) sends. */
function choicesOf(fields: ReportQuery): ReportChoices {
  const weging = Array.isArray(fields.weging) ? fields.weging : [fields.weging]
  return {
    trendRoundIds: ids(fields.trend),
    referenceRoundIds: ids(fields.referentie),
    referenceSetId: ids(fields.referentieset)[0] ?? null,
    // The form sends a hidden "uit" after the checkbox's "aan": ticked, both arrive.
    weigh: weging.includes('aan') || !weging.includes('uit'),
  }
}

async function reportOptions(request: FastifyRequest<{ Querystring: ReportQuery }>): Promise<ReportOptions> {
  const query = request.query
  const roundId = request.round!.id
  const municipality = request.round!.strata.some((s) => s.code === query.gemeente) ? query.gemeente! : null
  const choices = query.keuze ? choicesOf(query) : await loadReportChoices(request.server.db, roundId)
  return {
    roundId,
    municipality,
    ...(choices ?? DEFAULT_REPORT_CHOICES),
  }
}

/** The query as it came, for the link from the page to its Word file. */
function queryOf(request: FastifyRequest): string {
  const query = request.raw.url!.split('?')[1]
  return query ? `?${query}` : ''
}

/** `rapport-kto-2026-borne.docx`: what the file is, from the round's name and the municipality. */
function fileName(roundName: string, municipality: string | null): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  return `rapport-${[slug(roundName), municipality && slug(municipality)].filter(Boolean).join('-')}.docx`
}

const reportPage: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: ReportQuery }>('/rapport', async (request, reply) => {
    const options = await reportOptions(request)
    const report = await makeReport(app.db, options)
    if (!report) return notFound(request, reply)
    const { rounds, defaultTrend } = await otherRounds(app.db, options.roundId)
    return reply.staffPage('staff/report.eta', request.t('management.report.title'), {
      ...reportViewData(report),
      options: { ...options, trendRoundIds: options.trendRoundIds ?? defaultTrend },
      rounds,
      referenceSets: await listReferenceSets(app.db),
      strata: request.round!.strata,
      docxHref: `rapport.docx${queryOf(request)}`,
      municipalityQuery: options.municipality ? `?gemeente=${encodeURIComponent(options.municipality)}` : '',
    })
  })

  app.post<{ Body: ReportQuery }>('/rapport', async (request, reply) => {
    const roundId = request.round!.id
    await saveReportChoices(app.db, roundId, choicesOf(request.body ?? {}))
    const municipality = request.round!.strata.find((s) => s.code === request.body?.gemeente)
    return reply.redirect(
      `/beheer/rondes/${roundId}/rapport${municipality ? `?gemeente=${encodeURIComponent(municipality.code)}` : ''}`,
      303,
    )
  })

  app.get<{ Querystring: ReportQuery }>('/rapport.docx', async (request, reply) => {
    const options = await reportOptions(request)
    const report = await makeReport(app.db, options)
    if (!report) return notFound(request, reply)
    const file = await renderReportDocx(report)
    request.log.info(
      { roundId: options.roundId, actor: staffActor(request).id, bytes: file.length },
      'report docx made',
    )
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header(
        'content-disposition',
        `attachment; filename="${fileName(report.roundName, report.municipality?.code ?? null)}"`,
      )
      .send(file)
  })
}

export default reportPage
