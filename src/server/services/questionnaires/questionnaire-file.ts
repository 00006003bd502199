/**
 * Questionnaire files as researchers upload and download them: the YAML of
 * questionnaires/, or the XLSForm-like workbook (src/questionnaire/xlsform). Used by the
 * pages under /beheer/vragenlijsten and by `peiling questionnaire import|export`.
 */
import type { Translate } from '#src/i18n/translate.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { definitionToYaml } from '#src/questionnaire/definition-yaml.ts'
import { parseDefinition } from '#src/questionnaire/index.ts'
import { readQuestionnaireWorkbook, writeQuestionnaireWorkbook } from '#src/questionnaire/xlsform/index.ts'

/** The KTO in five languages is about 70 kB of YAML; a file a hundred times that is no questionnaire. */
export const MAX_QUESTIONNAIRE_BYTES = 2 * 1024 * 1024

export const QUESTIONNAIRE_FORMATS = ['yaml', 'xlsx'] as const
export type QuestionnaireFormat = (typeof QUESTIONNAIRE_FORMATS)[number]

export const CONTENT_TYPES: Record<QuestionnaireFormat, string> = {
  yaml: 'application/yaml; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** One fault in a file, where it is: a YAML line, or a sheet and row of a workbook, and the path in the definition. */
export interface FileFault {
  path: string
  message: string
  line?: number
  sheet?: string
  row?: number
}

/** Why a file was not read at all, before any of its content was looked at. */
export type FileProblem = 'empty' | 'tooLarge' | 'unknownFormat' | 'notUtf8' | 'notXlsx'

export type UploadReading =
  | { ok: true; definition: QuestionnaireDefinition; format: QuestionnaireFormat }
  | { ok: false; problem: FileProblem; detail?: string }
  | { ok: false; faults: FileFault[]; format: QuestionnaireFormat }

export function formatOfFileName(fileName: string): QuestionnaireFormat | undefined {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml'
  if (lower.endsWith('.xlsx')) return 'xlsx'
  return undefined
}

function faultOf(error: Record<string, unknown>): FileFault {
  const fault: FileFault = { path: String(error.path ?? ''), message: String(error.message ?? '') }
  if (typeof error.line === 'number') fault.line = error.line
  if (typeof error.sheet === 'string') fault.sheet = error.sheet
  if (typeof error.row === 'number') fault.row = error.row
  return fault
}

/**
 * Reads and checks an uploaded file. The size is checked first, before any parsing:
 * the upload form has its own limit, the command line has only this one.
 */
export async function readQuestionnaireUpload(fileName: string, data: Uint8Array): Promise<UploadReading> {
  const format = formatOfFileName(fileName)
  if (!format) return { ok: false, problem: 'unknownFormat' }
  if (data.byteLength === 0) return { ok: false, problem: 'empty' }
  if (data.byteLength > MAX_QUESTIONNAIRE_BYTES) return { ok: false, problem: 'tooLarge' }
  if (format === 'yaml') {
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data)
    } catch {
      return { ok: false, problem: 'notUtf8' }
    }
    const result = parseDefinition(text, 'yaml')
    if (result.ok) return { ok: true, definition: result.definition, format }
    return { ok: false, format, faults: result.errors.map((e) => faultOf({ ...e })) }
  }
  let result: Awaited<ReturnType<typeof readQuestionnaireWorkbook>>
  try {
    result = await readQuestionnaireWorkbook(data)
  } catch (error) {
    return { ok: false, problem: 'notXlsx', detail: error instanceof Error ? error.message : String(error) }
  }
  if (result.ok) return { ok: true, definition: result.definition, format }
  return { ok: false, format, faults: result.errors.map((e) => faultOf({ ...e })) }
}

/** The file name of a download: `kto-participatiewet-versie-2.yaml`. */
export function questionnaireFileName(key: string, version: number, format: QuestionnaireFormat): string {
  return `${key}-versie-${version}.${format}`
}

/** The comment on top of a downloaded YAML file: where it came from, and to raise the version when changing it. */
export function downloadHeader(definition: QuestionnaireDefinition, t: Translate): string {
  return t('management.questionnaires.version.fileHeader', { title: definition.title.nl, version: definition.version })
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n')
}

/** A version as a file to download. `header` goes on top of a YAML file as a comment. */
export async function questionnaireFile(
  definition: QuestionnaireDefinition,
  format: QuestionnaireFormat,
  header: string,
): Promise<Buffer> {
  if (format === 'yaml') return Buffer.from(definitionToYaml(definition, header), 'utf8')
  return Buffer.from(await writeQuestionnaireWorkbook(definition))
}
