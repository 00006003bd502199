/**
 * One scanned page: the registration marks place the printed page on the image (shifted,
 * scaled, skewed by a few degrees, or upside down), then the form barcode is read where
 * the placement puts it: the login code and the page number. Pages come in any order.
 */
import type { ReadResult } from 'zxing-wasm/reader'
import { readBarcodes } from 'zxing-wasm/reader'
import { readFormBarcode } from '#src/codes/form-barcode.ts'
import { parseLoginCode } from '#src/codes/login-code.ts'
import { zxingReady } from '#src/codes/zxing-reader.ts'
import { BARCODE } from '#src/mailmerge/paper-page.ts'
import { PAPER } from '#src/mailmerge/paper-pen.ts'
import { REGISTRATION_MARKS } from '#src/mailmerge/registration-marks.ts'
import type { Rect } from '#src/mailmerge/units.ts'
import { mm } from '#src/mailmerge/units.ts'
import type { ImageCorner } from './find-marks.ts'
import { findMarks, IMAGE_CORNERS, pixelsPerMm } from './find-marks.ts'
import type { Point } from './placement.ts'
import { fitAffine, toPixel } from './placement.ts'
import type { GreyImage, PagePlacement, PageRead } from './types.ts'

/** Where the barcode may be on the printed page: its longest symbol right-aligned, with its quiet zones. */
const BARCODE_AREA: Rect = (() => {
  const quiet = (BARCODE.quietZone + 2) * BARCODE.module
  const longest = 167 * BARCODE.module
  const x = PAPER.right - longest - quiet
  return { x, y: BARCODE.top - mm(2.5), width: longest + 2 * quiet, height: BARCODE.height + mm(4) }
})()

/** A mark found further than this from where the others put it means a wrong mark (or a folded corner). */
const WORST_RESIDUAL_MM = 1.5

const markCentres: Point[] = REGISTRATION_MARKS.map((m) => ({ x: m.x + m.width / 2, y: m.y + m.height / 2 }))

/** The printed mark in each corner of the image: the same one upright, the opposite one upside down. */
function markAt(corner: ImageCorner, upsideDown: boolean): Point {
  const index = IMAGE_CORNERS.indexOf(corner)
  return markCentres[upsideDown ? (index + 2) % 4 : index]!
}

function placementFrom(marks: Partial<Record<ImageCorner, Point>>, upsideDown: boolean, perMm: number) {
  const corners = IMAGE_CORNERS.filter((c) => marks[c])
  const fit = fitAffine(
    corners.map((c) => markAt(c, upsideDown)),
    corners.map((c) => marks[c]!),
  )
  if (!fit || fit.worstResidual > WORST_RESIDUAL_MM * perMm) return undefined
  const [a, b, , d, e] = fit.transform
  const scale = Math.sqrt(Math.abs(a * e - b * d))
  return { transform: fit.transform, scale, upsideDown } satisfies PagePlacement
}

/**
 * Which way up to try first: upright, the top marks lie lower on the page (20 mm) than
 * the bottom marks lie above its foot (9 mm); upside down it is the other way round.
 */
function uprightFirst(marks: Partial<Record<ImageCorner, Point>>, image: GreyImage): boolean {
  const top = [marks.topLeft, marks.topRight].filter((p) => p !== undefined).map((p) => p.y)
  const bottom = [marks.bottomLeft, marks.bottomRight].filter((p) => p !== undefined).map((p) => image.height - p.y)
  if (top.length === 0 || bottom.length === 0) return true
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length
  return mean(top) >= mean(bottom)
}

export async function readPage(image: GreyImage): Promise<PageRead> {
  const perMm = pixelsPerMm(image)
  const marks = findMarks(image)
  const first = uprightFirst(marks, image)
  let placed = false
  for (const upsideDown of [!first, first]) {
    const placement = placementFrom(marks, upsideDown, perMm)
    if (!placement) continue
    placed = true
    const read = await barcodeIn(image, areaOnImage(placement, BARCODE_AREA, image))
    if (read) return { ok: true, ...read, placement }
  }
  if (placed) return { ok: false, problem: 'barcode' }
  // Without marks, the barcode still says whose page it is, for the list of pages that could not be read.
  const strip = Math.round(30 * perMm)
  const read =
    (await barcodeIn(image, { x: 0, y: 0, width: image.width, height: strip })) ??
    (await barcodeIn(image, { x: 0, y: image.height - strip, width: image.width, height: strip }))
  return { ok: false, problem: 'marks', ...(read ?? {}) }
}

/** The pixel rectangle around `rect` (page points) as placed on the image, clipped to it. */
export function areaOnImage(placement: PagePlacement, rect: Rect, image: GreyImage): Rect {
  const corners = [
    { x: rect.x, y: rect.y },
    { x: rect.x + rect.width, y: rect.y },
    { x: rect.x, y: rect.y + rect.height },
    { x: rect.x + rect.width, y: rect.y + rect.height },
  ].map((p) => toPixel(placement, p))
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.x))))
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.y))))
  const x1 = Math.min(image.width, Math.ceil(Math.max(...corners.map((p) => p.x))))
  const y1 = Math.min(image.height, Math.ceil(Math.max(...corners.map((p) => p.y))))
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) }
}

/** The form barcode in the pixel area of the image, if one is there and its code is a valid login code. */
async function barcodeIn(image: GreyImage, area: Rect): Promise<{ code: string; page: number } | undefined> {
  if (area.width < 10 || area.height < 10) return undefined
  await zxingReady()
  const rgba = new Uint8ClampedArray(area.width * area.height * 4)
  for (let y = 0; y < area.height; y++) {
    const from = (area.y + y) * image.width + area.x
    for (let x = 0; x < area.width; x++) {
      const grey = image.data[from + x]!
      const o = (y * area.width + x) * 4
      rgba[o] = grey
      rgba[o + 1] = grey
      rgba[o + 2] = grey
      rgba[o + 3] = 255
    }
  }
  // zxing takes any { width, height, data } as RGBA pixels; the type asks for a browser ImageData.
  const results: ReadResult[] = await readBarcodes(
    { width: area.width, height: area.height, data: rgba } as unknown as ImageData,
    { formats: ['Code128'], tryHarder: true, tryRotate: true, maxNumberOfSymbols: 1 },
  )
  for (const result of results) {
    if (!result.isValid) continue
    const form = readFormBarcode(result.text)
    if (!form) continue
    const parsed = parseLoginCode(form.code)
    if (parsed.ok) return { code: parsed.code, page: form.page }
  }
  return undefined
}
