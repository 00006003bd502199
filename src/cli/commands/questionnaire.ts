/**
 * `questionnaire import FILE` and `questionnaire export --id ID --version V --format yaml|xlsx --out FILE`:
 * the upload and download of /beheer/vragenlijsten from the terminal, through the same
 * services, so the same checks, version rules and audit entries apply. A refused file
 * lists every fault with its line (or sheet and row), in Dutch as on the page.
 */
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Command } from '#src/cli/command.ts'
import { RefusedError, UsageError } from '#src/cli/command.ts'
import { cliActor, translator } from '#src/cli/fieldwork.ts'
import { checkOutputFile } from '#src/cli/output-paths.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { QuestionnaireFormat, UploadReading } from '#src/server/services/questionnaires/questionnaire-file.ts'
import {
  downloadHeader,
  MAX_QUESTIONNAIRE_BYTES,
  QUESTIONNAIRE_FORMATS,
  questionnaireFile,
  readQuestionnaireUpload,
} from '#src/server/services/questionnaires/questionnaire-file.ts'
import { loadVersion, storeVersion } from '#src/server/services/questionnaires/questionnaire-store.ts'
import { readingProblems, storeProblem } from '#src/server/services/questionnaires/fault-text.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'

const nl = translator('nl')

function versionChoice(value: string | undefined, option: string): { key: string; version: number } | undefined {
  if (value === undefined) return undefined
  const match = /^([a-z][a-z0-9_-]*):(\d{1,9})$/.exec(value)
  if (!match) throw new UsageError(`${option}: the id and version of a questionnaire, e.g. kto-participatiewet:2`)
  return { key: match[1]!, version: Number(match[2]) }
}

async function importFile(
  db: DB,
  file: string,
  options: { replace: boolean; basedOn?: { key: string; version: number } },
  out: NodeJS.WritableStream,
): Promise<void> {
  // The size first: a file far too large is refused unread, as the upload form does.
  const reading: UploadReading =
    (await stat(file)).size > MAX_QUESTIONNAIRE_BYTES
      ? { ok: false, problem: 'tooLarge' }
      : await readQuestionnaireUpload(path.basename(file), await readFile(file))
  if (!reading.ok)
    throw new RefusedError(
      [
        `${file}: ${nl('management.questionnaires.problemsTitle')}`,
        ...readingProblems(reading, nl).map((p) => `  ${p}`),
      ].join('\n'),
    )
  const definition = reading.definition
  // As at the server's start: the built-in versions are there to build on.
  await installShippedQuestionnaires(db)
  const stored = await storeVersion(db, cliActor(), definition, { ...options, format: reading.format })
  if (!stored.ok)
    throw new RefusedError(`${file}: ${storeProblem(stored.problem, definition.id, definition.version, nl)}`)
  out.write(
    `${stored.replaced ? 'Replaced' : 'Imported'} questionnaire ${definition.id} version ${definition.version}: ${definition.title.nl}\n` +
      `See /beheer/vragenlijsten/${definition.id}/${definition.version}\n`,
  )
}

async function exportFile(
  db: DB,
  key: string,
  version: number,
  format: QuestionnaireFormat,
  target: string,
  out: NodeJS.WritableStream,
): Promise<void> {
  const stored = await loadVersion(db, key, version)
  if (!stored) throw new UsageError(`There is no questionnaire ${key} version ${version} (see /beheer/vragenlijsten).`)
  const body = await questionnaireFile(stored.definition, format, downloadHeader(stored.definition, nl))
  if (target === '-') {
    out.write(body)
    return
  }
  await writeFile(target, body)
  out.write(`Written: ${target}\n`)
}

export const questionnaireCommand: Command = {
  name: 'questionnaire',
  summary:
    'Import a questionnaire version from a YAML or XLSX file (checked as on /beheer/vragenlijsten; nothing stored unless clean), or export a version as YAML or XLSX.',
  usage:
    'questionnaire import FILE [--replace] [--based-on ID:VERSION] | questionnaire export --id ID --version V [--format yaml|xlsx] --out FILE',
  async run(args, { database, out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        id: { type: 'string' },
        version: { type: 'string' },
        format: { type: 'string', default: 'yaml' },
        out: { type: 'string' },
        replace: { type: 'boolean' },
        'based-on': { type: 'string' },
      },
    })
    const [step, file, ...rest] = positionals
    if (rest.length > 0) throw new UsageError(`Unexpected: ${rest.join(' ')}`)
    if (step === 'import') {
      if (!file) throw new UsageError('Name the questionnaire file (.yaml, .yml or .xlsx).')
      if (values.id !== undefined || values.version !== undefined || values.out !== undefined)
        throw new UsageError('--id, --version and --out are for questionnaire export; the file says its id and version')
      const basedOn = versionChoice(values['based-on'], '--based-on')
      const { db } = await database()
      return importFile(db, file, { replace: values.replace === true, ...(basedOn ? { basedOn } : {}) }, out)
    }
    if (step !== 'export') throw new UsageError('Say what to do: import or export')
    if (file !== undefined) throw new UsageError(`Unexpected: ${file} (the file goes after --out)`)
    if (!values.id || !/^[a-z][a-z0-9_-]*$/.test(values.id))
      throw new UsageError('--id: the id of the questionnaire, e.g. kto-participatiewet')
    if (!values.version || !/^\d{1,9}$/.test(values.version)) throw new UsageError('--version: the version number')
    const format = values.format as QuestionnaireFormat
    if (!QUESTIONNAIRE_FORMATS.includes(format))
      throw new UsageError(`--format: one of ${QUESTIONNAIRE_FORMATS.join(', ')}`)
    if (!values.out) throw new UsageError('--out: the file to write (or - for the terminal)')
    if (values.out !== '-') checkOutputFile(values.out)
    const { db } = await database()
    return exportFile(db, values.id, Number(values.version), format, values.out, out)
  },
}
