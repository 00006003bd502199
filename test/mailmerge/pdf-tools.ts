/**
 * Reading generated PDFs back: text and page counts with unpdf, and with poppler and zbar
 * what a printer and a scanner would see (fonts, rendered pixels, decoded QR and Code128
 * symbols).
 *
 * Poppler and zbar are Debian packages (poppler-utils, zbar-tools): a test that uses
 * fontsOf, renderPages or decodeSymbols runs only if renderToolsAvailable() (skipped with
 * a warning elsewhere; in CI (CI=true) a missing program fails the run instead).
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll } from 'vitest'
import path from 'node:path'
import { inflateSync } from 'node:zlib'
import type { Writable } from 'node:stream'
import { extractText, extractTextItems, getDocumentProxy, getResolvedPDFJS } from 'unpdf'
import { programsAvailable } from '#test/setup/environment.ts'
import { pgmHeader } from '#test/helpers/pgm.ts'
import { runProgram } from '#test/helpers/programs.ts'

/** Whether the poppler and zbar programs are there; throws in CI when they are not. */
export function renderToolsAvailable(): boolean {
  return programsAvailable(
    ['pdftoppm', 'pdffonts', 'zbarimg'],
    'poppler-utils zbar-tools',
    'PDF rendering and barcode tests are',
  )
}

export interface TempDir {
  dir: string
  file(name: string): string
  remove(): Promise<void>
}

export async function tempDir(): Promise<TempDir> {
  const dir = await mkdtemp(path.join(tmpdir(), 'peiling-mailmerge-'))
  return { dir, file: (name) => path.join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) }
}

/** A temporary folder for the tests of one file: made before they run, removed after. */
export function useTempDir(): Omit<TempDir, 'remove'> {
  let made: TempDir | undefined
  beforeAll(async () => {
    made = await tempDir()
  })
  afterAll(async () => {
    await made?.remove()
  })
  const current = () => {
    if (!made) throw new Error('useTempDir: the folder exists only while tests run')
    return made
  }
  return {
    get dir() {
      return current().dir
    },
    file: (name) => current().file(name),
  }
}

/** Runs `write` against a file stream and returns the file's path once written. */
export async function writePdf(file: string, write: (out: Writable) => Promise<unknown>): Promise<string> {
  await write(createWriteStream(file))
  return file
}

async function proxy(file: string) {
  return getDocumentProxy(new Uint8Array(await readFile(file)))
}

/** The text of each page. */
export async function pageTexts(file: string): Promise<string[]> {
  const { text } = await extractText(await proxy(file), { mergePages: false })
  return text
}

export interface PlacedText {
  str: string
  /** Points from the left edge. */
  x: number
  /** Points from the TOP edge (PDF space counts from the bottom). */
  top: number
}

/** The text pieces of one page (from 1) with their positions. */
export async function pageTextItems(file: string, page: number, pageHeight = 841.89): Promise<PlacedText[]> {
  const { items } = await extractTextItems(await proxy(file))
  return (items[page - 1] ?? []).map((item) => ({ str: item.str, x: item.x, top: pageHeight - item.y - item.height }))
}

/**
 * One piece of text as the printer puts it down: the glyphs of one text-showing
 * operator, left to right as they land on paper, as the characters they stand for. Text
 * extraction (pageTexts) turns right-to-left text back into reading order by guessing;
 * this is the order a reader's eye meets the glyphs, with nothing guessed.
 */
export interface PrintedPiece {
  text: string
  /** Points from the left edge. */
  x: number
  /** Where the piece ends on the right. */
  right: number
  /** The baseline, in points from the top edge. */
  baseline: number
}

interface PdfGlyph {
  unicode: string
  width: number
}

/**
 * The text pieces of one page (from 1). Reads the operators pdfkit writes for text: a
 * text matrix without rotation or scaling in page space, then one show-text operator.
 * Where a piece ends is computed from its glyph widths, kerning and character spacing.
 */
export async function printedPieces(file: string, page: number, pageHeight = 841.89): Promise<PrintedPiece[]> {
  const { OPS } = await getResolvedPDFJS()
  const { fnArray, argsArray } = await (await (await proxy(file)).getPage(page)).getOperatorList()
  const pieces: PrintedPiece[] = []
  let x = 0
  let baseline = 0
  let size = 0
  let charSpacing = 0
  // Character spacing is graphics state: pdfkit sets it for one text between save and restore.
  const saved: number[] = []
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[]
    if (fn === OPS.setTextMatrix) {
      const matrix = args[0] as ArrayLike<number>
      x = matrix[4]!
      baseline = pageHeight - matrix[5]!
    } else if (fn === OPS.setFont) {
      size = args[1] as number
    } else if (fn === OPS.setCharSpacing) {
      charSpacing = args[0] as number
    } else if (fn === OPS.save) {
      saved.push(charSpacing)
    } else if (fn === OPS.restore) {
      charSpacing = saved.pop() ?? 0
    } else if (fn === OPS.showText) {
      let text = ''
      let advance = 0
      for (const glyph of args[0] as Array<PdfGlyph | number>) {
        // A number moves the pen back by thousandths of the font size (kerning).
        if (typeof glyph === 'number') advance -= (glyph * size) / 1000
        else {
          // Spacing goes between glyphs: the piece ends where its last glyph does.
          if (text !== '') advance += charSpacing
          // A ligature of right-to-left letters (lam-alef) is mapped to its letters in the
          // order the glyphs lie (pdf-stream.ts), like the glyphs around it.
          text += glyph.unicode
          advance += (glyph.width * size) / 1000
        }
      }
      pieces.push({ text, x, right: x + advance, baseline })
    }
  })
  return pieces
}

export interface PrintedLine {
  /** The pieces of the line joined left to right: what a reader sees, glyph by glyph. */
  text: string
  left: number
  right: number
  baseline: number
  pieces: PrintedPiece[]
}

/** The pieces of one page gathered into lines (same baseline), top to bottom. */
export async function printedLines(file: string, page: number): Promise<PrintedLine[]> {
  const byBaseline = new Map<number, PrintedPiece[]>()
  for (const piece of await printedPieces(file, page)) {
    const key = Math.round(piece.baseline * 2) / 2
    byBaseline.set(key, [...(byBaseline.get(key) ?? []), piece])
  }
  return [...byBaseline.entries()]
    .sort(([a], [b]) => a - b)
    .map(([baseline, pieces]) => {
      const sorted = [...pieces].sort((a, b) => a.x - b.x)
      return {
        text: sorted.map((p) => p.text).join(''),
        left: sorted[0]!.x,
        right: Math.max(...sorted.map((p) => p.right)),
        baseline,
        pieces: sorted,
      }
    })
}

export interface PrintedBox {
  /** Points from the left edge. */
  x: number
  /** Points from the top edge. */
  top: number
  width: number
  height: number
}

/**
 * The shapes of one page (from 1) that are filled and outlined in one go: on a paper
 * form, the boxes to tick and to write digits in. pdfkit draws in page space with the
 * y axis turned down, so the coordinates pdf.js reports are already from the top.
 */
export async function printedBoxes(file: string, page: number): Promise<PrintedBox[]> {
  return printedShapes(file, page, 'fillStroke')
}

/** The shapes of one page that are only filled: shading, and solid marks such as the registration marks. */
export async function filledShapes(file: string, page: number): Promise<PrintedBox[]> {
  return printedShapes(file, page, 'fill')
}

async function printedShapes(file: string, page: number, painted: 'fill' | 'fillStroke'): Promise<PrintedBox[]> {
  const { OPS } = await getResolvedPDFJS()
  const { fnArray, argsArray } = await (await (await proxy(file)).getPage(page)).getOperatorList()
  const boxes: PrintedBox[] = []
  fnArray.forEach((fn, i) => {
    if (fn !== OPS.constructPath) return
    // pdf.js 5: [the painting operator, the path, its bounding box].
    const [paint, , bounds] = argsArray[i] as [number, unknown, ArrayLike<number>]
    if (paint !== OPS[painted]) return
    const [left, top, right, bottom] = [bounds[0]!, bounds[1]!, bounds[2]!, bounds[3]!]
    boxes.push({ x: left, top, width: right - left, height: bottom - top })
  })
  return boxes
}

/**
 * The size in points at which each piece of text of each page is printed: the height of
 * its glyphs on paper, after every transformation (pdf.js's text transform already holds
 * the font size, the text matrix and the page's transformation).
 */
export async function printedFontSizes(file: string): Promise<Array<Array<{ str: string; size: number }>>> {
  const pdf = await proxy(file)
  const pages: Array<Array<{ str: string; size: number }>> = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const { items } = await (await pdf.getPage(n)).getTextContent()
    pages.push(
      items.flatMap((item) =>
        'str' in item && item.str.trim() !== ''
          ? [{ str: item.str, size: Math.hypot(item.transform[2] as number, item.transform[3] as number) }]
          : [],
      ),
    )
  }
  return pages
}

export async function pageCount(file: string): Promise<number> {
  return (await proxy(file)).numPages
}

export interface FontRow {
  name: string
  type: string
  embedded: boolean
}

export async function fontsOf(file: string): Promise<FontRow[]> {
  const { stdout } = await runProgram('pdffonts', [file])
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/)
      // name type [type…] encoding emb sub uni object ID: count from the end.
      return {
        name: columns[0]!,
        type: columns.slice(1, -6).join(' '),
        embedded: columns[columns.length - 5] === 'yes',
      }
    })
}

export interface Rendered {
  /** One greyscale PGM per page, in page order. */
  pages: string[]
}

/** Renders pages (all, or `first`–`last`) to greyscale PGM at `dpi`. */
export async function renderPages(
  file: string,
  outDir: string,
  options: { dpi?: number; first?: number; last?: number } = {},
): Promise<Rendered> {
  // A folder per call: pdftoppm names pages by number, so calls must not share one.
  const into = await mkdtemp(path.join(outDir, 'render-'))
  const prefix = path.join(into, 'page')
  const args = ['-r', String(options.dpi ?? 150), '-gray']
  if (options.first) args.push('-f', String(options.first))
  if (options.last) args.push('-l', String(options.last))
  await runProgram('pdftoppm', [...args, file, prefix])
  const names = (await readdir(into)).filter((n) => n.endsWith('.pgm')).sort()
  return { pages: names.map((n) => path.join(into, n)) }
}

/** Every symbol zbarimg finds in an image, as "QR-Code:…" or "CODE-128:…". */
export async function decodeSymbols(image: string): Promise<string[]> {
  try {
    const { stdout } = await runProgram('zbarimg', ['-q', image])
    return stdout.split('\n').filter((line) => line.trim() !== '')
  } catch (error) {
    // zbarimg exits with 4 when it found no symbol.
    if ((error as { code?: number }).code === 4) return []
    throw error
  }
}

export interface Greyscale {
  width: number
  height: number
  /** One byte per pixel, row by row; 0 is black, 255 white. */
  pixels: Buffer
}

/** Reads a binary (P5) PGM file. */
export async function readPgm(pgm: string): Promise<Greyscale> {
  const data = await readFile(pgm)
  const header = pgmHeader(data)
  if (!header) throw new Error(`${pgm} is not a binary PGM`)
  return { width: header.width, height: header.height, pixels: data.subarray(header.pixelsAt) }
}

/** The share of pixels that are not white in a binary (P5) PGM. */
export async function inkShare(pgm: string): Promise<number> {
  const { pixels } = await readPgm(pgm)
  let ink = 0
  for (const value of pixels) if (value < 200) ink++
  return ink / pixels.length
}

/**
 * The stretches of a horizontal band of an image (rows `top` to `bottom`, in points from
 * the top at `dpi`) that hold ink, left to right, in points: columns with any pixel
 * darker than mid-grey, joined where the white between them is narrower than `join`
 * points. A barcode is one stretch; its quiet zones are the white around it.
 */
export function inkedStretches(
  image: Greyscale,
  dpi: number,
  band: { top: number; bottom: number },
  join: number,
): Array<{ left: number; right: number }> {
  const px = (points: number) => Math.round((points * dpi) / 72)
  const stretches: Array<{ left: number; right: number }> = []
  let current: { left: number; right: number } | undefined
  for (let x = 0; x < image.width; x++) {
    let inked = false
    for (let y = px(band.top); y < Math.min(image.height, px(band.bottom)) && !inked; y++)
      inked = image.pixels[y * image.width + x]! < 128
    if (!inked) continue
    const at = (x * 72) / dpi
    if (current && at - current.right <= join) current.right = at + 72 / dpi
    else {
      current = { left: at, right: at + 72 / dpi }
      stretches.push(current)
    }
  }
  return stretches
}

/**
 * Reads a PNG as pdftoppm writes it (8 bits per channel, grey or RGB, not interlaced)
 * into grey levels: enough to compare a page with its committed reference image.
 */
export async function readPngAsGrey(file: string): Promise<Greyscale> {
  const data = await readFile(file)
  if (data.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`)
  let offset = 8
  let width = 0
  let height = 0
  let channels = 0
  const compressed: Buffer[] = []
  while (offset < data.length) {
    const length = data.readUInt32BE(offset)
    const type = data.toString('latin1', offset + 4, offset + 8)
    const body = data.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]]
      channels = colour === 0 ? 1 : colour === 2 ? 3 : 0
      if (depth !== 8 || channels === 0 || interlace !== 0)
        throw new Error(`${file}: a PNG kind this reader does not know`)
    } else if (type === 'IDAT') compressed.push(body)
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(compressed))
  const stride = width * channels
  const rows = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? rows[y * stride + x - channels]! : 0
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0
      const upLeft = y > 0 && x >= channels ? rows[(y - 1) * stride + x - channels]! : 0
      const paeth = () => {
        const p = left + up - upLeft
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)]
        return a <= b && a <= c ? left : b <= c ? up : upLeft
      }
      const predicted = [0, left, up, (left + up) >> 1, 0][filter] ?? 0
      rows[y * stride + x] = (line[x]! + (filter === 4 ? paeth() : predicted)) & 0xff
    }
  }
  const pixels = Buffer.alloc(width * height)
  for (let i = 0; i < width * height; i++) {
    pixels[i] =
      channels === 1 ? rows[i]! : Math.round(0.299 * rows[i * 3]! + 0.587 * rows[i * 3 + 1]! + 0.114 * rows[i * 3 + 2]!)
  }
  return { width, height, pixels }
}

/** How two images of one size differ: the share of pixels more than `tolerance` grey levels apart. */
export function pixelDifference(a: Greyscale, b: Greyscale, tolerance = 64): number {
  if (a.width !== b.width || a.height !== b.height) return 1
  let differing = 0
  for (let i = 0; i < a.pixels.length; i++) if (Math.abs(a.pixels[i]! - b.pixels[i]!) > tolerance) differing++
  return differing / a.pixels.length
}

/** Renders one page (from 1) to a PNG at `dpi` and returns its path. */
export async function renderPagePng(file: string, page: number, outDir: string, dpi: number): Promise<string> {
  const into = await mkdtemp(path.join(outDir, 'png-'))
  const prefix = path.join(into, 'page')
  await runProgram('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    prefix,
  ])
  return `${prefix}.png`
}
