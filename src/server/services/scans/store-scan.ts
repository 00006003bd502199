/**
 * An uploaded scan file in: checked against its limits before a pixel is decoded, then
 * every page kept as a grey PNG, waiting to be read (read-scans.ts). The batch and all
 * its pages are stored in one transaction: a file with a page that cannot be decoded, or
 * one page too many, stores nothing, so an upload is never half there.
 */
import sharp from 'sharp'
import { getDocumentProxy } from 'unpdf'
import type { DB } from '#src/server/db/connect.ts'
import { scanFileKind } from '#src/scan/index.ts'
import { SCAN_READER } from './scan-reader.ts'

export interface ScanLimits {
  /** A file of more bytes is refused unread. */
  maxBytes: number
  maxPages: number
  /** Width × height of one page; 300 dpi A4 is about 8.7 million. */
  maxPixelsPerPage: number
}

export const SCAN_LIMITS: ScanLimits = {
  // A 300-page batch scanned at 300 dpi grey is about 60 MB as JPEG in a PDF, 15 MB as G4 TIFF.
  maxBytes: 100 * 1024 * 1024,
  maxPages: 1000,
  maxPixelsPerPage: 50_000_000,
}

/** Why an upload is refused; each has a text under typist.scans.uploadErrors. */
export type ScanUploadProblem =
  | 'empty'
  | 'tooLarge'
  | 'kind'
  | 'tooManyPages'
  | 'pageTooLarge'
  | 'unreadable'
  | 'damaged'
  | 'roundNotOpen'

export class ScanUploadError extends Error {
  readonly key: ScanUploadProblem
  readonly params: Record<string, string | number>

  constructor(key: ScanUploadProblem, params: Record<string, string | number> = {}) {
    super(`scan upload refused: ${key}`)
    this.key = key
    this.params = params
  }
}

export interface ScanUpload {
  bytes: Uint8Array
  fileName: string
  roundId: number
  /** The staff member who uploaded it; null from the command line. */
  staffId: number | null
}

export interface StoredScan {
  batchId: number
  pages: number
}

/** Pages and (for images) the size of the first page, from the file's headers only. */
async function headerFacts(bytes: Uint8Array, kind: string): Promise<{ pages: number; pixels: number }> {
  try {
    if (kind === 'pdf') {
      const pdf = await getDocumentProxy(new Uint8Array(bytes))
      const pages = pdf.numPages
      await pdf.loadingTask.destroy()
      return { pages, pixels: 0 }
    }
    // metadata() reads the header: nothing is decoded, whatever size it announces.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata()
    return { pages: meta.pages ?? 1, pixels: (meta.width ?? 0) * (meta.height ?? 0) }
  } catch {
    throw new ScanUploadError('damaged')
  }
}

/** Refuses a file over its limits, by what its first bytes and headers say. */
export async function checkScanFile(bytes: Uint8Array, limits: ScanLimits = SCAN_LIMITS): Promise<void> {
  if (bytes.length === 0) throw new ScanUploadError('empty')
  if (bytes.length > limits.maxBytes)
    throw new ScanUploadError('tooLarge', { mb: Math.floor(limits.maxBytes / (1024 * 1024)) })
  const kind = scanFileKind(bytes)
  if (!kind) throw new ScanUploadError('kind')
  const facts = await headerFacts(bytes, kind)
  if (facts.pages > limits.maxPages) throw new ScanUploadError('tooManyPages', { max: limits.maxPages })
  if (facts.pixels > limits.maxPixelsPerPage) throw new ScanUploadError('pageTooLarge', { page: 1 })
}

/** Stores the file as a batch of pages waiting to be read; all or nothing. */
export async function storeScan(db: DB, upload: ScanUpload, limits: ScanLimits = SCAN_LIMITS): Promise<StoredScan> {
  await checkScanFile(upload.bytes, limits)
  const round = await db.selectFrom('rounds').select('status').where('id', '=', upload.roundId).executeTakeFirst()
  if (round?.status !== 'open') throw new ScanUploadError('roundNotOpen')
  return db.transaction().execute(async (tx) => {
    const batch = await tx
      .insertInto('scan_batches')
      .values({ round_id: upload.roundId, created_by: upload.staffId, file_name: upload.fileName.slice(0, 200) })
      .returning('id')
      .executeTakeFirstOrThrow()
    let stored = 0
    try {
      for await (const image of SCAN_READER.scanPages(upload.bytes)) {
        const position = stored + 1
        // Checked again per decoded page: a PDF says its image sizes only when they are decoded.
        if (position > limits.maxPages) throw new ScanUploadError('tooManyPages', { max: limits.maxPages })
        if (image.width * image.height > limits.maxPixelsPerPage)
          throw new ScanUploadError('pageTooLarge', { page: position })
        const png = await SCAN_READER.pageToPng(image)
        await tx
          .insertInto('scan_pages')
          .values({ batch_id: batch.id, round_id: upload.roundId, position, image: png })
          .execute()
        stored = position
      }
    } catch (error) {
      if (error instanceof ScanUploadError) throw error
      throw Object.assign(new ScanUploadError('unreadable', { page: stored + 1 }), { cause: error })
    }
    if (stored === 0) throw new ScanUploadError('empty')
    return { batchId: batch.id, pages: stored }
  })
}
