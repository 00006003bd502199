/**
 * `round create --file round.yaml`, `round open N --confirm`, `round close N --confirm`:
 * the steps of the round pages (/beheer/rondes/nieuw and /beheer/rondes/<id>) from the
 * terminal, through the same services, so the same checks, state rules and audit entries
 * apply. Opening and closing cannot be undone: without --confirm they only say what they
 * would do (counts), as the confirmation page does, and exit with 1.
 */
import type { MessageKey } from '#src/i18n/translate.ts'
import { isMessageKey } from '#src/i18n/translate.ts'
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import type { DB } from '#src/server/db/connect.ts'
import type { Command } from '#src/cli/command.ts'
import { RefusedError, UsageError } from '#src/cli/command.ts'
import { cliActor, translator } from '#src/cli/fieldwork.ts'
import {
  closeRound,
  createRound,
  listQuestionnaires,
  loadRound,
  openRound,
} from '#src/server/services/rounds/rounds.ts'
import { parseRoundFile, roundFileMessages } from '#src/server/services/rounds/round-file.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'
import { closeEffects, openEffects } from '#src/server/services/rounds/step-effects.ts'

const nl = translator('nl')

function roundNumber(value: string | undefined): number {
  if (!value || !/^\d{1,9}$/.test(value))
    throw new UsageError('The number of the round (see /beheer/rondes), e.g. round open 3')
  return Number(value)
}

async function create(db: DB, file: string | undefined, out: NodeJS.WritableStream): Promise<void> {
  if (!file) throw new UsageError('--file: the YAML file that describes the round')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`)
  }
  // As at the server's start: the questionnaires in questionnaires/ can be chosen.
  await installShippedQuestionnaires(db)
  const parsed = parseRoundFile(text, await listQuestionnaires(db))
  if (!parsed.ok)
    throw new RefusedError(
      [`${file}: de ronde is niet gemaakt.`, ...roundFileMessages(parsed.problems, nl).map((m) => `  ${m}`)].join('\n'),
    )
  const roundId = await createRound(db, cliActor(), parsed.input)
  out.write(
    `Created round ${roundId} (in preparation; clients cannot sign in yet): ${parsed.input.name}\n` +
      `Open it with: npm run peiling -- round open ${roundId}\n`,
  )
}

/** Why a state change was refused, with the state the round is in. */
async function refusal(db: DB, roundId: number, problem: string): Promise<RefusedError> {
  const details = await loadRound(db, roundId)
  const status = details ? nl(`management.rounds.statuses.${details.round.status}`) : ''
  return new RefusedError(
    `Ronde ${roundId}: ${isMessageKey(`management.rounds.lifecycle.${problem}`) ? nl(`management.rounds.lifecycle.${problem}` as MessageKey) : problem} ${nl('management.rounds.lifecycle.nowStatus', { status })}`,
  )
}

/** What opening or closing would do; the round is left as it is, and the exit code says so. */
async function dryRun(db: DB, step: 'open' | 'close', roundId: number, out: NodeJS.WritableStream): Promise<void> {
  const { round } = (await loadRound(db, roundId))!
  const expected = step === 'open' ? 'draft' : 'open'
  if (round.status !== expected) throw await refusal(db, roundId, step === 'open' ? 'notDraft' : 'notOpen')
  if (step === 'open') {
    const e = (await openEffects(db, roundId))!
    out.write(
      e.sampleDrawn
        ? `Opening round ${roundId}: ${e.withCode} people with a code can sign in from ${e.opensOn} up to and including ${e.closesOn}; the questionnaire and municipalities are then fixed.\n`
        : `Opening round ${roundId}: there is no sample yet, so nobody has a code; the questionnaire and municipalities are then fixed.\n`,
    )
  } else {
    const e = await closeEffects(db, roundId)
    out.write(
      `Closing round ${roundId}: ${e.inProgress} questionnaires not finished become partial responses without a link to the person; ${e.notAnswered} people with a code who have not answered cannot answer any more.\n`,
    )
  }
  out.write(`Nothing changed. This cannot be undone: run again with --confirm to ${step} the round.\n`)
  process.exitCode = 1
}

async function open(db: DB, roundId: number, out: NodeJS.WritableStream): Promise<void> {
  const result = await openRound(db, cliActor(), roundId)
  if (!result.ok) throw await refusal(db, roundId, result.problem)
  const { round } = (await loadRound(db, roundId))!
  out.write(
    `Round ${roundId} is open: the questionnaire is fixed, and clients can sign in from ${round.opens_on} up to and including ${round.closes_on}.\n`,
  )
}

async function close(db: DB, roundId: number, out: NodeJS.WritableStream): Promise<void> {
  const result = await closeRound(db, cliActor(), roundId)
  if (!result.ok) throw await refusal(db, roundId, result.problem)
  out.write(
    `Round ${roundId} is closed: nobody can answer any more. ${result.partial} answers in progress were kept as partial responses, without a link to the person.\n`,
  )
}

export const roundCommand: Command = {
  name: 'round',
  summary:
    'Make a round from a YAML file (the fields of /beheer/rondes/nieuw; see README), open it (draft → open) or close it (open → closed). Open and close say what they would do, and only do it with --confirm. Each step is in the audit log.',
  usage: 'round create --file round.yaml | round open N [--confirm] | round close N [--confirm]',
  async run(args, { database, out }) {
    const { values, positionals } = parseArgs({
      args,
      options: { file: { type: 'string' }, confirm: { type: 'boolean' } },
      allowPositionals: true,
    })
    const [step, number, ...rest] = positionals
    if (rest.length > 0) throw new UsageError(`Unexpected: ${rest.join(' ')}`)
    if (step === 'create') {
      if (values.confirm) throw new UsageError('--confirm is for round open and round close')
      if (number !== undefined) throw new UsageError(`Unexpected: ${number} (the file goes after --file)`)
      return create((await database()).db, values.file, out)
    }
    if (step !== 'open' && step !== 'close') throw new UsageError('Say what to do: create, open or close')
    if (values.file !== undefined) throw new UsageError('--file is for round create')
    const roundId = roundNumber(number)
    const { db } = await database()
    if (!(await loadRound(db, roundId))) throw new UsageError(`There is no round ${roundId}.`)
    if (!values.confirm) return dryRun(db, step, roundId, out)
    return step === 'open' ? open(db, roundId, out) : close(db, roundId, out)
  },
}
