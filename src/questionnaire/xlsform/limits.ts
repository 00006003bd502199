/**
 * What a questionnaire workbook may be, checked on its bytes before the spreadsheet
 * library sees them (as for client files and translation files: an XLSX is a zip, and a
 * small zip can unpack to gigabytes or hold a million empty rows). The KTO in five
 * languages is some 60 KB with a few hundred rows; these limits leave ample room.
 */
import type { EntryReader, ZipLimits } from '#src/files/zip-limits.ts'
import { checkZipLimits } from '#src/files/zip-limits.ts'
import type { WorkbookError } from './faults.ts'
import { fileFault } from './faults.ts'

/** An upload larger than this is refused (an upload route can refuse it while receiving). */
export const MAX_WORKBOOK_BYTES = 2 * 1024 * 1024
export const WORKBOOK_ZIP_LIMITS: ZipLimits = { maxUnpackedBytes: 16 * 1024 * 1024, maxEntries: 100 }
/** Rows per sheet: ten times what a long questionnaire needs. */
export const MAX_SHEET_ROWS = 5000

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

class TooManyRows extends Error {}

/** Counts a worksheet's `<row` elements as it is unpacked (a chunk may end inside `<row`: its last bytes go along). */
function rowCounter(): EntryReader {
  let rows = 0
  let tail: Buffer = Buffer.alloc(0)
  return (chunk) => {
    const bytes = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk
    for (let at = bytes.indexOf('<row'); at !== -1; at = bytes.indexOf('<row', at + 1)) rows++
    if (rows > MAX_SHEET_ROWS + 1) throw new TooManyRows()
    tail = bytes.subarray(Math.max(0, bytes.length - 3))
  }
}

/** The fault that keeps the workbook from being read at all, or null when it is within the limits. */
export async function workbookLimitFault(data: Uint8Array): Promise<WorkbookError | null> {
  const mb = (bytes: number) => bytes / (1024 * 1024)
  if (data.length > MAX_WORKBOOK_BYTES) return fileFault('file.tooLarge', { mb: mb(MAX_WORKBOOK_BYTES) })
  if (data.length < 4 || ZIP_MAGIC.some((byte, i) => data[i] !== byte)) return fileFault('file.notXlsx')
  const zip = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  try {
    const problem = await checkZipLimits(zip, WORKBOOK_ZIP_LIMITS, (name) =>
      /^xl\/worksheets\/[^/]+\.xml$/.test(name) ? rowCounter() : undefined,
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
