/**
 * Scans in, pages read, forms put together, problems listed: with forms printed the way
 * the app prints them and rasterised as a scanner would.
 */
import { crc32 } from 'node:zlib'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import type { AppConfig } from '#src/server/config.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import { PRINTABLE_URL } from '#test/helpers/letters.ts'
import { testConfig } from '#test/helpers/app.ts'
import { renderToolsAvailable } from '#test/mailmerge/pdf-tools.ts'
import { SCAN_READER } from '#src/server/services/scans/scan-reader.ts'
import type { ScanUploadError } from '#src/server/services/scans/store-scan.ts'
import { SCAN_LIMITS, storeScan } from '#src/server/services/scans/store-scan.ts'
import { readPendingScans } from '#src/server/services/scans/read-scans.ts'
import { scanOverview } from '#src/server/services/scans/scan-overview.ts'
import { loadScannedForm, scannedFormPages } from '#src/server/services/scans/scanned-forms.ts'
import { forgetScannedForm } from '#src/server/services/scans/forget-scanned-form.ts'
import { vacuumScans } from '#src/server/services/scans/forget-scans.ts'
import { closeRound } from '#src/server/services/rounds/rounds.ts'
import { purgeRound } from '#src/server/services/rounds/purge.ts'
import type { PrintedForms } from './_scans.ts'
import { blankPage, imagePdf, printedForms } from './_scans.ts'

const canRender = renderToolsAvailable()
let database: DatabaseHandle
let config: AppConfig
let forms: PrintedForms
let codes: string[]

beforeAll(async () => {
  database = await createTestDatabase({ inspectPages: true })
  config = testConfig({ publicUrl: PRINTABLE_URL })
  if (canRender) {
    forms = await printedForms(database.db, config, 3)
    codes = [...forms.pagesOf.keys()]
  }
}, 60_000)
afterAll(async () => {
  await database.close()
})

const page = (code: number, n: number) => forms.pagesOf.get(codes[code]!)![n - 1]!
const upload = (bytes: Uint8Array, roundId = forms.round.roundId) =>
  storeScan(database.db, { bytes, fileName: 'scan.pdf', roundId, staffId: null })
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: ScanUploadError) => ({ key: error.key, params: error.params }),
  )
async function pagesOfBatch(batchId: number) {
  return database.db
    .selectFrom('scan_pages')
    .select(['position', 'status', 'problem', 'form_page'])
    .where('batch_id', '=', batchId)
    .orderBy('position')
    .execute()
}
async function clearScans() {
  await database.db.deleteFrom('scan_pages').execute()
  await database.db.deleteFrom('scan_forms').execute()
  await database.db.deleteFrom('scan_batches').execute()
}

describe.skipIf(!canRender)('scans of returned paper forms', () => {
  it('puts pages that came in any order together into one form per code, ready to check', async () => {
    await clearScans()
    // Form B's first page before form A's, A's second page first of all.
    const file = await imagePdf([page(0, 2), page(1, 1), page(0, 1), page(1, 2)])
    const stored = await upload(file)
    expect(stored.pages).toBe(4)
    expect((await pagesOfBatch(stored.batchId)).every((p) => p.status === 'pending')).toBe(true)

    const run = await readPendingScans(database.db)
    expect(run).toEqual({ pages: 4, problems: 0, formsReady: 2 })
    expect((await pagesOfBatch(stored.batchId)).map((p) => [p.status, p.form_page])).toEqual([
      ['read', 2],
      ['read', 1],
      ['read', 1],
      ['read', 2],
    ])
    const overview = await scanOverview(database.db, [forms.round.roundId])
    expect(overview.batches).toMatchObject([
      { id: stored.batchId, status: 'done', pages: 4, pagesRead: 4, problems: [] },
    ])
    expect(overview.incomplete).toEqual([])
    expect(overview.ready.map((f) => f.code).sort()).toEqual([codes[0], codes[1]].sort())

    // What the checking screen gets: the values read, and the pages to cut answers out of.
    const form = await loadScannedForm(database.db, overview.ready[0]!.formId)
    expect(form).toMatchObject({ status: 'ready', code: overview.ready[0]!.code, roundId: forms.round.roundId })
    expect(form!.reading!.fields.length).toBeGreaterThan(0)
    const placed = await scannedFormPages(database.db, form!.id)
    expect(placed.map((p) => p.page)).toEqual([1, 2])
    expect(placed[0]!.image.width).toBeGreaterThan(1000)
  })

  it('lists a page of an unknown code, an unreadable page and a page that came twice, and guesses none', async () => {
    await clearScans()
    const other = await printedForms(database.db, config, 1)
    const [foreign] = [...other.pagesOf.values()]
    const file = await imagePdf([page(0, 1), await blankPage(), foreign![0]!, page(0, 1)])
    const stored = await upload(file)
    expect(await readPendingScans(database.db)).toEqual({ pages: 4, problems: 3, formsReady: 0 })
    const [batch] = (await scanOverview(database.db, [forms.round.roundId])).batches
    expect(batch!.problems.map((p) => [p.position, p.problem])).toEqual([
      // A white page: no registration marks to place it by.
      [2, 'marks'],
      [3, 'unknownCode'],
      [4, 'pageTwice'],
    ])
    expect(batch!.id).toBe(stored.batchId)
  })

  it('leaves a form with a missing page incomplete, and completes it when the page comes in a later file', async () => {
    await clearScans()
    await upload(await imagePdf([page(2, 1)]))
    await readPendingScans(database.db)
    let overview = await scanOverview(database.db, [forms.round.roundId])
    expect(overview.incomplete).toMatchObject([{ code: codes[2], missingPages: [2] }])
    expect(overview.ready).toEqual([])

    await upload(await imagePdf([page(2, 2)]))
    expect(await readPendingScans(database.db)).toMatchObject({ pages: 1, formsReady: 1 })
    overview = await scanOverview(database.db, [forms.round.roundId])
    expect(overview.incomplete).toEqual([])
    expect(overview.ready.map((f) => f.code)).toEqual([codes[2]])
  })

  it('goes on after a stop with the pages still waiting', async () => {
    await clearScans()
    const stored = await upload(await imagePdf([page(0, 1), page(0, 2), page(1, 1), page(1, 2)]))
    let pages = 0
    // The process stops (a restart) after the second page is committed.
    const stopped = readPendingScans(database.db, {
      onPage: () => {
        if (++pages === 2) throw new Error('process stopped')
      },
    })
    await expect(stopped).rejects.toThrow('process stopped')
    expect((await pagesOfBatch(stored.batchId)).map((p) => p.status)).toEqual(['read', 'read', 'pending', 'pending'])
    let overview = await scanOverview(database.db, [forms.round.roundId])
    expect(overview.batches[0]).toMatchObject({ status: 'reading', pagesRead: 2, pages: 4 })
    expect(overview.ready.map((f) => f.code)).toEqual([codes[0]])

    expect(await readPendingScans(database.db)).toEqual({ pages: 2, problems: 0, formsReady: 1 })
    overview = await scanOverview(database.db, [forms.round.roundId])
    expect(overview.batches[0]).toMatchObject({ status: 'done', pagesRead: 4 })
    expect(overview.ready).toHaveLength(2)
  })

  it('lists a page the reader fails on as unreadable and reads the pages after it', async () => {
    await clearScans()
    const stored = await upload(await imagePdf([page(0, 1), page(1, 1), page(1, 2)]))
    const readPage = SCAN_READER.readPage
    let calls = 0
    SCAN_READER.readPage = async (image) => {
      if (++calls === 1) throw new Error('reader bug')
      return readPage(image)
    }
    try {
      expect(await readPendingScans(database.db)).toEqual({ pages: 3, problems: 1, formsReady: 1 })
    } finally {
      SCAN_READER.readPage = readPage
    }
    expect((await pagesOfBatch(stored.batchId)).map((p) => [p.status, p.problem])).toEqual([
      ['problem', 'barcode'],
      ['read', null],
      ['read', null],
    ])
  })

  it('lists a page of a form that is stored already', async () => {
    await clearScans()
    const participant = forms.round.participants.find((p) => p.code === codes[1])!
    const before = await database.db
      .selectFrom('participants')
      .select('status')
      .where('id', '=', participant.id)
      .executeTakeFirstOrThrow()
    await database.db
      .updateTable('participants')
      .set({ status: 'completed', completed_mode: 'paper' })
      .where('id', '=', participant.id)
      .execute()
    try {
      await upload(await imagePdf([page(1, 1)]))
      await readPendingScans(database.db)
      const [batch] = (await scanOverview(database.db, [forms.round.roundId])).batches
      expect(batch!.problems.map((p) => p.problem)).toEqual(['formStored'])
    } finally {
      await database.db
        .updateTable('participants')
        .set({ status: before.status, completed_mode: null })
        .where('id', '=', participant.id)
        .execute()
    }
  })

  describe('an upload', () => {
    it('stores nothing when one page cannot be decoded: all or nothing', async () => {
      await clearScans()
      const scanPages = SCAN_READER.scanPages
      SCAN_READER.scanPages = async function* (bytes) {
        let n = 0
        for await (const image of scanPages(bytes)) {
          if (++n === 3) throw new Error('corrupt image data')
          yield image
        }
      }
      try {
        const file = await imagePdf([page(0, 1), page(0, 2), page(1, 1)])
        expect(await refusal(upload(file))).toEqual({ key: 'unreadable', params: { page: 3 } })
      } finally {
        SCAN_READER.scanPages = scanPages
      }
      expect(await database.db.selectFrom('scan_batches').select('id').execute()).toEqual([])
      expect(await database.db.selectFrom('scan_pages').select('id').execute()).toEqual([])
    })

    it('is refused before decoding when it is too large, not a scan, or has too many or too large pages', async () => {
      const scanPages = SCAN_READER.scanPages
      let decoded = 0
      SCAN_READER.scanPages = (bytes) => {
        decoded++
        return scanPages(bytes)
      }
      const small = { ...SCAN_LIMITS, maxBytes: 10_000 }
      const file = await imagePdf([page(0, 1), page(0, 2)])
      const roundId = forms.round.roundId
      const store = (bytes: Uint8Array, limits = SCAN_LIMITS) =>
        refusal(storeScan(database.db, { bytes, fileName: 'x', roundId, staffId: null }, limits))
      try {
        expect(await store(file, small)).toEqual({ key: 'tooLarge', params: { mb: 0 } })
        expect(await store(Buffer.from('klantnummer;naam\n1;Jansen\n'))).toMatchObject({ key: 'kind' })
        expect(await store(new Uint8Array())).toMatchObject({ key: 'empty' })
        expect(await store(file, { ...SCAN_LIMITS, maxPages: 1 })).toEqual({ key: 'tooManyPages', params: { max: 1 } })
        // A PNG whose header announces 100,000 × 100,000 pixels (a decompression bomb).
        const header = Buffer.from(page(0, 1))
        header.writeUInt32BE(100_000, 16)
        header.writeUInt32BE(100_000, 20)
        header.writeUInt32BE(crc32(header.subarray(12, 29)), 29)
        expect(await store(header)).toMatchObject({ key: 'pageTooLarge' })
        expect(decoded).toBe(0)
      } finally {
        SCAN_READER.scanPages = scanPages
      }
    })
  })

  it('forgets a form and its pages: no row, and after the vacuum no bytes in the table files', async () => {
    await clearScans()
    await upload(await imagePdf([page(0, 1), page(0, 2), page(0, 2)]))
    await readPendingScans(database.db)
    const [ready] = (await scanOverview(database.db, [forms.round.roundId])).ready
    const { image } = await database.db
      .selectFrom('scan_pages')
      .select('image')
      .where('form_id', '=', ready!.formId)
      .where('form_page', '=', 1)
      .executeTakeFirstOrThrow()
    await sql`create extension if not exists pageinspect`.execute(database.db)
    // A piece of the page image, and the form's id, as they lie in the table files.
    const needle = image.subarray(200, 264)
    const formIdBytes = Buffer.from(ready!.formId.replaceAll('-', ''), 'hex')
    const found = async () => {
      const { rows } = await sql<{ relation: string; hits: number }>`
        with relations as (
          select 'scan_pages'::regclass as rel union all select 'scan_forms'::regclass
          union all select reltoastrelid::regclass from pg_class where oid = 'scan_pages'::regclass
        ), items as (
          select r.rel::text as relation, (heap_page_items(get_raw_page(r.rel::text, blkno::int))).t_data
          from relations r, generate_series(0, pg_relation_size(r.rel) / current_setting('block_size')::int - 1) blkno
        )
        select relation, count(*)::int as hits from items
        where t_data is not null and (position(${needle}::bytea in t_data) > 0 or position(${formIdBytes}::bytea in t_data) > 0)
        group by relation order by relation`.execute(database.db)
      return rows.reduce((n, r) => n + r.hits, 0)
    }
    expect(await found()).toBeGreaterThan(0)

    await database.db.transaction().execute((tx) => forgetScannedForm(tx, ready!.formId))
    expect(await loadScannedForm(database.db, ready!.formId)).toBeUndefined()
    const participant = forms.round.participants.find((p) => p.code === codes[0])!
    // Nothing of the scan stays linked to the code: no form, no page (the page that came twice included).
    expect(
      await database.db.selectFrom('scan_forms').select('id').where('participant_id', '=', participant.id).execute(),
    ).toEqual([])
    expect(await database.db.selectFrom('scan_pages').select('id').execute()).toEqual([])
    await vacuumScans(database.db)
    expect(await found()).toBe(0)
  })

  it('deletes every scan of a round with its purge, problem pages included', async () => {
    await clearScans()
    const round = await printedForms(database.db, config, 1)
    const [pages] = [...round.pagesOf.values()]
    await upload(await imagePdf([pages![0]!, await blankPage()]), round.round.roundId)
    await readPendingScans(database.db)
    const actor = { id: null, username: 'test' }
    await closeRound(database.db, actor, round.round.roundId)
    expect(await purgeRound(database.db, config, actor, round.round.roundId, 'confirmed')).toMatchObject({ ok: true })
    for (const table of ['scan_batches', 'scan_pages', 'scan_forms'] as const)
      expect(await database.db.selectFrom(table).select('round_id').execute(), table).toEqual([])
  })
})
