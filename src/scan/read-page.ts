/**
 * One scanned page: the form barcode (login code and page number) and the registration
 * marks that place the printed page on the image, in any order, upside down or skewed
 * by a few degrees.
 */
import type { GreyImage, PageRead } from './types.ts'

export async function readPage(_image: GreyImage): Promise<PageRead> {
  throw new Error('readPage: not written yet')
}
