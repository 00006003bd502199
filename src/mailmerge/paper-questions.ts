/**
 * The questions of the paper form as pieces: the question text, then one piece per
 * answer row (or table row). The form writer keeps a question's pieces together on a
 * page, and breaks long grids between rows, repeating the table header.
 *
 * Every box carries the value a typist keys: "□ 1 Ja", grade boxes under their number,
 * grid columns with the value under the column label. These are the definition's codes,
 * the same the web form stores and the export writes.
 */
import type {
  AnswerOption,
  GridQuestion,
  ItemNumbersQuestion,
  Question,
  QuestionnaireDefinition,
} from '#src/questionnaire/definition.ts'
import { rankCountOf } from '#src/questionnaire/answers.ts'
import type { Code } from '#src/questionnaire/codes.ts'
import { GRADE_MAX, GRADE_MIN, scaleCodes, scaleOf } from '#src/questionnaire/codes.ts'
import { GRADE_HIGHEST, GRADE_LOWEST, NO, YES } from '#src/questionnaire/labels.ts'
import { localize } from '#src/questionnaire/text.ts'
import { otherVariable } from '#src/questionnaire/variables.ts'
import type { PrintedQuestion } from './paper-routing.ts'
import type { Pen } from './paper-pen.ts'
import {
  FONT_SIZE,
  GREY,
  PAPER,
  box,
  frame,
  lineHeight,
  writeArea,
  pointed,
  shade,
  text,
  widthOf,
  writingLine,
} from './paper-pen.ts'
import { paperText } from './paper-texts.ts'
import { mm } from './units.ts'

export interface Piece {
  /** Draws (or with `pen.dry`, measures) the piece from `y`; returns the y below it. */
  draw(pen: Pen, y: number): number
  /** A page may break before a 'row' piece; a 'repeat' piece (a table header) is drawn again after the break. */
  kind: 'head' | 'repeat' | 'row'
}

const ANSWER_X = PAPER.left + PAPER.numberColumn
const ANSWER_WIDTH = PAPER.right - ANSWER_X
const SKIP_STYLE = { bold: true, size: FONT_SIZE.small } as const
const BODY = { size: FONT_SIZE.body } as const

/** Number, text, routing instruction, help and a hint on how to answer. */
function headPiece(printed: PrintedQuestion, hint: string | undefined): Piece {
  const { question } = printed
  return {
    kind: 'head',
    draw(pen, y) {
      if (printed.instruction) {
        y = text(pen, pointed(pen, printed.instruction), ANSWER_X, y, { ...SKIP_STYLE, width: ANSWER_WIDTH })
        y += mm(1)
      }
      text(pen, `${question.number}.`, PAPER.left, y, {
        bold: true,
        size: FONT_SIZE.question,
        width: PAPER.numberColumn,
      })
      y = text(pen, localize(question.text, pen.lang), ANSWER_X, y, {
        bold: true,
        size: FONT_SIZE.question,
        width: ANSWER_WIDTH,
      })
      if (question.help)
        y = text(pen, localize(question.help, pen.lang), ANSWER_X, y, {
          size: FONT_SIZE.small,
          color: GREY,
          width: ANSWER_WIDTH,
        })
      if (hint) y = text(pen, hint, ANSWER_X, y, { size: FONT_SIZE.small, color: GREY, width: ANSWER_WIDTH })
      return y + PAPER.gap
    },
  }
}

/** The small grey value number beside a box: what the typist keys. */
function valueNumber(pen: Pen, value: number, boxX: number, y: number): void {
  text(pen, String(value), boxX + PAPER.box + mm(1), y + 1.5, {
    size: FONT_SIZE.tiny,
    color: GREY,
    width: PAPER.labelOffset - PAPER.box - mm(1),
  })
}

interface PrintedOption {
  /** The field a tick here answers. */
  variable: string
  value: number
  label: string
  /** The field of its "anders, namelijk" text. */
  otherVariable?: string | undefined
}

/** One answer row: □ value label, with "► Ga door naar vraag …" and a writing line for "anders, namelijk". */
function optionPiece(option: PrintedOption, skip: string | undefined): Piece {
  return {
    kind: 'row',
    draw(pen, y) {
      box(pen, ANSWER_X, y, option)
      valueNumber(pen, option.value, ANSWER_X, y)
      const labelX = ANSWER_X + PAPER.labelOffset
      const labelWidth = PAPER.right - labelX
      const oneLine = lineHeight(pen, BODY)
      let bottom = text(pen, option.label, labelX, y, { ...BODY, width: labelWidth })
      const singleLine = bottom - y <= oneLine * 1.2
      const labelEnd = labelX + widthOf(pen, option.label, BODY)

      if (option.otherVariable) {
        const area = { variable: option.otherVariable, holds: 'text' as const }
        if (singleLine && PAPER.right - labelEnd >= mm(45)) {
          writingLine(pen, labelEnd + mm(2), PAPER.right, y + oneLine - 1)
          writeArea(pen, area, labelEnd + mm(2), y - mm(2), PAPER.right - labelEnd - mm(2), oneLine + mm(2))
        } else {
          bottom += mm(6)
          writingLine(pen, labelX, PAPER.right, bottom - mm(1))
          writeArea(pen, area, labelX, bottom - mm(7), PAPER.right - labelX, mm(6.5))
        }
      }
      if (skip) {
        const skipText = pointed(pen, skip)
        const skipWidth = widthOf(pen, skipText, SKIP_STYLE)
        if (singleLine && !option.otherVariable && labelEnd + mm(4) + skipWidth <= PAPER.right) {
          text(pen, skipText, labelEnd + mm(4), y + 1, { ...SKIP_STYLE, width: skipWidth + 1 })
        } else {
          bottom = text(pen, skipText, labelX, bottom, { ...SKIP_STYLE, width: labelWidth })
        }
      }
      return Math.max(bottom, y + PAPER.box) + PAPER.gap
    },
  }
}

/** Options side by side ("□ 1 Ja    □ 2 Nee"), for short lists without routing. */
function inlineOptionsPiece(options: PrintedOption[]): Piece {
  return {
    kind: 'row',
    draw(pen, y) {
      let x = ANSWER_X
      for (const option of options) {
        box(pen, x, y, option)
        valueNumber(pen, option.value, x, y)
        const labelWidth = widthOf(pen, option.label, BODY)
        text(pen, option.label, x + PAPER.labelOffset, y, { ...BODY, width: labelWidth + 1 })
        x += PAPER.labelOffset + labelWidth + mm(10)
      }
      return y + Math.max(PAPER.box, lineHeight(pen, BODY)) + PAPER.gap
    },
  }
}

function fitsInline(pen: Pen, options: Array<{ label: string }>): boolean {
  const measure = { ...pen, dry: true }
  const width = options.reduce((sum, o) => sum + PAPER.labelOffset + widthOf(measure, o.label, BODY) + mm(10), 0)
  return options.length <= 4 && width <= ANSWER_WIDTH
}

const GRADE_COLUMN = mm(9)

/** Boxes 1 to 10 under their numbers with the ends of the scale named, and "weet niet" on a row of its own. */
function gradePiece(
  variable: string,
  dontKnow: AnswerOption | undefined,
  skips: Map<number, string>,
  lang: string,
): Piece[] {
  const row: Piece = {
    kind: 'row',
    draw(pen, y) {
      const numberStyle = { bold: true, size: FONT_SIZE.small }
      const boxY = y + lineHeight(pen, numberStyle)
      for (let grade = GRADE_MIN; grade <= GRADE_MAX; grade++) {
        const x = ANSWER_X + (grade - GRADE_MIN) * GRADE_COLUMN
        text(pen, String(grade), x - mm(2), y, { ...numberStyle, width: PAPER.box + mm(4), align: 'center' })
        box(pen, x, boxY, { variable, value: grade })
      }
      const endsY = boxY + PAPER.box + mm(0.8)
      const endStyle = { size: FONT_SIZE.tiny, color: GREY }
      text(pen, localize(GRADE_LOWEST, pen.lang), ANSWER_X, endsY, { ...endStyle, width: mm(30) })
      const lastBoxRight = ANSWER_X + (GRADE_MAX - GRADE_MIN) * GRADE_COLUMN + PAPER.box
      text(pen, localize(GRADE_HIGHEST, pen.lang), lastBoxRight - mm(30), endsY, {
        ...endStyle,
        width: mm(30),
        align: 'right',
      })
      return endsY + lineHeight(pen, endStyle) + PAPER.gap
    },
  }
  if (!dontKnow) return [row]
  const option = { variable, value: dontKnow.value, label: localize(dontKnow.label, lang) }
  return [row, optionPiece(option, skips.get(dontKnow.value))]
}

/** Boxes for the digits of a number, with its unit. */
function numberPiece(variable: string, min: number, max: number, unit: string | undefined): Piece {
  const digits = Math.max(
    String(Math.trunc(Math.abs(min))).length + (min < 0 ? 1 : 0),
    String(Math.trunc(Math.abs(max))).length + (max < 0 ? 1 : 0),
  )
  return {
    kind: 'row',
    draw(pen, y) {
      const width = mm(6)
      const height = mm(7)
      // Digits are written left to right in every language: the boxes only move to the right edge.
      for (let i = 0; i < digits; i++) frame(pen, ANSWER_X + i * width, y, width, height)
      writeArea(pen, { variable, holds: 'number' }, ANSWER_X, y, digits * width, height)
      if (unit)
        text(pen, unit, ANSWER_X + digits * width + mm(2), y + mm(1.5), {
          ...BODY,
          width: ANSWER_WIDTH - digits * width - mm(2),
        })
      return y + height + PAPER.gap
    },
  }
}

function linesPiece(variable: string, count: number): Piece {
  return {
    kind: 'row',
    draw(pen, y) {
      writeArea(pen, { variable, holds: 'text' }, ANSWER_X, y, ANSWER_WIDTH, count * mm(8) + mm(0.5))
      for (let i = 0; i < count; i++) {
        y += mm(8)
        writingLine(pen, ANSWER_X, PAPER.right, y)
      }
      return y + PAPER.gap
    },
  }
}

interface GridColumn {
  code: Code
  width: number
  /** The header text: the option label, or for a grade just its number. */
  label: (lang: string) => string
  /** Whether the value is printed under the label (a grade's label is its value already). */
  showValue: boolean
}

const COLUMN_LABEL = { size: FONT_SIZE.tiny, lineGap: 0 } as const
/** The item texts of a grid keep at least this much room, however long the column heads are. */
const MIN_ITEM_WIDTH = mm(55)

/**
 * The width a column head needs so that no word of it breaks: its longest word with the
 * space after it (pdfkit counts that space when it decides whether a word fits), and a margin.
 */
function headWidth(pen: Pen, label: string): number {
  const measure = { ...pen, dry: true }
  const widest = Math.max(0, ...label.split(/\s+/).map((word) => widthOf(measure, `${word} `, COLUMN_LABEL)))
  return widest + mm(1.5)
}

/**
 * Column heads are at least 9 pt (read by people with poor eyesight), so a column is as
 * wide as the longest word of its head: "Zdecydowanie" or "doświadczenia" do not break.
 * Option columns share one width where that leaves the items room, else each gets its own.
 */
function gridColumns(codes: Code[], grade: boolean, pen: Pen): GridColumn[] {
  const label = (code: Code) => (lang: string) => (code.label ? localize(code.label, lang) : String(code.value))
  if (grade) {
    return codes.map((code) =>
      code.missing
        ? { code, width: Math.max(mm(17), headWidth(pen, label(code)(pen.lang))), label: label(code), showValue: true }
        : { code, width: mm(7.5), label: () => String(code.value), showValue: false },
    )
  }
  const needs = codes.map((code) => Math.max(mm(12), headWidth(pen, label(code)(pen.lang))))
  const even = Math.max(Math.min(mm(18), (ANSWER_WIDTH - mm(62)) / Math.max(1, codes.length)), ...needs)
  const fitsEven = even * codes.length <= ANSWER_WIDTH - MIN_ITEM_WIDTH
  return codes.map((code, i) => ({ code, width: fitsEven ? even : needs[i]!, label: label(code), showValue: true }))
}

/** A statement grid as a table: items down, scale across, one box per cell. */
function gridPieces(question: GridQuestion, definition: QuestionnaireDefinition, pen: Pen): Piece[] {
  const scale = scaleOf(definition, question.scale)
  if (!scale) throw new Error(`Question ${question.number} (${question.id}) uses the unknown scale "${question.scale}"`)
  const columns = gridColumns(scaleCodes(scale), scale.type === 'grade', pen)
  const columnsWidth = columns.reduce((sum, c) => sum + c.width, 0)
  const itemWidth = ANSWER_WIDTH - columnsWidth
  const columnX = (index: number) => ANSWER_X + itemWidth + columns.slice(0, index).reduce((sum, c) => sum + c.width, 0)
  const labelStyle = COLUMN_LABEL
  const valueStyle = { bold: true, size: FONT_SIZE.small }

  const header: Piece = {
    kind: 'repeat',
    draw(pen, y) {
      const measure = { ...pen, dry: true }
      const labelHeights = columns.map((c) =>
        c.showValue ? text(measure, c.label(pen.lang), 0, 0, { ...labelStyle, width: c.width - mm(1) }) : 0,
      )
      const valueY = y + Math.max(0, ...labelHeights)
      columns.forEach((column, index) => {
        const x = columnX(index) + mm(0.5)
        const width = column.width - mm(1)
        if (column.showValue) {
          text(pen, column.label(pen.lang), x, valueY - labelHeights[index]!, { ...labelStyle, width, align: 'center' })
          text(pen, String(column.code.value), x, valueY, { ...valueStyle, width, align: 'center' })
        } else {
          text(pen, column.label(pen.lang), x, valueY, { ...valueStyle, width, align: 'center' })
        }
      })
      const bottom = valueY + lineHeight(pen, valueStyle) + mm(0.5)
      writingLine(pen, ANSWER_X, PAPER.right, bottom)
      return bottom + mm(0.5)
    },
  }

  const rows: Piece[] = question.items.map((item, index) => ({
    kind: 'row',
    draw(pen, y) {
      const padding = mm(1.3)
      const textX = ANSWER_X + mm(5)
      const style = { ...BODY, size: 9.5, width: itemWidth - mm(7) }
      const textHeight = text({ ...pen, dry: true }, localize(item.text, pen.lang), textX, 0, style)
      const height = Math.max(textHeight, PAPER.box) + 2 * padding
      if (index % 2 === 0) shade(pen, ANSWER_X, y, ANSWER_WIDTH, height)
      text(pen, item.number, ANSWER_X + mm(0.8), y + padding, { ...style, bold: true, width: mm(4) })
      text(pen, localize(item.text, pen.lang), textX, y + padding, style)
      const variable = `${question.id}_${item.id}`
      columns.forEach((column, c) => {
        const tick = { variable, value: column.code.value }
        box(pen, columnX(c) + (column.width - PAPER.box) / 2, y + (height - PAPER.box) / 2, tick)
      })
      return y + height
    },
  }))
  // Space under the table; not a row, so never a reason to start a page with only a header.
  const end: Piece = { kind: 'head', draw: (_pen, y) => y + PAPER.gap }
  return [header, ...rows, end]
}

const DIGIT_WIDTH = mm(6)
const DIGIT_HEIGHT = mm(7)

/**
 * A ranking or constant sum as a list: each item with boxes to write its number in, at
 * the right end of its row where the eye ends; under a constant sum the total it must make.
 */
function itemNumberPieces(question: ItemNumbersQuestion): Piece[] {
  const digits = String(question.type === 'ranking' ? rankCountOf(question) : question.total).length
  const boxesWidth = digits * DIGIT_WIDTH
  const unitOf = (pen: Pen) =>
    question.type === 'constantsum' && question.unit ? localize(question.unit, pen.lang) : undefined
  const unitWidth = (pen: Pen) => {
    const unit = unitOf(pen)
    return unit ? widthOf({ ...pen, dry: true }, unit, BODY) + mm(2) : 0
  }
  const boxesX = (pen: Pen) => PAPER.right - unitWidth(pen) - boxesWidth
  const writeBoxes = (pen: Pen, y: number, variable: string) => {
    const x = boxesX(pen)
    for (let i = 0; i < digits; i++) frame(pen, x + i * DIGIT_WIDTH, y, DIGIT_WIDTH, DIGIT_HEIGHT)
    writeArea(pen, { variable, holds: 'number' }, x, y, boxesWidth, DIGIT_HEIGHT)
    const unit = unitOf(pen)
    if (unit) text(pen, unit, x + boxesWidth + mm(2), y + mm(1.5), { ...BODY, width: unitWidth(pen) })
  }
  const rows: Piece[] = question.items.map((item, index) => ({
    kind: 'row',
    draw(pen, y) {
      const padding = mm(1.3)
      const textX = ANSWER_X + mm(5)
      const style = { ...BODY, size: 9.5, width: boxesX(pen) - mm(3) - textX }
      const textHeight = text({ ...pen, dry: true }, localize(item.text, pen.lang), textX, 0, style)
      const height = Math.max(textHeight, DIGIT_HEIGHT) + 2 * padding
      if (index % 2 === 0) shade(pen, ANSWER_X, y, ANSWER_WIDTH, height)
      text(pen, item.number, ANSWER_X + mm(0.8), y + padding, { ...style, bold: true, width: mm(4) })
      text(pen, localize(item.text, pen.lang), textX, y + padding, style)
      writeBoxes(pen, y + (height - DIGIT_HEIGHT) / 2, `${question.id}_${item.id}`)
      return y + height
    },
  }))
  if (question.type === 'ranking') return [...rows, { kind: 'head', draw: (_pen, y) => y + PAPER.gap }]
  const total: Piece = {
    kind: 'head',
    draw(pen, y) {
      const top = y + mm(1.5)
      const x = boxesX(pen)
      const label = `${paperText('sumTotal', pen.lang)}:`
      const labelWidth = widthOf({ ...pen, dry: true }, label, { ...BODY, bold: true })
      text(pen, label, x - mm(3) - labelWidth, top, { ...BODY, bold: true, width: labelWidth + 1 })
      const unit = unitOf(pen)
      const sum = unit ? `${question.total} ${unit}` : String(question.total)
      text(pen, sum, x, top, { ...BODY, bold: true, width: PAPER.right - x })
      return top + lineHeight(pen, BODY) + PAPER.gap
    },
  }
  return [...rows, total]
}

function hintOf(question: Question, definition: QuestionnaireDefinition, lang: string): string | undefined {
  switch (question.type) {
    case 'multiple':
      return question.max !== undefined
        ? paperText('multipleMax', lang, { max: question.max })
        : paperText('multiple', lang)
    case 'grid': {
      const grade = scaleOf(definition, question.scale)?.type === 'grade'
      return [paperText('gridHint', lang), grade ? paperText('gradeHint', lang) : undefined].filter(Boolean).join(' ')
    }
    case 'number':
      return paperText('numberHint', lang, { min: question.min, max: question.max })
    case 'ranking':
      return paperText('rankingHint', lang, { max: rankCountOf(question) })
    case 'constantsum':
      return paperText('constantSumHint', lang, { total: question.total })
    default:
      return undefined
  }
}

/** The pieces of one printed question, in `lang`. */
export function questionPieces(printed: PrintedQuestion, definition: QuestionnaireDefinition, pen: Pen): Piece[] {
  const { question, skips } = printed
  const head = headPiece(printed, hintOf(question, definition, pen.lang))
  const label = (o: AnswerOption): PrintedOption => ({
    variable: question.id,
    value: o.value,
    label: localize(o.label, pen.lang),
    otherVariable: o.other ? otherVariable(question.id) : undefined,
  })
  switch (question.type) {
    case 'single':
    case 'multiple':
      return [head, ...question.options.map((o) => optionPiece(label(o), skips.get(o.value)))]
    case 'yesno': {
      const options = [
        { variable: question.id, value: 1, label: localize(YES, pen.lang) },
        { variable: question.id, value: 2, label: localize(NO, pen.lang) },
      ]
      if (skips.size === 0 && fitsInline(pen, options)) return [head, inlineOptionsPiece(options)]
      return [head, ...options.map((o) => optionPiece(o, skips.get(o.value)))]
    }
    case 'grade':
      return [head, ...gradePiece(question.id, question.dontKnow, skips, pen.lang)]
    case 'number':
      return [
        head,
        numberPiece(
          question.id,
          question.min,
          question.max,
          question.unit ? localize(question.unit, pen.lang) : undefined,
        ),
      ]
    case 'text':
      return [head, linesPiece(question.id, question.maxLength !== undefined && question.maxLength > 120 ? 2 : 1)]
    case 'longtext':
      return [head, linesPiece(question.id, 7)]
    case 'grid':
      return [head, ...gridPieces(question, definition, pen)]
    case 'ranking':
    case 'constantsum':
      return [head, ...itemNumberPieces(question)]
  }
}
