/**
 * The fonts every PDF embeds. Built-in PDF fonts (Helvetica) are WinAnsi only and print
 * clients' names such as Łukasz, Yılmaz or Nguyễn as garbage without any error, so
 * everything is set in an embedded Unicode font (DejaVu Sans, committed in assets/fonts).
 */
import { readFileSync } from 'node:fs'

/** The registered names of the fonts, to pass to `doc.font(...)`. */
export interface PdfFonts {
  regular: string
  bold: string
}

// Resolved from this file rather than the working directory, so that the CLI, the
// server and the tests find the fonts wherever they are started from.
const FONT_FILES = {
  regular: new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url),
  bold: new URL('../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url),
} as const

// Read once per process: a batch split into many print files opens many documents.
let fontData: { regular: Buffer; bold: Buffer } | undefined

function loadFontData(): { regular: Buffer; bold: Buffer } {
  fontData ??= { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) }
  return fontData
}

/** Registers DejaVu Sans and DejaVu Sans Bold on a document and selects the regular face. */
export function registerFonts(doc: PDFKit.PDFDocument): PdfFonts {
  const data = loadFontData()
  const fonts: PdfFonts = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' }
  doc.registerFont(fonts.regular, data.regular)
  doc.registerFont(fonts.bold, data.bold)
  doc.font(fonts.regular)
  return fonts
}
