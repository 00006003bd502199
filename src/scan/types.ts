/**
 * What reading a scanned paper form works with and gives back. A scan is read against the
 * layout its form was printed with (src/mailmerge/paper-layout.ts): the registration
 * marks place the printed page on the image, the barcode says whose form and which page,
 * and every answer area is measured where the layout puts it.
 */
import type { Rect } from '#src/mailmerge/paper-layout.ts'

/** A page image, one byte per pixel: 0 black to 255 white. */
export interface GreyImage {
  width: number
  height: number
  data: Uint8Array
}

/**
 * Where the printed page lies on the image: the affine map from page points (from the
 * page's top-left corner, as the layout has them) to image pixels,
 * `px = a·x + b·y + c`, `py = d·x + e·y + f`. An upside-down page has a ≈ −scale.
 */
export interface PagePlacement {
  transform: [a: number, b: number, c: number, d: number, e: number, f: number]
  /** Pixels per point (dpi / 72). */
  scale: number
  upsideDown: boolean
}

/** Why a page is not read: no form barcode could be read, or its registration marks were not found. */
export type UnreadablePage = 'barcode' | 'marks'

/** What one page says: whose form and which page, and where it lies; or why it cannot be read. */
export type PageRead =
  | { ok: true; code: string; page: number; placement: PagePlacement }
  | { ok: false; problem: UnreadablePage; code?: string; page?: number }

/** One page of a form with what `readPage` found. */
export interface PlacedPage {
  page: number
  image: GreyImage
  placement: PagePlacement
}

/**
 * Why a typist must look at a field:
 * - unclear: a box between empty and ticked (faint pencil, a small mark, a half-filled box);
 * - written: digits or a text written by hand, to be typed from the cut-out image.
 */
export type UncertainReason = 'unclear' | 'written'

/** One keying field as read. */
export interface FieldReading {
  /** The answer key, as on the keying screen. */
  variable: string
  /**
   * As a typist keys it: "3"; "1 4" for the ticks of a multiple-choice question; "m" for
   * more than one tick where one is allowed; "" when nothing is ticked or written. An
   * uncertain field holds the best guess ("" for handwriting).
   */
  value: string
  certain: boolean
  reason?: UncertainReason
  /** Where it is on paper: the page, and the rectangle (page points) around its boxes or lines. */
  page: number
  rect: Rect
}

export interface FormReading {
  fields: FieldReading[]
}
