// Made once: building a formatter costs more than the rest of a respondent's request.
const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' })
const HOUR = 3_600_000
// Amsterdam is a whole number of hours off UTC and changes offset on the hour, so its date
// cannot change within a UTC hour: every respondent's request of that hour shares one answer.
let lastHour = Number.NaN
let lastDay = ''

/** Dates as the municipality's calendar sees them (Europe/Amsterdam), as YYYY-MM-DD. */
export function todayInAmsterdam(now = new Date()): string {
  const hour = Math.floor(now.getTime() / HOUR)
  if (hour !== lastHour) {
    lastDay = amsterdamDay.format(now)
    lastHour = hour
  }
  return lastDay
}

/** A calendar day plus `days` days: 2026-12-01 plus 28 → 2026-12-29 (negative goes back). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * Whether `value` is a day that exists, written YYYY-MM-DD: not 2026-02-30, and not in
 * year 0, which PostgreSQL does not have (it would refuse the query).
 */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}
