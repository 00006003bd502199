import { createWriteStream } from 'node:fs'
import { Writable } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatLoginCode } from '#src/codes/login-code.ts'
import type { LetterData } from '#src/mailmerge/index.ts'
import { drawLetter, writeLetterBatch } from '#src/mailmerge/index.ts'
import { RECENT_WORDS, StreamingPdf } from '#src/mailmerge/pdf-stream.ts'
import { code, HARD_NAMES, letter, template } from './fixtures.ts'
import { decodeSymbols, pageCount, pageTexts, renderPages, renderToolsAvailable, useTempDir } from './pdf-tools.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** `count` letters, each with its own name, address, language and code. */
function letters(count: number): LetterData[] {
  return Array.from({ length: count }, (_, i) => {
    const body = `${ALPHABET[i % 31]}${ALPHABET[Math.floor(i / 31) % 31]}QXM4TR9`
    return letter({
      code: code(body),
      loginUrl: `https://enquete.example.nl/c/${code(body)}`,
      name: `${HARD_NAMES[i % HARD_NAMES.length]} ${i}`,
      addressLines: [`Marktstraat ${i + 1}`, `${7500 + i} AB  HENGELO`],
      language: i % 4 === 0 ? 'en' : 'nl',
    })
  })
}

/** A sink that takes its time, so that back-pressure matters. */
class SlowSink extends Writable {
  bytes = 0
  constructor() {
    super({ highWaterMark: 4 * 1024 })
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.bytes += chunk.length
    setImmediate(callback)
  }
}

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) {
    await new Promise((resolve) => setImmediate(resolve))
    yield item
  }
}

describe('writeLetterBatch', () => {
  describe('twenty letters', () => {
    const batch = letters(20)
    const file = () => tmp.file('batch.pdf')
    const progress: number[] = []
    let result: { pages: number }
    beforeAll(async () => {
      result = await writeLetterBatch(batch, template(), createWriteStream(file()), {
        onProgress: (n) => progress.push(n),
      })
    })

    it('writes one page per letter, each with its own name and code', async () => {
      expect(result).toEqual({ pages: 20 })
      expect(progress).toEqual(batch.map((_, i) => i + 1))
      expect(await pageCount(file())).toBe(20)
      const texts = await pageTexts(file())
      expect(texts).toHaveLength(20)
      batch.forEach((l, i) => {
        expect(texts[i]).toContain(l.name)
        expect(texts[i]).toContain(formatLoginCode(l.code))
      })
    })

    it.skipIf(!tools)("prints on each letter a QR code that opens that letter's URL", async () => {
      // The first and the last letter.
      const first = await renderPages(file(), tmp.dir, { first: 1, last: 1 })
      const last = await renderPages(file(), tmp.dir, { first: 20, last: 20 })
      expect(await decodeSymbols(first.pages[0]!)).toEqual([`QR-Code:${batch[0]!.loginUrl}`])
      expect(await decodeSymbols(last.pages[0]!)).toEqual([`QR-Code:${batch[19]!.loginUrl}`])
    })
  })

  it('reads letters from an async iterable and streams to a slow output as it goes', async () => {
    const sink = new SlowSink()
    const writtenAtProgress: number[] = []
    const result = await writeLetterBatch(slowly(letters(12)), template(), sink, {
      onProgress: () => writtenAtProgress.push(sink.bytes),
    })
    expect(result.pages).toBe(12)
    // Bytes reached the output while letters were still being drawn, not only at the end.
    expect(writtenAtProgress[6]).toBeGreaterThan(0)
    expect(sink.bytes).toBeGreaterThan(writtenAtProgress[11]!)
    expect(sink.writableFinished).toBe(true)
  })

  it('destroys the output when the letters fail half-way, so no partial file passes for whole', async () => {
    async function* failing(): AsyncGenerator<LetterData> {
      yield letter()
      throw new Error('database gone')
    }
    const sink = new SlowSink()
    await expect(writeLetterBatch(failing(), template(), sink)).rejects.toThrow('database gone')
    expect(sink.destroyed).toBe(true)
    expect(sink.writableFinished).toBe(false)
  })

  it('fails when the output fails', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('disk full'))
      },
    })
    await expect(writeLetterBatch(letters(5), template(), broken)).rejects.toThrow('disk full')
  })

  it('refuses an empty batch: a PDF without pages is no print file', async () => {
    await expect(writeLetterBatch([], template(), new SlowSink())).rejects.toThrow(/No letters/)
  })
})

describe('StreamingPdf memory', () => {
  interface Internals {
    _fontFamilies: Record<string, { layoutCache?: Record<string, unknown> }>
    _root: { data: { Pages: { data: { Kids: Array<{ data?: Record<string, unknown> }> } } } }
  }

  // The memory figures themselves are measured by bench/letters.ts (100,000 letters).
  it('bounds the font layout caches and keeps only bare references to written pages (pdfkit internals it relies on)', async () => {
    const pdf = new StreamingPdf(new SlowSink(), { layoutCacheWords: 150 })
    const t = template()
    const internals = pdf.doc as unknown as Internals
    const cacheSizes: number[] = []
    for (const l of letters(45)) {
      pdf.addPage()
      drawLetter(pdf.doc, l, t, pdf.fonts)
      cacheSizes.push(...Object.values(internals._fontFamilies).map((f) => Object.keys(f.layoutCache ?? {}).length))
      await pdf.settle()
    }
    // The caches are used (else this test proves nothing) and never pass their budget
    // and the last few words, although 45 letters with different names and codes set
    // far more than 150 words.
    expect(Math.max(...cacheSizes)).toBe(150 + RECENT_WORDS)
    const kids = internals._root.data.Pages.data.Kids
    expect(kids).toHaveLength(45)
    for (const written of [kids[0]!, kids[43]!]) {
      expect(written.data).toBeUndefined()
      expect(String(written)).toMatch(/^\d+ 0 R$/)
    }
    // The page being drawn keeps its dictionary until it is written.
    expect(kids[44]!.data).toHaveProperty('Contents')
    await pdf.end()
  })
})
