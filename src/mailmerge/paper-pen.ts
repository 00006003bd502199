/**
 * Drawing primitives of the paper form that can also only measure: every piece of the
 * form is laid out by the same function twice, once dry to learn its height (does it fit
 * on this page?) and once for real, so measuring and drawing never disagree.
 */
import type { PdfFonts } from './fonts.ts'
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
  labelOffset: mm(9),
  gap: mm(1.8),
  questionGap: mm(6),
} as const

export const FONT_SIZE = { body: 10, small: 8.5, tiny: 7, question: 10, section: 12.5, title: 17 } as const

export const GREY = '#555555'
export const SHADE = '#EDEDED'

export interface Pen {
  doc: PDFKit.PDFDocument
  fonts: PdfFonts
  lang: string
  /** True while measuring: nothing is drawn, only heights are computed. */
  dry: boolean
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
  if (pen.dry) return y + pen.doc.heightOfString(value, options)
  pen.doc.fillColor(style.color ?? 'black').text(value, x, y, options)
  return pen.doc.y
}

/** The width of `value` on one line in `style`. */
export function widthOf(pen: Pen, value: string, style: Omit<TextStyle, 'width'>): number {
  applyStyle(pen, { ...style, width: Number.MAX_SAFE_INTEGER })
  return pen.doc.widthOfString(value)
}

/** Height of one line of text in `style`. */
export function lineHeight(pen: Pen, style: Omit<TextStyle, 'width'>): number {
  applyStyle(pen, { ...style, width: Number.MAX_SAFE_INTEGER })
  return pen.doc.currentLineHeight(true) + (style.lineGap ?? 1)
}

/** An answer box: white inside, so it stays visible on a shaded table row. */
export function box(pen: Pen, x: number, y: number, size: number = PAPER.box): void {
  if (pen.dry) return
  pen.doc.rect(x, y, size, size).lineWidth(0.9).fillAndStroke('white', 'black')
}

export function shade(pen: Pen, x: number, y: number, width: number, height: number, color: string = SHADE): void {
  if (pen.dry) return
  pen.doc.rect(x, y, width, height).fill(color)
}

/** A line to write on. */
export function writingLine(pen: Pen, x1: number, x2: number, y: number): void {
  if (pen.dry) return
  pen.doc.moveTo(x1, y).lineTo(x2, y).lineWidth(0.6).strokeColor('#888888').stroke()
}
