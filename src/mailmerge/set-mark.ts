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
 * A PDF made here also carries the mark, and the login code the page shows, as hidden
 * text annotations of the page (never shown or printed; they move with the page when a
 * tool reorders pages): the check reads a print file back from those without drawing it,
 * and reads scans from the printed symbols.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer'
import { translator } from '#src/i18n/translate.ts'
import type { PdfFonts } from './fonts.ts'
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

/** A DataMatrix symbol as modules, row by row: true is dark. */
export interface SetMarkSymbol {
  dark: boolean[]
  size: number
}

let writerReady: Promise<unknown> | undefined

/** Loads the writer's WebAssembly from the package (in Node it cannot fetch it). */
function zxingWriterReady(): Promise<unknown> {
  writerReady ??= (async () => {
    const file = createRequire(import.meta.url).resolve('zxing-wasm/writer/zxing_writer.wasm')
    const bytes = await readFile(file)
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true })
  })()
  return writerReady
}

/**
 * Encodes the mark as a square DataMatrix (zxing-wasm's writer: a sheet has a symbol of
 * its own, and bwip-js took 1–1.8 ms a symbol, a quarter of a collated stream's time;
 * zxing takes 0.4–0.6 ms). Square, because the mark's corner has room for no wider one.
 */
export async function encodeSetMark(mark: SetMark): Promise<SetMarkSymbol> {
  await zxingWriterReady()
  const { symbol, error } = await writeBarcode(setMarkText(mark), {
    format: 'DataMatrix',
    options: 'forceSquare',
    addQuietZones: false,
  })
  if (error || symbol.width !== symbol.height) throw new Error(`zxing-wasm drew no square DataMatrix: ${error}`)
  // One byte a module, 0 for dark.
  return { dark: Array.from(symbol.data, (value) => value === 0), size: symbol.width }
}

/** Draws the mark, encoded by encodeSetMark, on the current page and records it in a hidden note of the page. */
export function drawSetMark(doc: PDFKit.PDFDocument, fonts: PdfFonts, mark: SetMark, symbol: SetMarkSymbol): void {
  const text = setMarkText(mark)
  const { dark, size } = symbol
  const x0 = AREA.left + QUIET_MODULES * MODULE
  const y0 = AREA.top + QUIET_MODULES * MODULE
  doc.save().translate(x0, y0).scale(MODULE)
  // Runs of dark modules as one path in one write, as the QR code is drawn (qr-code.ts).
  const path: string[] = []
  for (let row = 0; row < size; row++) {
    let col = 0
    while (col < size) {
      if (!dark[row * size + col]) {
        col++
        continue
      }
      const start = col
      while (col < size && dark[row * size + col]) col++
      path.push(`${start} ${row} ${col - start} 1 re`)
    }
  }
  doc.addContent(path.join('\n'))
  doc.fillColor('black').fill().restore()

  const t = translator('nl')
  const textTop = y0 + size * MODULE + QUIET_MODULES * MODULE
  doc.font(fonts.bold).fontSize(6).fillColor('black')
  doc.text(t('fieldwork.printSets.markSet', { set: mark.set }), AREA.left, textTop, { lineBreak: false })
  doc.font(fonts.regular).fontSize(6)
  doc.text(t('fieldwork.printSets.markSheet', { sheet: mark.sheet, sheets: mark.sheets }), AREA.left, textTop + 7, {
    lineBreak: false,
  })
  recordOnPage(doc, text)
}

/** What a page's hidden note holds: the set mark as `PS1:…`, the login code as `PC:<code>`. */
export const CODE_NOTE_PREFIX = 'PC:'

/** Records the login code the current page shows, for reading the file back. */
export function recordPageCode(doc: PDFKit.PDFDocument, code: string): void {
  recordOnPage(doc, `${CODE_NOTE_PREFIX}${code}`)
}

/** Annotation flags Hidden (2) and NoView (32): a viewer shows nothing and a printer prints nothing. */
const HIDDEN_NOTE = 2 | 32

function recordOnPage(doc: PDFKit.PDFDocument, text: string): void {
  // pdfkit writes a String object as a PDF string, a plain string as a name; its types
  // spell the PDF key /Subtype as SubType, so the entries go in as they are written out.
  const note = { Subtype: 'Text', Contents: new String(text), F: HIDDEN_NOTE }
  doc.annotate(0, 0, 0, 0, note as unknown as PDFKit.Mixins.AnnotationOption)
}
