import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { checkZipLimits } from '#src/server/services/fieldwork/zip-limits.ts'
import { spacesDeflated, xlsxBomb, zipOf } from './_zip-bomb.ts'

const limits = { maxUnpackedBytes: 64 * 1024 * 1024, maxEntries: 200 }
const MB = 1024 * 1024

describe('the limits on what a zip archive unpacks to', () => {
  it('passes an ordinary spreadsheet', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node')
    const rows = Array.from({ length: 3000 }, (_, i) => [{ value: `K${i}` }, { value: 'Dijk' }, { value: 'Hengelo' }])
    const xlsx = await writeXlsxFile(rows as never).toBuffer()
    expect(checkZipLimits(xlsx, limits)).toBeNull()
  })

  it('refuses a bomb that claims to be small, by unpacking no more than the limit', () => {
    const bomb = xlsxBomb(1000)
    expect(bomb.length).toBeLessThan(1 * MB)
    const before = process.memoryUsage().rss
    expect(checkZipLimits(bomb, limits)).toEqual({ problem: 'tooLargeUnpacked' })
    // At most the limit was unpacked (and let go), never the 320 MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * MB)
  })

  it('refuses an archive that says it is too big without unpacking it', () => {
    expect(checkZipLimits(xlsxBomb(320 * MB), limits)).toEqual({ problem: 'tooLargeUnpacked' })
  })

  it('counts every entry together', () => {
    const forty = { data: spacesDeflated(40), declaredSize: 40 * MB }
    expect(
      checkZipLimits(
        zipOf([
          { name: 'a.xml', ...forty },
          { name: 'b.xml', ...forty },
        ]),
        limits,
      ),
    ).toEqual({ problem: 'tooLargeUnpacked' })
  })

  it('refuses too many entries, and what is not a zip archive', () => {
    const tiny = { data: deflateRawSync(Buffer.from('x')), declaredSize: 1 }
    const many = zipOf(Array.from({ length: 201 }, (_, i) => ({ name: `f${i}.xml`, ...tiny })))
    expect(checkZipLimits(many, limits)).toEqual({ problem: 'tooManyEntries' })
    expect(checkZipLimits(Buffer.from('PK\u0003\u0004 but nothing else'), limits)).toEqual({ problem: 'notAZip' })
  })
})
