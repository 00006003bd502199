/** A piece of a scanned page, straightened, as a PNG: what a typist reads an answer from. */
import type { Rect } from '#src/mailmerge/paper-layout.ts'
import type { PlacedPage } from './types.ts'

/** The area `rect` (page points) of the page, with `margin` points around it. */
export async function cutOut(_page: PlacedPage, _rect: Rect, _margin = 6): Promise<Buffer> {
  throw new Error('cutOut: not written yet')
}
