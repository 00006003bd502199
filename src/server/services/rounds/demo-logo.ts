/**
 * A made-up logo for the demo round's letters, drawn here rather than shipped as a file:
 * a blue block with a white band, 3 : 1, as a PNG. No municipality's real logo.
 */
import { crc32, deflateSync } from 'node:zlib'

const WIDTH = 150
const HEIGHT = 50

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

export function demoLogo(): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(WIDTH, 0)
  header.writeUInt32BE(HEIGHT, 4)
  header.writeUInt8(8, 8) // bits per channel
  header.writeUInt8(2, 9) // RGB
  const rows: Buffer[] = []
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(1 + WIDTH * 3) // filter byte 0, then pixels
    const band = y >= HEIGHT * 0.4 && y < HEIGHT * 0.6
    for (let x = 0; x < WIDTH; x++) {
      const white = band && x > WIDTH * 0.1
      row.set(white ? [255, 255, 255] : [0, 82, 155], 1 + x * 3)
    }
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
