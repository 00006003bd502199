/**
 * What every fieldwork screen of a round (/beheer/rondes/:roundId/{import,steekproef,
 * brieven,verzendingen}) needs: the round, its tabs, and one way to render the page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { StaffRole } from './db/schema.ts'
import { roundTabsFor } from './navigation/round-tabs.ts'
import type { FieldworkRound } from './services/rounds/fieldwork-round.ts'
import { loadFieldworkRound } from './services/rounds/fieldwork-round.ts'
import type { Channel } from './services/fieldwork/mailings.ts'
import { loadMailing } from './services/fieldwork/mailings.ts'
import { idParam, notFound } from './routes/beheer/_respond.ts'

/** Fieldwork handles names and addresses: researchers only (README: roles). */
export const FIELDWORK_ROLES: readonly StaffRole[] = ['researcher']

/** The round named in the URL, or undefined after a 404 page has been sent. */
export async function roundFromUrl(request: FastifyRequest, reply: FastifyReply): Promise<FieldworkRound | undefined> {
  const id = idParam((request.params as { roundId?: string }).roundId)
  const round = id === null ? undefined : await loadFieldworkRound(request.server.db, id)
  if (!round) {
    await notFound(request, reply)
    return undefined
  }
  return round
}

/**
 * The round and the mailing named in the URL (`:mailingId`), or undefined after a 404
 * has been sent. With `channel`, a mailing of another channel is not found either.
 */
export async function mailingFromUrl(
  request: FastifyRequest<{ Params: { mailingId: string } }>,
  reply: FastifyReply,
  channel?: Channel,
) {
  const round = await roundFromUrl(request, reply)
  if (!round) return undefined
  const id = idParam(request.params.mailingId)
  const mailing = id === null ? undefined : await loadMailing(request.server.db, round.id, id)
  if (!mailing || (channel !== undefined && mailing.channel !== channel)) {
    await reply.callNotFound()
    return undefined
  }
  return { round, mailing }
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
