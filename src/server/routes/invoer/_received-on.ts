/**
 * The day a batch of paper forms came in, as the typist set it on /invoer: every form
 * saved until it is changed counts as received that day (its wave and its day count).
 * Kept in the typist's session, so it lasts for the batch and not beyond the sign-in.
 */
import type { FastifyRequest } from 'fastify'
import type { CalendarDate } from '#src/server/db/schema.ts'
import { addDays, isCalendarDate, todayInAmsterdam } from '#src/server/services/calendar.ts'

declare module '@fastify/secure-session' {
  interface SessionData {
    paperReceivedOn: CalendarDate
  }
}

/** How far back a batch may be dated: a round runs for weeks, not a year. */
const OLDEST_DAYS = 365

export type ReceivedOnProblem = 'notADate' | 'inFuture' | 'tooOld'

/** A typed day checked: a date, not after today, not more than a year back. */
export function checkReceivedOn(typed: string, today = todayInAmsterdam()): CalendarDate | ReceivedOnProblem {
  if (!isCalendarDate(typed)) return 'notADate'
  if (typed > today) return 'inFuture'
  if (typed < addDays(today, -OLDEST_DAYS)) return 'tooOld'
  return typed
}

/** The batch date set in this session, or today when none is set (or it lies in the future by now: never). */
export function receivedOnOf(request: FastifyRequest): CalendarDate {
  const set = request.session.get('paperReceivedOn')
  const today = todayInAmsterdam()
  return set && set <= today ? set : today
}

/** Whether the typist set a day other than today. */
export function receivedOnIsSet(request: FastifyRequest): boolean {
  return receivedOnOf(request) !== todayInAmsterdam()
}
