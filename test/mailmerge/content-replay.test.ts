/**
 * Letters after the first copy what is the same on every letter (ContentReplay) instead
 * of setting it again, and paper forms copy the pages of the first form of their language
 * and stratum. A copy must look exactly like one drawn from scratch.
 */
import { readFile } from 'node:fs/promises'
import QRCode from 'qrcode'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LetterData, PaperFormItem } from '#src/mailmerge/index.ts'
import { writeLetterBatch, writePaperQuestionnaireBatch } from '#src/mailmerge/index.ts'
import { code, ktoDefinition, letter, template } from './fixtures.ts'
import { pageCount, pageTextItems, renderPages, renderToolsAvailable, useTempDir, writePdf } from './pdf-tools.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()

/**
 * The printed texts of a page and where they are. Text extraction adds empty and blank
 * pieces where it guesses line ends and spaces, and guesses differently around a copied
 * drawing (a form XObject): those are left out, every printed character is compared.
 */
async function printedTexts(file: string, page: number) {
  return (await pageTextItems(file, page)).filter((item) => item.str.trim() !== '')
}

// Any picture will do as a logo: it is copied as an image resource rather than as text.
let logo: Buffer
beforeAll(async () => {
  logo = await QRCode.toBuffer('Gemeente Hengelo', { type: 'png', width: 120 })
})

function batch(name: string, letters: LetterData[]): Promise<string> {
  const withLogo = { ...template(), logo }
  return writePdf(tmp.file(name), (out) => writeLetterBatch(letters, withLogo, out))
}

// What repeats is drawn for the first two letters and copied from the third on.
const earlier = [
  letter({ name: 'A. Bakker', code: code('ABCDEFGH2') }),
  letter({ name: 'B. de Boer', code: code('BCDEFGHJ3'), language: 'en' }),
]
const again = [
  letter({ name: 'C. Visser', code: code('CDEFGHJK4') }),
  letter({ name: 'D. Smit', code: code('DEFGHJKL5'), language: 'en' }),
]
const third = letter({
  name: 'Z. Öztürk-Yılmaz',
  code: code('K7QXM4TR9'),
  addressLines: ['Molenstraat 3', '7491 CD  DELDEN'],
})
const english = letter({ name: 'N. Nguyễn', code: code('MNPQRSTU3'), language: 'en' })

describe('letters copied from earlier ones', () => {
  it('carry the same text in the same places as letters drawn on their own', async () => {
    const together = await batch('together.pdf', [...earlier, ...again, third, english])
    const alone = [await batch('third.pdf', [third]), await batch('english.pdf', [english])]
    expect(await printedTexts(together, 5)).toEqual(await printedTexts(alone[0]!, 1))
    expect(await printedTexts(together, 6)).toEqual(await printedTexts(alone[1]!, 1))
    // What differs per person is still their own.
    const text = (await pageTextItems(together, 5)).map((item) => item.str).join(' ')
    expect(text).toContain('Z. Öztürk-Yılmaz')
    expect(text).not.toContain('C. Visser')
  })

  it.skipIf(!tools)('render pixel for pixel the same as a letter drawn on its own', async () => {
    const together = await batch('together-render.pdf', [...earlier, ...again, third])
    const alone = await batch('alone-render.pdf', [third])
    const copied = await renderPages(together, tmp.dir, { dpi: 100, first: 5, last: 5 })
    const drawn = await renderPages(alone, tmp.dir, { dpi: 100 })
    expect((await readFile(copied.pages[0]!)).equals(await readFile(drawn.pages[0]!))).toBe(true)
  })
})

describe('paper forms copied from an earlier form of the same language and stratum', () => {
  const forms = (name: string, items: PaperFormItem[]) =>
    writePdf(tmp.file(name), (out) =>
      writePaperQuestionnaireBatch(ktoDefinition(), items, out, { stratumNames: { hengelo: 'Hengelo' } }),
    )
  const earlier: PaperFormItem = { code: code('ABCDEFGH2'), lang: 'nl', stratumName: 'Hengelo', stratum: 'hengelo' }
  const later: PaperFormItem = { code: code('K7QXM4TR9'), lang: 'nl', stratumName: 'Hengelo', stratum: 'hengelo' }

  it('carry the same text in the same places, with their own code, as a form printed on its own', async () => {
    const together = await forms('forms-together.pdf', [earlier, later])
    const alone = await forms('form-alone.pdf', [later])
    const pages = await pageCount(alone)
    expect(await pageCount(together)).toBe(2 * pages)
    for (let page = 1; page <= pages; page++) {
      expect(await printedTexts(together, pages + page), `page ${page}`).toEqual(await printedTexts(alone, page))
    }
  })

  it.skipIf(!tools)('render pixel for pixel the same as a form printed on its own', async () => {
    const together = await forms('forms-together-render.pdf', [earlier, later])
    const alone = await forms('form-alone-render.pdf', [later])
    const pages = await pageCount(alone)
    const copied = await renderPages(together, tmp.dir, { dpi: 72, first: pages + 1, last: 2 * pages })
    const drawn = await renderPages(alone, tmp.dir, { dpi: 72 })
    expect(copied.pages).toHaveLength(pages)
    for (const [i, page] of copied.pages.entries()) {
      expect((await readFile(page)).equals(await readFile(drawn.pages[i]!)), `page ${i + 1}`).toBe(true)
    }
  })
})
