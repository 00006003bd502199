/**
 * Print files: the letters (or paper questionnaires) of one mailing for one
 * municipality, as one PDF in DATA_DIR/batches/, made off the request path.
 *
 * A job is a letter_batches row. Any process may take a queued job (FOR UPDATE SKIP
 * LOCKED); while it works it renews a heartbeat, and a job whose heartbeat has stopped
 * (the process died) is taken up again from the start. Making a file again is harmless:
 * the recipients and their codes were fixed when the mailing was made, so a remade file
 * has exactly the same letters, with the current template.
 *
 * The PDF is written under a temporary name and renamed when complete, so a download
 * never gets half a file. Letters are read from the database in chunks and drawn one at
 * a time (the mail-merge module streams), so memory stays flat for any size; the
 * event loop gets a turn between letters, so the web server stays responsive.
 */
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { sql } from 'kysely'
import type { AppConfig } from '#src/server/config.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { LetterBatchContent, LetterBatchStatus, MailingKind } from '#src/server/db/schema.ts'
import { formatDate } from '#src/i18n/translate.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { LetterData, LetterTemplate, PaperFormItem, PrintSet } from '#src/mailmerge/index.ts'
import { letterLanguage, writeLetterBatch, writePaperQuestionnaireBatch, writePrintSets } from '#src/mailmerge/index.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { strataOf } from '#src/server/services/rounds/strata.ts'
import { effectiveTemplate } from './letter-templates.ts'
import { assertPrintable } from './print-readiness.ts'
import type { Recipient } from './recipients.ts'
import { displayName, mailingRecipients, personalUrl, postcodeLine, siteAddress, streetLine } from './recipients.ts'
import { manifestName, openManifest } from './print-manifest.ts'
import type { PrintedVariants } from '#src/server/services/scans/paper-layouts.ts'
import { notePrinted, recordPaperLayouts } from '#src/server/services/scans/paper-layouts.ts'

/** A running job whose heartbeat is older than this is taken to be dead. */
export const HEARTBEAT_TIMEOUT_SECONDS = 120
const HEARTBEAT_EVERY_MS = 1000

export function batchFolder(config: AppConfig, roundId: number): string {
  return path.join(config.dataDir, 'batches', `ronde-${roundId}`)
}

export interface ClaimedBatch {
  id: number
  round_id: number
  mailing_id: number
  stratum_id: number
  content: LetterBatchContent
  total: number
}

export interface BatchFilter {
  mailingId?: number
  content?: LetterBatchContent | LetterBatchContent[]
}

/**
 * How a letter mailing with paper forms is printed: collated sets (per person the letter
 * and then the form, one stream; the default), or letters and forms as separate files.
 */
export type PrintLayout = 'sets' | 'separate'

/** The print files of a mailing: forms go with an invitation, and with a reminder when chosen. */
export function printContents(
  kind: MailingKind,
  options: { forms?: boolean | undefined; layout?: PrintLayout | undefined } = {},
): LetterBatchContent[] {
  if (!(options.forms ?? kind === 'invitation')) return ['letters']
  return (options.layout ?? 'sets') === 'sets' ? ['sets'] : ['letters', 'questionnaires']
}

async function claimNextBatch(db: DB, filter: BatchFilter): Promise<ClaimedBatch | undefined> {
  const result = await sql<ClaimedBatch>`
    update letter_batches set status = 'running', done = 0, error = null, heartbeat_at = now(), finished_at = null
    where id = (
      select id from letter_batches
      where (status = 'queued'
         or (status = 'running' and heartbeat_at < now() - make_interval(secs => ${HEARTBEAT_TIMEOUT_SECONDS})))
        ${filter.mailingId === undefined ? sql`` : sql`and mailing_id = ${filter.mailingId}`}
        ${filter.content === undefined ? sql`` : sql`and content in (${sql.join([filter.content].flat())})`}
      order by id
      for update skip locked
      limit 1
    )
    returning id, round_id, mailing_id, stratum_id, content, total`.execute(db)
  return result.rows[0]
}

export function letterData(r: Recipient, template: LetterTemplate, publicUrl: string, closesOn: string): LetterData {
  const closingDate = formatDate(closesOn, letterLanguage(template, r.language))
  return {
    code: r.code,
    loginUrl: personalUrl(publicUrl, r.code),
    siteUrl: siteAddress(publicUrl),
    name: displayName(r),
    addressLines: [streetLine(r), postcodeLine(r)],
    language: r.language,
    stratumName: r.stratumName,
    closingDate,
  }
}

/** The letters of a job, read from the database as they are drawn, with a turn for the event loop now and then. */
async function* lettersOf(
  db: DB,
  job: ClaimedBatch,
  template: LetterTemplate,
  config: AppConfig,
  closesOn: string,
): AsyncGenerator<LetterData> {
  let n = 0
  for await (const recipient of mailingRecipients(db, job.mailing_id, { stratumId: job.stratum_id })) {
    if (++n % 5 === 0) await nextTurn()
    yield letterData(recipient, template, config.publicUrl, closesOn)
  }
}

/** Writes the job's PDF to `file` (and a sets file's list to `manifest`); calls onProgress with the number of letters done. */
export type PrintFileWriter = (
  db: DB,
  job: ClaimedBatch,
  context: {
    config: AppConfig
    kind: MailingKind
    closesOn: string
    file: string
    manifest: string
    onProgress(done: number): void
  },
) => Promise<void>

const writeLetters: PrintFileWriter = async (db, job, { config, kind, closesOn, file, onProgress }) => {
  const { template } = await effectiveTemplate(db, job.round_id, job.stratum_id, kind)
  await writeLetterBatch(
    lettersOf(db, job, template, config, closesOn),
    template,
    createWriteStream(file, { mode: 0o600 }),
    { onProgress },
  )
}

/**
 * The printed questionnaire for each person of the mailing, in the same order as the
 * letters, with their code and barcode on every page, in their language where the
 * questionnaire has it, else in Dutch.
 */
const writeQuestionnaires: PrintFileWriter = async (db, job, { closesOn, file, onProgress }) => {
  const { definition, stratumNames } = await paperContext(db, job.round_id)
  const printed: PrintedVariants = new Map()
  async function* forms(): AsyncGenerator<PaperFormItem> {
    let n = 0
    for await (const r of mailingRecipients(db, job.mailing_id, { stratumId: job.stratum_id })) {
      if (++n % 10 === 0) await nextTurn()
      const item = formItem(r, definition)
      notePrinted(printed, r.participantId, item)
      yield item
    }
  }
  const { layouts } = await writePaperQuestionnaireBatch(
    definition,
    forms(),
    createWriteStream(file, { mode: 0o600 }),
    {
      stratumNames,
      returnBy: closesOn,
      replyAddress: await replyAddressOf(db, job),
      onProgress,
    },
  )
  // A scan of these forms is read against the layout they were printed with.
  await recordPaperLayouts(db, job.round_id, layouts, printed)
}

/** The reply address (antwoordnummer) of the forms: the municipality's, kept with its invitation letter. */
async function replyAddressOf(db: DB, job: ClaimedBatch): Promise<string[] | undefined> {
  const { template } = await effectiveTemplate(db, job.round_id, job.stratum_id, 'invitation')
  return template.sender.replyAddress
}

async function paperContext(
  db: DB,
  roundId: number,
): Promise<{ definition: QuestionnaireDefinition; stratumNames: Record<string, string> }> {
  const round = await db
    .selectFrom('rounds')
    .innerJoin('questionnaires', 'questionnaires.id', 'rounds.questionnaire_id')
    .select('questionnaires.definition')
    .where('rounds.id', '=', roundId)
    .executeTakeFirstOrThrow()
  const strata = await strataOf(db, roundId)
  return { definition: round.definition, stratumNames: Object.fromEntries(strata.map((s) => [s.code, s.name])) }
}

function formItem(r: Recipient, definition: QuestionnaireDefinition): PaperFormItem {
  const lang = definition.languages.includes(r.language) ? r.language : 'nl'
  return { code: r.code, lang, stratumName: r.stratumName, stratum: r.stratumCode }
}

/**
 * Per person the letter and then their form, as one collated stream, with the list of
 * sets for the print shop beside it (print-manifest.ts).
 */
const writeSets: PrintFileWriter = async (db, job, { config, kind, closesOn, file, manifest, onProgress }) => {
  const { template } = await effectiveTemplate(db, job.round_id, job.stratum_id, kind)
  const { definition, stratumNames } = await paperContext(db, job.round_id)
  const printed: PrintedVariants = new Map()
  async function* sets(): AsyncGenerator<PrintSet & { recipient: Recipient }> {
    let n = 0
    for await (const recipient of mailingRecipients(db, job.mailing_id, { stratumId: job.stratum_id })) {
      if (++n % 5 === 0) await nextTurn()
      const form = formItem(recipient, definition)
      notePrinted(printed, recipient.participantId, form)
      yield { letter: letterData(recipient, template, config.publicUrl, closesOn), form, recipient }
    }
  }
  const list = openManifest(manifest)
  try {
    const { layouts } = await writePrintSets(sets(), template, createWriteStream(file, { mode: 0o600 }), {
      definition,
      stratumNames,
      returnBy: closesOn,
      replyAddress: await replyAddressOf(db, job),
      onProgress,
      onSet: (set) => list.add(set.number, set.sheets, set.item.recipient),
    })
    await list.end()
    await recordPaperLayouts(db, job.round_id, layouts, printed)
  } catch (error) {
    list.abort()
    throw error
  }
}

export const PRINT_FILE_WRITERS: Record<LetterBatchContent, PrintFileWriter> = {
  letters: writeLetters,
  questionnaires: writeQuestionnaires,
  sets: writeSets,
}

const FILE_WORDS: Record<LetterBatchContent, string> = {
  letters: 'brieven',
  questionnaires: 'vragenlijsten',
  sets: 'sets',
}

export type BatchProgress = (job: ClaimedBatch, done: number) => void

async function runJob(db: DB, config: AppConfig, job: ClaimedBatch, progress?: BatchProgress): Promise<void> {
  const info = await db
    .selectFrom('letter_batches as b')
    .innerJoin('mailings as m', 'm.id', 'b.mailing_id')
    .innerJoin('rounds as r', 'r.id', 'b.round_id')
    .innerJoin('strata as s', 's.id', 'b.stratum_id')
    .select(['m.kind', 'r.closes_on', 's.code as stratum_code', 'b.file_name'])
    .where('b.id', '=', job.id)
    .executeTakeFirstOrThrow()
  const folder = batchFolder(config, job.round_id)
  await mkdir(folder, { recursive: true, mode: 0o700 })
  const name = `${info.kind === 'invitation' ? 'uitnodiging' : 'herinnering'}-${FILE_WORDS[job.content]}-${info.stratum_code.replace(/[^\w-]/g, '')}-${job.mailing_id}-${job.id}.pdf`
  const file = path.join(folder, name)
  const partial = `${file}.part`
  const manifest = path.join(folder, manifestName(name))
  const partialManifest = `${manifest}.part`

  let lastBeat = 0
  let beat: Promise<unknown> = Promise.resolve()
  const onProgress = (done: number) => {
    progress?.(job, done)
    const now = Date.now()
    if (now - lastBeat < HEARTBEAT_EVERY_MS) return
    lastBeat = now
    // Progress is advisory; one update at a time, never blocking the drawing.
    beat = beat
      .then(() =>
        db
          .updateTable('letter_batches')
          .set({ done, heartbeat_at: sql<Date>`now()` })
          .where('id', '=', job.id)
          .where('status', '=', 'running')
          .execute(),
      )
      .catch(() => undefined)
  }
  try {
    await assertPrintable(db, job.round_id, info.kind, config.publicUrl, job.stratum_id)
    await PRINT_FILE_WRITERS[job.content](db, job, {
      config,
      kind: info.kind,
      closesOn: info.closes_on,
      file: partial,
      manifest: partialManifest,
      onProgress,
    })
    await beat
    const ending = await db.transaction().execute(async (tx): Promise<'kept' | 'calledOff' | 'roundPurged'> => {
      // The round's row, shared: a purge (which locks it for update) either waits until this
      // file is recorded and then deletes it with the others, or came first: then the file
      // is not kept, and neither is the folder this job made again.
      const round = await tx
        .selectFrom('rounds')
        .select('status')
        .where('id', '=', job.round_id)
        .forShare()
        .executeTakeFirst()
      const batch = await tx.selectFrom('letter_batches').select('status').where('id', '=', job.id).executeTakeFirst()
      if (round?.status === 'purged') return 'roundPurged'
      if (batch?.status !== 'running') return 'calledOff'
      await rename(partial, file)
      if (job.content === 'sets') await rename(partialManifest, manifest)
      const size = (await stat(file)).size
      await tx
        .updateTable('letter_batches')
        .set({
          status: 'done',
          done: job.total,
          file_name: name,
          file_size: size,
          finished_at: sql<Date>`now()`,
          heartbeat_at: null,
        })
        .where('id', '=', job.id)
        .execute()
      return 'kept'
    })
    if (ending !== 'kept') {
      await rm(partial, { force: true })
      await rm(partialManifest, { force: true })
      if (ending === 'roundPurged') await deleteBatchFiles(config, job.round_id)
      return
    }
    if (info.file_name && info.file_name !== name) await removeFiles(folder, info.file_name)
  } catch (error) {
    await beat
    await rm(partial, { force: true })
    await rm(partialManifest, { force: true })
    // The message is for staff and logs: it names the failure, never a person.
    const message = error instanceof Error ? error.message.slice(0, 300) : 'unknown error'
    await db
      .updateTable('letter_batches')
      .set({ status: 'failed', error: message, finished_at: sql<Date>`now()`, heartbeat_at: null })
      .where('id', '=', job.id)
      .execute()
  }
}

/** Removes a print file and the list of sets beside it, if any. */
async function removeFiles(folder: string, fileName: string): Promise<void> {
  await rm(path.join(folder, fileName), { force: true })
  await rm(path.join(folder, manifestName(fileName)), { force: true })
}

/** Makes every queued print file (or those of one mailing or content), one after another; returns how many were taken. */
export async function runQueuedLetterBatches(
  db: DB,
  config: AppConfig,
  options: BatchFilter & { onProgress?: BatchProgress } = {},
): Promise<number> {
  let count = 0
  for (;;) {
    const job = await claimNextBatch(db, options)
    if (!job) return count
    count++
    await runJob(db, config, job, options.onProgress)
  }
}

export interface BatchView {
  id: number
  mailingId: number
  stratumId: number
  stratumName: string
  content: LetterBatchContent
  status: LetterBatchStatus
  total: number
  done: number
  fileName: string | null
  fileSize: number | null
  error: string | null
  /** 0–100 */
  percent: number
}

export async function batchesOfRound(db: DB, roundId: number, mailingId?: number): Promise<BatchView[]> {
  let query = db
    .selectFrom('letter_batches as b')
    .innerJoin('strata as s', 's.id', 'b.stratum_id')
    .select([
      'b.id',
      'b.mailing_id',
      'b.stratum_id',
      's.name',
      'b.content',
      'b.status',
      'b.total',
      'b.done',
      'b.file_name',
      'b.file_size',
      'b.error',
    ])
    .where('b.round_id', '=', roundId)
  if (mailingId !== undefined) query = query.where('b.mailing_id', '=', mailingId)
  const rows = await query.orderBy('b.mailing_id', 'desc').orderBy('b.content').orderBy('s.id').execute()
  return rows.map((r) => ({
    id: r.id,
    mailingId: r.mailing_id,
    stratumId: r.stratum_id,
    stratumName: r.name,
    content: r.content,
    status: r.status,
    total: r.total,
    done: r.status === 'done' ? r.total : r.done,
    fileName: r.file_name,
    fileSize: r.file_size,
    error: r.error,
    percent: r.total > 0 ? Math.floor(((r.status === 'done' ? r.total : r.done) / r.total) * 100) : 100,
  }))
}

async function finishedBatch(db: DB, roundId: number, batchId: number) {
  const row = await db
    .selectFrom('letter_batches')
    .select(['file_name', 'status', 'content'])
    .where('id', '=', batchId)
    .where('round_id', '=', roundId)
    .executeTakeFirst()
  return row?.status === 'done' && row.file_name ? { fileName: row.file_name, content: row.content } : undefined
}

/** The finished file of a batch of this round, or undefined. */
export async function batchFile(
  db: DB,
  config: AppConfig,
  roundId: number,
  batchId: number,
): Promise<{ path: string; name: string } | undefined> {
  const batch = await finishedBatch(db, roundId, batchId)
  if (!batch) return undefined
  return { path: path.join(batchFolder(config, roundId), batch.fileName), name: batch.fileName }
}

/** The list of sets beside a finished sets file of this round, or undefined. */
export async function batchManifest(
  db: DB,
  config: AppConfig,
  roundId: number,
  batchId: number,
): Promise<{ path: string; name: string } | undefined> {
  const batch = await finishedBatch(db, roundId, batchId)
  if (batch?.content !== 'sets') return undefined
  const name = manifestName(batch.fileName)
  return { path: path.join(batchFolder(config, roundId), name), name }
}

/** How a mailing's files are printed now; undefined for letters without forms. */
export function layoutOf(contents: LetterBatchContent[]): PrintLayout | undefined {
  if (contents.includes('sets')) return 'sets'
  return contents.includes('questionnaires') ? 'separate' : undefined
}

/**
 * Makes a mailing's files again in the other layout (sets, or letters and forms apart):
 * same people, same codes. Refused (0) while a file is being made, and for a mailing
 * without forms. The old files are removed.
 */
export async function changePrintLayout(
  db: DB,
  config: AppConfig,
  roundId: number,
  mailingId: number,
  layout: PrintLayout,
  actor: AuditActor,
): Promise<number> {
  const old = await db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('letter_batches')
      .innerJoin('mailings', 'mailings.id', 'letter_batches.mailing_id')
      .select(['letter_batches.id', 'content', 'status', 'stratum_id', 'total', 'file_name', 'mailings.kind'])
      .where('letter_batches.round_id', '=', roundId)
      .where('mailing_id', '=', mailingId)
      .orderBy('letter_batches.id')
      .forUpdate()
      .execute()
    const current = layoutOf(rows.map((r) => r.content))
    if (!current || current === layout || rows.some((r) => r.status === 'queued' || r.status === 'running'))
      return undefined
    await tx.deleteFrom('letter_batches').where('mailing_id', '=', mailingId).execute()
    const strata = new Map(rows.map((r) => [r.stratum_id, r.total]))
    const contents = printContents(rows[0]!.kind, { forms: true, layout })
    for (const [stratumId, total] of strata)
      for (const content of contents)
        await tx
          .insertInto('letter_batches')
          .values({
            round_id: roundId,
            mailing_id: mailingId,
            stratum_id: stratumId,
            content,
            total,
            created_by: actor.id,
          })
          .execute()
    await audit(tx, actor, 'letters.layout', { mailingId, content: contents.join(', ') }, roundId)
    return { files: rows.map((r) => r.file_name), made: strata.size * contents.length }
  })
  if (!old) return 0
  const folder = batchFolder(config, roundId)
  for (const name of old.files) if (name) await removeFiles(folder, name)
  return old.made
}

/**
 * Makes the files of a mailing again (a reprint, or after the template changed): same
 * people, same codes; no new mailing is recorded.
 */
export async function remakeBatches(
  db: DB,
  roundId: number,
  mailingId: number,
  actor: AuditActor,
  content?: LetterBatchContent,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    let update = tx
      .updateTable('letter_batches')
      .set({ status: 'queued', done: 0, error: null })
      .where('round_id', '=', roundId)
      .where('mailing_id', '=', mailingId)
      .where('status', 'in', ['done', 'failed'])
    if (content) update = update.where('content', '=', content)
    const result = await update.executeTakeFirst()
    const count = Number(result.numUpdatedRows)
    await audit(tx, actor, 'letters.remake', { mailingId, files: count, ...(content ? { content } : {}) }, roundId)
    return count
  })
}

/** Deletes a round's print files from disk (personal data): for purge. */
export async function deleteBatchFiles(config: AppConfig, roundId: number): Promise<void> {
  await rm(batchFolder(config, roundId), { recursive: true, force: true })
}
