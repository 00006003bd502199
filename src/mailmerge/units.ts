/**
 * Page geometry. pdfkit measures in PostScript points (1/72 inch); envelope and print
 * specifications are in millimetres.
 */

export const POINTS_PER_MM = 72 / 25.4

export function mm(millimetres: number): number {
  return millimetres * POINTS_PER_MM
}

/** A4 portrait, in points. */
export const A4 = { width: mm(210), height: mm(297) } as const

/** A rectangle on a page, in points from its top-left corner. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** The smallest rectangle holding all of `rects` (at least one). */
export function boundingRect(rects: Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  const right = Math.max(...rects.map((r) => r.x + r.width))
  const bottom = Math.max(...rects.map((r) => r.y + r.height))
  return { x, y, width: right - x, height: bottom - y }
}
