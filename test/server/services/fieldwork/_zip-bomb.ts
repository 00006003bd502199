/** Zip archives built by hand for the tests of client-file limits: honest ones, and bombs. */
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib'
import { zipDirectory } from '#src/files/zip-limits.ts'

export interface ZipEntry {
  name: string
  /** Raw deflate data. */
  data: Buffer
  /** What the archive claims the entry unpacks to. */
  declaredSize: number
}

/** A zip archive (deflate, no CRC: the limits are checked before anything reads the content). */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(entry.data.length, 18)
    local.writeUInt32LE(entry.declaredSize, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(entry.data.length, 20)
    central.writeUInt32LE(entry.declaredSize, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, entry.data)
    centrals.push(central, name)
    offset += local.length + name.length + entry.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/**
 * Raw deflate data that unpacks to `megabytes` MB of spaces from a few hundred KB: one
 * compressed 16 MB block, ending on a byte boundary, repeated, then an empty final block.
 */
export function spacesDeflated(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 0x20), { finishFlush: constants.Z_SYNC_FLUSH })
  return Buffer.concat([...Array.from({ length: Math.ceil(megabytes / 16) }, () => block), Buffer.from([0x03, 0x00])])
}

/** An "XLSX" of about 330 KB whose worksheet unpacks to 320 MB; it claims `declaredSize` bytes. */
export function xlsxBomb(declaredSize = 1000): Buffer {
  return zipOf([{ name: 'xl/worksheets/sheet1.xml', data: spacesDeflated(320), declaredSize }])
}

/** A real XLSX (one header cell) whose worksheet gets `rows` empty rows: small packed and unpacked. */
export async function xlsxWithEmptyRows(rows: number): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node')
  const xlsx: Buffer = await writeXlsxFile([[{ value: 'klantnummer' }]] as never).toBuffer()
  const entries: ZipEntry[] = []
  for (const entry of zipDirectory(xlsx)!.entries) {
    const { name, method, packed } = entry!
    let content = method === 8 ? inflateRawSync(packed!) : packed!
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const empty = Array.from({ length: rows }, (_, r) => `<row r="${r + 2}"/>`).join('')
      content = Buffer.from(content.toString('utf8').replace('</sheetData>', `${empty}</sheetData>`))
    }
    entries.push({ name, data: deflateRawSync(content), declaredSize: content.length })
  }
  return zipOf(entries)
}
