/**
 * Scans for the intake tests, made by the tests: a round's paper forms printed the way
 * the app prints them (their layouts recorded), rasterised with pdftoppm, and put back
 * into the files a scanner makes (PNG pages, a PDF of page images).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import sharp from 'sharp'
import type { DB } from '#src/server/db/connect.ts'
import type { AppConfig } from '#src/server/config.ts'
import { pngToPage, readPage } from '#src/scan/index.ts'
import { createMailings } from '#src/server/services/fieldwork/mailings.ts'
import { batchesOfRound, batchFolder, runQueuedLetterBatches } from '#src/server/services/fieldwork/letter-batches.ts'
import { createPrintableRound } from '#test/helpers/letters.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { runProgram } from '#test/helpers/programs.ts'
import { arabicDefinition } from '#test/mailmerge/fixtures.ts'

/** Every page of a PDF as a grey PNG, as a scanner at `dpi` would see it. */
export async function rasterise(pdf: Buffer, dpi = 150): Promise<Buffer[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'peiling-scan-'))
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf)
    await runProgram('pdftoppm', ['-r', String(dpi), '-gray', '-png', path.join(dir, 'in.pdf'), path.join(dir, 'page')])
    const names = (await readdir(dir)).filter((n) => n.endsWith('.png')).sort()
    // Awaited here: a promise returned from the try block is still pending when the
    // finally block removes the folder, and the reads then failed with ENOENT.
    return await Promise.all(names.map((n) => readFile(path.join(dir, n))))
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
    const read = await readPage(await pngToPage(formPages[0]!))
    if (!read.ok) throw new Error('a printed form without a readable barcode')
    pagesOf.set(read.code, formPages)
  }
  return { round, pagesOf }
}
