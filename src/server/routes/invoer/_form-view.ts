/** What the keying form template needs: every field with its hint, value and warning. */
import type { Translate } from '#src/i18n/translate.ts'
import type { EntryForm } from '#src/server/services/paper/paper-entry.ts'
import type { KeyingField, KeyingWarning } from '#src/server/services/paper/paper-form.ts'
import { codesSummary, keyingLayout } from '#src/server/services/paper/paper-form.ts'
import { findQuestion } from '#src/questionnaire/index.ts'

/** Posted field names: the answer key with a prefix, so no answer key can clash with "code" or "_csrf". */
export const FIELD_PREFIX = 'v_'

export interface FieldView {
  name: string
  id: string
  label: string
  /** What the label column shows: the printed number; the rest of `label` is for screen readers only. */
  visibleLabel: string
  text: string
  value: string
  hint: string
  kind: KeyingField['kind']
  /** For the keyboard script: the codes, so it can tell when a typed code is complete. */
  codes: string
  warning: string | null
}

export interface WarningView {
  fieldId: string
  text: string
}

function hintOf(field: KeyingField, t: Translate): string {
  switch (field.kind) {
    case 'code':
      return field.endsQuestionnaire
        ? t('typist.form.screenOutHint', {
            codes: codesSummary(field.codes),
            ends: codesSummary(field.endsQuestionnaire),
          })
        : codesSummary(field.codes)
    case 'codes':
      return t('typist.form.ticksHint', { codes: codesSummary(field.codes) })
    case 'number':
      return t('typist.form.numberHint', { min: field.min ?? '', max: field.max ?? '' })
    case 'text':
      return t('typist.form.textHint')
  }
}

export function warningText(warning: KeyingWarning, field: KeyingField | undefined, t: Translate): string {
  const params = { label: warning.label, value: warning.value }
  if (warning.kind === 'wrongSum') return t('typist.warnings.wrongSum', { ...params, total: field?.max ?? '' })
  if (warning.kind !== 'invalid') return t(`typist.warnings.${warning.kind}`, params)
  switch (warning.reason) {
    case 'out_of_range':
      return t('typist.warnings.outOfRange', { ...params, min: field?.min ?? '', max: field?.max ?? '' })
    case 'not_a_number':
      return t('typist.warnings.notANumber', params)
    case 'too_long':
      return t('typist.warnings.tooLong', { ...params, max: field?.maxLength ?? '' })
    case 'too_many':
      return t('typist.warnings.tooMany', params)
    default:
      return t('typist.warnings.invalid', { ...params, codes: field ? codesSummary(field.codes) : '' })
  }
}

export function formView(form: EntryForm, t: Translate, lang: string, warnings: KeyingWarning[] = []) {
  const layout = keyingLayout(form.definition, lang)
  const fieldById = new Map(layout.flatMap((q) => q.fields).map((f) => [f.variable, f]))
  const warningByVariable = new Map(warnings.map((w) => [w.variable, warningText(w, fieldById.get(w.variable), t)]))
  const questions = layout.map((q) => ({
    /** The question's id: a scanned form's picture of it is found by it. */
    id: q.id,
    number: q.number,
    text: q.text,
    // A grid's question text is a heading over its statements; any other question is one row.
    head: q.fields.some((f) => f.gridItem),
    /** A ranking or constant sum: numbers written by hand, not boxes ticked. */
    written: ['ranking', 'constantsum'].includes(findQuestion(form.definition, q.id)?.type ?? ''),
    fields: q.fields.map(
      (f): FieldView => ({
        name: FIELD_PREFIX + f.variable,
        id: `f-${f.variable}`,
        label: f.label,
        visibleLabel: f.gridItem ? f.label : q.number,
        text: f.gridItem || f.text !== '' ? f.text : q.text,
        value: form.fields[f.variable] ?? '',
        hint: hintOf(f, t),
        kind: f.kind,
        codes: f.codes.join(' '),
        warning: warningByVariable.get(f.variable) ?? null,
      }),
    ),
  }))
  const warningViews: WarningView[] = warnings.map((w) => ({
    fieldId: `f-${w.variable}`,
    text: warningByVariable.get(w.variable)!,
  }))
  return { questions, warnings: warningViews }
}
