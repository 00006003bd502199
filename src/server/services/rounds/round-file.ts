/**
 * A round described in a YAML file, for `peiling round create --file round.yaml`:
 *
 *   name: KTO Participatiewet najaar 2026
 *   questionnaire: { id: kto-participatiewet, version: 2 }
 *   municipalities: [Hengelo, Haaksbergen, Borne]
 *   opensOn: 2026-10-01
 *   closesOn: 2026-10-28
 *   reminderOn: 2026-10-14        # may be left out
 *   retentionUntil: 2027-01-31
 *   doubleKeying: false           # may be left out: false
 *   countOutsideRouting: true     # may be left out: true
 *   minGroupSize: 5               # may be left out: 5
 *   releaseBatchSize: 10          # may be left out: 10
 *   veryReliablePercent: 95       # may be left out: 95
 *   reliablePercent: 90           # may be left out: 90
 *
 * The file is turned into the values of the form at /beheer/rondes/nieuw and checked by
 * the same parseRoundForm, so both refuse the same rounds with the same messages.
 */
import { parseDocument } from 'yaml'
import type { FieldError, QuestionnaireChoice, RoundForm, RoundInput } from './rounds.ts'
import { parseRoundForm } from './rounds.ts'
import type { Translate } from '#src/i18n/translate.ts'
import { isMessageKey } from '#src/i18n/translate.ts'

/** The file's fields, each with the form field it fills. */
export const ROUND_FILE_FIELDS = {
  name: 'name',
  questionnaire: 'questionnaireId',
  municipalities: 'strata',
  opensOn: 'opensOn',
  closesOn: 'closesOn',
  reminderOn: 'reminderOn',
  retentionUntil: 'retentionUntil',
  doubleKeying: 'doubleKeying',
  countOutsideRouting: 'countOutsideRouting',
  minGroupSize: 'minGroupSize',
  releaseBatchSize: 'releaseBatchSize',
  veryReliablePercent: 'veryReliablePercent',
  reliablePercent: 'reliablePercent',
} as const satisfies Record<string, keyof RoundInput>

export type RoundFileField = keyof typeof ROUND_FILE_FIELDS

/** Each field's label on the form (under management.rounds.form), to name it in a message. */
const FORM_LABELS: Record<RoundFileField, string> = { ...ROUND_FILE_FIELDS, questionnaire: 'questionnaire' }

/**
 * What is wrong, and where: `field` is the file's field (none for the file as a whole),
 * `key` a UI text under management.rounds (errors.… as on the form, file.… for the file).
 */
export interface RoundFileProblem {
  field: RoundFileField | string | null
  key: string
  params?: Record<string, string | number>
}

const isFileField = (name: string): name is RoundFileField => Object.hasOwn(ROUND_FILE_FIELDS, name)

/** The file field that fills a form field. */
function fileFieldOf(formField: keyof RoundInput): RoundFileField {
  return (Object.keys(ROUND_FILE_FIELDS) as RoundFileField[]).find((f) => ROUND_FILE_FIELDS[f] === formField)!
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** A YAML scalar as the form would hold it: `minGroupSize: 5` and `name: 2026` are fine as text. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return undefined
}

export function parseRoundFile(
  text: string,
  questionnaires: readonly QuestionnaireChoice[],
): { ok: true; input: RoundInput } | { ok: false; problems: RoundFileProblem[] } {
  const document = parseDocument(text)
  if (document.errors.length > 0) {
    const line = document.errors[0]!.linePos?.[0].line
    return { ok: false, problems: [{ field: null, key: 'file.notYaml', params: { line: line ?? '?' } }] }
  }
  const content: unknown = document.toJS()
  if (!isRecord(content)) return { ok: false, problems: [{ field: null, key: 'file.notMapping' }] }

  const problems: RoundFileProblem[] = []
  // Left out of the file, this one is on, as on a new round's form.
  const form: RoundForm = { countOutsideRouting: 'on' }
  for (const [field, value] of Object.entries(content)) {
    if (!isFileField(field)) {
      problems.push({
        field,
        key: 'file.unknownField',
        params: { fields: Object.keys(ROUND_FILE_FIELDS).join(', ') },
      })
      continue
    }
    // An empty field (`reminderOn:`) is one left out, as an empty box on the form.
    if (value === null || value === undefined) continue
    switch (field) {
      case 'questionnaire': {
        const id = isRecord(value) ? value.id : undefined
        const version = isRecord(value) ? value.version : undefined
        if (typeof id !== 'string' || !Number.isInteger(version)) {
          problems.push({ field, key: 'file.questionnaireShape' })
          break
        }
        const match = questionnaires.find((q) => q.key === id && q.version === version)
        if (!match) {
          const available = questionnaires.map((q) => `${q.key} ${q.version}`).join(', ')
          problems.push({
            field,
            key: 'file.questionnaireUnknown',
            params: { id, version: String(version), available },
          })
          break
        }
        form.questionnaireId = String(match.id)
        break
      }
      case 'municipalities': {
        const names = Array.isArray(value) ? value.map(asText) : []
        if (!Array.isArray(value) || names.some((n) => n === undefined)) {
          problems.push({ field, key: 'file.municipalitiesList' })
          break
        }
        // One per line, as typed in the form's box; a line break inside a name would make two.
        form.strata = names.map((n) => n!.replace(/\s+/g, ' ')).join('\n')
        break
      }
      case 'doubleKeying':
      case 'countOutsideRouting':
        if (typeof value !== 'boolean') problems.push({ field, key: 'file.yesNo' })
        else form[field] = value ? 'on' : ''
        break
      default: {
        const scalar = asText(value)
        if (scalar === undefined) problems.push({ field, key: 'file.text' })
        else form[ROUND_FILE_FIELDS[field]] = scalar
      }
    }
  }

  const parsed = parseRoundForm(
    form,
    questionnaires.map((q) => q.id),
  )
  if (problems.length === 0 && parsed.ok) return { ok: true, input: parsed.input }
  // A field the file got wrong is reported once, in the file's terms, not again by the form's check.
  const reported = new Set(problems.map((p) => p.field))
  const formProblems = parsed.ok
    ? []
    : parsed.errors
        .map((e: FieldError) => ({ field: fileFieldOf(e.field), key: `errors.${e.key}`, params: e.params }))
        .filter((p) => !reported.has(p.field))
  return { ok: false, problems: [...problems, ...formProblems] }
}

/** Each problem as one line that names the field, in the file's words and the form's: `closesOn (Open tot en met): …`. */
export function roundFileMessages(problems: readonly RoundFileProblem[], t: Translate): string[] {
  return problems.map((p) => {
    const key = `management.rounds.${p.key}`
    const message = isMessageKey(key) ? t(key, p.params) : p.key
    if (p.field === null) return message
    const labelKey = isFileField(p.field) ? `management.rounds.form.${FORM_LABELS[p.field]}` : ''
    const label = isMessageKey(labelKey) ? ` (${t(labelKey)})` : ''
    return `${p.field}${label}: ${message}`
  })
}
