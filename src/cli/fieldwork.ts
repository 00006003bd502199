/** What the fieldwork commands share: the round option, the audit actor, a progress line, print files, e-mail. */
import { createWriteStream } from 'node:fs'
import { copyFile, mkdir } from 'node:fs/promises'
import { userInfo } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { DB } from '#src/server/db/connect.ts'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'
import { loadStaffRound } from '#src/server/services/rounds/staff-round.ts'
import type { AppConfig } from '#src/server/config.ts'
import type { LetterBatchContent, MailingKind } from '#src/server/db/schema.ts'
import { translator as translatorIn } from '#src/i18n/translate.ts'
import { assertPrintable, describeProblems, PrintRefusedError } from '#src/server/services/fieldwork/print-readiness.ts'
import { testPrintFileName, writeTestPrint } from '#src/server/services/fieldwork/test-print.ts'
import type { PrintLayout } from '#src/server/services/fieldwork/letter-batches.ts'
import {
  batchesOfRound,
  batchFolder,
  changePrintLayout,
  layoutOf,
  remakeBatches,
  runQueuedLetterBatches,
} from '#src/server/services/fieldwork/letter-batches.ts'
import { manifestName } from '#src/server/services/fieldwork/print-manifest.ts'
import { createMailings, mailingHistory } from '#src/server/services/fieldwork/mailings.ts'
import { createMailTransport } from '#src/server/services/fieldwork/mail-transport.ts'
import { processEmailQueue, queueStatus } from '#src/server/services/fieldwork/email-queue.ts'
import type { Command } from './command.ts'
import { RefusedError, UsageError } from './command.ts'
import { prepareOutputFolder } from './output-paths.ts'

/** The audit log names the command line and the operating-system user. */
export function cliActor() {
  let user = 'unknown'
  try {
    user = userInfo().username
  } catch {
    // no user name in some containers
  }
  return { id: null, username: `cli:${user}` }
}

export async function roundOption(db: DB, value: string | undefined): Promise<StaffRound> {
  if (!value || !/^\d{1,9}$/.test(value)) throw new UsageError('--round: the number of the round (see /beheer/rondes)')
  const round = await loadStaffRound(db, Number(value))
  if (!round) throw new UsageError(`There is no round ${value}.`)
  return round
}

/** A progress line that rewrites itself on a terminal and prints every tenth on a pipe. */
export function progressLine(out: NodeJS.WritableStream) {
  const tty = Boolean((out as { isTTY?: boolean }).isTTY)
  let lastPercent = -1
  let lastLabel = ''
  return {
    update(label: string, done: number, total: number) {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100
      if (label === lastLabel && percent === lastPercent) return
      if (!tty && label === lastLabel && percent % 10 !== 0) return
      lastPercent = percent
      lastLabel = label
      out.write(`${tty ? '\r\x1b[K' : ''}${label}: ${done}/${total} (${percent}%)${tty ? '' : '\n'}`)
    },
    end() {
      if (tty && lastLabel) out.write('\n')
      lastLabel = ''
      lastPercent = -1
    },
  }
}

/** The letter mailing named by --mailing, or the round's invitation letters (made now if there are none yet). */
export async function letterMailingOption(
  db: DB,
  config: AppConfig,
  round: StaffRound,
  value: string | undefined,
  out: NodeJS.WritableStream,
  layout?: PrintLayout,
): Promise<number> {
  const letters = (await mailingHistory(db, round.id)).filter((m) => m.channel === 'letter')
  if (value !== undefined) {
    const mailing = letters.find((m) => String(m.id) === value)
    if (!mailing)
      throw new UsageError(
        `--mailing: no letter mailing ${value} in round ${round.id}; there are: ${letters.map((m) => `${m.id} (${m.kind})`).join(', ') || 'none'}`,
      )
    return mailing.id
  }
  const invitation = letters.find((m) => m.kind === 'invitation')
  if (invitation) return invitation.id
  const [made] = await createMailings(db, round.id, 'invitation', ['letter'], {
    actor: cliActor(),
    publicUrl: config.publicUrl,
    ...(layout ? { layout } : {}),
  })
  out.write(`Made the invitation letter mailing ${made!.mailingId}: ${made!.recipients} letters.\n`)
  return made!.mailingId
}

/**
 * Runs a step that makes letters; a refusal (incomplete template, PUBLIC_URL not public)
 * becomes a RefusedError that lists every problem in Dutch, as the web pages do.
 */
export async function refusingIncomplete<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    if (!(error instanceof PrintRefusedError)) throw error
    const lines = describeProblems(error.problems, translatorIn('nl'))
    throw new RefusedError(
      `${translatorIn('nl')('fieldwork.letters.readiness.title')}:\n${lines.map((l) => `  - ${l}`).join('\n')}\n(${error.message}. --test-print makes a test print anyway.)`,
    )
  }
}

/** Writes a test print (TESTAFDRUK, made-up addressees) of every municipality into `folder`; prints where. */
export async function makeTestPrints(
  db: DB,
  config: AppConfig,
  round: StaffRound,
  kind: MailingKind,
  content: LetterBatchContent,
  folder: string | undefined,
  out: NodeJS.WritableStream,
): Promise<void> {
  const target = folder ?? batchFolder(config, round.id)
  await mkdir(target, { recursive: true, mode: 0o700 })
  for (const stratum of round.strata) {
    const file = path.join(target, testPrintFileName(kind, content, stratum.code))
    const { pages } = await writeTestPrint(
      db,
      { round, stratumId: stratum.id, kind, content, publicUrl: config.publicUrl },
      createWriteStream(file, { mode: 0o600 }),
    )
    out.write(`  ${stratum.name}: test print, ${pages} pages, ${file}\n`)
  }
  out.write('A test print is not a mailing: nobody is recorded as written to.\n')
}

const LABELS: Record<LetterBatchContent, string> = { letters: 'letters', questionnaires: 'paper forms', sets: 'sets' }

/** Makes the mailing's print files of the given kinds with a progress line; prints where they are (and the list of sets beside a sets file). */
export async function makePrintFiles(
  db: DB,
  config: AppConfig,
  round: StaffRound,
  mailingId: number,
  contents: LetterBatchContent[],
  options: { again: boolean; copyTo?: string },
  out: NodeJS.WritableStream,
): Promise<void> {
  if (options.again) {
    // A remake prints with the template as it is now: it must still be complete.
    const kind = (await mailingHistory(db, round.id)).find((m) => m.id === mailingId)?.kind ?? 'invitation'
    await refusingIncomplete(() => assertPrintable(db, round.id, kind, config.publicUrl))
    let count = 0
    for (const content of contents) count += await remakeBatches(db, round.id, mailingId, cliActor(), content)
    out.write(`Making ${count} files again (same people, same codes).\n`)
  }
  const progress = progressLine(out)
  const started = performance.now()
  const made = new Map<string, number>()
  await runQueuedLetterBatches(db, config, {
    mailingId,
    content: contents,
    onProgress: (job, done) => {
      const name = round.strata.find((s) => s.id === job.stratum_id)?.name ?? ''
      progress.update(`${name} ${LABELS[job.content]}`, done, job.total)
      if (done === job.total) {
        made.set(LABELS[job.content], (made.get(LABELS[job.content]) ?? 0) + job.total)
        progress.end()
      }
    },
  })
  const seconds = (performance.now() - started) / 1000
  for (const [label, items] of made)
    out.write(`${items} ${label} in ${seconds.toFixed(1)} s (${Math.round(items / seconds)} per second).\n`)
  const batches = (await batchesOfRound(db, round.id, mailingId)).filter((b) => contents.includes(b.content))
  for (const b of batches) {
    if (b.status === 'done' && b.fileName) {
      const names = b.content === 'sets' ? [b.fileName, manifestName(b.fileName)] : [b.fileName]
      const files: string[] = []
      for (const name of names) {
        let file = path.join(batchFolder(config, round.id), name)
        if (options.copyTo) {
          const target = path.join(options.copyTo, name)
          await copyFile(file, target)
          file = target
        }
        files.push(file)
      }
      out.write(`  ${b.stratumName}: ${b.total} ${LABELS[b.content]}, ${files.join(' and list ')}\n`)
    } else {
      out.write(`  ${b.stratumName}: ${b.status}${b.error ? ` (${b.error})` : ''}\n`)
      process.exitCode = 1
    }
  }
}

/**
 * A command that makes a letter mailing's print files: `letters` (the collated sets, or
 * the letters when letters and forms are apart; --separate and --sets switch) and
 * `paper-forms` (the forms, when apart).
 */
export function printFilesCommand(
  command: Pick<Command, 'name' | 'summary'>,
  content: 'letters' | 'questionnaires',
): Command {
  const layoutFlags = content === 'letters'
  return {
    ...command,
    usage: `${command.name} --round N [--mailing M] [--again] [--out DIR]${layoutFlags ? ' [--separate | --sets]' : ''} [--test-print]`,
    async run(args, { database, config, out }) {
      const { values } = parseArgs({
        args,
        options: {
          round: { type: 'string' },
          mailing: { type: 'string' },
          again: { type: 'boolean' },
          out: { type: 'string' },
          'test-print': { type: 'boolean' },
          ...(layoutFlags ? { separate: { type: 'boolean' }, sets: { type: 'boolean' } } : {}),
        },
      })
      if (values.separate && values.sets) throw new UsageError('--separate or --sets, not both')
      // Asking for the paper forms alone means letters and forms apart.
      const wanted: PrintLayout | undefined =
        content === 'questionnaires' || values.separate ? 'separate' : values.sets ? 'sets' : undefined
      if (values.out) prepareOutputFolder(values.out)
      const { db } = await database()
      const round = await roundOption(db, values.round)
      if (values['test-print']) {
        const kind = values.mailing
          ? (await mailingHistory(db, round.id)).find((m) => String(m.id) === values.mailing)?.kind
          : 'invitation'
        if (!kind) throw new UsageError(`--mailing: no mailing ${values.mailing} in round ${round.id}`)
        if (kind === 'reminder' && content === 'questionnaires')
          throw new UsageError('A reminder has no paper forms to test-print.')
        await makeTestPrints(db, config, round, kind, content, values.out, out)
        return
      }
      const mailingId = await refusingIncomplete(() =>
        letterMailingOption(db, config, round, values.mailing, out, wanted),
      )
      const current = layoutOf((await batchesOfRound(db, round.id, mailingId)).map((b) => b.content))
      if (layoutFlags && wanted && current && wanted !== current) {
        const files = await changePrintLayout(db, config, round.id, mailingId, wanted, cliActor())
        out.write(
          `Making ${files} files ${wanted === 'sets' ? 'as sets (letter and form together)' : 'with letters and forms apart'}.\n`,
        )
      } else if (content === 'questionnaires' && current === 'sets') {
        out.write(
          `The paper forms of this mailing are in its sets files (peiling letters). For separate files: peiling letters --separate.\n`,
        )
        return
      }
      await makePrintFiles(
        db,
        config,
        round,
        mailingId,
        content === 'letters' ? ['sets', 'letters'] : ['questionnaires'],
        { again: Boolean(values.again), copyTo: values.out },
        out,
      )
    },
  }
}

/** Works the e-mail queue until nothing is due, printing progress; returns false when the mail server was down. */
export async function sendQueuedEmail(
  db: DB,
  config: AppConfig,
  mailingId: number | undefined,
  out: NodeJS.WritableStream,
): Promise<boolean> {
  const transport = createMailTransport(config)
  const progress = progressLine(out)
  const totals = { sent: 0, failed: 0, uncertain: 0, skipped: 0 }
  try {
    for (;;) {
      const run = await processEmailQueue(db, transport, { publicUrl: config.publicUrl, limit: 25 })
      totals.sent += run.sent
      totals.failed += run.failed
      totals.uncertain += run.uncertain
      totals.skipped += run.skipped
      if (mailingId !== undefined) {
        const state = await queueStatus(db, mailingId)
        const total = Object.values(state).reduce((a, b) => a + b, 0)
        progress.update('e-mails', total - state.queued - state.sending, total)
      }
      if (run.serverDown) {
        progress.end()
        out.write(
          `The mail server cannot be reached: the rest waits in the queue (run send-email again, or the server's worker sends it).\n`,
        )
        return false
      }
      if (run.sent + run.failed + run.uncertain + run.skipped + run.retry === 0) break
    }
  } finally {
    transport.close()
  }
  progress.end()
  out.write(
    `Sent ${totals.sent}, failed ${totals.failed}, uncertain ${totals.uncertain}, no longer needed ${totals.skipped}.${config.smtp ? '' : ` (No SMTP_HOST: written to ${path.join(config.dataDir, 'mail')})`}\n`,
  )
  return true
}

/** Dutch texts for problems, as the web pages show them (CLI output is English otherwise). */
export { translator } from '#src/i18n/translate.ts'
