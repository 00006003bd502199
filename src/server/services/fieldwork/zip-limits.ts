/**
 * An XLSX file is a zip archive, and a zip of a few megabytes can unpack to gigabytes (a
 * "zip bomb"): one such client file made the server's memory run out. Before a spreadsheet
 * library sees the file, every entry is unpacked here with a hard cap on its output
 * (zlib's maxOutputLength), so what counts is the real size, not what the archive claims.
 * The unpacked bytes are thrown away: the library unpacks again, within the same bounds.
 */
import { inflateRawSync } from 'node:zlib'

export interface ZipLimits {
  /** All entries together, unpacked. */
  maxUnpackedBytes: number
  maxEntries: number
}

export type ZipProblem = { problem: 'tooLargeUnpacked' } | { problem: 'tooManyEntries' } | { problem: 'notAZip' }

const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const CENTRAL_FILE_HEADER = 0x02014b50
const LOCAL_FILE_HEADER = 0x04034b50

/** The end-of-central-directory record: in the last 64 KB + 22 bytes (its comment is at most 64 KB). */
function findEndOfCentralDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at
  }
  return -1
}

/**
 * Null when the archive stays within `limits`. `onEntry` sees each entry unpacked (e.g. to
 * count a worksheet's rows before a parser builds them) and may throw to refuse the file.
 */
export function checkZipLimits(
  zip: Buffer,
  limits: ZipLimits,
  onEntry?: (name: string, unpacked: Buffer) => void,
): ZipProblem | null {
  const end = findEndOfCentralDirectory(zip)
  if (end === -1) return { problem: 'notAZip' }
  const entries = zip.readUInt16LE(end + 10)
  if (entries > limits.maxEntries) return { problem: 'tooManyEntries' }
  let at = zip.readUInt32LE(end + 16)
  let unpacked = 0
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) return { problem: 'notAZip' }
    const method = zip.readUInt16LE(at + 10)
    const compressedSize = zip.readUInt32LE(at + 20)
    const declaredSize = zip.readUInt32LE(at + 24)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const localHeader = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    at += 46 + nameLength + extraLength + commentLength
    // Cheap first: an archive that says it is too big is.
    if (unpacked + declaredSize > limits.maxUnpackedBytes) return { problem: 'tooLargeUnpacked' }
    if (localHeader + 30 > zip.length || zip.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER)
      return { problem: 'notAZip' }
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28)
    const data = zip.subarray(dataStart, dataStart + compressedSize)
    let entry: Buffer
    if (method === 0) {
      entry = data
    } else if (method === 8) {
      try {
        entry = inflateRawSync(data, { maxOutputLength: limits.maxUnpackedBytes - unpacked + 1 })
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { problem: 'tooLargeUnpacked' }
        return { problem: 'notAZip' }
      }
    } else {
      return { problem: 'notAZip' }
    }
    unpacked += entry.length
    onEntry?.(name, entry)
    if (unpacked > limits.maxUnpackedBytes) return { problem: 'tooLargeUnpacked' }
  }
  return null
}
