/**
 * How much ink is in an area of the printed page, sampled pixel by pixel through the
 * placement (so a skewed scan is sampled along the printed box, not the image grid).
 * A pixel counts as ink only with its right and lower neighbours: scanner noise is
 * single pixels, a pen stroke is several pixels wide.
 */
import type { Rect } from '#src/mailmerge/units.ts'
import { INK } from './find-marks.ts'
import type { GreyImage, PagePlacement } from './types.ts'

/** Lighter than ink, darker than paper: pencil, a light pen, a grey scan of either. */
export const FAINT = 215

export interface InkMeasure {
  /** Share of the samples that are ink. */
  ink: number
  /** Share of the samples that are at least faint (ink included). */
  faint: number
}

interface Samples {
  columns: number
  rows: number
  /** 2 ink, 1 faint, 0 paper; row by row. */
  kinds: Uint8Array
}

function sample(image: GreyImage, placement: PagePlacement, rect: Rect): Samples {
  const [a, b, c, d, e, f] = placement.transform
  const step = 1 / placement.scale
  const columns = Math.max(1, Math.floor(rect.width / step))
  const rows = Math.max(1, Math.floor(rect.height / step))
  const kinds = new Uint8Array(columns * rows)
  const { width, height, data } = image
  for (let row = 0; row < rows; row++) {
    const y = rect.y + (row + 0.5) * step
    for (let column = 0; column < columns; column++) {
      const x = rect.x + (column + 0.5) * step
      const px = Math.floor(a * x + b * y + c)
      const py = Math.floor(d * x + e * y + f)
      if (px < 0 || py < 0 || px + 1 >= width || py + 1 >= height) continue
      const at = py * width + px
      const darkest = Math.max(data[at]!, data[at + 1]!, data[at + width]!)
      kinds[row * columns + column] = darkest < INK ? 2 : darkest < FAINT ? 1 : 0
    }
  }
  return { columns, rows, kinds }
}

/** The ink in a tick box, inside its printed border. */
export function measureBox(image: GreyImage, placement: PagePlacement, rect: Rect): InkMeasure {
  const { kinds } = sample(image, placement, rect)
  let ink = 0
  let faint = 0
  for (const kind of kinds) {
    if (kind === 2) ink++
    if (kind >= 1) faint++
  }
  return { ink: ink / kinds.length, faint: faint / kinds.length }
}

export interface WritingMeasure {
  /** Area of ink, in square points: a large area with one word in it has a small share but a clear amount. */
  ink: number
  /** Area that is at least faint, ink included. */
  faint: number
}

/**
 * The ink written in an area, leaving out what is printed there: rows and columns that
 * are mostly ink are the writing lines and the frames of digit boxes, not handwriting.
 */
export function measureWriting(image: GreyImage, placement: PagePlacement, rect: Rect): WritingMeasure {
  const { columns, rows, kinds } = sample(image, placement, rect)
  const rowInk = new Uint32Array(rows)
  const columnInk = new Uint32Array(columns)
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < columns; column++)
      if (kinds[row * columns + column]! >= 1) {
        rowInk[row]!++
        columnInk[column]!++
      }
  let ink = 0
  let faint = 0
  for (let row = 0; row < rows; row++) {
    if (rowInk[row]! > columns * 0.5) continue
    for (let column = 0; column < columns; column++) {
      if (columnInk[column]! > rows * 0.5) continue
      const kind = kinds[row * columns + column]!
      if (kind === 2) ink++
      if (kind >= 1) faint++
    }
  }
  const sampleArea = 1 / placement.scale ** 2
  return { ink: ink * sampleArea, faint: faint * sampleArea }
}
