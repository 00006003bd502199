/**
 * What every fieldwork screen of a round (/beheer/rondes/:roundId/{import,steekproef,
 * brieven,verzendingen}) needs: its roles, one way to render the page (with the round's
 * tabs), and a message for the next page. The round itself is loaded by the round's autohooks.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { StaffRole } from './db/schema.ts'
import { roundTabsFor } from './navigation/round-tabs.ts'
import type { StaffRound } from './services/rounds/staff-round.ts'

/** Fieldwork handles names and addresses: researchers only (README: roles). */
export const FIELDWORK_ROLES: readonly StaffRole[] = ['researcher']

export function renderFieldwork(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  round: StaffRound,
  title: string,
  data: Record<string, unknown> = {},
) {
  const path = request.url.split('?')[0]!
  const tabs = roundTabsFor(round.id, request.staff!.role, path, request.t)
  return reply.page(
    `staff/fieldwork/${template}`,
    { round, tabs, ...data },
    { title: `${title} – ${round.name}`, layout: 'layouts/staff.eta' },
  )
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
