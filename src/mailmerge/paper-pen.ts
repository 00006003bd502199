/**
 * Drawing primitives of the paper form that can also only measure: every piece of the
 * form is laid out by the same function twice, once dry to learn its height (does it fit
 * on this page?) and once for real, so measuring and drawing never disagree.
 *
 * Pieces lay the form out left to right. A form in a right-to-left language is its
 * mirror image: the primitives put every box, line and text block at `onPage()` of the
 * place they are given, and align text to the right. So where a box lands on paper
 * follows from the left-to-right layout and `onPage()` alone, for anything that must
 * find the boxes again (a scanner reading forms back).
 */
import type { Align, Direction } from './bidi-text.ts'
import { drawParagraph, heightOfParagraph, needsBidi, paragraphDirection, widthOfLine } from './bidi-text.ts'
import type { PdfFonts } from './fonts.ts'
import type { LayoutRecorder, WriteArea } from './paper-layout.ts'
import { mm } from './units.ts'

export const PAPER = {
  left: mm(18),
  right: mm(192),
  contentTop: mm(30),
  contentBottom: mm(279),
  /** Width of the question number column; answers start here too. */
  numberColumn: mm(9),
  box: mm(3.8),
  /** Space between the box and its label; the value number sits in it. */
  labelOffset: mm(10),
  gap: mm(1.8),
  questionGap: mm(6),
} as const

/** Nothing under 9 pt: the form is read by people with poor eyesight and by scanners at 150 dpi. */
export const FONT_SIZE = { body: 10, small: 9, tiny: 9, question: 10, section: 12.5, title: 17 } as const

export const GREY = '#555555'
export const SHADE = '#EDEDED'

export interface Pen {
  doc: PDFKit.PDFDocument
  fonts: PdfFonts
  lang: string
  /** The direction of the form's language: a right-to-left form is drawn mirrored. */
  direction: Direction
  /** True while measuring: nothing is drawn, only heights are computed. */
  dry: boolean
  /** Where the answer areas go as they are drawn, for reading scans back (paper-layout.ts). */
  layout?: LayoutRecorder | undefined
}

/** Where the span from `x`, `width` wide, of the left-to-right layout lies on the page (its left edge). */
export function onPage(direction: Direction, x: number, width: number): number {
  return direction === 'rtl' ? PAPER.left + PAPER.right - x - width : x
}

/** Left and right swap in a mirrored form; the start of a line is on the right there. */
function alignOnPage(direction: Direction, align: Align): Align {
  if (direction === 'ltr' || align === 'center') return align
  return align === 'left' ? 'right' : 'left'
}

/** "► text": the pointer before a routing instruction, pointing the way the instruction reads. */
export function pointed(pen: Pen, value: string): string {
  return `${paragraphDirection(value, pen.direction) === 'rtl' ? '◄' : '►'} ${value}`
}

export interface TextStyle {
  bold?: boolean
  size: number
  color?: string
  width: number
  align?: 'left' | 'center' | 'right'
  lineGap?: number
}

function applyStyle(pen: Pen, style: TextStyle): PDFKit.Mixins.TextOptions {
  pen.doc.font(style.bold ? pen.fonts.bold : pen.fonts.regular).fontSize(style.size)
  return { width: style.width, align: style.align ?? 'left', lineGap: style.lineGap ?? 1 }
}

/** Sets wrapped text from (x, y); returns the y below it. */
export function text(pen: Pen, value: string, x: number, y: number, style: TextStyle): number {
  const options = applyStyle(pen, style)
  if (pen.direction === 'rtl' || needsBidi(value)) {
    const bidiStyle = {
      width: style.width,
      align: alignOnPage(pen.direction, options.align as Align),
      lineGap: options.lineGap ?? 0,
      direction: pen.direction,
    }
    if (pen.dry) return y + heightOfParagraph(pen.doc, value, bidiStyle)
    pen.doc.fillColor(style.color ?? 'black')
    return drawParagraph(pen.doc, value, onPage(pen.direction, x, style.width), y, bidiStyle)
  }
  if (pen.dry) return y + pen.doc.heightOfString(value, options)
  pen.doc.fillColor(style.color ?? 'black').text(value, x, y, options)
  return pen.doc.y
}

/** The width of `value` on one line in `style`. */
export function widthOf(pen: Pen, value: string, style: Omit<TextStyle, 'width'>): number {
  applyStyle(pen, { ...style, width: Number.MAX_SAFE_INTEGER })
  return widthOfLine(pen.doc, value)
}

/** Height of one line of text in `style`. */
export function lineHeight(pen: Pen, style: Omit<TextStyle, 'width'>): number {
  applyStyle(pen, { ...style, width: Number.MAX_SAFE_INTEGER })
  return pen.doc.currentLineHeight(true) + (style.lineGap ?? 1)
}

/** A box to write in: white inside, so it stays visible on a shaded table row. */
export function frame(pen: Pen, x: number, y: number, width: number, height: number): void {
  if (pen.dry) return
  pen.doc
    .rect(onPage(pen.direction, x, width), y, width, height)
    .lineWidth(0.9)
    .fillAndStroke('white', 'black')
}

/** The field and value a tick in a box gives. */
export interface TickOf {
  variable: string
  value: number
}

/** An answer box: ticked, it gives `tick.value` to the field `tick.variable`. */
export function box(pen: Pen, x: number, y: number, tick: TickOf): void {
  frame(pen, x, y, PAPER.box, PAPER.box)
  if (pen.dry || !pen.layout) return
  const rect = { x: onPage(pen.direction, x, PAPER.box), y, width: PAPER.box, height: PAPER.box }
  pen.layout.add({ kind: 'tick', ...tick, rect })
}

/** Records where something is written by hand for `variable` (it draws nothing itself). */
export function writeArea(
  pen: Pen,
  area: Omit<WriteArea, 'kind' | 'rect'>,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  if (pen.dry || !pen.layout) return
  pen.layout.add({ kind: 'write', ...area, rect: { x: onPage(pen.direction, x, width), y, width, height } })
}

export function shade(pen: Pen, x: number, y: number, width: number, height: number, color: string = SHADE): void {
  if (pen.dry) return
  pen.doc.rect(onPage(pen.direction, x, width), y, width, height).fill(color)
}

/** A line to write on (or under a table header). */
export function writingLine(pen: Pen, x1: number, x2: number, y: number): void {
  if (pen.dry) return
  const left = onPage(pen.direction, x1, x2 - x1)
  pen.doc
    .moveTo(left, y)
    .lineTo(left + x2 - x1, y)
    .lineWidth(0.6)
    .strokeColor('#888888')
    .stroke()
}
