/** Dates as the municipality's calendar sees them (Europe/Amsterdam), as YYYY-MM-DD. */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now)
}
