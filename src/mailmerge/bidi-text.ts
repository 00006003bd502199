/**
 * Text that does not run left to right only, set with pdfkit: Arabic letters and forms,
 * and a name in Arabic script in a Dutch letter.
 *
 * What pdfkit and fontkit do with it (measured with DejaVu Sans; the tests in
 * test/mailmerge/bidi-text.test.ts hold them to it):
 * - DejaVu Sans has the Arabic joining forms and lam-alef (GSUB init, medi, fina, rlig)
 *   and fontkit applies them: shaping is not ours to do.
 * - fontkit reverses all the glyphs of a string whose first letter is in a right-to-left
 *   script, digits and Latin letters in it too, and mirrors no bracket.
 * - pdfkit lays a string out word by word (split at spaces) and puts the words left to
 *   right, so an Arabic sentence comes out with its words in reverse order.
 * So the order is ours. Lines are broken in logical order, measured with the font; each
 * line is cut into runs of one direction by bidi-js (the Unicode Bidirectional
 * Algorithm, with brackets mirrored), the runs are placed left to right in visual order,
 * and each run is handed to pdfkit in the form that comes out right: Arabic words in
 * reading order, for fontkit to join and reverse, in one go where a run has several
 * words (pdfkit's `features` option keeps it from splitting the run at spaces); Latin as
 * it is; signs and digits in the order fontkit will leave or turn into the right one.
 *
 * Only text that needs it takes this way: a document in a left-to-right language sets a
 * text without right-to-left letters with pdfkit as before.
 */
import type { EmbeddingLevels } from 'bidi-js'
import bidiModule from 'bidi-js'

// bidi-js is CommonJS with types that say `export default`: Node's default import is the
// factory itself, while the types put it under `.default`.
type BidiFactory = typeof bidiModule.default
const bidiFactory: BidiFactory =
  typeof bidiModule === 'function' ? (bidiModule as unknown as BidiFactory) : bidiModule.default
const bidi = bidiFactory()

export type Direction = 'ltr' | 'rtl'
export type Align = 'left' | 'right' | 'center'

/** Which way lines run, and to which side they are aligned. */
export interface Flow {
  direction: Direction
  align: Align
}

/** Letters of the right-to-left scripts, those fontkit sets (and reverses) right to left. */
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u
/** A character that makes fontkit pick a script (not a space, digit, sign or mark). */
const SCRIPTED = /[^\p{Script=Common}\p{Script=Inherited}]/u
/** Marks, embeddings and isolates: they steer the algorithm and are not printed. */
const BIDI_CONTROL = /\p{Bidi_Control}/u
const BIDI_CONTROLS = /\p{Bidi_Control}/gu

const FSI = '\u2068'
const PDI = '\u2069'

/**
 * `value` as a unit of its own inside a sentence (Unicode's first-strong isolate, like
 * HTML's <bdi>): a Latin name, a code or a date merged into an Arabic sentence keeps its
 * own direction, and does not decide the sentence's.
 */
export function isolate(value: string): string {
  return `${FSI}${value}${PDI}`
}

const LRI = '\u2066'
const RLI = '\u2067'

/**
 * A name put into a sentence. A name with right-to-left letters is isolated in the
 * direction of the sentence's reader, so that its parts come in the order they are
 * written: "M. الحسيني" in an Arabic salutation starts with the initial on the right,
 * "الحسيني M." in a Dutch one with the surname on the left. (A first-strong isolate
 * would take the direction of the first letter instead and put the initial's full stop
 * on the wrong side of it.) A name without right-to-left letters is isolated first-strong
 * (left to right): a bracket at its end stays with it.
 */
export function isolateName(name: string, sentence: Direction): string {
  if (!needsBidi(name)) return isolate(name)
  return `${sentence === 'rtl' ? RLI : LRI}${name}${PDI}`
}

/** Whether `text` needs this module: it has right-to-left letters (or directional controls). */
export function needsBidi(text: string): boolean {
  return RTL_SCRIPT.test(text) || BIDI_CONTROL.test(text)
}

/**
 * The direction of a paragraph: that of its first letter outside isolates (a Dutch
 * text that an Arabic form falls back to stays left to right), or the document's when it
 * has none (a question number, a date of digits).
 */
export function paragraphDirection(text: string, documentDirection: Direction): Direction {
  let depth = 0
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char)
    if (type === 'LRI' || type === 'RLI' || type === 'FSI') depth++
    else if (type === 'PDI') depth = Math.max(0, depth - 1)
    else if (depth === 0 && type === 'L') return 'ltr'
    else if (depth === 0 && (type === 'R' || type === 'AL')) return 'rtl'
  }
  return documentDirection
}

/** One run of a line as the reader sees it, in the order left to right. */
export interface VisualRun {
  /** The characters in reading order, brackets of a right-to-left run already mirrored. */
  logical: string
  rtl: boolean
}

function reversed(text: string): string {
  return Array.from(text).reverse().join('')
}

/** The runs of `text[start..end]` (end inclusive) left to right, given the levels of the whole paragraph. */
function runsOfLine(text: string, embedding: EmbeddingLevels, start: number, end: number): VisualRun[] {
  const { levels } = embedding
  let order = Array.from({ length: end - start + 1 }, (_, i) => start + i)
  for (const [from, to] of bidi.getReorderSegments(text, embedding, start, end)) {
    const part = order.slice(from! - start, to! - start + 1).reverse()
    order.splice(from! - start, part.length, ...part)
  }
  // Controls steer the algorithm and are not printed; without them a run never ends on one.
  order = order.filter((i) => !BIDI_CONTROL.test(text[i]!))
  const mirrored = bidi.getMirroredCharactersMap(text, levels, start, end)
  const runs: VisualRun[] = []
  let first = 0
  for (let i = 1; i <= order.length; i++) {
    const previous = order[i - 1]!
    const current = order[i]
    const rtl = (levels[previous]! & 1) === 1
    const continues =
      current !== undefined && levels[current] === levels[previous] && current === previous + (rtl ? -1 : 1)
    if (continues) continue
    const from = Math.min(order[first]!, previous)
    const to = Math.max(order[first]!, previous)
    let logical = ''
    for (let k = from; k <= to; k++) logical += mirrored.get(k) ?? text[k]
    runs.push({ logical, rtl })
    first = i
  }
  return runs
}

/** The runs of one line of text, left to right: what the unit tests look at. */
export function visualRuns(text: string, direction: Direction): VisualRun[] {
  if (text === '') return []
  return runsOfLine(text, bidi.getEmbeddingLevels(text, direction), 0, text.length - 1)
}

/** What a reader sees, left to right, character by character (unshaped). */
export function visualString(text: string, direction: Direction): string {
  return visualRuns(text, direction)
    .map((run) => (run.rtl ? reversed(run.logical) : run.logical))
    .join('')
}

/** A piece handed to pdfkit as it is, and how wide it is. */
interface Piece {
  text: string
  /** Lay out in one go: pdfkit would split it at spaces, and fontkit must reverse it whole. */
  whole: boolean
  width: number
}

/**
 * Cuts a run where fontkit would change its mind about the script, so that fontkit
 * reverses a piece exactly when it holds right-to-left letters.
 */
function scriptParts(text: string): Array<{ text: string; rtlScript: boolean }> {
  const parts: Array<{ text: string; rtlScript: boolean }> = []
  let current: { text: string; rtlScript: boolean | undefined } = { text: '', rtlScript: undefined }
  for (const char of text) {
    const kind = RTL_SCRIPT.test(char) ? true : SCRIPTED.test(char) ? false : undefined
    if (kind !== undefined && current.rtlScript !== undefined && kind !== current.rtlScript) {
      parts.push({ text: current.text, rtlScript: current.rtlScript })
      current = { text: '', rtlScript: undefined }
    }
    current.text += char
    if (kind !== undefined) current.rtlScript = kind
  }
  if (current.text !== '') parts.push({ text: current.text, rtlScript: current.rtlScript ?? false })
  return parts
}

/** The pieces that draw a run so that it reads in the order of `run` (see the top of this file). */
function piecesOf(doc: PDFKit.PDFDocument, run: VisualRun): Piece[] {
  const parts = scriptParts(run.logical)
  if (run.rtl) parts.reverse()
  return parts.map((part) => {
    // fontkit reverses a piece with right-to-left letters: give it the order that comes out right.
    const text = part.rtlScript === run.rtl ? part.text : reversed(part.text)
    const whole = part.rtlScript && text.includes(' ')
    return { text, whole, width: doc.widthOfString(text, whole ? { features: [] } : {}) }
  })
}

/** One line as set: its pieces left to right and its width. */
export interface SetLine {
  pieces: Piece[]
  width: number
}

export interface BidiStyle {
  width: number
  align: Align
  /** Points between lines, as pdfkit's `lineGap`. */
  lineGap?: number
  /** The document's direction: that of a paragraph without letters. */
  direction: Direction
  /** As pdfkit's `height`: a line that would end lower than y + height is not drawn. */
  height?: number
}

/** Where the words of `text` may break: the spans of its words, start inclusive, end exclusive. */
function words(text: string): Array<[number, number]> {
  return [...text.matchAll(/[^ ]+/g)].map((m) => [m.index, m.index + m[0].length])
}

function measure(doc: PDFKit.PDFDocument, text: string): number {
  return doc.widthOfString(text.replace(BIDI_CONTROLS, ''))
}

/** The index after the character (code point) at `index`. */
function nextCharacter(text: string, index: number): number {
  return index + ((text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1)
}

/** Breaks one paragraph (no newlines) into lines in logical order: [start, end) each, without the spaces between. */
function breakLines(doc: PDFKit.PDFDocument, text: string, width: number): Array<[number, number]> {
  const lines: Array<[number, number]> = []
  let line: [number, number] | undefined
  let lineWidth = 0
  for (let [start, end] of words(text)) {
    if (line) {
      const added = measure(doc, text.slice(line[1], end))
      if (lineWidth + added <= width) {
        line[1] = end
        lineWidth += added
        continue
      }
      lines.push(line)
    }
    // A word wider than the line (a long web address) is cut where it must be, at least
    // one character a line, never inside a surrogate pair.
    while (start < end && measure(doc, text.slice(start, end)) > width) {
      let cut = nextCharacter(text, start)
      while (cut < end && measure(doc, text.slice(start, nextCharacter(text, cut))) <= width)
        cut = nextCharacter(text, cut)
      lines.push([start, cut])
      start = cut
    }
    line = start < end ? [start, end] : undefined
    lineWidth = measure(doc, text.slice(start, end))
  }
  if (line) lines.push(line)
  return lines.length > 0 ? lines : [[0, 0]]
}

/**
 * Sets `text` in lines no wider than `width`, with the current font and size: each
 * newline starts a paragraph, each paragraph takes its own direction.
 */
export function setLines(doc: PDFKit.PDFDocument, text: string, width: number, direction: Direction): SetLine[] {
  const lines: SetLine[] = []
  // As pdfkit: no text, no line.
  if (text === '') return lines
  for (const paragraph of text.split('\n')) {
    const base = paragraphDirection(paragraph, direction)
    const embedding = bidi.getEmbeddingLevels(paragraph, base)
    for (const [start, end] of breakLines(doc, paragraph, width)) {
      const runs = end > start ? runsOfLine(paragraph, embedding, start, end - 1) : []
      const pieces = runs.flatMap((run) => piecesOf(doc, run))
      lines.push({ pieces, width: pieces.reduce((sum, p) => sum + p.width, 0) })
    }
  }
  return lines
}

function lineAdvance(doc: PDFKit.PDFDocument, style: Pick<BidiStyle, 'lineGap'>): number {
  return doc.currentLineHeight(true) + (style.lineGap ?? 0)
}

/** The height `drawParagraph` takes for `text`, as pdfkit's heightOfString. */
export function heightOfParagraph(doc: PDFKit.PDFDocument, text: string, style: BidiStyle): number {
  return setLines(doc, text, style.width, style.direction).length * lineAdvance(doc, style)
}

/** Draws one set line with its left edge at `left`. */
function drawSetLine(doc: PDFKit.PDFDocument, line: SetLine, left: number, y: number): void {
  let x = left
  for (const piece of line.pieces) {
    doc.text(piece.text, x, y, { lineBreak: false, ...(piece.whole ? { features: [] } : {}) })
    x += piece.width
  }
}

function lineLeft(line: SetLine, x: number, style: Pick<BidiStyle, 'width' | 'align'>): number {
  if (style.align === 'right') return x + style.width - line.width
  if (style.align === 'center') return x + (style.width - line.width) / 2
  return x
}

/**
 * Draws `text` from (x, y) in the current font, size and colour, wrapped to
 * `style.width` and aligned in it; returns the y below the last line (and leaves
 * `doc.y` there, as pdfkit's text() does).
 */
export function drawParagraph(doc: PDFKit.PDFDocument, text: string, x: number, y: number, style: BidiStyle): number {
  const advance = lineAdvance(doc, style)
  const bottom = style.height === undefined ? Number.POSITIVE_INFINITY : y + style.height
  for (const line of setLines(doc, text, style.width, style.direction)) {
    if (y + advance > bottom) break
    drawSetLine(doc, line, lineLeft(line, x, style), y)
    y += advance
  }
  doc.x = x
  doc.y = y
  return y
}

/** The width of `text` set on one line. */
export function widthOfLine(doc: PDFKit.PDFDocument, text: string): number {
  return measure(doc, text.replace(/\n/g, ''))
}

/** Draws `text` on one line, never wrapped, aligned in `width` from x. */
export function drawLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  style: Pick<BidiStyle, 'width' | 'align' | 'direction'>,
): void {
  const paragraph = text.replace(/\n/g, ' ')
  const base = paragraphDirection(paragraph, style.direction)
  const runs =
    paragraph === '' ? [] : runsOfLine(paragraph, bidi.getEmbeddingLevels(paragraph, base), 0, paragraph.length - 1)
  const pieces = runs.flatMap((run) => piecesOf(doc, run))
  const line = { pieces, width: pieces.reduce((sum, p) => sum + p.width, 0) }
  drawSetLine(doc, line, lineLeft(line, x, style), y)
}
