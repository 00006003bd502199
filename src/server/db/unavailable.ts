/**
 * Whether an error means "the database cannot be reached right now" (a restart, a
 * failover, a full connection table, a cut network) rather than a fault in the request.
 * Such a request gets the 503 page that asks to try again in a few minutes, not a 500.
 */

/** SQLSTATEs of connection trouble: class 08, the server shutting down or starting up, too many clients. */
const UNAVAILABLE_SQLSTATES = /^(08[0-9A-Z]{3}|57P01|57P02|57P03|53300)$/

/** Socket errors of Node on the connection to the database. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/** What pg and pg-pool say when a connection ends or cannot be had, without a code. */
const CONNECTION_MESSAGES =
  /Connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || SOCKET_CODES.has(code))) return true
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true
  }
  return false
}
