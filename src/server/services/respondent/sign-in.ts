/**
 * Signing in with a login code, shared by the code form (POST /) and the QR link (GET /c/:code).
 * Signing in writes only the session cookie: nothing in the database changes, because
 * e-mail scanners and link previewers open links before people do.
 */
import type { FastifyRequest } from 'fastify'
import type { CodeProblem } from '#src/codes/login-code.ts'
import { parseLoginCode } from '#src/codes/login-code.ts'
import { findParticipantByCode } from './participation.ts'
import type { AttemptLimit } from '#src/server/services/attempt-limiter.ts'
import { isBlocked, recordFailure, takeAttempt } from '#src/server/services/attempt-limiter.ts'

declare module '@fastify/secure-session' {
  interface SessionData {
    participantId: number
  }
}

export type SignInResult = { ok: true } | { ok: false; problem: CodeProblem | 'unknown' | 'tooMany' }

/** Failed lookups across all addresses per minute above which the log warns of guessing. */
const GLOBAL_WARNING_THRESHOLD = 200

export async function signInWithCode(request: FastifyRequest, input: string): Promise<SignInResult> {
  const { db, config } = request.server
  const perAddress: AttemptLimit = { scope: 'code-ip', max: config.codeAttemptsPerWindow, windowSeconds: 15 * 60 }
  if (await isBlocked(db, perAddress, request.ip)) return { ok: false, problem: 'tooMany' }
  const parsed = parseLoginCode(input)
  // A typo caught by the check character costs no look-up and no attempt.
  if (!parsed.ok) return { ok: false, problem: parsed.problem }
  // Counted before the look-up, so parallel guesses cannot slip past the limit together.
  const attempt = await takeAttempt(db, perAddress, request.ip)
  if (!attempt.allowed) return { ok: false, problem: 'tooMany' }
  const participant = await findParticipantByCode(db, parsed.code)
  if (!participant) {
    const globalFailures = await recordFailure(db, { scope: 'code-all', max: 0, windowSeconds: 60 }, 'all')
    if (globalFailures === GLOBAL_WARNING_THRESHOLD) {
      request.log.warn({ failuresPerMinute: globalFailures }, 'many unknown login codes: possible code guessing')
    }
    return { ok: false, problem: 'unknown' }
  }
  await attempt.refund()
  request.session.regenerate(['lang'])
  request.session.set('participantId', participant.id)
  return { ok: true }
}
