/**
 * An audit entry's details in the screen's language: "formaat: SPSS, met onvolledige: nee"
 * rather than the stored `{"format":"spss","includePartial":false,"rows":null}`.
 *
 * Entries are kept for years and never rewritten, so this also reads details that the
 * code no longer writes: an unknown key becomes words ("skippedRows" → "skipped rows"),
 * an unknown code is shown as it is stored.
 */
import type { Translate } from '#src/i18n/translate.ts'
import { isMessageKey } from '#src/i18n/translate.ts'
import type { AuditDetailKey } from '#src/server/services/audit/audit.ts'
import { AUDIT_DETAIL_KEYS } from '#src/server/services/audit/audit.ts'
import type { NumberFormats } from '#src/server/routes/beheer/_format.ts'

/** How a key's value is written out; keys not named here are counts (numbers) or text. */
const VALUE_KINDS: Partial<Record<AuditDetailKey, 'code' | 'codes' | 'role' | 'id' | 'plain' | 'yesNo'>> = {
  secondFactor: 'yesNo',
  includePartial: 'yesNo',
  replaced: 'yesNo',
  reviewedTexts: 'yesNo',
  role: 'role',
  from: 'role',
  to: 'role',
  changed: 'codes',
  reason: 'code',
  format: 'code',
  kind: 'code',
  logo: 'code',
  content: 'code',
  which: 'code',
  mark: 'code',
  value: 'code',
  decision: 'code',
  reviewStatus: 'code',
  language: 'plain',
  userId: 'id',
  questionnaireId: 'id',
  stratumId: 'id',
  mailingId: 'id',
  batchId: 'id',
  participantId: 'id',
  // A seed is a name for a draw, not an amount: no thousands separator.
  seed: 'plain',
  version: 'plain',
}

const isKnownKey = (key: string): key is AuditDetailKey => (AUDIT_DETAIL_KEYS as readonly string[]).includes(key)

/** "skippedRows", "skipped_rows", "skipped-rows" → "skipped rows". */
function keyAsWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
}

export function describeAuditDetails(details: Record<string, unknown>, t: Translate, fmt: NumberFormats): string {
  const tOr = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback)
  const yesNo = (value: boolean) => t(`management.audit.details.${value ? 'yes' : 'no'}`)

  /** Any value without a rule of its own: numbers as counts, yes/no, lists and records spelt out. */
  function plainValue(value: unknown): string {
    if (typeof value === 'number') return fmt.count(value)
    if (typeof value === 'boolean') return yesNo(value)
    if (typeof value === 'string') return value
    if (Array.isArray(value)) return value.map(plainValue).join('; ')
    if (value !== null && typeof value === 'object')
      return Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => `${keyAsWords(k)}: ${plainValue(v)}`)
        .join(', ')
    return String(value)
  }

  /** The draw of one municipality, as sample.confirm stores it. */
  function sampleStratum(entry: unknown): string {
    const { stratum, method, population, selected } = (entry ?? {}) as Record<string, unknown>
    if (typeof stratum !== 'string' || typeof population !== 'number' || typeof selected !== 'number')
      return plainValue(entry)
    return t('management.audit.details.sampleStratum', {
      stratum,
      selected: fmt.count(selected),
      population: fmt.count(population),
      method: tOr(`management.audit.details.values.method.${String(method)}`, String(method)),
    })
  }

  function describeValue(key: AuditDetailKey, value: unknown): string {
    const code = (v: unknown) => tOr(`management.audit.details.values.${key}.${String(v)}`, plainValue(v))
    // round.create counts the municipalities; sample.confirm lists each one's draw.
    if (key === 'strata' && Array.isArray(value)) return value.map(sampleStratum).join('; ')
    // Municipality names are data, not keys: shown as they are, with their counts, A to Z
    // (the database keeps JSON keys in an order of its own).
    if (key === 'perStratum' && value !== null && typeof value === 'object')
      return Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b, 'nl'))
        .map(([name, n]) => `${name} ${plainValue(n)}`)
        .join(', ')
    if (key === 'stratumId' && value === null) return t('management.audit.details.wholeRound')
    switch (VALUE_KINDS[key]) {
      case 'yesNo':
        return typeof value === 'boolean' ? yesNo(value) : plainValue(value)
      case 'role':
        return tOr(`management.accounts.roles.${String(value)}`, plainValue(value))
      case 'code':
        return code(value)
      case 'codes':
        return Array.isArray(value) ? value.map(code).join(', ') : code(value)
      case 'id':
        return t('management.audit.details.number', { id: String(value) })
      case 'plain':
        return String(value)
      default:
        return plainValue(value)
    }
  }

  // Known keys in their own order, then any others.
  const position = (key: string) => (isKnownKey(key) ? AUDIT_DETAIL_KEYS.indexOf(key) : AUDIT_DETAIL_KEYS.length)
  return (
    Object.entries(details)
      .sort(([a], [b]) => position(a) - position(b))
      // A detail without a value (rows of a codebook, which has none) says nothing.
      .filter(([key, value]) => value !== undefined && (value !== null || key === 'stratumId'))
      .map(([key, value]) =>
        isKnownKey(key)
          ? `${t(`management.audit.details.labels.${key}`)}: ${describeValue(key, value)}`
          : `${keyAsWords(key)}: ${plainValue(value)}`,
      )
      .join(', ')
  )
}
