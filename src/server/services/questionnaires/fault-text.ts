/**
 * Why an uploaded questionnaire was refused, as sentences for the researcher: each fault
 * with the place to look (YAML line and path, or sheet and row), and the reasons a file
 * was not read at all. The web page and the command line say the same.
 */
import type { Translate } from '#src/i18n/translate.ts'
import type { StoreProblem } from './questionnaire-store.ts'
import type { FileFault, UploadReading } from './questionnaire-file.ts'
import { MAX_QUESTIONNAIRE_BYTES } from './questionnaire-file.ts'
import { faultMessage } from './fault-messages.ts'

export function describeFault(fault: FileFault, t: Translate): string {
  const known = faultMessage(fault.message)
  const message = known ? t(`management.questionnaires.faults.${known.key}`, known.params) : fault.message
  if (fault.sheet !== undefined && fault.row !== undefined)
    return t('management.questionnaires.fault.sheetRow', { sheet: fault.sheet, row: fault.row, message })
  if (fault.line !== undefined)
    return fault.path === ''
      ? t('management.questionnaires.fault.lineOnly', { line: fault.line, message })
      : t('management.questionnaires.fault.line', { line: fault.line, path: fault.path, message })
  if (fault.path !== '') return t('management.questionnaires.fault.path', { path: fault.path, message })
  return t('management.questionnaires.fault.plain', { message })
}

/** Every reason a reading failed, one sentence each. */
export function readingProblems(reading: Exclude<UploadReading, { ok: true }>, t: Translate): string[] {
  if ('faults' in reading) return reading.faults.map((f) => describeFault(f, t))
  return [
    t(`management.questionnaires.fileProblems.${reading.problem}`, {
      size: MAX_QUESTIONNAIRE_BYTES / (1024 * 1024),
    }),
  ]
}

export function storeProblem(problem: StoreProblem, key: string, version: number, t: Translate): string {
  return t(`management.questionnaires.storeProblems.${problem}`, { key, version })
}
