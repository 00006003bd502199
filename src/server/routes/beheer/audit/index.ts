/**
 * `/beheer/audit`: the audit log, read-only. Administrators read all of it; researchers
 * read what was done with rounds (imports, samples, letters, exports, purges).
 */
import type { FastifyPluginAsync } from 'fastify'
import { isMessageKey } from '#src/i18n/translate.ts'
import type { AuditFilter } from '#src/server/services/audit/audit-log.ts'
import { auditActions, readAuditLog } from '#src/server/services/audit/audit-log.ts'
import { isCalendarDate } from '#src/server/services/calendar.ts'
import { idParam } from '#src/server/routes/beheer/_respond.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'
import { describeAuditDetails } from './_details.ts'

type Query = Record<string, string | undefined>

function auditTime(lang: string) {
  const format = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Europe/Amsterdam',
  })
  return (at: Date) => format.format(at)
}

const auditPage: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: Query }>(
    '/',
    { config: { roles: ['administrator', 'researcher'] } },
    async (request, reply) => {
      const q = request.query
      const roundsOnly = request.staff!.role !== 'administrator'
      let badFilter = false
      const filter: AuditFilter = { roundsOnly }
      const text = (name: string) => (typeof q[name] === 'string' ? q[name]!.trim().slice(0, 100) : '')
      if (text('handeling')) filter.action = text('handeling')
      if (text('gebruiker')) filter.username = text('gebruiker').toLowerCase()
      if (text('ronde')) {
        const roundId = idParam(text('ronde'))
        if (roundId === null) badFilter = true
        else filter.roundId = roundId
      }
      for (const [name, key] of [
        ['van', 'from'],
        ['tot', 'to'],
      ] as const) {
        if (!text(name)) continue
        // A day that does not exist (2026-02-30) would make the query itself fail.
        if (isCalendarDate(text(name))) filter[key] = text(name)
        else badFilter = true
      }
      if (text('voor')) {
        const before = Number(text('voor'))
        if (Number.isSafeInteger(before) && before > 0) filter.before = before
      }
      const { entries, nextBefore } = await readAuditLog(app.db, filter)
      const actions = await auditActions(app.db, roundsOnly)
      const fmt = numberFormats(request.lang)
      const known = (action: string) => {
        const key = `management.audit.actions.${action.replace(/\./g, '_')}`
        // Actions other parts of the app add without a text of their own show as they are.
        return isMessageKey(key) ? request.t(key) : action
      }
      const nextQuery =
        nextBefore === null
          ? null
          : new URLSearchParams({
              ...Object.fromEntries(Object.entries(q).filter(([k, v]) => k !== 'voor' && typeof v === 'string')),
              voor: String(nextBefore),
            }).toString()
      return reply.staffPage('staff/audit.eta', request.t('management.audit.title'), {
        entries: entries.map((e) => ({
          ...e,
          actionLabel: known(e.action),
          detailText: describeAuditDetails(e.details, request.t, fmt),
        })),
        actions: actions.map((a) => ({ value: a, label: known(a) })),
        query: {
          handeling: text('handeling'),
          gebruiker: text('gebruiker'),
          ronde: text('ronde'),
          van: text('van'),
          tot: text('tot'),
        },
        roundsOnly,
        badFilter,
        nextQuery,
        time: auditTime(request.lang),
      })
    },
  )
}

export default auditPage
