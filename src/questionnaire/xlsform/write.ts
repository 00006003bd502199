/**
 * Writing a definition as a questionnaire workbook (XLSForm layout), so that a researcher
 * can edit it and upload it again: reading what this writes gives the same definition.
 */
import writeXlsxFile from 'write-excel-file/universal'
import type { Cell, Row, Sheet } from 'write-excel-file/universal'
import type { AnswerOption, LangText, Question, QuestionnaireDefinition } from '../definition.ts'
import { conditionText } from './condition-syntax.ts'
import type { SheetKind } from './sheets.ts'
import { COLUMNS, languageColumn } from './sheets.ts'
import type { ItemGroupType } from './types.ts'
import { GRADE_ROW, ITEM_GROUPS, SHEET_TYPE } from './types.ts'

type Value = string | number | undefined

function text(value: Value): Cell {
  if (value === undefined || value === '') return null
  return typeof value === 'number' ? { value, type: Number } : { value, type: String, wrap: true }
}

const yesNo = (value: boolean | undefined): string | undefined =>
  value === undefined ? undefined : value ? 'yes' : 'no'

/** Every language a text of the definition is in: the declared ones first, then any other a text has. */
function languagesOf(definition: QuestionnaireDefinition): string[] {
  const languages = new Set(definition.languages)
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) for (const item of value) visit(item)
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>
      const isText = key !== undefined && ['title', 'intro', 'outro', 'text', 'help', 'label', 'unit'].includes(key)
      for (const [k, v] of Object.entries(record)) {
        if (isText) languages.add(k)
        else if (k !== 'showIf') visit(v, k)
      }
    }
  }
  visit(definition)
  return ['nl', ...[...languages].filter((l) => l !== 'nl')]
}

/** A sheet as rows of named cells, written under a header of the columns that are used. */
class SheetBuilder {
  private readonly rows: Array<Record<string, Value>> = []
  private readonly kind: SheetKind
  private readonly languages: string[]

  constructor(kind: SheetKind, languages: string[]) {
    this.kind = kind
    this.languages = languages
  }

  add(row: Record<string, Value>): void {
    this.rows.push(row)
  }

  addTexts(row: Record<string, Value>, base: string, texts: LangText | undefined): void {
    for (const [language, value] of Object.entries(texts ?? {})) row[languageColumn(base, language)] = value
  }

  /**
   * The plain columns always (they tell a researcher what can be filled in), the texts of
   * `label` in every language, other per-language columns only where some row uses them.
   */
  sheet(name: string, alwaysPerLanguage: string[]): Sheet<never> {
    const { plain, perLanguage } = COLUMNS[this.kind]
    const used = new Set(this.rows.flatMap((row) => Object.keys(row).filter((k) => row[k] !== undefined)))
    const texts = perLanguage.flatMap((base) =>
      this.languages
        .map((language) => languageColumn(base, language))
        .filter((column) => alwaysPerLanguage.includes(column.split('::')[0] as string) || used.has(column)),
    )
    // The texts right after what names the row (type, name, number), as XLSForm sheets have them.
    const leading = plain.filter((column) =>
      ['type', 'name', 'number', 'list_name', 'form_id', 'version', 'languages'].includes(column),
    )
    const columns = [...leading, ...texts, ...plain.filter((column) => !leading.includes(column))]
    const header: Row = columns.map((column) => ({ value: column, type: String, fontWeight: 'bold' }))
    const data: Row[] = [header, ...this.rows.map((row) => columns.map((column) => text(row[column])))]
    const width = (column: string) => {
      if (column.includes('::')) return column.startsWith('label') || column.startsWith('title') ? 50 : 36
      return column === 'name' || column === 'show_if' || column === 'list_name' ? 24 : 12
    }
    return {
      sheet: name,
      data,
      stickyRowsCount: 1,
      columns: columns.map((column) => ({ width: width(column) })),
    }
  }
}

/** Choice lists: the scales under their own names, each question's options under the question's name. */
class ChoiceLists {
  readonly builder: SheetBuilder
  private readonly names = new Set<string>()

  constructor(languages: string[]) {
    this.builder = new SheetBuilder('choices', languages)
  }

  private unique(base: string): string {
    let name = base
    for (let n = 2; this.names.has(name); n++) name = `${base}_${n}`
    this.names.add(name)
    return name
  }

  reserve(name: string): void {
    this.names.add(name)
  }

  option(list: string, option: AnswerOption): void {
    const row: Record<string, Value> = {
      list_name: list,
      name: option.value,
      other: yesNo(option.other),
      missing: yesNo(option.missing),
    }
    this.builder.addTexts(row, 'label', option.label)
    this.builder.add(row)
  }

  gradeRow(list: string): void {
    this.builder.add({ list_name: list, name: GRADE_ROW })
  }

  add(base: string, options: AnswerOption[]): string {
    const name = this.unique(base)
    for (const option of options) this.option(name, option)
    return name
  }
}

function parameters(values: Record<string, number | boolean | undefined>): string | undefined {
  const parts = Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${typeof value === 'boolean' ? yesNo(value) : value}`)
  return parts.length > 0 ? parts.join(' ') : undefined
}

function typeAndParameters(
  question: Exclude<Question, { type: ItemGroupType }>,
  definition: QuestionnaireDefinition,
  lists: ChoiceLists,
): { type: string; parameters?: string } {
  const sheetType = SHEET_TYPE[question.type]
  switch (question.type) {
    case 'grade': {
      const { dontKnow } = question
      if (!dontKnow) return { type: sheetType }
      // The grade scale with the same "don't know" serves as the question's list: one list to edit, not two.
      const scale = Object.entries(definition.scales ?? {}).find(
        ([, s]) => s.type === 'grade' && JSON.stringify(s.dontKnow) === JSON.stringify(dontKnow),
      )
      return { type: `${sheetType} ${scale ? scale[0] : lists.add(question.id, [dontKnow])}` }
    }
    case 'single':
      return {
        type: `${sheetType} ${lists.add(question.id, question.options)}`,
        parameters: parameters({ ordered: question.ordered }),
      }
    case 'multiple':
      return {
        type: `${sheetType} ${lists.add(question.id, question.options)}`,
        parameters: parameters({ max: question.max }),
      }
    case 'number':
      return { type: sheetType, parameters: parameters({ min: question.min, max: question.max }) }
    case 'text':
    case 'longtext':
      return { type: sheetType, parameters: parameters({ maxLength: question.maxLength }) }
    case 'yesno':
      return { type: sheetType }
    default: {
      const unknown: never = question
      throw new Error(`No survey-sheet type for ${JSON.stringify(unknown)}`)
    }
  }
}

export async function writeQuestionnaireWorkbook(definition: QuestionnaireDefinition): Promise<Uint8Array> {
  const languages = languagesOf(definition)
  const survey = new SheetBuilder('survey', languages)
  const lists = new ChoiceLists(languages)
  const settings = new SheetBuilder('settings', languages)

  for (const [name, scale] of Object.entries(definition.scales ?? {})) {
    lists.reserve(name)
    if (scale.type === 'options') {
      for (const option of scale.options) lists.option(name, option)
    } else {
      lists.gradeRow(name)
      if (scale.dontKnow) lists.option(name, scale.dontKnow)
    }
  }

  for (const section of definition.sections) {
    const begin: Record<string, Value> = {
      type: 'begin_group',
      name: section.id,
      show_if: section.showIf ? conditionText(section.showIf) : undefined,
    }
    survey.addTexts(begin, 'label', section.title)
    survey.addTexts(begin, 'hint', section.intro)
    survey.add(begin)
    for (const question of section.questions) {
      const row: Record<string, Value> = {
        name: question.id,
        number: question.number,
        required: yesNo(question.required),
        show_if: question.showIf ? conditionText(question.showIf) : undefined,
        concept: question.concept,
      }
      survey.addTexts(row, 'label', question.text)
      survey.addTexts(row, 'hint', question.help)
      if (question.type === 'grid' || question.type === 'ranking' || question.type === 'constantsum') {
        const [beginType, group] = Object.entries(ITEM_GROUPS).find(([, g]) => g.type === question.type)!
        if (question.type === 'grid') survey.add({ ...row, type: `${beginType} ${question.scale}` })
        else if (question.type === 'ranking')
          survey.add({ ...row, type: beginType, parameters: parameters({ max: question.max }) })
        else {
          survey.addTexts(row, 'unit', question.unit)
          survey.add({ ...row, type: beginType, parameters: parameters({ total: question.total }) })
        }
        for (const item of question.items) {
          const itemRow: Record<string, Value> = {
            type: group.item,
            name: item.id,
            number: item.number,
            concept: item.concept,
          }
          survey.addTexts(itemRow, 'label', item.text)
          survey.add(itemRow)
        }
        survey.add({ type: group.end })
        continue
      }
      const { type, parameters: parameterText } = typeAndParameters(question, definition, lists)
      if (question.type === 'number') survey.addTexts(row, 'unit', question.unit)
      if ((question.type === 'single' || question.type === 'yesno') && question.screenOut) {
        row.screen_out = question.screenOut.values.join(' ')
        survey.addTexts(row, 'screen_out_text', question.screenOut.text)
      }
      survey.add({ ...row, type, parameters: parameterText })
    }
    survey.add({ type: 'end_group' })
  }

  const settingsRow: Record<string, Value> = {
    form_id: definition.id,
    version: definition.version,
    languages: definition.languages.join(' '),
  }
  settings.addTexts(settingsRow, 'title', definition.title)
  settings.addTexts(settingsRow, 'intro', definition.intro)
  settings.addTexts(settingsRow, 'outro', definition.outro)
  settings.add(settingsRow)

  const blob = await writeXlsxFile([
    survey.sheet('survey', ['label']),
    lists.builder.sheet('choices', ['label']),
    settings.sheet('settings', ['title']),
  ]).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}
