/**
 * Reading the pages that wait (status pending), one at a time, each in a transaction of
 * its own: a stop (crash, restart, deploy) loses at most the page being read, and the
 * next run goes on with the pages still pending. Several processes may read at once:
 * a page is claimed with SKIP LOCKED, and the form of a code is locked while a page is
 * added to it, so the last page of a form sees all the others.
 *
 * A page gives its form's code and page number (barcode) and where it lies (marks); the
 * code's participant gives the layout the form was printed with. When every page of the
 * layout with answer areas is there, the form is read and waits for a typist's check.
 * What cannot be used is kept as a problem with its page, never guessed.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { ScanPageProblem } from '#src/server/db/schema.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { FormLayout } from '#src/mailmerge/paper-layout.ts'
import { FORM_LAYOUT_VERSION } from '#src/mailmerge/paper-layout.ts'
import type { PageMarks, PagePlacement, PlacedPage } from '#src/scan/index.ts'
import { SCAN_READER } from './scan-reader.ts'

export type PageOutcome =
  | { kind: 'read'; formId: string; formReady: boolean }
  | { kind: 'problem'; problem: ScanPageProblem }

export interface ReadRun {
  pages: number
  problems: number
  formsReady: number
}

export interface ReadOptions {
  /** Only the pages of these batches (the command line reads what it stored). */
  batchIds?: number[]
  onPage?(outcome: PageOutcome): void
}

/** The pages of a layout a form needs: those with something to tick or write (a blank back may be missing). */
export function pagesWithAnswers(layout: FormLayout): number[] {
  return layout.pages.filter((p) => p.areas.length > 0).map((p) => p.page)
}

/** Reads every pending page (of the batches asked for), then marks batches without pending pages done. */
export async function readPendingScans(db: DB, options: ReadOptions = {}): Promise<ReadRun> {
  const run: ReadRun = { pages: 0, problems: 0, formsReady: 0 }
  const definitions = new Map<number, QuestionnaireDefinition>()
  for (;;) {
    let claimed: number | undefined
    let outcome: PageOutcome | undefined
    try {
      outcome = await db.transaction().execute(async (tx) => {
        const page = await tx
          .selectFrom('scan_pages')
          .select(['id', 'batch_id', 'round_id', 'image'])
          .where('status', '=', 'pending')
          .$if(options.batchIds !== undefined, (q) => q.where('batch_id', 'in', [...options.batchIds!, -1]))
          .orderBy('id')
          .forUpdate()
          .skipLocked()
          .limit(1)
          .executeTakeFirst()
        if (!page) return undefined
        claimed = page.id
        const result = await readOnePage(tx, page, definitions)
        await finishBatchIfRead(tx, page.batch_id)
        return result
      })
    } catch (error) {
      // A page the reader fails on must not hold up the pages after it, run after run:
      // it is listed as unreadable (a typist keys that form). Without a page, or when
      // even that cannot be written (the database is gone), the run stops here.
      if (claimed === undefined) throw error
      outcome = await markUnreadable(db, claimed).catch(() => {
        throw error
      })
    }
    if (!outcome) break
    run.pages++
    if (outcome.kind === 'problem') run.problems++
    else if (outcome.formReady) run.formsReady++
    options.onPage?.(outcome)
  }
  // A page read by another process at the same moment may have left its batch unmarked.
  await db
    .updateTable('scan_batches')
    .set({ status: 'done' })
    .where('status', '=', 'reading')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('scan_pages')
            .select(sql`1`.as('one'))
            .whereRef('scan_pages.batch_id', '=', 'scan_batches.id')
            .where('scan_pages.status', '=', 'pending'),
        ),
      ),
    )
    .execute()
  return run
}

async function markUnreadable(db: DB, pageId: number): Promise<PageOutcome> {
  return db.transaction().execute(async (tx) => {
    const page = await tx
      .updateTable('scan_pages')
      .set({ status: 'problem', problem: 'barcode' })
      .where('id', '=', pageId)
      .where('status', '=', 'pending')
      .returning('batch_id')
      .executeTakeFirst()
    if (page) await finishBatchIfRead(tx, page.batch_id)
    return { kind: 'problem', problem: 'barcode' }
  })
}

async function finishBatchIfRead(tx: DB, batchId: number): Promise<void> {
  const pending = await tx
    .selectFrom('scan_pages')
    .select('id')
    .where('batch_id', '=', batchId)
    .where('status', '=', 'pending')
    .limit(1)
    .executeTakeFirst()
  if (!pending) await tx.updateTable('scan_batches').set({ status: 'done' }).where('id', '=', batchId).execute()
}

async function problem(tx: DB, pageId: number, problem: ScanPageProblem, formId?: string): Promise<PageOutcome> {
  await tx
    .updateTable('scan_pages')
    .set({ status: 'problem', problem, form_id: formId ?? null })
    .where('id', '=', pageId)
    .execute()
  return { kind: 'problem', problem }
}

async function readOnePage(
  tx: DB,
  page: { id: number; round_id: number; image: Buffer },
  definitions: Map<number, QuestionnaireDefinition>,
): Promise<PageOutcome> {
  const image = await SCAN_READER.pngToPage(page.image)
  const read = await SCAN_READER.readPage(image)
  if (!read.ok) return problem(tx, page.id, read.problem)
  const participant = await tx
    .selectFrom('participants')
    .select(['id', 'paper_layout_id', 'completed_mode'])
    .where('round_id', '=', page.round_id)
    .where('code', '=', read.code)
    // The same lock a keyed form takes first (paper-entry.ts): a scan and a save never cross.
    .forUpdate()
    .executeTakeFirst()
  if (!participant) return problem(tx, page.id, 'unknownCode')
  if (participant.completed_mode === 'paper') return problem(tx, page.id, 'formStored')
  if (participant.paper_layout_id === null) return problem(tx, page.id, 'noLayout')

  await tx
    .insertInto('scan_forms')
    .values({ round_id: page.round_id, participant_id: participant.id, layout_id: participant.paper_layout_id })
    .onConflict((oc) => oc.column('participant_id').doNothing())
    .execute()
  const form = await tx
    .selectFrom('scan_forms as f')
    .innerJoin('paper_layouts as l', 'l.id', 'f.layout_id')
    .select(['f.id', 'f.status', 'l.layout'])
    .where('f.participant_id', '=', participant.id)
    .forUpdate('f')
    .executeTakeFirstOrThrow()
  const layout = form.layout
  if (layout.version !== FORM_LAYOUT_VERSION) return problem(tx, page.id, 'noLayout')
  // A page number the printed form does not have: the barcode was not this form's.
  if (!layout.pages.some((p) => p.page === read.page)) return problem(tx, page.id, 'barcode')
  const twice = await tx
    .selectFrom('scan_pages')
    .select('id')
    .where('form_id', '=', form.id)
    .where('form_page', '=', read.page)
    .where('status', '=', 'read')
    .executeTakeFirst()
  // Kept with the form, so that it goes when the form is stored.
  if (twice) return problem(tx, page.id, 'pageTwice', form.id)

  // The page's boxes are measured now, while it is decoded: the form is put together from these.
  const marks = SCAN_READER.marksOfPage(layout, { page: read.page, image, placement: read.placement })
  await tx
    .updateTable('scan_pages')
    .set({
      status: 'read',
      form_id: form.id,
      form_page: read.page,
      placement: JSON.stringify(read.placement),
      marks: JSON.stringify(marks),
    })
    .where('id', '=', page.id)
    .execute()
  if (form.status === 'ready') return { kind: 'read', formId: form.id, formReady: false }

  const pages = await tx
    .selectFrom('scan_pages')
    .select('marks')
    .where('form_id', '=', form.id)
    .where('status', '=', 'read')
    .execute()
  const pageMarks = pages.map((p) => p.marks as PageMarks)
  const needed = pagesWithAnswers(layout)
  if (!needed.every((n) => pageMarks.some((p) => p.page === n)))
    return { kind: 'read', formId: form.id, formReady: false }
  const definition = await definitionOf(tx, page.round_id, definitions)
  const reading = SCAN_READER.formFromMarks(
    definition,
    layout,
    pageMarks.filter((p) => needed.includes(p.page)),
  )
  await tx
    .updateTable('scan_forms')
    .set({ status: 'ready', reading: JSON.stringify(reading) })
    .where('id', '=', form.id)
    .execute()
  return { kind: 'read', formId: form.id, formReady: true }
}

/** The read pages of a form, decoded, with where each lies on its image: what cut-outs are made from. */
export async function placedPagesOf(db: DB, formId: string): Promise<PlacedPage[]> {
  const rows = await db
    .selectFrom('scan_pages')
    .select(['form_page', 'image', 'placement'])
    .where('form_id', '=', formId)
    .where('status', '=', 'read')
    .orderBy('form_page')
    .execute()
  return Promise.all(
    rows.map(async (row) => ({
      page: row.form_page!,
      image: await SCAN_READER.pngToPage(row.image),
      placement: row.placement as PagePlacement,
    })),
  )
}

async function definitionOf(
  tx: DB,
  roundId: number,
  cache: Map<number, QuestionnaireDefinition>,
): Promise<QuestionnaireDefinition> {
  let definition = cache.get(roundId)
  if (!definition) {
    const row = await tx
      .selectFrom('rounds')
      .innerJoin('questionnaires', 'questionnaires.id', 'rounds.questionnaire_id')
      .select('questionnaires.definition')
      .where('rounds.id', '=', roundId)
      .executeTakeFirstOrThrow()
    definition = row.definition
    cache.set(roundId, definition)
  }
  return definition
}
