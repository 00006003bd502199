/**
 * The scanned-form test set (test/helpers/scan-test-set.ts) does what the reader's figures
 * rely on: the marks are where the layout says the boxes are, the recorded answers are
 * what the pixels show, and the pages are spoilt as it says (skewed, upside down, out of
 * order, one missing). Writes one filled page to test-artifacts/scan-filled-page.png.
 */
import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Rect } from '#src/mailmerge/paper-layout.ts'
import { scanPages } from '#src/scan/index.ts'
import type { GreyImage } from '#src/scan/types.ts'
import type { ScanTestSet } from '#test/helpers/scan-test-set.ts'
import { makeScanTestSet, NO_DEGRADATION, pagePng, scanFiles, scanToolsAvailable } from '#test/helpers/scan-test-set.ts'
import { mkdirSync } from 'node:fs'

const available = scanToolsAvailable()
const MM = 72 / 25.4
const ARTIFACTS_DIR = path.resolve('test-artifacts')

/** The pixels of `rect` (points, grown by `grow` points) on a page at `dpi`. */
function* pixelsOf(image: GreyImage, rect: Rect, dpi: number, grow = 0): Generator<number> {
  const s = dpi / 72
  const [x0, y0] = [Math.max(0, Math.floor((rect.x - grow) * s)), Math.max(0, Math.floor((rect.y - grow) * s))]
  const x1 = Math.min(image.width, Math.ceil((rect.x + rect.width + grow) * s))
  const y1 = Math.min(image.height, Math.ceil((rect.y + rect.height + grow) * s))
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) yield y * image.width + x
}

/** Pixels made at least 40 grey levels darker than the printed page: what the pen added. */
function inked(printed: GreyImage, filled: GreyImage, i: number): boolean {
  return printed.data[i]! - filled.data[i]! > 40
}

describe.skipIf(!available)('the scanned-form test set', () => {
  describe('straight from the printer, at 300 dpi', () => {
    let set: ScanTestSet
    beforeAll(async () => {
      set = await makeScanTestSet({
        forms: 2,
        dpi: 300,
        seed: 11,
        degrade: NO_DEGRADATION,
        fill: { writing: 1, blankPage: 1 },
        keepPrinted: true,
      })
    }, 60_000)

    it('puts every mark and every handwriting inside the box or area the layout names', () => {
      for (const page of set.pages) {
        const form = set.forms.find((f) => f.code === page.code)!
        const allowed = new Uint8Array(page.image.data.length)
        for (const mark of form.marks.filter((m) => m.page === page.page))
          for (const i of pixelsOf(page.image, mark.rect, 300, 1 * MM)) allowed[i] = 1
        for (const writing of form.writings.filter((w) => w.page === page.page))
          for (const i of pixelsOf(page.image, writing.rect, 300, 3 * MM)) allowed[i] = 1
        let inside = 0
        let outside = 0
        for (let i = 0; i < page.image.data.length; i++) {
          if (!inked(page.printed!, page.image, i)) continue
          if (allowed[i]) inside++
          else outside++
        }
        expect(outside, `page ${page.page} of ${page.code}: ink outside the boxes`).toBe(0)
        if (form.marks.some((m) => m.page === page.page)) expect(inside).toBeGreaterThan(100)
      }
    })

    it('records per field what the pixels show: ticked boxes, cancelled boxes, "m" for two ticks', () => {
      let fields = 0
      const seen = new Set<string>()
      for (const form of set.forms) {
        const byVariable = new Map<string, Array<{ value: number; rect: Rect; page: number }>>()
        for (const layoutPage of form.layout.pages)
          for (const area of layoutPage.areas)
            if (area.kind === 'tick')
              byVariable.set(area.variable, [
                ...(byVariable.get(area.variable) ?? []),
                { value: area.value, rect: area.rect, page: layoutPage.page },
              ])
        for (const [variable, boxes] of byVariable) {
          const ticked: number[] = []
          for (const box of boxes) {
            const page = set.pages.find((p) => p.code === form.code && p.page === box.page)!
            // Inside the printed border: the share of pixels the pen darkened.
            const inner = {
              x: box.rect.x + 1,
              y: box.rect.y + 1,
              width: box.rect.width - 2,
              height: box.rect.height - 2,
            }
            let all = 0
            let ink = 0
            for (const i of pixelsOf(page.image, inner, 300)) {
              all++
              if (inked(page.printed!, page.image, i)) ink++
            }
            const share = ink / all
            if (share > 0.6) seen.add('cancelled box')
            else if (share > 0.03) ticked.push(box.value)
          }
          const expected =
            ticked.length === 0
              ? ''
              : form.multiple[variable]
                ? ticked.join(' ')
                : ticked.length > 1
                  ? 'm'
                  : String(ticked[0])
          expect(form.expected[variable], `${form.code} ${variable}`).toBe(expected)
          seen.add(expected === 'm' ? 'm' : expected.includes(' ') ? 'several' : expected === '' ? 'empty' : 'one')
          fields++
        }
      }
      expect(fields).toBe(2 * 58)
      expect([...seen].sort()).toEqual(['cancelled box', 'empty', 'm', 'one', 'several'])
      const styles = new Set(set.forms.flatMap((f) => f.marks.map((m) => m.style)))
      expect([...styles].sort()).toEqual(['check', 'cross', 'faint', 'fill'])
    })

    it('leaves a blank page blank, and writes the texts it records', () => {
      for (const form of set.forms) {
        expect(form.blankPages).toHaveLength(1)
        const blank = set.pages.find((p) => p.code === form.code && p.page === form.blankPages[0])!
        expect(blank.image.data.every((v, i) => v === blank.printed!.data[i])).toBe(true)
        for (const [variable, text] of Object.entries(form.written))
          expect(form.writings.some((w) => w.variable === variable && w.text === text)).toBe(text !== '')
      }
      expect(set.forms.flatMap((f) => f.writings).length).toBeGreaterThan(0)
    })
  })

  describe('through the scanner, at 200 dpi', () => {
    let set: ScanTestSet
    beforeAll(async () => {
      set = await makeScanTestSet({ forms: 2, dpi: 200, seed: 5, degrade: { upsideDown: 0.2 } })
    }, 60_000)

    it('leaves out one page of one form, and mixes the order of the others', () => {
      const missing = set.forms.flatMap((f) => (f.missingPage ? [`${f.code}:${f.missingPage}`] : []))
      expect(missing).toHaveLength(1)
      const scanned = set.pages.map((p) => `${p.code}:${p.page}`)
      const printed = set.forms.flatMap((f) => Array.from({ length: f.pageCount }, (_, i) => `${f.code}:${i + 1}`))
      expect([...scanned].sort()).toEqual(printed.filter((p) => p !== missing[0]).sort())
      expect(scanned).not.toEqual(printed.filter((p) => p !== missing[0]))
    })

    it('turns the pages it says are upside down: the barcode is at the bottom left', () => {
      // Ink in the top-right band (the barcode) against the bottom-left band.
      const ink = (image: GreyImage, left: number, top: number) => {
        let dark = 0
        const [w, h] = [Math.floor(image.width * 0.4), Math.floor(image.height * 0.07)]
        const [x0, y0] = [Math.floor(image.width * left), Math.floor(image.height * top)]
        for (let y = y0; y < y0 + h; y++)
          for (let x = x0; x < x0 + w; x++) if (image.data[y * image.width + x]! < 100) dark++
        return dark
      }
      const turned = set.pages.filter((p) => p.upsideDown)
      expect(turned.length).toBeGreaterThanOrEqual(2)
      for (const page of set.pages) {
        const [topRight, bottomLeft] = [ink(page.image, 0.55, 0.01), ink(page.image, 0.05, 0.92)]
        if (page.upsideDown) expect(bottomLeft, `${page.code}:${page.page}`).toBeGreaterThan(3 * topRight)
        else expect(topRight, `${page.code}:${page.page}`).toBeGreaterThan(3 * bottomLeft)
      }
      expect(set.pages.every((p) => Math.abs(p.skew) <= 3)).toBe(true)
      expect(set.pages.some((p) => Math.abs(p.skew) > 1)).toBe(true)
    })

    it('makes the files office scanners make: a PDF and a TIFF with a page per scan, PNG and JPEG pages', async () => {
      const images = set.pages.slice(0, 3).map((p) => p.image)
      const [pdf] = await scanFiles(images, 'pdf', 200)
      expect(pdf!.subarray(0, 5).toString()).toBe('%PDF-')
      expect(pdf!.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(3)
      const [tiff] = await scanFiles(images, 'tiff', 200)
      const tiffInfo = await sharp(tiff!, { pages: -1 }).metadata()
      expect([tiffInfo.format, tiffInfo.pages, tiffInfo.channels, tiffInfo.width]).toEqual([
        'tiff',
        3,
        1,
        images[0]!.width,
      ])
      // The intake takes both back page by page, at the size they were scanned.
      for (const file of [pdf!, tiff!]) {
        const sizes: string[] = []
        for await (const page of scanPages(file)) sizes.push(`${page.width}×${page.height}`)
        expect(sizes).toEqual(images.map((image) => `${image.width}×${image.height}`))
      }
      for (const kind of ['png', 'jpeg'] as const) {
        const files = await scanFiles(images, kind, 200)
        const info = await sharp(files[0]!).metadata()
        expect([files.length, info.format, info.channels, info.width]).toEqual([3, kind, 1, images[0]!.width])
      }
    })

    it('makes the same pages again from the same seed', async () => {
      const hash = (image: GreyImage) => createHash('sha256').update(image.data).digest('hex')
      const again = await makeScanTestSet({ forms: 2, dpi: 200, seed: 5, degrade: { upsideDown: 0.2 } })
      expect(again.pages.map((p) => hash(p.image))).toEqual(set.pages.map((p) => hash(p.image)))
      expect(again.forms.map((f) => f.expected)).toEqual(set.forms.map((f) => f.expected))
    }, 60_000)

    it('saves a filled-in page for a person to look at', async () => {
      // The upright page with the most on it: ticks, a correction, and handwriting where there is any.
      const score = (p: (typeof set.pages)[number]) => {
        const form = set.forms.find((f) => f.code === p.code)!
        return (
          form.marks.filter((m) => m.page === p.page).length +
          10 * form.writings.filter((w) => w.page === p.page).length
        )
      }
      const page = set.pages.filter((p) => !p.upsideDown).sort((a, b) => score(b) - score(a))[0]!
      mkdirSync(ARTIFACTS_DIR, { recursive: true })
      const file = path.join(ARTIFACTS_DIR, 'scan-filled-page.png')
      await writeFile(file, await pagePng(page.image))
      expect((await sharp(file).metadata()).height).toBe(page.image.height)
    })
  })
})
