/**
 * The set mark on every front side of a collated print stream: which person's set a
 * sheet belongs to and where in the set it goes, for the print shop's eyes ("Set 12,
 * vel 2/5") and for a reader (a DataMatrix of the same, with the end of the login code,
 * so that a letter and a form of two people in one set are found).
 *
 * It sits in the bottom-left corner, x 5–17 mm, y 258–281 mm: left of the letter text
 * (25 mm) and of the form's content and footer (18 mm), and below the envelope window
 * (20–110 mm from the left, 50–95 mm from the top) however the sheet is folded.
 *
 * A PDF made here also carries the mark, and the login code the page shows, as lines of
 * the page's hidden note (page-notes.ts; never shown or printed, it moves with the page
 * when a tool reorders pages): the check reads a print file back from those without
 * drawing it, and reads scans from the printed symbols.
 */
import { createRequire } from 'node:module'
import { translator } from '#src/i18n/translate.ts'
import type { InlineCopy } from './content-replay.ts'
import { replayFor } from './content-replay.ts'
import type { StreamingPdf } from './pdf-stream.ts'
import { mm } from './units.ts'

export interface SetMark {
  /** 1-based number of the set in the stream. */
  set: number
  /** 1-based sheet of the set. */
  sheet: number
  /** Sheets in the set. */
  sheets: number
  /** The last symbols of the person's login code, check symbol included. */
  codeTail: string
}

/** Symbols of the login code in the mark: with 31 symbols, two sets of different people agree by chance 1 in 29,791 times. */
export const CODE_TAIL_LENGTH = 3

const PREFIX = 'PS1'

/** The print shop reads the marks in Dutch, whatever the person's language. */
const t = translator('nl')

export function codeTail(code: string): string {
  return code.slice(-CODE_TAIL_LENGTH)
}

/** `PS1:12:2:5:R9C`: short, so the DataMatrix stays 16 × 16 or 18 × 18 modules. */
export function setMarkText(mark: SetMark): string {
  return `${PREFIX}:${mark.set}:${mark.sheet}:${mark.sheets}:${mark.codeTail}`
}

export function parseSetMark(text: string): SetMark | undefined {
  const match = /^PS1:(\d{1,7}):(\d{1,3}):(\d{1,3}):([2-9A-Z]{3})$/.exec(text.trim())
  if (!match) return undefined
  const [set, sheet, sheets] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (set < 1 || sheet < 1 || sheets < 1 || sheet > sheets) return undefined
  return { set, sheet, sheets, codeTail: match[4]! }
}

/** Size of one DataMatrix module: 0.5 mm reads at 150 dpi (3 pixels a module). */
const MODULE = mm(0.5)
const AREA = { left: mm(5), top: mm(258) }
/** White around the symbol, in modules; the standard asks for one, readers like more. */
const QUIET_MODULES = 2
/** The symbol's top-left corner, inside its quiet zone. */
const SYMBOL = { left: AREA.left + QUIET_MODULES * MODULE, top: AREA.top + QUIET_MODULES * MODULE }

// The DataMatrix writer alone: the package's index loads every reader and writer, 21 MB
// of memory in every process that prints letters, where these take 6 MB. Required, as
// the CommonJS modules they are: Node and vitest would import their defaults differently.
const require = createRequire(import.meta.url)
const { default: BarcodeFormat } =
  require('@zxing/library/cjs/core/BarcodeFormat.js') as typeof import('@zxing/library/cjs/core/BarcodeFormat.js')
const { default: EncodeHintType } =
  require('@zxing/library/cjs/core/EncodeHintType.js') as typeof import('@zxing/library/cjs/core/EncodeHintType.js')
const { default: DataMatrixWriter } =
  require('@zxing/library/cjs/core/datamatrix/DataMatrixWriter.js') as typeof import('@zxing/library/cjs/core/datamatrix/DataMatrixWriter.js')
type BitMatrix = ReturnType<InstanceType<typeof DataMatrixWriter>['encode']>

const writer = new DataMatrixWriter()
/** SymbolShapeHint.FORCE_SQUARE: the package types it as a const enum, which code compiled file by file cannot read. */
const FORCE_SQUARE = 1
const SQUARE = new Map([[EncodeHintType.DATA_MATRIX_SHAPE, FORCE_SQUARE]])

/**
 * Encodes the mark's text (setMarkText) as a square DataMatrix (ZXing's writer: every
 * sheet has a symbol of its own, so its speed is the collated stream's; it takes 0.02 ms
 * a symbol, where zxing-wasm's writer, which also draws SVG and PNG, took 0.17 ms and
 * bwip-js 0.4 ms).
 * Square, because the mark's corner has room for no wider one.
 */
function encodeSetMark(text: string): BitMatrix {
  const matrix = writer.encode(text, BarcodeFormat.DATA_MATRIX, 0, 0, SQUARE)
  if (matrix.getHeight() !== matrix.getWidth()) throw new Error(`ZXing drew no square DataMatrix for ${text}`)
  return matrix
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

/**
 * The symbol as an inline image mask, one bit a module (0 paints), hex-encoded: about
 * 150 bytes of page content where a rectangle for each run of modules took 2 KB, and a
 * collated stream has a symbol on every sheet. An image mask is scaled without
 * smoothing (no /Interpolate), so the modules stay sharp; the print-check test reads
 * them from 150-dpi renders.
 */
function inlineImageMask(matrix: BitMatrix): string {
  const size = matrix.getWidth()
  const rowBytes = Math.ceil(size / 8)
  let hex = ''
  for (let row = 0; row < size; row++) {
    for (let byte = 0; byte < rowBytes; byte++) {
      let bits = 0
      for (let bit = 0; bit < 8; bit++) {
        const col = byte * 8 + bit
        if (col >= size || !matrix.get(col, row)) bits |= 0x80 >> bit
      }
      hex += HEX_BYTES[bits]
    }
  }
  return `BI /W ${size} /H ${size} /IM true /F /AHx ID ${hex}> EI`
}

/** The set mark's "vel 2 van 5" (the same on that sheet of every set of five), and the key of its copy. */
const sheetLabels = new Map<string, { text: string; key: string }>()

function sheetLabel(sheet: number, sheets: number, top: number): { text: string; key: string } {
  const id = `${sheet}/${sheets}/${top}`
  let label = sheetLabels.get(id)
  if (!label) {
    const text = t('fieldwork.printSets.markSheet', { sheet, sheets })
    label = { text, key: JSON.stringify(['set mark sheet', top, text]) }
    sheetLabels.set(id, label)
  }
  return label
}

/** A number as pdfkit writes it in content. */
function pdfNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6
}

export interface MarkedSet {
  /** 1-based number of the set in the stream. */
  number: number
  /** Index of the set's first page in the document (its pages must still be buffered). */
  firstPage: number
  sheets: number
  codeTail: string
}

/**
 * Draws the set mark on every front side of one set (pages firstPage, firstPage + 2, …)
 * and adds it to each one's hidden note.
 */
export function drawSetMarks(pdf: StreamingPdf, set: MarkedSet): void {
  const { doc, fonts } = pdf
  const replay = replayFor(doc)
  let setLabel: { top: number; copy: InlineCopy } | undefined
  for (let sheet = 1; sheet <= set.sheets; sheet++) {
    doc.switchToPage(set.firstPage + 2 * (sheet - 1))
    const text = setMarkText({ set: set.number, sheet, sheets: set.sheets, codeTail: set.codeTail })
    const matrix = encodeSetMark(text)
    const side = matrix.getWidth() * MODULE
    // An image fills the unit square with its first row at the top; pdfkit's pages run
    // downwards, so the square is flipped, as doc.image does. One write, inside its own
    // graphics state: the symbol is painted in pure black (gray 0, no other inks).
    const place = [side, 0, 0, -side, SYMBOL.left, SYMBOL.top + side].map(pdfNumber).join(' ')
    doc.addContent(`q 0 g ${place} cm ${inlineImageMask(matrix)} Q`)

    const textTop = SYMBOL.top + side + QUIET_MODULES * MODULE
    // "Set 12" is the same on every sheet of the set: set once, then its operators copied,
    // as long as the symbol above it keeps its size ("…:9:11:…" and "…:10:11:…" differ).
    if (setLabel?.top === textTop) {
      replay.paste(setLabel.copy)
    } else {
      const start = replay.start()
      doc.font(fonts.bold).fontSize(6).fillColor('black')
      doc.text(t('fieldwork.printSets.markSet', { set: set.number }), AREA.left, textTop, { lineBreak: false })
      setLabel = { top: textTop, copy: replay.copySince(start) }
    }
    // "vel 2 van 5" is the same on the second sheet of every set of five: copied for the
    // whole stream. ("Set 12" only within its set: a copy kept for every set would push
    // out the letters' copies.)
    const label = sheetLabel(sheet, set.sheets, textTop)
    replay.draw(label.key, () => {
      doc.font(fonts.regular).fontSize(6).fillColor('black')
      doc.text(label.text, AREA.left, textTop + 7, { lineBreak: false })
    })
    pdf.notes.add(text)
  }
}

/** What a page's hidden note holds: the set mark as `PS1:…`, the login code as `PC:<code>`. */
export const CODE_NOTE_PREFIX = 'PC:'

/** The note line for the login code a page shows, for reading the file back. */
export function pageCodeNote(code: string): string {
  return `${CODE_NOTE_PREFIX}${code}`
}
