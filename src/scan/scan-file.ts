/**
 * The pages of an uploaded scan file as grey images: a multi-page PDF (the images office
 * scanners put in one, decoded by PDF.js whatever their filter), a TIFF with one or more
 * pages, a PNG or a JPEG (decoded by sharp). Colour becomes grey; black and white stays
 * black and white.
 */
import sharp from 'sharp'
import { extractImages, getDocumentProxy } from 'unpdf'
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

/** A file that is no scan this reader takes, or a page of it without an image. */
export class ScanFileError extends Error {
  readonly page: number | undefined
  constructor(message: string, page?: number) {
    super(message)
    this.name = 'ScanFileError'
    this.page = page
  }
}

/** How many pages the file has, without decoding them: to refuse a file over the limit first. */
export async function countScanPages(bytes: Uint8Array): Promise<number> {
  const kind = scanFileKind(bytes)
  if (kind === 'pdf') {
    const pdf = await getDocumentProxy(new Uint8Array(bytes))
    try {
      return pdf.numPages
    } finally {
      await pdf.loadingTask.destroy()
    }
  }
  if (kind === 'tiff') return (await sharp(bytes).metadata()).pages ?? 1
  if (kind) return 1
  throw new ScanFileError('not a PDF, TIFF, PNG or JPEG file')
}

/** The width and height of each page's image, without decoding the pixels (PNG, JPEG and TIFF). */
export async function scanPageSizes(bytes: Uint8Array): Promise<Array<{ width: number; height: number }>> {
  const kind = scanFileKind(bytes)
  if (kind === 'pdf' || !kind) return []
  const metadata = await sharp(bytes, { pages: -1 }).metadata()
  const pages = metadata.pages ?? 1
  const height = metadata.pageHeight ?? metadata.height ?? 0
  return Array.from({ length: pages }, () => ({ width: metadata.width ?? 0, height }))
}

/** The pages of the file in order; throws a ScanFileError on a file that is none of the kinds above. */
export async function* scanPages(bytes: Uint8Array): AsyncGenerator<GreyImage> {
  const kind = scanFileKind(bytes)
  if (!kind) throw new ScanFileError('not a PDF, TIFF, PNG or JPEG file')
  if (kind === 'pdf') {
    yield* pdfPages(bytes)
    return
  }
  const pages = kind === 'tiff' ? ((await sharp(bytes).metadata()).pages ?? 1) : 1
  for (let page = 0; page < pages; page++) yield await greyOf(sharp(bytes, { page }))
}

async function* pdfPages(bytes: Uint8Array): AsyncGenerator<GreyImage> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes))
  try {
    for (let page = 1; page <= pdf.numPages; page++) {
      const images = await extractImages(pdf, page)
      // A scanner puts one image on a page; anything smaller beside it is no page.
      const image = images.reduce<(typeof images)[number] | undefined>(
        (largest, i) => (!largest || i.width * i.height > largest.width * largest.height ? i : largest),
        undefined,
      )
      if (!image) throw new ScanFileError('page has no scanned image', page)
      yield greyFromChannels(image.data, image.width, image.height, image.channels)
    }
  } finally {
    await pdf.loadingTask.destroy()
  }
}

function greyFromChannels(data: Uint8ClampedArray, width: number, height: number, channels: number): GreyImage {
  if (channels === 1) return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) }
  const grey = new Uint8Array(width * height)
  for (let i = 0, o = 0; o < grey.length; i += channels, o++) {
    // Rec. 601 luma, as scanners and sharp make grey.
    grey[o] = (data[i]! * 299 + data[i + 1]! * 587 + data[i + 2]! * 114 + 500) / 1000
  }
  return { width, height, data: grey }
}

async function greyOf(image: sharp.Sharp): Promise<GreyImage> {
  const { data, info } = await image
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true })
  if (info.channels !== 1) return greyFromChannels(new Uint8ClampedArray(data), info.width, info.height, info.channels)
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) }
}

/** A page as a grey PNG, to keep until its form is stored. */
export async function pageToPng(image: GreyImage): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .png({ compressionLevel: 6, palette: false })
    .toBuffer()
}

export async function pngToPage(png: Uint8Array): Promise<GreyImage> {
  return greyOf(sharp(png))
}
