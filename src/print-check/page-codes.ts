/**
 * What a page says about its set: the set mark (DataMatrix), and the login code it shows
 * (the form's Code128, the letter's QR code). A page of a print file made here says it
 * in its hidden notes (set-mark.ts); a scanned page is read from its image with
 * zxing-wasm, the image as PDF.js decodes it (any filter a scanner uses).
 */
import type { getDocumentProxy } from 'unpdf'
import { extractImages } from 'unpdf'
import type { ReadResult } from 'zxing-wasm/reader'
import { readBarcodes } from 'zxing-wasm/reader'
import { zxingReady } from '#src/codes/zxing-reader.ts'
import { readFormBarcode } from '#src/codes/form-barcode.ts'
import { parseLoginCode } from '#src/codes/login-code.ts'
import type { SetMark } from '#src/mailmerge/set-mark.ts'
import { CODE_NOTE_PREFIX, parseSetMark } from '#src/mailmerge/set-mark.ts'

/** A PDF as PDF.js opens it. */
export type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>

export interface PageReading {
  /** 1-based page of the file. */
  page: number
  mark?: SetMark
  /** Login codes the page shows (normalised). */
  codes: string[]
  /** A scanned page in which nothing could be read. */
  unreadable: boolean
  /** Whether the page had an image to read (a scan); a page with neither notes nor image is a blank back. */
  hadImage?: boolean
}

/** The page's readings from its hidden notes, when the file was made here; undefined when it has none. */
export async function readPageNotes(page: PdfPage): Promise<PageReading | undefined> {
  const notes: string[] = []
  for (const annotation of await page.getAnnotations({ intent: 'any' })) {
    const text = (annotation as { contentsObj?: { str?: string } }).contentsObj?.str
    if (text) notes.push(text)
  }
  return readingOfNotes(page.pageNumber, notes)
}

/** What a page's note texts say (set-mark.ts); undefined when none is a set mark or a code. */
export function readingOfNotes(page: number, notes: string[]): PageReading | undefined {
  let mark: SetMark | undefined
  const codes: string[] = []
  // A page has one note with a line for each thing it says (page-notes.ts).
  for (const line of notes.flatMap((note) => note.split('\n'))) {
    if (line.startsWith(CODE_NOTE_PREFIX)) {
      const code = line.slice(CODE_NOTE_PREFIX.length)
      if (!codes.includes(code)) codes.push(code)
    } else mark ??= parseSetMark(line)
  }
  if (!mark && codes.length === 0) return undefined
  return { page, ...(mark ? { mark } : {}), codes, unreadable: false }
}

/** Reads the set mark and codes from the page's largest image; a page without images is a blank back. */
export async function readPageImages(pdf: PdfDocument, pageNumber: number): Promise<PageReading> {
  const images = await extractImages(pdf, pageNumber)
  const image = images.reduce<(typeof images)[number] | undefined>(
    (largest, i) => (!largest || i.width * i.height > largest.width * largest.height ? i : largest),
    undefined,
  )
  if (!image) return { page: pageNumber, codes: [], unreadable: false, hadImage: false }
  await zxingReady()
  // zxing takes any { width, height, data } as RGBA pixels; the type asks for a browser ImageData.
  const results = await readBarcodes(rgba(image) as unknown as ImageData, {
    formats: ['DataMatrix', 'Code128', 'QRCode'],
    tryHarder: true,
    maxNumberOfSymbols: 6,
  })
  return { ...readingOf(pageNumber, results), hadImage: true }
}

function readingOf(page: number, results: ReadResult[]): PageReading {
  let mark: SetMark | undefined
  const codes: string[] = []
  for (const result of results) {
    if (!result.isValid) continue
    if (result.format === 'DataMatrix') mark ??= parseSetMark(result.text)
    else {
      // The letter's QR code opens <address>/c/<code>; the form's barcode is the code and the page number.
      const text =
        result.format === 'QRCode'
          ? (/\/c\/([^/?#]+)$/.exec(result.text)?.[1] ?? '')
          : (readFormBarcode(result.text)?.code ?? result.text)
      const parsed = parseLoginCode(text)
      if (parsed.ok && !codes.includes(parsed.code)) codes.push(parsed.code)
    }
  }
  return { page, ...(mark ? { mark } : {}), codes, unreadable: !mark && codes.length === 0 }
}

/** PDF.js gives grey, RGB or RGBA pixels; zxing wants RGBA. */
function rgba(image: { data: Uint8ClampedArray; width: number; height: number; channels: 1 | 3 | 4 }) {
  const { data, width, height, channels } = image
  if (channels === 4) return { width, height, data }
  const out = new Uint8ClampedArray(width * height * 4)
  for (let i = 0, o = 0; o < out.length; i += channels, o += 4) {
    out[o] = data[i]!
    out[o + 1] = data[channels === 1 ? i : i + 1]!
    out[o + 2] = data[channels === 1 ? i : i + 2]!
    out[o + 3] = 255
  }
  return { width, height, data: out }
}
