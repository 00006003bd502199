/**
 * What every fieldwork screen of a round (/beheer/rondes/:roundId/{import,steekproef,
 * brieven,verzendingen}) needs: the round, its tabs, and one way to render the page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { StaffRole } from './db/schema.js'
import { roundTabsFor } from './round-navigation.js'
import { loadFieldworkRound, type FieldworkRound } from './services/fieldwork-round.js'

/** Fieldwork handles names and addresses: researchers only (README: roles). */
export const FIELDWORK_ROLES: readonly StaffRole[] = ['researcher']

/** The round named in the URL, or undefined after a 404 page has been sent. */
export async function roundFromUrl(request: FastifyRequest, reply: FastifyReply): Promise<FieldworkRound | undefined> {
  const raw = (request.params as { roundId?: string }).roundId ?? ''
  const round = /^\d{1,9}$/.test(raw) ? await loadFieldworkRound(request.server.db, Number(raw)) : undefined
  if (!round) {
    reply.status(404)
    await reply.page('error.eta', { message: request.t('common.errors.notFound') }, { title: request.t('common.errors.title'), layout: 'layouts/staff.eta' })
    return undefined
  }
  return round
}

export function renderFieldwork(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  round: FieldworkRound,
  title: string,
  data: Record<string, unknown> = {},
) {
  const path = request.url.split('?')[0]!
  const tabs = roundTabsFor(round.id, request.staff!.role, path, request.t).map((tab) => ({
    ...tab,
    // A tab stays marked on its sub-pages (e.g. a batch's progress page under Brieven).
    current: tab.current || (path.startsWith(tab.href + '/') && tab.href !== `/beheer/rondes/${round.id}`),
  }))
  return reply.page(`staff/fieldwork/${template}`, { round, tabs, ...data }, { title: `${title} – ${round.name}`, layout: 'layouts/staff.eta' })
}

/** A message for the next page (after a redirect), kept in the session once. */
export function flash(request: FastifyRequest, text: string): void {
  request.session.set('fieldworkFlash', text)
}

export function takeFlash(request: FastifyRequest): string | null {
  const text = request.session.get('fieldworkFlash') ?? null
  if (text) request.session.set('fieldworkFlash', undefined)
  return text
}

declare module '@fastify/secure-session' {
  interface SessionData {
    fieldworkFlash: string
  }
}
