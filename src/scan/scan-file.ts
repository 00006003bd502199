/**
 * The pages of an uploaded scan file as grey images: a multi-page PDF (the images office
 * scanners put in one), a TIFF with one or more pages, a PNG or a JPEG.
 */
import type { GreyImage } from './types.ts'

export type ScanFileKind = 'pdf' | 'tiff' | 'png' | 'jpeg'

/** What the file is, from its first bytes; undefined for anything else. */
export function scanFileKind(bytes: Uint8Array): ScanFileKind | undefined {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte)
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf'
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff'
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png'
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg'
  return undefined
}

/** The pages of the file in order; throws on a file that is none of the kinds above. */
export async function* scanPages(_bytes: Uint8Array): AsyncGenerator<GreyImage> {
  throw new Error('scanPages: not written yet')
}

/** A page as a grey PNG, to keep until its form is stored. */
export async function pageToPng(_image: GreyImage): Promise<Buffer> {
  throw new Error('pageToPng: not written yet')
}

export async function pngToPage(_png: Uint8Array): Promise<GreyImage> {
  throw new Error('pngToPage: not written yet')
}
