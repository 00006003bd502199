// Made once: building a formatter costs more than the rest of a respondent's request.
const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' })

/** Dates as the municipality's calendar sees them (Europe/Amsterdam), as YYYY-MM-DD. */
export function todayInAmsterdam(now = new Date()): string {
  return amsterdamDay.format(now)
}
