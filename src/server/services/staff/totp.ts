/**
 * The optional second factor for administrators and researchers: a six-digit code from
 * an authenticator app (TOTP, RFC 6238, 30-second steps). A code is accepted once: the
 * step it belongs to is recorded, so a code seen over someone's shoulder is useless.
 */
import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'
import type { DB } from '#src/server/db/connect.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'

const ISSUER = 'Peiling'
const PERIOD = 30
/** One step either side: phones whose clock is half a minute off still work. */
const WINDOW = 1

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totpFor(secret: string, username: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    secret: Secret.fromBase32(secret),
    period: PERIOD,
    digits: 6,
    algorithm: 'SHA1',
  })
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, username: string): string {
  return totpFor(secret, username).toString()
}

/** The set-up QR code as an SVG data: URL, to show in an <img> without a request elsewhere. */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

/** The secret in groups of four, for typing into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim()
}

/** Digits only: people type "123 456" or paste with spaces. */
export function normaliseTotpCode(input: unknown): string {
  return String(input ?? '')
    .replace(/\s+/g, '')
    .slice(0, 10)
}

/** The time step the code belongs to, or null when it is not valid now. */
export function matchingStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    period: PERIOD,
    timestamp: now,
    window: WINDOW,
  })
  if (delta === null) return null
  return TOTP.counter({ period: PERIOD, timestamp: now }) + delta
}

/** The current code; for tests and for nothing else. */
export function currentTotpCode(secret: string, now = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), period: PERIOD, timestamp: now })
}

/**
 * Checks a signing-in user's code against their stored secret and uses it up. The
 * update only succeeds for a step later than the last one used, so two requests with
 * the same code cannot both pass.
 */
export async function verifyAndUseTotp(db: DB, userId: number, code: string, now = Date.now()): Promise<boolean> {
  const user = await db.selectFrom('staff_users').select('totp_secret').where('id', '=', userId).executeTakeFirst()
  if (!user?.totp_secret) return false
  const step = matchingStep(user.totp_secret, code, now)
  if (step === null) return false
  const updated = await db
    .updateTable('staff_users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst()
  return updated.numUpdatedRows > 0n
}

/** Stores a secret the user has just proven to have set up (with a code from the app). */
export async function enableTotp(
  db: DB,
  actor: AuditActor & { id: number },
  secret: string,
  step: number,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('staff_users')
      .set({ totp_secret: secret, totp_last_step: step })
      .where('id', '=', actor.id)
      .execute()
    await audit(tx, actor, 'account.second-factor-on', { userId: actor.id })
  })
}

export async function disableTotp(db: DB, actor: AuditActor & { id: number }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('staff_users')
      .set({ totp_secret: null, totp_last_step: null })
      .where('id', '=', actor.id)
      .execute()
    await audit(tx, actor, 'account.second-factor-off', { userId: actor.id })
  })
}
