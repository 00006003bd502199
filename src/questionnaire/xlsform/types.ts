/**
 * The question types of the survey sheet: XLSForm's names where XLSForm has the same
 * thing (select_one, select_multiple, text), Peiling's own where it does not. A grid is
 * Kobo's "score" group: begin_score <list>, a score__row per statement, end_score. A
 * ranking is Kobo's "rank" group: begin_rank, a rank__level per item, end_rank; a constant
 * sum is the same shape, Peiling's own: begin_constant_sum, constant_sum__item, end_constant_sum.
 */
import type { QuestionType } from '../definition.ts'

export type ParameterKind = 'number' | 'whole' | 'yesno'

/** Question types whose items are rows of their own between a begin and an end row. */
export type ItemGroupType = 'grid' | 'ranking' | 'constantsum'

export interface QuestionTypeSpec {
  type: Exclude<QuestionType, ItemGroupType>
  /** Whether the type is followed by the name of a choice list. */
  list: 'none' | 'optional' | 'required'
  /** The parameters column: name=value pairs, by the definition's property names. */
  parameters: Record<string, ParameterKind>
  requiredParameters?: string[]
  /** The unit::<lang> columns. */
  unit?: boolean
  /** The screen_out and screen_out_text::<lang> columns: answers that end the questionnaire. */
  screenOut?: boolean
}

export const QUESTION_TYPES: Record<string, QuestionTypeSpec> = {
  grade: { type: 'grade', list: 'optional', parameters: {} },
  select_one: { type: 'single', list: 'required', parameters: { ordered: 'yesno' }, screenOut: true },
  select_multiple: { type: 'multiple', list: 'required', parameters: { max: 'whole' } },
  yesno: { type: 'yesno', list: 'none', parameters: {}, screenOut: true },
  number: {
    type: 'number',
    list: 'none',
    parameters: { min: 'number', max: 'number' },
    requiredParameters: ['min', 'max'],
    unit: true,
  },
  text: { type: 'text', list: 'none', parameters: { maxLength: 'whole' } },
  longtext: { type: 'longtext', list: 'none', parameters: { maxLength: 'whole' } },
}

/** The survey-sheet type of each question type that is one row. */
export const SHEET_TYPE: Record<Exclude<QuestionType, ItemGroupType>, string> = Object.fromEntries(
  Object.entries(QUESTION_TYPES).map(([name, spec]) => [spec.type, name]),
) as Record<Exclude<QuestionType, ItemGroupType>, string>

export interface ItemGroupSpec {
  type: ItemGroupType
  /** The type of each item's row, and of the row that closes the group. */
  item: string
  end: string
  /** A choice list after the begin type (the grid's scale). */
  list: boolean
  parameters: Record<string, ParameterKind>
  requiredParameters?: string[]
  unit?: boolean
}

/** The begin rows of question types with items, by their survey-sheet type. */
export const ITEM_GROUPS: Record<string, ItemGroupSpec> = {
  begin_score: { type: 'grid', item: 'score__row', end: 'end_score', list: true, parameters: {} },
  begin_rank: { type: 'ranking', item: 'rank__level', end: 'end_rank', list: false, parameters: { max: 'whole' } },
  begin_constant_sum: {
    type: 'constantsum',
    item: 'constant_sum__item',
    end: 'end_constant_sum',
    list: false,
    parameters: { total: 'whole' },
    requiredParameters: ['total'],
    unit: true,
  },
}

/** XLSForm types with a Peiling type that does the same. */
export const TYPE_HINTS: Record<string, string> = {
  integer: 'number',
  decimal: 'number',
  select_one_from_file: 'select_one',
  begin_repeat: 'begin_group',
  begin_kobomatrix: 'begin_score',
  begin_matrix: 'begin_score',
}

/** The choice-list row that makes a list the scale of a grade: 1 to 10, with its one other option the "don't know". */
export const GRADE_ROW = '1-10'
