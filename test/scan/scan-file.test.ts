/**
 * Scanners deliver pages as a multi-page PDF of images, a multi-page TIFF (often black and
 * white, CCITT G4), PNG or JPEG: each gives its pages in order, and each page reads.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import PDFDocument from 'pdfkit'
import sharp from 'sharp'
import { A4 } from '#src/mailmerge/units.ts'
import type { GreyImage } from '#src/scan/index.ts'
import { pageToPng, pngToPage, readPage, scanFileKind, scanPages } from '#src/scan/index.ts'
import { countScanPages, ScanFileError } from '#src/scan/scan-file.ts'
import { renderToolsAvailable, useTempDir } from '#test/mailmerge/pdf-tools.ts'
import type { PrintedForm } from './printed-form.ts'
import { FORM_CODE, printedForm } from './printed-form.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()
let form: PrintedForm
let pngs: Buffer[]

beforeAll(async () => {
  if (!tools) return
  form = await printedForm(tmp.dir, 200)
  pngs = await Promise.all(form.pages.slice(0, 3).map(pageToPng))
})

async function all(bytes: Uint8Array): Promise<GreyImage[]> {
  const pages: GreyImage[] = []
  for await (const page of scanPages(bytes)) pages.push(page)
  return pages
}

async function pagesRead(bytes: Uint8Array): Promise<string[]> {
  const read: string[] = []
  for (const image of await all(bytes)) {
    const page = await readPage(image)
    read.push(page.ok ? `${page.code} ${page.page}` : page.problem)
  }
  return read
}

/** A PDF as a scanner makes it: one image filling each A4 page. */
function scannerPdf(images: Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  for (const image of images) doc.addPage().image(image, 0, 0, { width: A4.width, height: A4.height })
  doc.end()
  return done
}

describe.skipIf(!tools)('scan files', () => {
  it('reads every page of a PDF of scanned images, in order', async () => {
    const jpegs = await Promise.all(pngs.map((png) => sharp(png).jpeg({ quality: 80 }).toBuffer()))
    const pdf = await scannerPdf([pngs[0]!, jpegs[1]!, pngs[2]!])
    expect(scanFileKind(pdf)).toBe('pdf')
    expect(await countScanPages(pdf)).toBe(3)
    expect(await pagesRead(pdf)).toEqual([`${FORM_CODE} 1`, `${FORM_CODE} 2`, `${FORM_CODE} 3`])
  })

  it('reads every page of a black-and-white multi-page TIFF, and a PNG and a JPEG', async () => {
    const tiff = await sharp(pngs.slice(0, 2), { join: { animated: true } })
      .threshold(160)
      .toColourspace('b-w')
      .tiff({ compression: 'ccittfax4', bitdepth: 1 })
      .toBuffer()
    expect(scanFileKind(tiff)).toBe('tiff')
    expect(await countScanPages(tiff)).toBe(2)
    expect(await pagesRead(tiff)).toEqual([`${FORM_CODE} 1`, `${FORM_CODE} 2`])
    expect(await pagesRead(pngs[2]!)).toEqual([`${FORM_CODE} 3`])
    expect(await pagesRead(await sharp(pngs[2]!).jpeg({ quality: 75 }).toBuffer())).toEqual([`${FORM_CODE} 3`])
  })

  it('keeps a page as a grey PNG and gets the same pixels back', async () => {
    const page = form.pages[0]!
    const back = await pngToPage(await pageToPng(page))
    expect({ width: back.width, height: back.height }).toEqual({ width: page.width, height: page.height })
    expect(Buffer.compare(Buffer.from(back.data), Buffer.from(page.data))).toBe(0)
  })

  it('refuses a file that is no scan', async () => {
    const text = new TextEncoder().encode('client_number;name\n1;A\n')
    expect(scanFileKind(text)).toBeUndefined()
    await expect(all(text)).rejects.toBeInstanceOf(ScanFileError)
    await expect(countScanPages(text)).rejects.toBeInstanceOf(ScanFileError)
  })
})
