/**
 * What a questionnaire workbook may be, checked on its bytes before the spreadsheet
 * library sees them (as for client files and translation files: an XLSX is a zip, and a
 * small zip can unpack to gigabytes or hold a million empty rows). The KTO in five
 * languages is some 60 KB with a few hundred rows; these limits leave ample room.
 */
import type { ZipLimits } from '#src/files/zip-limits.ts'
import { checkZipLimits, isWorksheet, startsLikeZip, worksheetRowCounter } from '#src/files/zip-limits.ts'
import type { WorkbookError } from './faults.ts'
import { fileFault } from './faults.ts'

/** An upload larger than this is refused (an upload route can refuse it while receiving). */
export const MAX_WORKBOOK_BYTES = 2 * 1024 * 1024
export const WORKBOOK_ZIP_LIMITS: ZipLimits = { maxUnpackedBytes: 16 * 1024 * 1024, maxEntries: 100 }
/** Rows per sheet: ten times what a long questionnaire needs. */
export const MAX_SHEET_ROWS = 5000

class TooManyRows extends Error {}

/** The fault that keeps the workbook from being read at all, or null when it is within the limits. */
export async function workbookLimitFault(data: Uint8Array): Promise<WorkbookError | null> {
  const mb = (bytes: number) => bytes / (1024 * 1024)
  if (data.length > MAX_WORKBOOK_BYTES) return fileFault('file.tooLarge', { mb: mb(MAX_WORKBOOK_BYTES) })
  if (!startsLikeZip(data)) return fileFault('file.notXlsx')
  const zip = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  try {
    const problem = await checkZipLimits(zip, WORKBOOK_ZIP_LIMITS, (name) =>
      isWorksheet(name) ? worksheetRowCounter(MAX_SHEET_ROWS, () => new TooManyRows()) : undefined,
    )
    if (problem?.problem === 'tooLargeUnpacked')
      return fileFault('file.tooLargeUnpacked', { mb: mb(WORKBOOK_ZIP_LIMITS.maxUnpackedBytes) })
    if (problem) return fileFault('file.notXlsx')
  } catch (error) {
    if (error instanceof TooManyRows) return fileFault('file.tooManyRows', { max: MAX_SHEET_ROWS })
    throw error
  }
  return null
}
