import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { checkZipLimits } from '#src/files/zip-limits.ts'
import { measureBomb } from '#test/helpers/bomb-memory.ts'
import { spacesDeflated, xlsxBomb, zipOf } from '#test/server/services/fieldwork/_zip-bomb.ts'

const limits = { maxUnpackedBytes: 64 * 1024 * 1024, maxEntries: 200 }
const MB = 1024 * 1024

describe('the limits on what a zip archive unpacks to', () => {
  it('passes an ordinary spreadsheet', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node')
    const rows = Array.from({ length: 3000 }, (_, i) => [{ value: `K${i}` }, { value: 'Dijk' }, { value: 'Hengelo' }])
    const xlsx = await writeXlsxFile(rows as never).toBuffer()
    expect(await checkZipLimits(xlsx, limits)).toBeNull()
  })

  it('refuses a bomb that claims to be small, keeping none of what it unpacks', async () => {
    const measured = await measureBomb('zip')
    expect(measured.packedMb).toBeLessThan(1)
    expect(measured.result).toEqual({ problem: 'tooLargeUnpacked' })
    // Unpacked as a stream up to the limit and kept nowhere: never the 64 MB, let alone the
    // 1,000 MB. The bound sits well under 64 MB (what keeping it would cost) and well above
    // the allocator's noise (21 MB in one CI run).
    expect(measured.growthMb).toBeLessThan(40)
  })

  it('refuses an archive that says it is too big without unpacking it', async () => {
    expect(await checkZipLimits(xlsxBomb(320 * MB), limits)).toEqual({ problem: 'tooLargeUnpacked' })
  })

  it('counts every entry together', async () => {
    const forty = { data: spacesDeflated(40), declaredSize: 40 * MB }
    expect(
      await checkZipLimits(
        zipOf([
          { name: 'a.xml', ...forty },
          { name: 'b.xml', ...forty },
        ]),
        limits,
      ),
    ).toEqual({ problem: 'tooLargeUnpacked' })
  })

  it("hands each entry to its reader in chunks, and passes on a reader's refusal", async () => {
    const zip = zipOf([{ name: 'a.xml', data: spacesDeflated(16), declaredSize: 16 * MB }])
    let seen = 0
    let chunks = 0
    expect(
      await checkZipLimits(zip, limits, () => (chunk) => {
        seen += chunk.length
        chunks++
      }),
    ).toBeNull()
    expect(seen).toBe(16 * MB)
    expect(chunks).toBeGreaterThan(1)
    const refusal = new Error('too many rows')
    await expect(
      checkZipLimits(zip, limits, () => () => {
        throw refusal
      }),
    ).rejects.toBe(refusal)
  })

  it('refuses too many entries, and what is not a zip archive', async () => {
    const tiny = { data: deflateRawSync(Buffer.from('x')), declaredSize: 1 }
    const many = zipOf(Array.from({ length: 201 }, (_, i) => ({ name: `f${i}.xml`, ...tiny })))
    expect(await checkZipLimits(many, limits)).toEqual({ problem: 'tooManyEntries' })
    expect(await checkZipLimits(Buffer.from('PK\u0003\u0004 but nothing else'), limits)).toEqual({ problem: 'notAZip' })
  })
})
