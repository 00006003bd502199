/**
 * What a page says about its set: the set mark (DataMatrix), and the login code it shows
 * (the form's Code128, the letter's QR code). A page of a print file made here says it
 * in its dictionary; a scanned page is read from its image with zxing-wasm.
 *
 * Scanners store a page as JPEG (given to zxing as it is), or as Flate-compressed pixels
 * (unpacked here, or wrapped as a PNG when they carry PNG row filters). Fax-coded
 * (CCITT, JBIG2) and CMYK images are not read: such a page counts as unreadable.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { crc32, inflateSync } from 'node:zlib'
import type { ReadResult } from 'zxing-wasm/reader'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import { parseLoginCode } from '#src/codes/login-code.ts'
import type { SetMark } from '#src/mailmerge/set-mark.ts'
import { parseSetMark } from '#src/mailmerge/set-mark.ts'
import type { PdfImage, PdfPage } from './pdf-pages.ts'
import { filtersOf, pageString } from './pdf-pages.ts'

export interface PageReading {
  /** 1-based page of the file. */
  page: number
  mark?: SetMark
  /** Login codes the page shows (normalised). */
  codes: string[]
  /** A scanned page in which nothing could be read. */
  unreadable: boolean
}

let ready: Promise<unknown> | undefined

/** Loads the reader's WebAssembly from the package (in Node it cannot fetch it). */
function zxingReady(): Promise<unknown> {
  ready ??= (async () => {
    const file = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')
    const bytes = await readFile(file)
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true })
  })()
  return ready
}

/** The page's readings from its dictionary, when the file was made here. */
export function readPageDictionary(page: PdfPage): PageReading | undefined {
  const markText = pageString(page, 'PeilingSetMark')
  const code = pageString(page, 'PeilingCode')
  if (markText === undefined && code === undefined) return undefined
  const mark = markText === undefined ? undefined : parseSetMark(markText)
  return { page: page.number, ...(mark ? { mark } : {}), codes: code ? [code] : [], unreadable: false }
}

/** Reads the set mark and codes from the page's largest image. */
export async function readPageImage(page: PdfPage): Promise<PageReading> {
  const image = page.images.reduce<PdfImage | undefined>(
    (largest, i) => (!largest || i.width * i.height > largest.width * largest.height ? i : largest),
    undefined,
  )
  const input = image ? zxingInput(image) : undefined
  if (!input) return { page: page.number, codes: [], unreadable: true }
  await zxingReady()
  // zxing takes any { width, height, data } as RGBA pixels; the type asks for a browser ImageData.
  const results = await readBarcodes(input as Uint8Array | ImageData, {
    formats: ['DataMatrix', 'Code128', 'QRCode'],
    tryHarder: true,
    maxNumberOfSymbols: 6,
  })
  return readingOf(page.number, results)
}

function readingOf(page: number, results: ReadResult[]): PageReading {
  let mark: SetMark | undefined
  const codes: string[] = []
  for (const result of results) {
    if (!result.isValid) continue
    if (result.format === 'DataMatrix') mark ??= parseSetMark(result.text)
    else {
      // The letter's QR code opens <address>/c/<code>; the form's barcode is the code itself.
      const text = result.format === 'QRCode' ? (/\/c\/([^/?#]+)$/.exec(result.text)?.[1] ?? '') : result.text
      const parsed = parseLoginCode(text)
      if (parsed.ok && !codes.includes(parsed.code)) codes.push(parsed.code)
    }
  }
  return { page, ...(mark ? { mark } : {}), codes, unreadable: !mark && codes.length === 0 }
}

type ZxingInput = Uint8Array | { width: number; height: number; data: Uint8ClampedArray }

function zxingInput(image: PdfImage): ZxingInput | undefined {
  const filters = filtersOf(image.stream)
  if (filters.length === 1 && filters[0] === 'DCTDecode') return image.stream.data
  if (filters.length > 1 || (filters.length === 1 && filters[0] !== 'FlateDecode')) return undefined
  const colors = image.colorSpace === 'DeviceRGB' ? 3 : image.colorSpace === 'DeviceGray' ? 1 : 0
  if (colors === 0 || ![1, 8].includes(image.bitsPerComponent)) return undefined
  const predictor = Number(image.decodeParms?.get('Predictor') ?? 1)
  if (predictor >= 10 && filters.length === 1) return asPng(image, colors)
  if (predictor > 1) return undefined
  const pixels = filters.length === 1 ? inflateSync(image.stream.data) : Buffer.from(image.stream.data)
  return rgba(pixels, image, colors)
}

/** Flate data with PNG row filters is a PNG's image data: wrapped in a PNG file, zxing unpacks it. */
function asPng(image: PdfImage, colors: number): Uint8Array {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(image.width, 0)
  header.writeUInt32BE(image.height, 4)
  header[8] = image.bitsPerComponent
  header[9] = colors === 3 ? 2 : 0
  const chunk = (type: string, data: Uint8Array) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'latin1')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
    return Buffer.concat([head, data, crc])
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', image.stream.data),
    chunk('IEND', new Uint8Array()),
  ])
}

function rgba(pixels: Buffer, image: PdfImage, colors: number): ZxingInput | undefined {
  const { width, height } = image
  const data = new Uint8ClampedArray(width * height * 4)
  const rowBytes = Math.ceil((width * colors * image.bitsPerComponent) / 8)
  if (pixels.length < rowBytes * height) return undefined
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4
      if (image.bitsPerComponent === 1) {
        const bit = (pixels[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1
        data[at] = data[at + 1] = data[at + 2] = bit ? 255 : 0
      } else if (colors === 1) {
        data[at] = data[at + 1] = data[at + 2] = pixels[y * rowBytes + x]!
      } else {
        const p = y * rowBytes + x * 3
        data[at] = pixels[p]!
        data[at + 1] = pixels[p + 1]!
        data[at + 2] = pixels[p + 2]!
      }
      data[at + 3] = 255
    }
  }
  return { width, height, data }
}
