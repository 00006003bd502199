/**
 * Finds the registration marks (src/mailmerge/registration-marks.ts) on a page image:
 * a solid dark square of 5 mm with white around it, searched in each corner of the
 * image, whichever way up the page was scanned.
 */
import type { Point } from './placement.ts'
import type { GreyImage } from './types.ts'

/** Darker than this is ink; scanners put white paper at 230–255 and black print under 80. */
export const INK = 128

const A4_MM = { width: 210, height: 297 }
const MARK_MM = 5
/** How far into the image, from each corner, a mark is looked for (mm): room for a page shifted on the glass. */
const SEARCH_MM = { x: 26, y: 42 }

export type ImageCorner = 'topLeft' | 'topRight' | 'bottomRight' | 'bottomLeft'
export const IMAGE_CORNERS: readonly ImageCorner[] = ['topLeft', 'topRight', 'bottomRight', 'bottomLeft']

/** Pixels per millimetre, taking the image to be the A4 page (as a scanner set to A4 makes it). */
export function pixelsPerMm(image: GreyImage): number {
  return Math.min(image.width / A4_MM.width, image.height / A4_MM.height)
}

/** The centre of the mark found in each corner of the image (pixels); a corner without one is absent. */
export function findMarks(image: GreyImage): Partial<Record<ImageCorner, Point>> {
  const perMm = pixelsPerMm(image)
  const width = Math.min(image.width, Math.round(SEARCH_MM.x * perMm))
  const height = Math.min(image.height, Math.round(SEARCH_MM.y * perMm))
  const found: Partial<Record<ImageCorner, Point>> = {}
  const origins: Record<ImageCorner, Point> = {
    topLeft: { x: 0, y: 0 },
    topRight: { x: image.width - width, y: 0 },
    bottomRight: { x: image.width - width, y: image.height - height },
    bottomLeft: { x: 0, y: image.height - height },
  }
  for (const corner of IMAGE_CORNERS) {
    const mark = markIn(image, origins[corner], width, height, MARK_MM * perMm)
    if (mark) found[corner] = mark
  }
  return found
}

/** Counts of ink pixels, summed over rectangles in constant time. */
class InkSums {
  private readonly sums: Int32Array
  private readonly stride: number
  readonly width: number
  readonly height: number

  constructor(image: GreyImage, origin: Point, width: number, height: number) {
    this.width = width
    this.height = height
    this.stride = width + 1
    this.sums = new Int32Array((width + 1) * (height + 1))
    for (let y = 0; y < height; y++) {
      let row = 0
      const from = (origin.y + y) * image.width + origin.x
      for (let x = 0; x < width; x++) {
        if (image.data[from + x]! < INK) row++
        this.sums[(y + 1) * this.stride + x + 1] = this.sums[y * this.stride + x + 1]! + row
      }
    }
  }

  /** Ink pixels in the rectangle, clipped to the region. */
  inRect(x: number, y: number, width: number, height: number): number {
    const x0 = Math.max(0, Math.min(this.width, Math.round(x)))
    const y0 = Math.max(0, Math.min(this.height, Math.round(y)))
    const x1 = Math.max(0, Math.min(this.width, Math.round(x + width)))
    const y1 = Math.max(0, Math.min(this.height, Math.round(y + height)))
    const s = this.sums
    const w = this.stride
    return s[y1 * w + x1]! - s[y0 * w + x1]! - s[y1 * w + x0]! + s[y0 * w + x0]!
  }
}

/**
 * The best square of ink `size` pixels wide with white around it in the region, by its
 * ink inside minus the ink in a ring of half its size around it; refined to the centroid
 * of its ink.
 */
function markIn(image: GreyImage, origin: Point, width: number, height: number, size: number): Point | undefined {
  const sums = new InkSums(image, origin, width, height)
  const area = size * size
  const ringArea = 4 * area - area
  const step = Math.max(1, Math.floor(size / 6))
  let best: { x: number; y: number; score: number; inside: number; ring: number } | undefined
  for (let y = 0; y + size <= height; y += step) {
    for (let x = 0; x + size <= width; x += step) {
      const ink = sums.inRect(x, y, size, size)
      const inside = ink / area
      if (inside < 0.7) continue
      const ring = (sums.inRect(x - size / 2, y - size / 2, 2 * size, 2 * size) - ink) / ringArea
      const score = inside - ring
      if (!best || score > best.score) best = { x, y, score, inside, ring }
    }
  }
  if (!best || best.inside < 0.8 || best.ring > 0.15) return undefined
  // The centroid of the ink in and just around the window: the mark's centre to a fraction of a pixel.
  const margin = size * 0.3
  const x0 = Math.max(0, Math.floor(best.x - margin))
  const y0 = Math.max(0, Math.floor(best.y - margin))
  const x1 = Math.min(width, Math.ceil(best.x + size + margin))
  const y1 = Math.min(height, Math.ceil(best.y + size + margin))
  let count = 0
  let sumX = 0
  let sumY = 0
  for (let y = y0; y < y1; y++) {
    const row = (origin.y + y) * image.width + origin.x
    for (let x = x0; x < x1; x++) {
      if (image.data[row + x]! < INK) {
        count++
        sumX += x
        sumY += y
      }
    }
  }
  if (count === 0) return undefined
  // Pixel centres are at +0.5.
  return { x: origin.x + sumX / count + 0.5, y: origin.y + sumY / count + 0.5 }
}
