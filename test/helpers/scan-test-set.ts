/**
 * A scanned-form test set made by code, never by hand (issue 18): KTO forms printed from
 * the shipped definition, rasterised with pdftoppm as a scanner would see them, filled in
 * by script where the recorded layout puts every box (crosses, checkmarks, filled-in
 * corrections, faint pencil, two ticks where one is allowed, blank pages, handwriting),
 * then degraded (noise, skew, pages upside down, out of order, one page missing).
 *
 * Every form comes with its ground truth: per keying field the value a careful typist
 * would key ("3", "1 4", "m", ""), and what the handwriting says. Deterministic for a
 * seed, so a failing page can be made again.
 *
 * Needs pdftoppm (poppler-utils): ask scanToolsAvailable() first, as the render tests do.
 */
import { execFile } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import sharp from 'sharp'
import { CODE_ALPHABET, CODE_LENGTH, checkSymbol } from '#src/codes/login-code.ts'
import type { FormLayout, Rect, TickArea, WriteArea } from '#src/mailmerge/paper-layout.ts'
import { writePaperQuestionnaireBatch } from '#src/mailmerge/index.ts'
import type { PaperFormItem } from '#src/mailmerge/index.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { allQuestions } from '#src/questionnaire/index.ts'
import type { GreyImage } from '#src/scan/types.ts'
import { mulberry32 } from '#src/statistics/mulberry32.ts'
import { pgmHeader } from '#test/helpers/pgm.ts'
import { loadKto } from '#test/questionnaire/kto.ts'
import { programsAvailable } from '#test/setup/environment.ts'

/** Whether pdftoppm is there; throws in CI when it is not (see toolsAvailable). */
export function scanToolsAvailable(): boolean {
  return programsAvailable(['pdftoppm'], 'poppler-utils', 'Tests with scanned forms are')
}

// ---------------------------------------------------------------------------------------
// Options and results

/** How the pages are spoilt on their way through the scanner. */
export interface Degradation {
  /** Standard deviation of the grey noise, in grey levels (0: none). */
  noise: number
  /** Largest skew in degrees either way (each page its own). */
  maxSkew: number
  /** Share of pages fed upside down (at least one when > 0 and there are pages). */
  upsideDown: number
  /** Share of pages moved to another place in the stack (1: all shuffled). */
  shuffle: number
  /** Leave one page (never page 1) out of one form (the second, or the only one). */
  missingPage: boolean
}

export const DEFAULT_DEGRADATION: Degradation = {
  noise: 6,
  maxSkew: 3,
  upsideDown: 0.05,
  shuffle: 0.1,
  missingPage: true,
}

/** Straight from the printer: no noise, no skew, in order, complete. */
export const NO_DEGRADATION: Degradation = { noise: 0, maxSkew: 0, upsideDown: 0, shuffle: 0, missingPage: false }

/** How often each way of filling in a field is used (shares; they need not add up to 1). */
export interface FillMix {
  /** Nothing ticked. */
  empty: number
  cross: number
  check: number
  /** A cross in light grey pencil, with a thinner line. */
  faint: number
  /** A box filled in black (cancelled, as the form says) and a cross in another box. */
  correction: number
  /** Two crosses where one answer is allowed: keyed "m". */
  double: number
  /** A box filled in black and nothing else: no answer. */
  cancelled: number
  /** Share of forms with one page (not page 1) left blank. */
  blankPage: number
  /** Share of write areas with handwriting. */
  writing: number
}

/** The ways of filling in one field. */
export type FillKind = 'empty' | 'cross' | 'check' | 'faint' | 'correction' | 'double' | 'cancelled'

export const DEFAULT_FILL: FillMix = {
  empty: 0.1,
  cross: 0.66,
  check: 0.1,
  faint: 0.04,
  correction: 0.04,
  double: 0.03,
  cancelled: 0.01,
  blankPage: 0.15,
  writing: 0.5,
}

export interface ScanTestSetOptions {
  /** Number of forms. */
  forms: number
  /** Resolution of the scan. Default 200. */
  dpi?: number
  /** Default 1. */
  seed?: number
  degrade?: Partial<Degradation>
  fill?: Partial<FillMix>
  /** The form variant. Default Dutch, Hengelo. */
  variant?: Pick<PaperFormItem, 'lang' | 'stratum' | 'stratumName'>
  /** Also keep each page as printed, before filling in (for tests that compare). */
  keepPrinted?: boolean
  definition?: QuestionnaireDefinition
}

export type MarkStyle = 'cross' | 'check' | 'faint' | 'fill'

/** One mark drawn in one box. */
export interface DrawnMark {
  page: number
  variable: string
  value: number
  style: MarkStyle
  /** The box, in points from the page's top-left. */
  rect: Rect
}

/** Handwriting in one write area. */
export interface DrawnWriting {
  page: number
  variable: string
  text: string
  rect: Rect
}

export interface FilledForm {
  code: string
  layout: FormLayout
  /** Pages printed (the scan may lack one: `missingPage`). */
  pageCount: number
  /**
   * Per keying field with an area on paper: what a careful typist keys from the paper.
   * Tick fields: "3", "1 4" (multiple choice), "m" (two ticks where one is allowed), "".
   * Write areas: the text written, "" when nothing is.
   */
  expected: Record<string, string>
  /** Fields that are written by hand (write areas), with what is written ("" for nothing). */
  written: Record<string, string>
  /** Every tick-box field and whether it allows several ticks. */
  multiple: Record<string, boolean>
  /** How each tick-box field was filled in ('blank' on a page left blank). */
  fills: Record<string, FillKind | 'blank'>
  marks: DrawnMark[]
  writings: DrawnWriting[]
  blankPages: number[]
  missingPage?: number
}

export interface ScannedPage {
  /** What is really on the page. */
  code: string
  page: number
  dpi: number
  /** Degrees turned clockwise on the scanner glass (the skew alone). */
  skew: number
  upsideDown: boolean
  image: GreyImage
  /** The page as printed, unfilled and unspoilt (with `keepPrinted`). */
  printed?: GreyImage
}

export interface ScanTestSet {
  definition: QuestionnaireDefinition
  dpi: number
  seed: number
  forms: FilledForm[]
  /** In scan order (shuffled as asked), without the missing page. */
  pages: ScannedPage[]
}

// ---------------------------------------------------------------------------------------
// Seeded randomness (mulberry32: the same test set from the same seed everywhere)

type Random = () => number

const between = (random: Random, low: number, high: number) => low + random() * (high - low)
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!

function pickWeighted<K extends string>(random: Random, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as Array<[K, number]>
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0)
  for (const [key, weight] of entries) {
    r -= weight
    if (r < 0) return key
  }
  return entries[entries.length - 1]![0]
}

/** A login code from the seed: same alphabet and check symbol as generateLoginCode. */
function seededCode(random: Random): string {
  let body = ''
  for (let i = 0; i < CODE_LENGTH - 1; i++) body += pick(random, CODE_ALPHABET.split(''))
  return body + checkSymbol(body)
}

// ---------------------------------------------------------------------------------------
// Making the set

const DEFAULT_VARIANT = { lang: 'nl', stratum: 'hengelo', stratumName: 'Hengelo' }

/** Prints, fills, rasterises and spoils `options.forms` forms. */
export async function makeScanTestSet(options: ScanTestSetOptions): Promise<ScanTestSet> {
  const seed = options.seed ?? 1
  const dpi = options.dpi ?? 200
  const degrade = { ...DEFAULT_DEGRADATION, ...options.degrade }
  const fill = { ...DEFAULT_FILL, ...options.fill }
  const definition = options.definition ?? loadKto()
  const variant = { ...DEFAULT_VARIANT, ...options.variant }
  const random = mulberry32(seed)
  const codes = Array.from({ length: options.forms }, () => seededCode(random))

  const dir = await mkdtemp(path.join(tmpdir(), 'peiling-scan-set-'))
  try {
    const pdfFile = path.join(dir, 'forms.pdf')
    const { layouts } = await writePaperQuestionnaireBatch(
      definition,
      codes.map((code) => ({ code, ...variant })),
      createWriteStream(pdfFile),
    )
    const layout = layouts[0]!
    const pageCount = layout.pages.length
    const multiple = multipleChoiceFields(definition)
    const missing =
      degrade.missingPage && options.forms > 0
        ? { form: Math.min(1, options.forms - 1), page: 2 + Math.floor(random() * (pageCount - 1)) }
        : undefined

    const forms: FilledForm[] = []
    const pages: ScannedPage[] = []
    const rasterised = (index: number) => rasterise(pdfFile, index * pageCount + 1, (index + 1) * pageCount, dpi)
    let next = codes.length > 0 ? rasterised(0) : undefined
    for (const [index, code] of codes.entries()) {
      const form = fillForm(random, code, layout, multiple, fill)
      if (missing?.form === index) form.missingPage = missing.page
      forms.push(form)
      const printed = await next!
      // pdftoppm renders the next form while this one is filled in.
      next = index + 1 < codes.length ? rasterised(index + 1) : undefined
      for (const [p, image] of printed.entries()) {
        const page = p + 1
        if (page === form.missingPage) continue
        const skew = between(random, -degrade.maxSkew, degrade.maxSkew)
        const filled = await drawOnPage(image, form, page, dpi, random)
        const spoilt = await spoil(filled, skew, false, degrade.noise, random)
        pages.push({
          code,
          page,
          dpi,
          skew,
          upsideDown: false,
          image: spoilt,
          ...(options.keepPrinted ? { printed: image } : {}),
        })
      }
    }
    await turnSomeUpsideDown(pages, degrade, random)
    return { definition, dpi, seed, forms, pages: shuffle(pages, degrade.shuffle, random) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Question ids of multiple-choice questions: their ticks are keyed as a list ("1 4"), never "m". */
function multipleChoiceFields(definition: QuestionnaireDefinition): Set<string> {
  return new Set(allQuestions(definition).flatMap((q) => (q.type === 'multiple' ? [q.id] : [])))
}

/** Decides what a respondent puts where: paper has no routing, so neither does this. */
function fillForm(
  random: Random,
  code: string,
  layout: FormLayout,
  multipleChoice: Set<string>,
  fill: FillMix,
): FilledForm {
  const pageCount = layout.pages.length
  const blankPages = random() < fill.blankPage ? [2 + Math.floor(random() * (pageCount - 1))] : []
  const form: FilledForm = {
    code,
    layout,
    pageCount,
    expected: {},
    written: {},
    multiple: {},
    fills: {},
    marks: [],
    writings: [],
    blankPages,
  }
  const ticks = new Map<string, TickArea[]>()
  const pageOf = new Map<string, number>()
  for (const page of layout.pages) {
    for (const area of page.areas) {
      pageOf.set(area.variable, page.page)
      if (area.kind === 'tick') ticks.set(area.variable, [...(ticks.get(area.variable) ?? []), area])
      else {
        const blank = blankPages.includes(page.page) || random() >= fill.writing
        const text = blank ? '' : handwriting(random, area)
        form.expected[area.variable] = text
        form.written[area.variable] = text
        if (text) form.writings.push({ page: page.page, variable: area.variable, text, rect: area.rect })
      }
    }
  }
  for (const [variable, boxes] of ticks) {
    const page = pageOf.get(variable)!
    const isMultiple = multipleChoice.has(variable)
    form.multiple[variable] = isMultiple
    if (blankPages.includes(page)) {
      form.fills[variable] = 'blank'
      form.expected[variable] = ''
      continue
    }
    const mark = (box: TickArea, style: MarkStyle) =>
      form.marks.push({ page, variable, value: box.value, style, rect: box.rect })
    const order = shuffle(boxes, 1, random)
    const kind: FillKind = pickWeighted(random, {
      empty: fill.empty,
      cross: fill.cross,
      check: fill.check,
      faint: fill.faint,
      correction: boxes.length > 1 ? fill.correction : 0,
      double: boxes.length > 1 ? fill.double : 0,
      cancelled: fill.cancelled,
    })
    form.fills[variable] = kind
    // On a multiple-choice question a respondent ticks one to three boxes in the same way.
    const count = isMultiple && kind !== 'empty' && kind !== 'cancelled' ? 1 + Math.floor(random() * 3) : 1
    const chosen = order.slice(0, kind === 'double' ? Math.max(2, count) : count)
    switch (kind) {
      case 'empty':
        break
      case 'cancelled':
        mark(order[0]!, 'fill')
        break
      case 'correction': {
        const cancelled = order[order.length - 1]!
        mark(cancelled, 'fill')
        for (const box of chosen.filter((b) => b !== cancelled)) mark(box, random() < 0.8 ? 'cross' : 'check')
        break
      }
      case 'double':
        for (const box of chosen) mark(box, 'cross')
        break
      default:
        for (const box of chosen) mark(box, kind)
    }
    const ticked = form.marks
      .filter((m) => m.variable === variable && m.style !== 'fill')
      .map((m) => m.value)
      .sort((a, b) => a - b)
    form.expected[variable] =
      ticked.length === 0 ? '' : isMultiple ? ticked.join(' ') : ticked.length > 1 ? 'm' : String(ticked[0])
  }
  return form
}

const PHRASES = [
  'Snel geholpen',
  'Mijn klantmanager was aardig',
  'Te lang wachten aan de telefoon',
  'Brief was moeilijk te lezen',
  'Goede uitleg bij de balie',
  'Ik kreeg geen antwoord op mijn mail',
  'Meer hulp bij werk zoeken',
  'Niets',
  'Alles was goed',
  'Het geld kwam te laat',
  'Vriendelijk personeel',
  'Graag vaker contact',
]

/** What a respondent writes: digits in digit boxes, a short text on lines (more on a big area). */
function handwriting(random: Random, area: WriteArea): string {
  if (area.holds === 'number') return String(Math.floor(random() * 40))
  const lines = Math.max(1, Math.min(3, Math.floor(area.rect.height / 40)))
  return Array.from({ length: 1 + Math.floor(random() * lines) }, () => pick(random, PHRASES)).join('\n')
}

// ---------------------------------------------------------------------------------------
// Pixels

/** The pages `first`–`last` of the PDF as grey images, in one pdftoppm call. */
async function rasterise(pdfFile: string, first: number, last: number, dpi: number): Promise<GreyImage[]> {
  // Without an output name pdftoppm writes the pages one after another to stdout.
  const stdout = await new Promise<Buffer>((resolve, reject) =>
    execFile(
      'pdftoppm',
      ['-r', String(dpi), '-gray', '-f', String(first), '-l', String(last), pdfFile],
      { encoding: 'buffer', maxBuffer: 1 << 30 },
      (error, out) => (error ? reject(error) : resolve(out)),
    ),
  )
  return splitPgms(stdout)
}

/** Binary (P5) PGM images one after another, as pdftoppm -gray writes them. */
function splitPgms(data: Buffer): GreyImage[] {
  const images: GreyImage[] = []
  let offset = 0
  while (offset < data.length) {
    const header = pgmHeader(data, offset)
    if (!header) throw new Error('pdftoppm did not write a binary PGM')
    const { width, height, pixelsAt } = header
    images.push({ width, height, data: new Uint8Array(data.subarray(pixelsAt, pixelsAt + width * height)) })
    offset = pixelsAt + width * height
  }
  return images
}

const MM = 72 / 25.4

/** The marks and handwriting of one page, drawn over the printed page. */
async function drawOnPage(
  printed: GreyImage,
  form: FilledForm,
  page: number,
  dpi: number,
  random: Random,
): Promise<GreyImage> {
  const scale = dpi / 72
  const shapes: string[] = []
  for (const mark of form.marks.filter((m) => m.page === page)) shapes.push(markSvg(mark, random))
  for (const writing of form.writings.filter((w) => w.page === page)) shapes.push(writingSvg(writing, random))
  if (shapes.length === 0) return printed
  // Drawn in points: the SVG's viewBox maps them onto the page's pixels.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${printed.width}" height="${printed.height}" viewBox="0 0 ${printed.width / scale} ${printed.height / scale}" stroke-linecap="round" stroke-linejoin="round" fill="none">${shapes.join('')}</svg>`
  // Blending in JS is four times faster than sharp's composite of a grey page with RGBA.
  const ink = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true })
  if (ink.info.width !== printed.width || ink.info.height !== printed.height || ink.info.channels !== 4)
    throw new Error('The drawing is not the size of the page')
  const out = new Uint8Array(printed.data)
  const rgba = ink.data
  for (let i = 0, j = 3; i < out.length; i++, j += 4) {
    const alpha = rgba[j]!
    if (alpha === 0) continue
    out[i] = Math.round((out[i]! * (255 - alpha) + rgba[j - 3]! * alpha) / 255)
  }
  return { width: printed.width, height: printed.height, data: out }
}

const f = (n: number) => n.toFixed(2)

/** A pen's grey: ballpoint blue or black comes out dark on a grey scan. */
const penGrey = (random: Random) => Math.round(between(random, 20, 80))
const grey = (level: number) => `rgb(${level},${level},${level})`

function markSvg(mark: DrawnMark, random: Random): string {
  const { x, y, width, height } = mark.rect
  const jitter = () => between(random, -0.35, 0.35) * MM
  const size = between(random, 0.7, 1.05)
  const cx = x + width / 2 + jitter() / 2
  const cy = y + height / 2 + jitter() / 2
  const half = (Math.min(width, height) / 2) * size
  switch (mark.style) {
    case 'cross':
    case 'faint': {
      const faint = mark.style === 'faint'
      // Pencil at 150–190 on the scan, after the scanner's white point (see cropAndNoise).
      const stroke = faint ? grey(Math.round((between(random, 150, 190) * WHITE_POINT) / 255)) : grey(penGrey(random))
      const line = f(faint ? between(random, 0.25, 0.35) * MM : between(random, 0.4, 0.6) * MM)
      const end = () => [cx + jitter() / 2, cy + jitter() / 2]
      const [a, b, c, d] = [end(), end(), end(), end()]
      return (
        `<path stroke="${stroke}" stroke-width="${line}" d="M${f(a[0]! - half)} ${f(a[1]! - half)}L${f(b[0]! + half)} ${f(b[1]! + half)}` +
        `M${f(c[0]! + half)} ${f(c[1]! - half)}L${f(d[0]! - half)} ${f(d[1]! + half)}"/>`
      )
    }
    case 'check': {
      const line = f(between(random, 0.4, 0.6) * MM)
      return `<path stroke="${grey(penGrey(random))}" stroke-width="${line}" d="M${f(cx - half)} ${f(cy)}L${f(cx - half * 0.2)} ${f(cy + half * 0.9)}L${f(cx + half * 1.05)} ${f(cy - half * 1.1)}"/>`
    }
    case 'fill': {
      // Blacked out with the pen: a filled box with some zigzag over its edges.
      const level = penGrey(random)
      let zigzag = `M${f(x + 0.5)} ${f(y + 1)}`
      for (let row = 1; row <= 6; row++)
        zigzag += `L${f(row % 2 ? x + width - 0.5 : x + 0.5)} ${f(y + 1 + ((height - 2) * row) / 6)}`
      return (
        `<rect x="${f(x + 0.6)}" y="${f(y + 0.6)}" width="${f(width - 1.2)}" height="${f(height - 1.2)}" fill="${grey(level)}"/>` +
        `<path stroke="${grey(level)}" stroke-width="${f(0.5 * MM)}" d="${zigzag}"/>`
      )
    }
  }
}

function writingSvg(writing: DrawnWriting, random: Random): string {
  const { x, y, width, height } = writing.rect
  const lines = writing.text.split('\n')
  const lineHeight = Math.min(height / lines.length, 22)
  const size = Math.min(lineHeight * 0.75, 14)
  const ink = grey(penGrey(random))
  return lines
    .map((line, i) => {
      const baseline = y + lineHeight * (i + 0.8)
      const tilt = between(random, -1.5, 1.5)
      const left = x + between(random, 2, 10)
      // Z003 is a calligraphic hand (URW base 35, installed with poppler); anything else will do.
      return `<text x="${f(left)}" y="${f(baseline)}" font-family="Z003, DejaVu Sans, sans-serif" font-style="italic" font-size="${f(size)}" fill="${ink}" transform="rotate(${f(tilt)} ${f(left)} ${f(baseline)})" textLength="${f(Math.min(width - 12, line.length * size * 0.45))}">${escapeXml(line)}</text>`
    })
    .join('')
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Skew (and turn) on a white background, cut back to the page's size; then noise. */
async function spoil(
  image: GreyImage,
  skew: number,
  upsideDown: boolean,
  noise: number,
  random: Random,
): Promise<GreyImage> {
  const angle = skew + (upsideDown ? 180 : 0)
  let turned = image
  if (angle !== 0) {
    const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
      .rotate(angle, { background: '#ffffff' })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true })
    turned = { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) }
  }
  return cropAndNoise(turned, image.width, image.height, noise, random)
}

const NOISE_TABLE_SIZE = 1 << 16
const WHITE_POINT = 242

/**
 * The centre `width` × `height` of `image` (a scanner's image is the glass's size, however
 * the sheet lies on it), with gaussian-like noise: a table of noise values from the seed,
 * read from a random place on every row, is much faster than a number per pixel.
 */
function cropAndNoise(image: GreyImage, width: number, height: number, noise: number, random: Random): GreyImage {
  const left = Math.floor((image.width - width) / 2)
  const top = Math.floor((image.height - height) / 2)
  if (noise === 0 && left === 0 && top === 0) return image
  const out = new Uint8Array(width * height).fill(255)
  // A scanner sets its white point below the paper's white (as office scanners do by
  // default): most of the noise on white paper is gone, as is most of the file size.
  const stretch = new Uint8Array(512)
  const white = noise > 0 ? WHITE_POINT : 255
  for (let v = -128; v < 384; v++) stretch[v + 128] = Math.max(0, Math.min(255, Math.round((v * 255) / white)))
  const table = new Int16Array(NOISE_TABLE_SIZE)
  // Three uniform numbers add up to a bell curve (variance 3 × 1/12 = 1/4, hence × 2).
  if (noise > 0)
    for (let i = 0; i < table.length; i++)
      table[i] = Math.max(-127, Math.min(127, Math.round((random() + random() + random() - 1.5) * 2 * noise)))
  for (let y = 0; y < height; y++) {
    const from = y + top
    if (from < 0 || from >= image.height) continue
    let n = Math.floor(random() * NOISE_TABLE_SIZE)
    for (let x = 0; x < width; x++) {
      const fromX = x + left
      if (fromX < 0 || fromX >= image.width) continue
      const v =
        stretch[image.data[from * image.width + fromX]! + (noise > 0 ? table[n++ & (NOISE_TABLE_SIZE - 1)]! : 0) + 128]!
      out[y * width + x] = v
    }
  }
  // A few specks of dust.
  if (noise > 0)
    for (let i = 0; i < 40; i++) {
      const at = Math.floor(random() * (width * height - 2 * width - 2))
      out[at] = out[at + 1] = out[at + width] = out[at + width + 1] = Math.round(between(random, 40, 140))
    }
  return { width, height, data: out }
}

/** Turns a share of the pages (at least one when the share is above 0) half a turn. */
async function turnSomeUpsideDown(pages: ScannedPage[], degrade: Degradation, random: Random): Promise<void> {
  if (degrade.upsideDown <= 0 || pages.length === 0) return
  const count = Math.max(1, Math.round(pages.length * degrade.upsideDown))
  for (const page of shuffle(pages, 1, random).slice(0, count)) {
    // Noise already in the image turns with it: a scanner's noise is on the sheet's side either way.
    page.image = await spoil(page.image, 0, true, 0, random)
    page.upsideDown = true
  }
}

/** A share of the items moved to a random other place (share 1: a full shuffle). */
function shuffle<T>(items: readonly T[], share: number, random: Random): T[] {
  const out = [...items]
  if (share >= 1) {
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[out[i], out[j]] = [out[j]!, out[i]!]
    }
    return out
  }
  const moves = Math.round(out.length * share)
  for (let m = 0; m < moves; m++) {
    const [item] = out.splice(Math.floor(random() * out.length), 1)
    out.splice(Math.floor(random() * (out.length + 1)), 0, item!)
  }
  return out
}

// ---------------------------------------------------------------------------------------
// Files as office scanners make them

export type ScanFileKind = 'pdf' | 'tiff' | 'png' | 'jpeg'

function sharpOf(image: GreyImage) {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
}

/** One page as a grey PNG. */
export function pagePng(image: GreyImage): Promise<Buffer> {
  return sharpOf(image).toColourspace('b-w').png({ compressionLevel: 6 }).toBuffer()
}

/** One page as a grey JPEG, as most office scanners save them. */
export function pageJpeg(image: GreyImage, quality = 85): Promise<Buffer> {
  return sharpOf(image).toColourspace('b-w').jpeg({ quality }).toBuffer()
}

/**
 * The pages as files a scanner makes: one multi-page PDF (a JPEG per page, the page the
 * image's size at `dpi`) or one multi-page TIFF (pages of one size), or a PNG or JPEG
 * per page.
 */
export async function scanFiles(pages: readonly GreyImage[], kind: ScanFileKind, dpi: number): Promise<Buffer[]> {
  switch (kind) {
    case 'png':
      return Promise.all(pages.map(pagePng))
    case 'jpeg':
      return Promise.all(pages.map((page) => pageJpeg(page)))
    case 'tiff': {
      const pngs = await Promise.all(pages.map(pagePng))
      return [
        // Joining adds an alpha band; a scanner's grey TIFF has one band.
        await sharp(pngs, { join: { animated: true } })
          .removeAlpha()
          .toColourspace('b-w')
          .tiff({ compression: 'lzw', xres: dpi / 25.4, yres: dpi / 25.4 })
          .toBuffer(),
      ]
    }
    case 'pdf': {
      const doc = new PDFDocument({ autoFirstPage: false })
      const chunks: Buffer[] = []
      doc.on('data', (chunk: Buffer) => chunks.push(chunk))
      const done = new Promise<void>((resolve) => doc.on('end', resolve))
      for (const page of pages) {
        const size: [number, number] = [(page.width * 72) / dpi, (page.height * 72) / dpi]
        doc.addPage({ size, margin: 0 })
        doc.image(await pageJpeg(page), 0, 0, { width: size[0], height: size[1] })
      }
      doc.end()
      await done
      return [Buffer.concat(chunks)]
    }
  }
}
