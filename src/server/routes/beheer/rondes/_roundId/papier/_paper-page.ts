/**
 * What the paper pages of a round (/beheer/rondes/:roundId/papier and the pages under
 * it) share: how keyed values read for a reviewer.
 */
import type { FastifyRequest } from 'fastify'

export type Params = { roundId: string; keyingId?: string; duplicateId?: string }
export type Body = Record<string, string | string[] | undefined>

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
