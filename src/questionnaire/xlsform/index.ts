/**
 * Placeholder for the XLSForm-like workbook reader and writer (issue 14), which another
 * branch provides under these exact names; the upload, download and CLI already call
 * them. Replace this file with the real module when merging.
 */
import type { QuestionnaireDefinition } from '../definition.ts'
import type { DefinitionResult } from '../validate.ts'

export type ParseResult = DefinitionResult

export async function readQuestionnaireWorkbook(_data: Uint8Array): Promise<ParseResult> {
  throw new Error('readQuestionnaireWorkbook: not yet')
}

export async function writeQuestionnaireWorkbook(_definition: QuestionnaireDefinition): Promise<Uint8Array> {
  throw new Error('writeQuestionnaireWorkbook: not yet')
}
