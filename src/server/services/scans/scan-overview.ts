/**
 * What the scans page lists for a round: each uploaded file with how far its reading is,
 * the pages that could not be used, forms that still miss a page, and forms ready for a
 * typist's check.
 */
import { sql } from 'kysely'
import sharp from 'sharp'
import type { DB } from '#src/server/db/connect.ts'
import type { ScanBatchStatus, ScanPageProblem } from '#src/server/db/schema.ts'
import type { FormLayout } from '#src/mailmerge/paper-layout.ts'
import type { FormReading } from '#src/scan/index.ts'
import { pagesWithAnswers } from './read-scans.ts'

export interface ProblemPage {
  pageId: number
  /** 1-based page of the uploaded file. */
  position: number
  problem: ScanPageProblem
}

export interface BatchOverview {
  id: number
  roundId: number
  fileName: string
  createdAt: Date
  status: ScanBatchStatus
  pages: number
  /** Pages no longer waiting: read, or with a problem. */
  pagesRead: number
  problems: ProblemPage[]
}

export interface IncompleteForm {
  formId: string
  code: string
  missingPages: number[]
}

export interface ReadyForm {
  formId: string
  code: string
  /** Fields a typist must look at: uncertain ticks and handwriting. */
  uncertain: number
}

export interface ScanOverview {
  batches: BatchOverview[]
  incomplete: IncompleteForm[]
  ready: ReadyForm[]
}

export async function scanOverview(db: DB, roundIds: number[]): Promise<ScanOverview> {
  if (roundIds.length === 0) return { batches: [], incomplete: [], ready: [] }
  const batches = await db
    .selectFrom('scan_batches as b')
    .leftJoin('scan_pages as p', 'p.batch_id', 'b.id')
    .select([
      'b.id',
      'b.round_id',
      'b.file_name',
      'b.created_at',
      'b.status',
      sql<number>`count(p.id)::int`.as('pages'),
      sql<number>`(count(p.id) filter (where p.status <> 'pending'))::int`.as('pagesRead'),
    ])
    .where('b.round_id', 'in', roundIds)
    .groupBy('b.id')
    .orderBy('b.id', 'desc')
    .execute()
  const problems = await db
    .selectFrom('scan_pages')
    .select(['id', 'batch_id', 'position', 'problem'])
    .where('round_id', 'in', roundIds)
    .where('status', '=', 'problem')
    .orderBy('batch_id')
    .orderBy('position')
    .execute()
  const forms = await db
    .selectFrom('scan_forms as f')
    .innerJoin('participants as pa', 'pa.id', 'f.participant_id')
    .innerJoin('paper_layouts as l', 'l.id', 'f.layout_id')
    .select([
      'f.id',
      'f.status',
      'f.reading',
      'pa.code',
      'l.layout',
      sql<number[]>`coalesce((select array_agg(distinct s.form_page) from scan_pages s
        where s.form_id = f.id and s.status = 'read'), '{}')`.as('pagesThere'),
    ])
    .where('f.round_id', 'in', roundIds)
    .orderBy('f.created_at')
    .execute()
  return {
    batches: batches.map((b) => ({
      id: b.id,
      roundId: b.round_id,
      fileName: b.file_name,
      createdAt: b.created_at,
      status: b.status,
      pages: b.pages,
      pagesRead: b.pagesRead,
      problems: problems
        .filter((p) => p.batch_id === b.id)
        .map((p) => ({ pageId: p.id, position: p.position, problem: p.problem! })),
    })),
    incomplete: forms
      .filter((f) => f.status === 'incomplete')
      .map((f) => ({
        formId: f.id,
        code: f.code ?? '',
        missingPages: pagesWithAnswers(f.layout as FormLayout).filter((n) => !f.pagesThere.includes(n)),
      })),
    ready: forms
      .filter((f) => f.status === 'ready')
      .map((f) => ({
        formId: f.id,
        code: f.code ?? '',
        uncertain: ((f.reading as FormReading | null)?.fields ?? []).filter((field) => !field.certain).length,
      })),
  }
}

/** Width of a page's thumbnail: enough to tell one sheet from another, too small to read handwriting well. */
const THUMBNAIL_WIDTH = 240

/** A small PNG of a page, if the page is of one of `roundIds`. */
export async function scanPageThumbnail(db: DB, pageId: number, roundIds: number[]): Promise<Buffer | undefined> {
  if (!Number.isSafeInteger(pageId) || roundIds.length === 0) return undefined
  const row = await db
    .selectFrom('scan_pages')
    .select('image')
    .where('id', '=', pageId)
    .where('round_id', 'in', roundIds)
    .executeTakeFirst()
  if (!row) return undefined
  return sharp(row.image).resize({ width: THUMBNAIL_WIDTH }).png().toBuffer()
}
