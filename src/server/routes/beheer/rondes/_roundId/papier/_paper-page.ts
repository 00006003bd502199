/**
 * What the paper pages of a round (/beheer/rondes/:roundId/papier and the pages under
 * it) share: the render helper and how keyed values
 * read for a reviewer. Researchers only: these pages show codes next to keyed answers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'
import { roundTabsFor } from '#src/server/navigation/round-tabs.ts'
import type { StaffRole } from '#src/server/db/schema.ts'

export const PAPER_ROLES: readonly StaffRole[] = ['researcher']
export const options = { config: { roles: PAPER_ROLES } }
const STAFF_LAYOUT = 'layouts/staff.eta'

export type Params = { roundId: string; keyingId?: string; duplicateId?: string }
export type Body = Record<string, string | string[] | undefined>

export function render(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  round: StaffRound,
  title: string,
  data: Record<string, unknown>,
) {
  const path = request.url.split('?')[0]!
  const overview = `/beheer/rondes/${round.id}/papier`
  const tabs = roundTabsFor(round.id, request.staff!.role, path, request.t)
  return reply.page(
    `staff/paper/${template}`,
    { round, tabs, overview, ...data },
    { title: `${title} – ${round.name}`, layout: STAFF_LAYOUT },
  )
}

export function percent(share: number | null, lang: string): string {
  return share === null
    ? '–'
    : `${(share * 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 })}%`
}

/** How a keyed value reads for a reviewer: marks spelled out, blanks visible. */
export function shown(value: string | undefined, t: FastifyRequest['t']): string {
  if (value === undefined) return t('typist.review.blank')
  if (value === 'm') return t('typist.review.multiple')
  if (value === '?') return t('typist.review.unreadable')
  return value
}

export function one(body: Body | undefined, name: string): string | undefined {
  const value = body?.[name]
  return Array.isArray(value) ? value[0] : value
}
