/** Whether bytes are a whole PNG image: signature, header, image data that inflates, end. */
import { inflateSync } from 'node:zlib'

export function readPng(data: Buffer): { width: number; height: number } {
  const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (!data.subarray(0, 8).equals(SIGNATURE)) throw new Error('No PNG signature')
  let at = 8
  const chunks: string[] = []
  const idat: Buffer[] = []
  let size = { width: 0, height: 0 }
  while (at < data.length) {
    const length = data.readUInt32BE(at)
    const type = data.toString('latin1', at + 4, at + 8)
    const body = data.subarray(at + 8, at + 8 + length)
    if (body.length !== length) throw new Error(`Truncated ${type} chunk`)
    if (type === 'IHDR') size = { width: body.readUInt32BE(0), height: body.readUInt32BE(4) }
    if (type === 'IDAT') idat.push(body)
    chunks.push(type)
    at += 12 + length
  }
  if (chunks[0] !== 'IHDR' || chunks.at(-1) !== 'IEND') throw new Error(`Chunks ${chunks.join(',')}`)
  const pixels = inflateSync(Buffer.concat(idat))
  // Each row: a filter byte and at least one byte per pixel.
  if (pixels.length < size.height * (1 + size.width)) throw new Error('Too little image data')
  return size
}
