/**
 * What the paper pages of a round (/beheer/rondes/:roundId/papier and the pages under
 * it) share: the round with its questionnaire, the render helper, and how keyed values
 * read for a reviewer. Researchers only: these pages show codes next to keyed answers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { roundTabsFor } from '#src/server/navigation/round-tabs.ts'
import type { StaffRole } from '#src/server/db/schema.ts'
import { idParam, notFound } from '#src/server/routes/beheer/_respond.ts'

export const PAPER_ROLES: readonly StaffRole[] = ['researcher']
export const options = { config: { roles: PAPER_ROLES } }
const STAFF_LAYOUT = 'layouts/staff.eta'

export interface PaperRound {
  id: number
  name: string
  doubleKeying: boolean
  definition: QuestionnaireDefinition
}

export type Params = { roundId: string; keyingId?: string; duplicateId?: string }
export type Body = Record<string, string | string[] | undefined>

export async function roundOf(
  request: FastifyRequest<{ Params: Params }>,
  reply: FastifyReply,
): Promise<PaperRound | undefined> {
  const id = idParam(request.params.roundId)
  const row =
    id !== null
      ? await request.server.db
          .selectFrom('rounds as r')
          .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
          .select(['r.id', 'r.name', 'r.double_keying', 'q.definition'])
          .where('r.id', '=', id)
          .executeTakeFirst()
      : undefined
  if (!row) {
    await notFound(request, reply)
    return undefined
  }
  return { id: row.id, name: row.name, doubleKeying: row.double_keying, definition: row.definition }
}

export function render(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  round: PaperRound,
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
