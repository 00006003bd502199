/**
 * Reading a questionnaire workbook (XLSForm layout, see docs/questionnaire-spreadsheet.md)
 * into a definition. Every fault is collected with its sheet and row; a workbook with
 * any fault gives no definition at all. A workbook without faults of its own is then
 * checked like a YAML file (validate.ts), and those faults too are reported at the row
 * they come from.
 */
import readXlsxFile from 'read-excel-file/universal'
import type {
  AnswerOption,
  ConstantSumQuestion,
  Condition,
  GridItem,
  GridQuestion,
  GridScale,
  LangText,
  Question,
  QuestionnaireDefinition,
  RankingQuestion,
  ScreenOut,
  Section,
  YesNoQuestion,
} from '../definition.ts'
import type { Path } from '../paths.ts'
import { formatPath } from '../paths.ts'
import { CONCEPT_PATTERN, ID_PATTERN, LANGUAGE_PATTERN } from '../schema.ts'
import { definitionFaults } from '../validate.ts'
import { ConditionSyntaxError, parseConditionText, referencedQuestions } from './condition-syntax.ts'
import type { CellPlace, FaultKey, ParseResult, WorkbookError } from './faults.ts'
import { cellFault, fileFault, word } from './faults.ts'
import { workbookLimitFault } from './limits.ts'
import type { SheetKind, SheetRow, Table } from './sheets.ts'
import { languageColumn, readTable, SHEETS } from './sheets.ts'
import type { Params } from '#src/i18n/translate.ts'
import type { ItemGroupSpec, ParameterKind, QuestionTypeSpec } from './types.ts'
import { GRADE_ROW, ITEM_GROUPS, QUESTION_TYPES, TYPE_HINTS } from './types.ts'

const ID = new RegExp(ID_PATTERN)
const LANGUAGE = new RegExp(LANGUAGE_PATTERN)
const CONCEPT = new RegExp(CONCEPT_PATTERN)

/** yes/no cells: XLSForm writes yes and no, Excel TRUE and FALSE, a Dutch researcher ja and nee. */
function yesNo(text: string): boolean | undefined | 'bad' {
  const lower = text.trim().toLowerCase()
  if (lower === '') return undefined
  if (['yes', 'true', 'ja', '1'].includes(lower)) return true
  if (['no', 'false', 'nee', '0'].includes(lower)) return false
  return 'bad'
}

/** What every question has, whatever its type. */
type QuestionParts = Pick<YesNoQuestion, 'id' | 'number' | 'text' | 'help' | 'showIf' | 'required' | 'concept'>

interface ChoiceList {
  name: string
  firstRow: number
  /** The list has the row "1-10": it is the scale of a grade, its one option the "don't know". */
  grade: boolean
  options: Array<{ option: AnswerOption; row: number }>
}

/** Where each part of the definition came from, to put validation faults on their row. */
class SourceMap {
  private readonly places = new Map<string, { sheet: SheetKind; row: number }>()

  set(path: Path, sheet: SheetKind, row: number): void {
    this.places.set(JSON.stringify(path), { sheet, row })
  }

  find(path: Path): { sheet: SheetKind; row: number; rest: Path } | undefined {
    for (let length = path.length; length >= 0; length--) {
      const place = this.places.get(JSON.stringify(path.slice(0, length)))
      if (place) return { ...place, rest: path.slice(length) }
    }
    return undefined
  }
}

/** The column a property of a definition part is written in. */
function columnOf(sheet: SheetKind, rest: Path): string | undefined {
  const [first, second] = rest
  const language = typeof second === 'string' ? second : 'nl'
  const settings = sheet === 'settings'
  switch (first) {
    case 'text':
    case 'label':
      return languageColumn('label', language)
    case 'title':
      return languageColumn(settings ? 'title' : 'label', language)
    case 'help':
      return languageColumn('hint', language)
    case 'intro':
      return languageColumn(settings ? 'intro' : 'hint', language)
    case 'screenOut':
      return second === 'text'
        ? languageColumn('screen_out_text', typeof rest[2] === 'string' ? rest[2] : 'nl')
        : 'screen_out'
    case 'outro':
    case 'unit':
      return languageColumn(first, language)
    case 'id':
      return settings ? 'form_id' : 'name'
    case 'value':
      return 'name'
    case 'showIf':
      return 'show_if'
    case 'min':
    case 'max':
    case 'maxLength':
    case 'ordered':
      return 'parameters'
    case 'scale':
    case 'type':
      return 'type'
    case 'number':
    case 'required':
    case 'concept':
    case 'version':
    case 'languages':
    case 'other':
    case 'missing':
      return first
    default:
      return undefined
  }
}

const GROUP_COLUMNS = ['type', 'name', 'label', 'hint', 'show_if']
const QUESTION_COLUMNS = ['type', 'name', 'number', 'label', 'hint', 'required', 'show_if', 'concept']
const ITEM_COLUMNS = ['type', 'name', 'number', 'label', 'concept']
const END_COLUMNS = ['type', 'name']

interface PendingCondition {
  condition: Condition
  place: CellPlace
  /** Questions before this place in the questionnaire may be looked at. */
  before: number
}

class WorkbookReader {
  readonly faults: WorkbookError[] = []
  readonly sources = new SourceMap()
  private readonly tables: Partial<Record<SheetKind, Table>> = {}
  private lists = new Map<string, ChoiceList>()
  private readonly scales: Record<string, GridScale> = {}
  private readonly questionNames = new Map<string, { row: number; order: number }>()
  private readonly pending: PendingCondition[] = []

  constructor(sheets: Array<{ sheet: string; data: unknown[][] }>) {
    for (const kind of SHEETS) {
      const found = sheets.find((s) => s.sheet.trim().toLowerCase() === kind)
      if (found) this.tables[kind] = readTable(kind, found.sheet, found.data, this.faults)
      // Without choices a questionnaire has no choice lists, which may be what is meant.
      else if (kind !== 'choices') this.faults.push(fileFault('file.missingSheet', { sheet: kind }))
    }
  }

  private fault(table: Table, row: number, key: FaultKey, params: Params = {}, column?: string): void {
    this.faults.push(cellFault({ sheet: table.sheet, row, ...(column !== undefined ? { column } : {}) }, key, params))
  }

  /** The texts of a per-language column ("label::nl", "label::en", …); Dutch is required when any text is. */
  private langText(table: Table, row: SheetRow, base: string, required: boolean): LangText | undefined {
    const texts: Record<string, string> = {}
    for (const column of table.languageColumns) {
      if (!column.startsWith(`${base}::`)) continue
      const text = row.raw(column)
      if (text.trim() !== '') texts[column.slice(base.length + 2)] = text
    }
    const { nl, ...others } = texts
    if (nl === undefined) {
      if (required || Object.keys(others).length > 0)
        this.fault(
          table,
          row.row,
          'survey.missingDutchLabel',
          { column: languageColumn(base, 'nl') },
          languageColumn(base, 'nl'),
        )
      return undefined
    }
    return { nl, ...others }
  }

  /**
   * The answers that end the questionnaire (codes in `screen_out`, apart by spaces or
   * commas) and the end page's text; undefined where there are none, null after a fault.
   */
  private screenOut(table: Table, row: SheetRow): ScreenOut | undefined | null {
    const codes = row.cell('screen_out').trim()
    const hasText = table.languageColumns.some((c) => c.startsWith('screen_out_text::') && row.raw(c).trim() !== '')
    if (codes === '') {
      if (!hasText) return undefined
      this.fault(table, row.row, 'survey.screenOutWithoutCodes', {}, 'screen_out')
      return null
    }
    const values = codes.split(/[\s,;]+/).map(Number)
    if (values.some((v) => !Number.isInteger(v))) {
      this.fault(table, row.row, 'survey.badScreenOut', { value: codes }, 'screen_out')
      return null
    }
    const text = this.langText(table, row, 'screen_out_text', true)
    return text ? { values, text } : null
  }

  private flag(table: Table, row: SheetRow, column: string): boolean | undefined {
    const value = yesNo(row.cell(column))
    if (value !== 'bad') return value
    this.fault(table, row.row, 'choices.badFlag', { column, value: row.cell(column) }, column)
    return undefined
  }

  readSettings(): Omit<QuestionnaireDefinition, 'sections' | 'scales'> | undefined {
    const table = this.tables.settings
    if (!table) return undefined
    const [row, ...extra] = table.rows
    for (const other of extra) this.fault(table, other.row, 'settings.extraRow')
    if (!row) {
      this.fault(table, table.headerRow + 1, 'settings.noValues')
      return undefined
    }
    this.sources.set([], 'settings', row.row)
    const faultsBefore = this.faults.length
    const required = (column: string): string => {
      const text = row.cell(column)
      if (text === '') this.fault(table, row.row, 'columns.missing', { column }, column)
      return text
    }
    const id = required('form_id')
    const versionText = required('version')
    const version = Number(versionText)
    if (versionText !== '' && !(/^\d+$/.test(versionText) && version >= 1))
      this.fault(table, row.row, 'settings.badVersion', { value: versionText }, 'version')
    const languagesText = required('languages')
    const languages = languagesText.split(/[\s,;]+/).filter((l) => l !== '')
    if (languages.some((l) => !LANGUAGE.test(l)))
      this.fault(table, row.row, 'settings.badLanguages', { value: languagesText }, 'languages')
    else if (languages.length > 0 && languages[0] !== 'nl')
      this.fault(table, row.row, 'settings.dutchFirst', { value: languagesText }, 'languages')
    const title = this.langText(table, row, 'title', true)
    const intro = this.langText(table, row, 'intro', false)
    const outro = this.langText(table, row, 'outro', false)
    if (this.faults.length > faultsBefore || !title) return undefined
    return { id, version, title, ...(intro ? { intro } : {}), ...(outro ? { outro } : {}), languages }
  }

  readChoices(): void {
    const table = this.tables.choices
    if (!table) return
    for (const row of table.rows) {
      const name = row.cell('list_name')
      const valueText = row.cell('name')
      if (name === '') {
        this.fault(table, row.row, 'choices.missingListName', {}, 'list_name')
        continue
      }
      let list = this.lists.get(name)
      if (!list) {
        list = { name, firstRow: row.row, grade: false, options: [] }
        this.lists.set(name, list)
      }
      if (valueText === '') {
        this.fault(table, row.row, 'choices.missingValue', {}, 'name')
        continue
      }
      if (valueText === GRADE_ROW) {
        list.grade = true
        for (const column of row.filled()) {
          if (column.startsWith('label::')) this.fault(table, row.row, 'choices.labelOnGradeRow', {}, column)
          else if (column !== 'list_name' && column !== 'name')
            this.fault(table, row.row, 'columns.notForType', { column, type: GRADE_ROW }, column)
        }
        continue
      }
      if (!/^-?\d+$/.test(valueText)) this.fault(table, row.row, 'choices.badValue', { value: valueText }, 'name')
      const same = list.options.find(({ option }) => option.value === Number(valueText))
      if (same)
        this.fault(table, row.row, 'choices.duplicateValue', { value: valueText, list: name, row: same.row }, 'name')
      const label = this.langText(table, row, 'label', true)
      const other = this.flag(table, row, 'other')
      const missing = this.flag(table, row, 'missing')
      if (!label) continue
      list.options.push({
        row: row.row,
        option: {
          value: Number(valueText),
          label,
          ...(other !== undefined ? { other } : {}),
          ...(missing !== undefined ? { missing } : {}),
        },
      })
    }
  }

  /** The options of a list, copied (a list may serve several questions), each traced to its row. */
  private options(list: ChoiceList, path: Path): AnswerOption[] {
    return list.options.map(({ option, row }, index) => {
      this.sources.set([...path, index], 'choices', row)
      return structuredClone(option)
    })
  }

  private dontKnow(list: ChoiceList, path: Path, table: Table, row: number): AnswerOption | undefined {
    if (list.options.length > 1) this.fault(table, row, 'survey.gradeListTooLong', { list: list.name }, 'type')
    const [first] = list.options
    if (!first) return undefined
    this.sources.set(path, 'choices', first.row)
    return structuredClone(first.option)
  }

  private list(table: Table, row: SheetRow, name: string | undefined, type: string): ChoiceList | undefined {
    if (name === undefined) {
      this.fault(table, row.row, 'survey.missingList', { type }, 'type')
      return undefined
    }
    const list = this.lists.get(name)
    if (!list) this.fault(table, row.row, 'survey.unknownList', { list: name }, 'type')
    return list
  }

  private scale(list: ChoiceList, table: Table, row: number): void {
    if (this.scales[list.name]) return
    const path = ['scales', list.name]
    this.sources.set(path, 'choices', list.firstRow)
    if (list.grade) {
      const dontKnow = this.dontKnow(list, [...path, 'dontKnow'], table, row)
      this.scales[list.name] = { type: 'grade', ...(dontKnow ? { dontKnow } : {}) }
    } else {
      this.scales[list.name] = { type: 'options', options: this.options(list, [...path, 'options']) }
    }
  }

  private name(table: Table, row: SheetRow): string | undefined {
    const name = row.cell('name')
    if (name === '') {
      this.fault(table, row.row, 'survey.missingName', {}, 'name')
      return undefined
    }
    if (!ID.test(name)) this.fault(table, row.row, 'survey.badName', { name }, 'name')
    return name
  }

  private number(table: Table, row: SheetRow): string | undefined {
    const number = row.cell('number')
    if (number === '') this.fault(table, row.row, 'survey.missingNumber', {}, 'number')
    return number === '' ? undefined : number
  }

  private showIf(table: Table, row: SheetRow, before: number): Condition | undefined {
    const text = row.cell('show_if')
    if (text === '') return undefined
    try {
      const condition = parseConditionText(text)
      this.pending.push({ condition, place: { sheet: table.sheet, row: row.row, column: 'show_if' }, before })
      return condition
    } catch (error) {
      if (!(error instanceof ConditionSyntaxError)) throw error
      this.fault(table, row.row, 'showIf.syntax', { text, at: error.at }, 'show_if')
      return undefined
    }
  }

  private required(table: Table, row: SheetRow): boolean | undefined {
    const value = yesNo(row.cell('required'))
    if (value !== 'bad') return value
    this.fault(table, row.row, 'survey.badRequired', { value: row.cell('required') }, 'required')
    return undefined
  }

  private onlyColumns(table: Table, row: SheetRow, allowed: readonly string[], type: string): void {
    for (const column of row.filled()) {
      const base = column.split('::')[0] as string
      if (!allowed.includes(base)) this.fault(table, row.row, 'columns.notForType', { column, type }, column)
    }
  }

  private parameters(
    table: Table,
    row: SheetRow,
    spec: Pick<QuestionTypeSpec, 'parameters' | 'requiredParameters'>,
    type: string,
  ): Record<string, number | boolean> | undefined {
    const text = row.cell('parameters')
    const values: Record<string, number | boolean> = {}
    const known = Object.keys(spec.parameters)
    let good = true
    for (const part of text.split(/\s+/).filter((p) => p !== '')) {
      const match = /^([A-Za-z_]+)=(\S+)$/.exec(part)
      if (!match) {
        this.fault(table, row.row, 'survey.badParameter', { text: part }, 'parameters')
        good = false
        continue
      }
      const [, given = '', value = ''] = match
      const name = known.find((k) => k.toLowerCase() === given.toLowerCase())
      if (!name) {
        this.fault(
          table,
          row.row,
          'survey.unknownParameter',
          { parameter: given, type, known: known.join(', ') },
          'parameters',
        )
        good = false
        continue
      }
      const parsed = parameterValue(spec.parameters[name] as ParameterKind, value)
      if (parsed === undefined) {
        const expected = word(
          ({ number: 'survey.expectedNumber', whole: 'survey.expectedWhole', yesno: 'survey.expectedYesNo' } as const)[
            spec.parameters[name] as ParameterKind
          ],
        )
        this.fault(table, row.row, 'survey.badParameterValue', { parameter: name, expected, value }, 'parameters')
        good = false
        continue
      }
      values[name] = parsed
    }
    for (const name of spec.requiredParameters ?? []) {
      if (good && values[name] === undefined)
        this.fault(table, row.row, 'survey.missingParameter', { type, parameter: name }, 'parameters')
    }
    return good ? values : undefined
  }

  readSurvey(): Section[] {
    const table = this.tables.survey
    if (!table) return []
    const sections: Section[] = []
    const sectionNames = new Map<string, number>()
    let group: { section: Section; row: number; index: number } | undefined
    let grid:
      | {
          question: GridQuestion | RankingQuestion | ConstantSumQuestion
          spec: ItemGroupSpec
          /** The type of the row that began it. */
          begin: string
          path: Path
          row: number
          names: Map<string, number>
          numbers: Map<string, number>
        }
      | undefined
    let order = 0

    const closeGrid = () => {
      if (grid)
        this.fault(table, grid.row, 'survey.unclosedItems', { end: grid.spec.end, item: grid.spec.item }, 'type')
      grid = undefined
    }
    const numbers = new Map<string, number>()
    const concepts = new Map<string, number>()
    const claimNumber = (number: string | undefined, row: number, within = numbers): void => {
      if (number === undefined) return
      const earlier = within.get(number)
      if (earlier !== undefined) this.fault(table, row, 'survey.duplicateNumber', { number, row: earlier }, 'number')
      else within.set(number, row)
    }
    const claimConcept = (row: SheetRow): string => {
      const concept = row.cell('concept')
      if (concept === '') return concept
      const earlier = concepts.get(concept)
      if (!CONCEPT.test(concept) || concept.length > 64)
        this.fault(table, row.row, 'survey.badConcept', { concept }, 'concept')
      else if (earlier !== undefined)
        this.fault(table, row.row, 'survey.duplicateConcept', { concept, row: earlier }, 'concept')
      else concepts.set(concept, row.row)
      return concept
    }
    const claimName = (name: string | undefined, row: number): void => {
      if (name === undefined) return
      const earlier = this.questionNames.get(name)
      if (earlier) this.fault(table, row, 'survey.duplicateName', { name, row: earlier.row }, 'name')
      else this.questionNames.set(name, { row, order })
    }
    /** The parts every question has; undefined when one is missing (the fault is reported). */
    const base = (row: SheetRow): QuestionParts | undefined => {
      const id = this.name(table, row)
      claimName(id, row.row)
      const number = this.number(table, row)
      claimNumber(number, row.row)
      const text = this.langText(table, row, 'label', true)
      const help = this.langText(table, row, 'hint', false)
      const showIf = this.showIf(table, row, order)
      const required = this.required(table, row)
      const concept = claimConcept(row)
      if (id === undefined || number === undefined || !text) return undefined
      return {
        id,
        number,
        text,
        ...(help ? { help } : {}),
        ...(showIf ? { showIf } : {}),
        ...(required !== undefined ? { required } : {}),
        ...(concept !== '' ? { concept } : {}),
      }
    }
    const place = (question: Question, row: number): Path | undefined => {
      order++
      if (!group) {
        this.fault(table, row, 'survey.outsideGroup', {}, 'type')
        return undefined
      }
      const path = ['sections', group.index, 'questions', group.section.questions.length]
      group.section.questions.push(question)
      this.sources.set(path, 'survey', row)
      return path
    }

    for (const row of table.rows) {
      const typeText = row
        .cell('type')
        .toLowerCase()
        .replace(/^(begin|end)\s+(group|score)\b/, '$1_$2')
      if (typeText === '') {
        this.fault(table, row.row, 'survey.missingType', {}, 'type')
        continue
      }
      const [type = '', listName, extra] = typeText.split(/\s+/)
      if (extra !== undefined) this.fault(table, row.row, 'survey.extraTypeWord', { word: extra }, 'type')

      switch (type) {
        case 'begin_group': {
          this.onlyColumns(table, row, GROUP_COLUMNS, type)
          closeGrid()
          if (group) this.fault(table, row.row, 'survey.nestedGroup', { row: group.row }, 'type')
          if (listName !== undefined)
            this.fault(table, row.row, 'survey.listNotAllowed', { type, list: listName }, 'type')
          const id = this.name(table, row)
          if (id !== undefined) {
            const earlier = sectionNames.get(id)
            if (earlier !== undefined)
              this.fault(table, row.row, 'survey.duplicateName', { name: id, row: earlier }, 'name')
            else sectionNames.set(id, row.row)
          }
          const title = this.langText(table, row, 'label', true)
          const intro = this.langText(table, row, 'hint', false)
          const showIf = this.showIf(table, row, order)
          const section: Section = {
            id: id ?? '',
            title: title ?? { nl: '' },
            ...(intro ? { intro } : {}),
            ...(showIf ? { showIf } : {}),
            questions: [],
          }
          this.sources.set(['sections', sections.length], 'survey', row.row)
          group = { section, row: row.row, index: sections.length }
          sections.push(section)
          break
        }
        case 'end_group':
          this.onlyColumns(table, row, END_COLUMNS, type)
          closeGrid()
          if (!group) this.fault(table, row.row, 'survey.endWithoutBegin', { type }, 'type')
          else if (group.section.questions.length === 0) this.fault(table, group.row, 'survey.emptyGroup', {}, 'type')
          group = undefined
          break
        default: {
          const groupSpec = ITEM_GROUPS[type]
          if (groupSpec) {
            this.onlyColumns(
              table,
              row,
              [
                ...QUESTION_COLUMNS,
                ...(Object.keys(groupSpec.parameters).length > 0 ? ['parameters'] : []),
                ...(groupSpec.unit ? ['unit'] : []),
              ],
              type,
            )
            closeGrid()
            if (groupSpec.list) {
              const list = this.list(table, row, listName, type)
              if (list) this.scale(list, table, row.row)
            } else if (listName !== undefined)
              this.fault(table, row.row, 'survey.listNotAllowed', { type, list: listName }, 'type')
            const p = this.parameters(table, row, groupSpec, type) ?? {}
            const parts = base(row) ?? { id: '', number: '', text: { nl: '' } }
            let question: GridQuestion | RankingQuestion | ConstantSumQuestion
            if (groupSpec.type === 'grid') question = { ...parts, type: 'grid', scale: listName ?? '', items: [] }
            else if (groupSpec.type === 'ranking')
              question = {
                ...parts,
                type: 'ranking',
                items: [],
                ...(p.max !== undefined ? { max: p.max as number } : {}),
              }
            else {
              const unit = this.langText(table, row, 'unit', false)
              question = {
                ...parts,
                type: 'constantsum',
                items: [],
                total: (p.total as number) ?? 0,
                ...(unit ? { unit } : {}),
              }
            }
            const path = place(question, row.row) ?? []
            grid = { question, spec: groupSpec, begin: type, path, row: row.row, names: new Map(), numbers: new Map() }
            continue
          }
          const openedBy = Object.entries(ITEM_GROUPS).find(([, g]) => g.item === type || g.end === type)
          if (openedBy) {
            const [begin, spec] = openedBy
            const words = { item: spec.item, begin, end: spec.end }
            if (grid && grid.spec !== spec) {
              this.fault(
                table,
                row.row,
                'survey.itemOfOtherGroup',
                { item: grid.spec.item, end: grid.spec.end, begin: grid.begin },
                'type',
              )
              continue
            }
            if (type === spec.end) {
              this.onlyColumns(table, row, END_COLUMNS, type)
              if (!grid) this.fault(table, row.row, 'survey.endWithoutBegin', { type }, 'type')
              else if (grid.question.items.length === 0)
                this.fault(table, grid.row, 'survey.emptyItems', { item: spec.item }, 'type')
              grid = undefined
              continue
            }
            this.onlyColumns(table, row, ITEM_COLUMNS, type)
            if (listName !== undefined)
              this.fault(table, row.row, 'survey.listNotAllowed', { type, list: listName }, 'type')
            if (!grid) {
              this.fault(table, row.row, 'survey.itemOutsideGroup', words, 'type')
              continue
            }
            const id = this.name(table, row)
            if (id !== undefined) {
              const earlier = grid.names.get(id)
              if (earlier !== undefined)
                this.fault(table, row.row, 'survey.duplicateName', { name: id, row: earlier }, 'name')
              else grid.names.set(id, row.row)
            }
            const number = this.number(table, row)
            claimNumber(number, row.row, grid.numbers)
            const text = this.langText(table, row, 'label', true)
            const concept = claimConcept(row)
            const item: GridItem = {
              id: id ?? '',
              number: number ?? '',
              text: text ?? { nl: '' },
              ...(concept !== '' ? { concept } : {}),
            }
            this.sources.set([...grid.path, 'items', grid.question.items.length], 'survey', row.row)
            grid.question.items.push(item)
            continue
          }
          const spec = QUESTION_TYPES[type]
          if (!spec) {
            const instead = TYPE_HINTS[type]
            if (instead) this.fault(table, row.row, 'survey.unknownTypeHint', { type, instead }, 'type')
            else
              this.fault(
                table,
                row.row,
                'survey.unknownType',
                {
                  type,
                  known: [...Object.keys(QUESTION_TYPES), 'begin_group', ...Object.keys(ITEM_GROUPS)].join(', '),
                },
                'type',
              )
            continue
          }
          if (grid)
            this.fault(
              table,
              row.row,
              'survey.questionInItems',
              { row: grid.row, begin: grid.begin, end: grid.spec.end, item: grid.spec.item },
              'type',
            )
          const allowed = [
            ...QUESTION_COLUMNS,
            ...(Object.keys(spec.parameters).length > 0 ? ['parameters'] : []),
            ...(spec.unit ? ['unit'] : []),
            ...(spec.screenOut ? ['screen_out', 'screen_out_text'] : []),
          ]
          this.onlyColumns(table, row, allowed, type)
          const question = this.question(table, row, type, spec, listName, base(row))
          if (question) {
            const path = place(question, row.row)
            if (path && question.type === 'grade' && question.dontKnow) {
              const list = listName !== undefined ? this.lists.get(listName) : undefined
              if (list?.options[0]) this.sources.set([...path, 'dontKnow'], 'choices', list.options[0].row)
            }
            if (path && (question.type === 'single' || question.type === 'multiple')) {
              const list = this.lists.get(listName ?? '')
              list?.options.forEach(({ row: choiceRow }, index) => {
                this.sources.set([...path, 'options', index], 'choices', choiceRow)
              })
            }
          } else {
            order++
          }
        }
      }
    }
    if (grid) closeGrid()
    if (group) this.fault(table, group.row, 'survey.unclosedGroup', {}, 'type')
    return sections
  }

  private question(
    table: Table,
    row: SheetRow,
    type: string,
    spec: QuestionTypeSpec,
    listName: string | undefined,
    parts: QuestionParts | undefined,
  ): Question | undefined {
    if (spec.list === 'none' && listName !== undefined)
      this.fault(table, row.row, 'survey.listNotAllowed', { type, list: listName }, 'type')
    const list =
      spec.list === 'required' || (spec.list === 'optional' && listName !== undefined)
        ? this.list(table, row, listName, type)
        : undefined
    if (list?.grade && spec.list === 'required')
      this.fault(table, row.row, 'survey.gradeMarkerOutsideGrade', { list: list.name, type }, 'type')
    const parameters = this.parameters(table, row, spec, type)
    const unit = spec.unit ? this.langText(table, row, 'unit', false) : undefined
    const screenOut = spec.screenOut ? this.screenOut(table, row) : undefined
    if (!parts || !parameters || (spec.list === 'required' && !list) || screenOut === null) return undefined
    const p = parameters
    switch (spec.type) {
      case 'grade': {
        if (list && list.options.length > 1)
          this.fault(table, row.row, 'survey.gradeListTooLong', { list: list.name }, 'type')
        const dontKnow = list?.options[0] ? structuredClone(list.options[0].option) : undefined
        return { ...parts, type: 'grade', ...(dontKnow ? { dontKnow } : {}) }
      }
      case 'single':
        return {
          ...parts,
          type: 'single',
          options: (list as ChoiceList).options.map(({ option }) => structuredClone(option)),
          ...(p.ordered !== undefined ? { ordered: p.ordered as boolean } : {}),
          ...(screenOut ? { screenOut } : {}),
        }
      case 'multiple':
        if (p.max !== undefined && (p.max as number) > (list as ChoiceList).options.length)
          this.fault(
            table,
            row.row,
            'survey.maxAboveOptions',
            { max: p.max as number, count: (list as ChoiceList).options.length },
            'parameters',
          )
        return {
          ...parts,
          type: 'multiple',
          options: (list as ChoiceList).options.map(({ option }) => structuredClone(option)),
          ...(p.max !== undefined ? { max: p.max as number } : {}),
        }
      case 'yesno':
        return { ...parts, type: 'yesno', ...(screenOut ? { screenOut } : {}) }
      case 'number':
        if (p.min === undefined || p.max === undefined) return undefined
        if ((p.min as number) > (p.max as number))
          this.fault(table, row.row, 'survey.minAboveMax', { min: p.min as number, max: p.max as number }, 'parameters')
        return { ...parts, type: 'number', min: p.min as number, max: p.max as number, ...(unit ? { unit } : {}) }
      case 'text':
      case 'longtext':
        return { ...parts, type: spec.type, ...(p.maxLength !== undefined ? { maxLength: p.maxLength as number } : {}) }
    }
  }

  /** Conditions may look only at questions before them; checked once every name is known. */
  checkConditions(): void {
    for (const { condition, place, before } of this.pending) {
      for (const name of new Set(referencedQuestions(condition))) {
        const target = this.questionNames.get(name)
        if (!target) this.faults.push(cellFault(place, 'showIf.unknownQuestion', { name }))
        else if (target.order >= before)
          this.faults.push(cellFault(place, 'showIf.laterQuestion', { name, row: target.row }))
      }
    }
  }

  definition(
    settings: Omit<QuestionnaireDefinition, 'sections' | 'scales'>,
    sections: Section[],
  ): QuestionnaireDefinition {
    const { id, version, title, intro, outro, languages } = settings
    return {
      id,
      version,
      languages,
      title,
      ...(intro ? { intro } : {}),
      ...(outro ? { outro } : {}),
      ...(Object.keys(this.scales).length > 0 ? { scales: this.scales } : {}),
      sections,
    }
  }

  /** Validation faults (validate.ts), put on the sheet and row their part came from. */
  validationErrors(definition: QuestionnaireDefinition): WorkbookError[] {
    return definitionFaults(definition).map((fault) => {
      const found = this.sources.find(fault.path)
      const error: WorkbookError = { path: formatPath(fault.path), message: fault.message }
      if (!found) return error
      const column = columnOf(found.sheet, found.rest)
      return {
        ...error,
        sheet: this.tables[found.sheet]?.sheet ?? found.sheet,
        row: found.row,
        ...(column !== undefined ? { column } : {}),
      }
    })
  }

  sortedFaults(): WorkbookError[] {
    const rank = (error: WorkbookError) => {
      const index = SHEETS.findIndex((kind) => this.tables[kind]?.sheet === error.sheet)
      return error.sheet === undefined ? -1 : index
    }
    return this.faults
      .map((error, index) => ({ error, index }))
      .sort((a, b) => rank(a.error) - rank(b.error) || (a.error.row ?? 0) - (b.error.row ?? 0) || a.index - b.index)
      .map(({ error }) => error)
  }
}

function parameterValue(kind: ParameterKind, text: string): number | boolean | undefined {
  if (kind === 'yesno') {
    const value = yesNo(text)
    return value === 'bad' ? undefined : value
  }
  const value = Number(text)
  if (!Number.isFinite(value)) return undefined
  if (kind === 'whole' && !(Number.isInteger(value) && value >= 1)) return undefined
  return value
}

function arrayBufferOf(data: Uint8Array): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer
}

export async function readQuestionnaireWorkbook(data: Uint8Array): Promise<ParseResult> {
  const limitFault = await workbookLimitFault(data)
  if (limitFault) return { ok: false, errors: [limitFault] }
  let sheets: Array<{ sheet: string; data: unknown[][] }>
  try {
    sheets = (await readXlsxFile(arrayBufferOf(data), { trim: false })) as typeof sheets
  } catch {
    return { ok: false, errors: [fileFault('file.notXlsx')] }
  }
  const reader = new WorkbookReader(sheets)
  const settings = reader.readSettings()
  reader.readChoices()
  const sections = reader.readSurvey()
  reader.checkConditions()
  if (reader.faults.length > 0 || !settings) return { ok: false, errors: reader.sortedFaults() }
  const definition = reader.definition(settings, sections)
  const errors = reader.validationErrors(definition)
  return errors.length === 0 ? { ok: true, definition } : { ok: false, errors }
}
