/**
 * An XLSX file is a zip archive, and a zip of a few megabytes can unpack to gigabytes (a
 * "zip bomb"): one such client file made the server's memory run out. Before a spreadsheet
 * library sees the file, every entry is unpacked here as a stream, counting what comes
 * out and stopping at the limit, so what counts is the real size, not what the archive
 * claims. Nothing is kept: memory stays at a few chunks of 16 KB whatever the file holds,
 * and the library unpacks again only a file within the limits.
 */
import { createInflateRaw } from 'node:zlib'

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

export interface ZipDirectoryEntry {
  name: string
  /** 0: stored, 8: deflate. */
  method: number
  /** What the archive claims the entry unpacks to. */
  declaredSize: number
  /** The packed bytes; null when the entry's local header is not where the directory says. */
  packed: Buffer | null
}

/**
 * The entries the archive's central directory lists, read without unpacking anything;
 * null for what is not a zip archive. An entry whose directory record is broken comes as
 * null, and ends the listing.
 */
export function zipDirectory(zip: Buffer): { count: number; entries: Iterable<ZipDirectoryEntry | null> } | null {
  const end = findEndOfCentralDirectory(zip)
  if (end === -1) return null
  const count = zip.readUInt16LE(end + 10)
  function* entries(): Generator<ZipDirectoryEntry | null> {
    let at = zip.readUInt32LE(end + 16)
    for (let i = 0; i < count; i++) {
      if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) {
        yield null
        return
      }
      const compressedSize = zip.readUInt32LE(at + 20)
      const nameLength = zip.readUInt16LE(at + 28)
      const localHeader = zip.readUInt32LE(at + 42)
      const localOk = localHeader + 30 <= zip.length && zip.readUInt32LE(localHeader) === LOCAL_FILE_HEADER
      const dataStart = localOk
        ? localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28)
        : 0
      yield {
        name: zip.toString('utf8', at + 46, at + 46 + nameLength),
        method: zip.readUInt16LE(at + 10),
        declaredSize: zip.readUInt32LE(at + 24),
        packed: localOk ? zip.subarray(dataStart, dataStart + compressedSize) : null,
      }
      at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
    }
  }
  return { count, entries: entries() }
}

/** Reads one entry's unpacked content, chunk by chunk (e.g. to count a worksheet's rows); may throw to refuse the file. */
export type EntryReader = (chunk: Buffer) => void

/**
 * Null when the archive stays within `limits`. `readerFor` may give a reader for an entry,
 * which sees its content as it is unpacked.
 */
export async function checkZipLimits(
  zip: Buffer,
  limits: ZipLimits,
  readerFor?: (name: string) => EntryReader | undefined,
): Promise<ZipProblem | null> {
  const directory = zipDirectory(zip)
  if (!directory) return { problem: 'notAZip' }
  if (directory.count > limits.maxEntries) return { problem: 'tooManyEntries' }
  let unpacked = 0
  for (const entry of directory.entries) {
    if (!entry) return { problem: 'notAZip' }
    // Cheap first: an archive that says it is too big is.
    if (unpacked + entry.declaredSize > limits.maxUnpackedBytes) return { problem: 'tooLargeUnpacked' }
    if (!entry.packed) return { problem: 'notAZip' }
    const reader = readerFor?.(entry.name)
    if (entry.method === 0) {
      unpacked += entry.packed.length
      reader?.(entry.packed)
    } else if (entry.method === 8) {
      const size = await unpackedSize(entry.packed, limits.maxUnpackedBytes - unpacked, reader)
      if (size === 'tooLarge') return { problem: 'tooLargeUnpacked' }
      if (size === 'broken') return { problem: 'notAZip' }
      unpacked += size
    } else {
      return { problem: 'notAZip' }
    }
    if (unpacked > limits.maxUnpackedBytes) return { problem: 'tooLargeUnpacked' }
  }
  return null
}

/** Unpacks a deflated entry as a stream, keeping nothing, and stops once it passes `max` bytes. */
async function unpackedSize(
  packed: Buffer,
  max: number,
  reader: EntryReader | undefined,
): Promise<number | 'tooLarge' | 'broken'> {
  const inflater = createInflateRaw()
  inflater.end(packed)
  let size = 0
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > max) return 'tooLarge'
      reader?.(chunk)
    }
  } catch (error) {
    // zlib's own errors (Z_DATA_ERROR and the like) carry an errno; a reader's refusal does not.
    if (typeof error === 'object' && error !== null && 'errno' in error) return 'broken'
    throw error
  } finally {
    inflater.destroy()
  }
  return size
}

/** The first bytes of a zip archive (and so of an XLSX workbook). */
export const ZIP_MAGIC: readonly number[] = [0x50, 0x4b, 0x03, 0x04]

export function startsLikeZip(data: Uint8Array): boolean {
  return data.length >= 4 && ZIP_MAGIC.every((byte, i) => data[i] === byte)
}

/** Which entries of an XLSX archive are worksheets, whose rows are worth counting. */
export const isWorksheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/.test(name)

/**
 * Counts a worksheet's `<row` elements as it is unpacked and throws `tooMany()` past `max`
 * rows and a header: a sheet of a million empty rows is small packed and unpacked, but
 * costs a parser hundreds of megabytes to build. A chunk may end inside `<row`: the last
 * three bytes go along to the next one.
 */
export function worksheetRowCounter(max: number, tooMany: () => Error): EntryReader {
  let rows = 0
  let tail: Buffer = Buffer.alloc(0)
  return (chunk) => {
    const bytes = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk
    for (let at = bytes.indexOf('<row'); at !== -1; at = bytes.indexOf('<row', at + 1)) rows++
    if (rows > max + 1) throw tooMany()
    tail = bytes.subarray(Math.max(0, bytes.length - 3))
  }
}
