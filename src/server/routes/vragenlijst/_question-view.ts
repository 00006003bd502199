/**
 * Turns questions into what the respondent templates draw: every control with its
 * name, label, current value and error, so the templates hold no questionnaire logic.
 */
import type {
  AnswerOption,
  Answers,
  GridItem,
  GridScale,
  QuestionnaireDefinition,
} from '#src/questionnaire/definition.ts'
import type { PageQuestion } from '#src/questionnaire/index.ts'
import { rankCountOf } from '#src/questionnaire/index.ts'
import { readNumber } from '#src/questionnaire/coerce.ts'
import { localize } from '#src/questionnaire/text.ts'
import type { Translate } from '#src/i18n/translate.ts'

export interface OptionView {
  value: number
  label: string
  /** Said to screen readers after the label, not shown: the meaning of the grade ends ("1", "zeer slecht"). */
  spoken?: string
  /** Shown apart from the scale: "don't know" is not a point on it. */
  apart?: boolean
  checked: boolean
  /** The "anders, namelijk" text field that belongs to this option. */
  other?: { name: string; value: string; label: string }
}

interface BaseView {
  id: string
  number: string
  text: string
  help?: string
  error?: string
  hint?: string
}

export type QuestionView =
  | (BaseView & { kind: 'choice'; name: string; multiple: boolean; options: OptionView[]; compact: boolean })
  | (BaseView & {
      kind: 'grid'
      /** For a grid over several pages: "part 2 of 3", said under the repeated stem. */
      part?: string
      items: Array<{
        name: string
        number: string
        text: string
        options: OptionView[]
        error?: string
        compact: boolean
      }>
    })
  | (BaseView & { kind: 'number'; name: string; value: string; min: number; max: number; unit?: string })
  | (BaseView & {
      kind: 'ranking'
      /** The choices of every item's select: no rank, then 1 to k. */
      ranks: Array<{ value: string; label: string }>
      items: ItemNumberView[]
    })
  | (BaseView & {
      kind: 'constantsum'
      total: number
      unit?: string
      items: ItemNumberView[]
      /** "Nu samen: 90 van de 100.", once something is filled in; a script keeps it up to date while typing. */
      sum?: string
      /** The same sentence with {sum} left in, for the script. */
      sumTemplate: string
    })
  | (BaseView & { kind: 'text'; name: string; value: string; maxLength: number; long: boolean })

/** One item of a ranking or constant sum: its number field. */
export interface ItemNumberView {
  name: string
  number: string
  text: string
  value: string
  error?: string
}

type OptionChoice = Pick<OptionView, 'value' | 'label' | 'spoken' | 'apart'> & { other?: boolean }

/** 1 to 10 as equal tiles (the ends' meaning said above the scale and to screen readers), "don't know" apart. */
function gradeOptions(dontKnow: AnswerOption | undefined, t: Translate, lang: string): OptionChoice[] {
  const grades: OptionChoice[] = Array.from({ length: 10 }, (_, i) => ({
    value: i + 1,
    label: String(i + 1),
    spoken: i === 0 ? t('respondent.form.gradeLow') : i === 9 ? t('respondent.form.gradeHigh') : undefined,
  }))
  return dontKnow ? [...grades, { value: dontKnow.value, label: localize(dontKnow.label, lang), apart: true }] : grades
}

function scaleOptions(scale: GridScale, t: Translate, lang: string): OptionChoice[] {
  return scale.type === 'grade'
    ? gradeOptions(scale.dontKnow, t, lang)
    : scale.options.map((o) => ({ value: o.value, label: localize(o.label, lang) }))
}

function checkedIn(value: unknown, optionValue: number): boolean {
  return Array.isArray(value)
    ? value.map(Number).includes(optionValue)
    : value !== undefined && Number(value) === optionValue
}

/**
 * @param shown the question, and for a grid over several pages the statements of this page
 * @param values the answers to show: stored answers, or what was just posted when it had errors
 * @param errors error message per variable name
 */
export function questionView(
  shown: PageQuestion,
  definition: QuestionnaireDefinition,
  values: Answers | Record<string, unknown>,
  errors: Record<string, string>,
  t: Translate,
  lang: string,
): QuestionView {
  const { question } = shown
  const base: BaseView = {
    id: question.id,
    number: question.number,
    text: localize(question.text, lang),
    help: question.help ? localize(question.help, lang) : undefined,
    error: errors[question.id],
  }
  const value = values[question.id]
  const itemNumbers = (items: GridItem[]): ItemNumberView[] =>
    items.map((item) => {
      const name = `${question.id}_${item.id}`
      const raw = values[name]
      return {
        name,
        number: `${question.number}${item.number}`,
        text: localize(item.text, lang),
        value: raw === undefined || raw === null ? '' : String(Array.isArray(raw) ? raw[0] : raw),
        error: errors[name],
      }
    })
  const choice = (options: OptionChoice[]): OptionView[] =>
    options.map((o) => ({
      value: o.value,
      label: o.label,
      spoken: o.spoken,
      apart: o.apart,
      checked: checkedIn(value, o.value),
      other: o.other
        ? {
            name: `${question.id}_other`,
            value: String(values[`${question.id}_other`] ?? ''),
            label: t('respondent.form.otherSpecify'),
          }
        : undefined,
    }))
  switch (question.type) {
    case 'grade':
      return {
        ...base,
        kind: 'choice',
        name: question.id,
        multiple: false,
        compact: true,
        options: choice(gradeOptions(question.dontKnow, t, lang)),
      }
    case 'yesno':
      return {
        ...base,
        kind: 'choice',
        name: question.id,
        multiple: false,
        compact: false,
        options: choice([
          { value: 1, label: t('respondent.form.yes') },
          { value: 2, label: t('respondent.form.no') },
        ]),
      }
    case 'single':
    case 'multiple': {
      const options = question.options.map((o) => ({ value: o.value, label: localize(o.label, lang), other: o.other }))
      const multiple = question.type === 'multiple'
      const hint = multiple
        ? question.max
          ? t('respondent.form.chooseAtMost', { max: question.max })
          : t('respondent.form.chooseAny')
        : undefined
      return {
        ...base,
        kind: 'choice',
        name: question.id,
        multiple,
        compact: false,
        hint,
        options: choice(options),
      }
    }
    case 'grid': {
      const scale = definition.scales?.[question.scale]
      const options = scale ? scaleOptions(scale, t, lang) : []
      return {
        ...base,
        kind: 'grid',
        part: shown.part
          ? t('respondent.form.gridPart', { current: shown.part.index, total: shown.part.count })
          : undefined,
        items: (shown.items ?? question.items).map((item) => {
          const name = `${question.id}_${item.id}`
          return {
            name,
            number: `${question.number}${item.number}`,
            text: localize(item.text, lang),
            error: errors[name],
            compact: scale?.type === 'grade',
            options: options.map(({ other: _, ...o }) => ({ ...o, checked: checkedIn(values[name], o.value) })),
          }
        }),
      }
    }
    case 'ranking': {
      const k = rankCountOf(question)
      return {
        ...base,
        kind: 'ranking',
        hint: t('respondent.form.rankingHint', { max: k }),
        ranks: [
          { value: '', label: t('respondent.form.rankNone') },
          ...Array.from({ length: k }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
        ],
        items: itemNumbers(question.items),
      }
    }
    case 'constantsum': {
      const items = itemNumbers(question.items)
      const amounts = items.map((item) => readNumber(item.value))
      const filled = amounts.filter((a): a is number => typeof a === 'number')
      const sum = filled.reduce((total, a) => total + a, 0)
      return {
        ...base,
        kind: 'constantsum',
        total: question.total,
        unit: question.unit ? localize(question.unit, lang) : undefined,
        hint: t('respondent.form.constantSumHint', { total: question.total }),
        items,
        sum:
          filled.length > 0 && filled.length === amounts.filter((a) => a !== undefined).length
            ? t('respondent.form.constantSumNow', { sum, total: question.total })
            : undefined,
        sumTemplate: t('respondent.form.constantSumNow', { sum: '{sum}', total: question.total }),
      }
    }
    case 'number':
      return {
        ...base,
        kind: 'number',
        name: question.id,
        value: value === undefined ? '' : String(value),
        min: question.min,
        max: question.max,
        unit: question.unit ? localize(question.unit, lang) : undefined,
        hint: t('respondent.form.numberRange', { min: question.min, max: question.max }),
      }
    case 'text':
    case 'longtext':
      return {
        ...base,
        kind: 'text',
        name: question.id,
        value: value === undefined ? '' : String(value),
        maxLength: question.maxLength ?? (question.type === 'text' ? 200 : 4000),
        long: question.type === 'longtext',
      }
  }
}
