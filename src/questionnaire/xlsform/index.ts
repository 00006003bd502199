/**
 * A questionnaire definition as a spreadsheet in the layout researchers know from
 * XLSForm (ODK, Kobo): sheets survey, choices and settings. The layout, the columns and
 * types read, and the show_if syntax: docs/questionnaire-spreadsheet.md.
 */
export type { ParseResult, WorkbookError } from './faults.ts'
export { MAX_WORKBOOK_BYTES } from './limits.ts'
export { readQuestionnaireWorkbook } from './read.ts'
export { writeQuestionnaireWorkbook } from './write.ts'
