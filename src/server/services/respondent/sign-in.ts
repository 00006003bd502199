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
import { isBlocked, recordFailure, secondsUntilAllowed, takeAttempt } from '#src/server/services/attempt-limiter.ts'

declare module '@fastify/secure-session' {
  interface SessionData {
    participantId: number
  }
}

export type SignInResult =
  | { ok: true }
  | { ok: false; problem: CodeProblem | 'unknown' }
  /** `minutes`: how long until a code may be tried again from this address. */
  | { ok: false; problem: 'tooMany'; minutes: number }

/** Failed lookups across all addresses per minute above which the log warns of guessing. */
const GLOBAL_WARNING_THRESHOLD = 200

/** Why signing in did not work, in the respondent's language; after too many tries, with the real wait. */
export function signInError(request: FastifyRequest, result: SignInResult & { ok: false }): string {
  if (result.problem === 'tooMany') {
    return result.minutes === 1
      ? request.t('respondent.codeErrors.tooManyOneMinute')
      : request.t('respondent.codeErrors.tooMany', { minutes: result.minutes })
  }
  return request.t(`respondent.codeErrors.${result.problem}`)
}

export async function signInWithCode(request: FastifyRequest, input: string): Promise<SignInResult> {
  const { db, config } = request.server
  const perAddress: AttemptLimit = { scope: 'code-ip', max: config.codeAttemptsPerWindow, windowSeconds: 15 * 60 }
  const tooMany = async (): Promise<SignInResult> => ({
    ok: false,
    problem: 'tooMany',
    minutes: Math.max(1, Math.ceil((await secondsUntilAllowed(db, perAddress, request.ip)) / 60)),
  })
  if (await isBlocked(db, perAddress, request.ip)) return tooMany()
  const parsed = parseLoginCode(input)
  // A typo caught by the check character costs no look-up and no attempt.
  if (!parsed.ok) return { ok: false, problem: parsed.problem }
  // Counted before the look-up, so parallel guesses cannot slip past the limit together.
  const attempt = await takeAttempt(db, perAddress, request.ip)
  if (!attempt.allowed) return tooMany()
  const participant = await findParticipantByCode(db, parsed.code)
  if (!participant) {
    const globalFailures = await recordFailure(db, { scope: 'code-all', max: 0, windowSeconds: 60 }, 'all')
    if (globalFailures === GLOBAL_WARNING_THRESHOLD) {
      request.log.warn({ failuresPerMinute: globalFailures }, 'many unknown login codes: possible code guessing')
    }
    return { ok: false, problem: 'unknown' }
  }
  await attempt.refund()
  // A language chosen on this device (the switch) stays; otherwise the client file's decides.
  request.session.regenerate(['lang'])
  if (!request.session.get('lang') && participant.language) request.session.set('lang', participant.language)
  request.session.set('participantId', participant.id)
  return { ok: true }
}
