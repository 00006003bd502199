/**
 * Scans for the intake tests, made by the tests: a round's paper forms printed the way
 * the app prints them (their layouts recorded), rasterised with pdftoppm, and put back
 * into the files a scanner makes (PNG pages, a PDF of page images).
 *
 * Until the lead's reader (src/scan) is written, its functions throw; then a stand-in
 * takes their place: barcodes read with zxing-wasm, the page taken as lying straight,
 * and a form read as "nothing ticked". The intake (storing, putting pages together,
 * problems, resuming) does not depend on what the ticks say. Once the reader is merged
 * the tests use it unchanged.
 */
import { createRequire } from 'node:module'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import sharp from 'sharp'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import type { DB } from '#src/server/db/connect.ts'
import type { AppConfig } from '#src/server/config.ts'
import { readFormBarcode } from '#src/codes/form-barcode.ts'
import type { FieldReading, GreyImage, PageRead } from '#src/scan/index.ts'
import { SCAN_READER } from '#src/server/services/scans/scan-reader.ts'
import { createMailings } from '#src/server/services/fieldwork/mailings.ts'
import { batchesOfRound, batchFolder, runQueuedLetterBatches } from '#src/server/services/fieldwork/letter-batches.ts'
import { createPrintableRound } from '#test/helpers/letters.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { runProgram } from '#test/helpers/programs.ts'
import { arabicDefinition } from '#test/mailmerge/fixtures.ts'

const A4_WIDTH_POINTS = 595.28

async function pngOf(image: GreyImage): Promise<Buffer> {
  return sharp(Buffer.from(image.data), { raw: { width: image.width, height: image.height, channels: 1 } })
    .png()
    .toBuffer()
}

async function greyOf(bytes: Uint8Array, page?: number): Promise<GreyImage> {
  const { data, info } = await sharp(bytes, page === undefined ? {} : { page })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height),
  }
}

let zxing: Promise<unknown> | undefined
function zxingReady(): Promise<unknown> {
  zxing ??= (async () => {
    const bytes = await readFile(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'))
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true })
  })()
  return zxing
}

const standIn: typeof SCAN_READER = {
  async *scanPages(bytes) {
    const kind = Buffer.from(bytes.subarray(0, 4)).toString('latin1')
    if (kind === '%PDF') {
      for (const png of await rasterise(Buffer.from(bytes), 150)) yield await greyOf(png)
      return
    }
    const pages = (await sharp(bytes).metadata()).pages ?? 1
    for (let page = 0; page < pages; page++) yield await greyOf(bytes, page)
  },
  pageToPng: pngOf,
  pngToPage: (png) => greyOf(png),
  async readPage(image): Promise<PageRead> {
    await zxingReady()
    const results = await readBarcodes(new Uint8Array(await pngOf(image)), { formats: ['Code128'], tryHarder: true })
    const found = results.map((r) => readFormBarcode(r.text)).find((r) => r !== undefined)
    if (!found) return { ok: false, problem: 'barcode' }
    const scale = image.width / A4_WIDTH_POINTS
    return { ok: true, ...found, placement: { transform: [scale, 0, 0, 0, scale, 0], scale, upsideDown: false } }
  },
  readForm(_definition, layout, pages) {
    const fields = new Map<string, FieldReading>()
    for (const page of layout.pages) {
      if (!pages.some((p) => p.page === page.page)) continue
      for (const area of page.areas)
        if (!fields.has(area.variable))
          fields.set(area.variable, {
            variable: area.variable,
            value: '',
            certain: area.kind === 'tick',
            ...(area.kind === 'write' ? { reason: 'written' as const } : {}),
            page: page.page,
            rect: area.rect,
          })
    }
    return { fields: [...fields.values()] }
  },
}

/** Whether src/scan is written yet (its functions throw until the lead's reader is merged). */
async function realReaderWritten(): Promise<boolean> {
  try {
    await SCAN_READER.pageToPng({ width: 1, height: 1, data: new Uint8Array([255]) })
    return true
  } catch {
    return false
  }
}

/** Puts the stand-in in place of an unwritten reader; returns a function that puts back what was there. */
export async function useScanReader(): Promise<() => void> {
  if (await realReaderWritten()) return () => {}
  const original = { ...SCAN_READER }
  Object.assign(SCAN_READER, standIn)
  return () => Object.assign(SCAN_READER, original)
}

/** Every page of a PDF as a grey PNG, as a scanner at `dpi` would see it. */
export async function rasterise(pdf: Buffer, dpi = 150): Promise<Buffer[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'peiling-scan-'))
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf)
    await runProgram('pdftoppm', ['-r', String(dpi), '-gray', '-png', path.join(dir, 'in.pdf'), path.join(dir, 'page')])
    const names = (await readdir(dir)).filter((n) => n.endsWith('.png')).sort()
    return Promise.all(names.map((n) => readFile(path.join(dir, n))))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** A PDF of page images, one A4 page each: what an office scanner makes. */
export async function imagePdf(pages: Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise((resolve) => doc.on('end', resolve))
  for (const png of pages) {
    doc.addPage({ size: 'A4', margin: 0 })
    doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height })
  }
  doc.end()
  await done
  return Buffer.concat(chunks)
}

/** A white page: no barcode, no marks. */
export function blankPage(): Promise<Buffer> {
  return sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } })
    .greyscale()
    .png()
    .toBuffer()
}

export interface PrintedForms {
  round: RoundFixture
  /** Per participant (in the round's order) the pages of their form as PNG scans. */
  pagesOf: Map<string, Buffer[]>
}

/**
 * A round whose `participants` got their paper form printed as the app prints it (the
 * layouts recorded), and each form's pages rasterised: the scans of returned forms.
 */
export async function printedForms(db: DB, config: AppConfig, participants: number): Promise<PrintedForms> {
  const round = await createPrintableRound(db, {
    participantsPerStratum: participants,
    strata: [{ code: 'borne', name: 'Borne' }],
    definition: arabicDefinition(),
  })
  const [mailing] = await createMailings(db, round.roundId, 'invitation', ['letter'], {
    actor: { id: null, username: 'test' },
    publicUrl: config.publicUrl,
    layout: 'separate',
  })
  await runQueuedLetterBatches(db, config, { mailingId: mailing!.mailingId, content: 'questionnaires' })
  const [batch] = (await batchesOfRound(db, round.roundId, mailing!.mailingId)).filter(
    (b) => b.content === 'questionnaires',
  )
  const pages = await rasterise(await readFile(path.join(batchFolder(config, round.roundId), batch!.fileName!)))
  // In presort order, as printed: read each form's code from its first page.
  const perForm = pages.length / participants
  const pagesOf = new Map<string, Buffer[]>()
  for (let i = 0; i < participants; i++) {
    const formPages = pages.slice(i * perForm, (i + 1) * perForm)
    const read = await standIn.readPage(await greyOf(formPages[0]!))
    if (!read.ok) throw new Error('a printed form without a readable barcode')
    pagesOf.set(read.code, formPages)
  }
  return { round, pagesOf }
}
