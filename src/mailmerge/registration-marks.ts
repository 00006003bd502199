/**
 * Registration marks: four filled squares near the corners of every page of a paper
 * form. A scanned page is mapped back onto the printed one through them (shifted,
 * scaled, skewed by a few degrees or upside down), so that every box is found where it
 * was printed.
 *
 * They keep 8 mm from the paper's edges (printers leave 4–5 mm white) and keep clear of
 * what else is in the margins: the header and its barcode with its quiet zone (top, from
 * 18 to 192 mm), the footer (284–288 mm, from 18 mm), and the set mark of a collated
 * print stream (bottom left, x 5–17 mm, y 258–281 mm).
 */
import type { Rect } from './units.ts'
import { mm } from './units.ts'

const SIZE = mm(5)

/** Top left, top right, bottom right, bottom left: in that order, which the reader relies on. */
export const REGISTRATION_MARKS: readonly Rect[] = [
  { x: mm(8), y: mm(20), width: SIZE, height: SIZE },
  { x: mm(197), y: mm(20), width: SIZE, height: SIZE },
  { x: mm(197), y: mm(283), width: SIZE, height: SIZE },
  { x: mm(8), y: mm(283), width: SIZE, height: SIZE },
]

export function drawRegistrationMarks(doc: PDFKit.PDFDocument): void {
  doc.save()
  for (const mark of REGISTRATION_MARKS) doc.rect(mark.x, mark.y, mark.width, mark.height).fill('black')
  doc.restore()
}
