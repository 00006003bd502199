import { beforeAll, describe, expect, it } from 'vitest'
import { formatLoginCode } from '#src/codes/login-code.ts'
import { checkPrintFile } from '#src/print-check/index.ts'
import type { WrittenSet } from '#src/mailmerge/index.ts'
import { writePrintSets } from '#src/mailmerge/index.ts'
import { PAPER } from '#src/mailmerge/paper-pen.ts'
import { DEFAULT_ADDRESS_WINDOW } from '#src/mailmerge/letter-template.ts'
import { mm } from '#src/mailmerge/units.ts'
import { StreamingPdf } from '#src/mailmerge/pdf-stream.ts'
import { drawSetMarks } from '#src/mailmerge/set-mark.ts'
import { code, ktoDefinition, letter, paperDefinition, template } from './fixtures.ts'
import { readFile } from 'node:fs/promises'
import { PDFDict, PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib'
import { pageTextItems, pageTexts, useTempDir, writePdf } from './pdf-tools.ts'

const tmp = useTempDir()
const CODES = ['K7QXM4TR2', 'K7QXM4TR3', 'K7QXM4TR4'].map(code)

describe('writePrintSets', () => {
  let file: string
  let pages: string[]
  const written: WrittenSet[] = []
  beforeAll(async () => {
    const sets = CODES.map((c) => ({
      letter: letter({ code: c }),
      form: { code: c, lang: 'nl', stratumName: 'Hengelo' },
    }))
    file = await writePdf(tmp.file('sets.pdf'), (out) =>
      writePrintSets(sets, template(), out, { definition: ktoDefinition(), onSet: (s) => void written.push(s) }),
    )
    pages = await pageTexts(file)
  })

  it('puts each person’s letter and then their form together, every set on whole sheets', () => {
    expect(written.map((s) => s.number)).toEqual([1, 2, 3])
    let page = 0
    for (const set of written) {
      const setPages = pages.slice(page, page + 2 * set.sheets)
      const printed = formatLoginCode(set.item.letter.code)
      expect(setPages[0]).toContain('J. van der Meijer')
      expect(setPages[0]!.replace(/\s/g, '')).toContain(printed)
      // The letter's back is empty; the form starts on the next sheet and carries the same code on every page.
      expect(setPages[1]!.trim()).toBe('')
      for (const formPage of setPages.slice(2)) expect(formPage.replace(/\s/g, '')).toContain(printed)
      page += 2 * set.sheets
    }
    expect(page).toBe(pages.length)
  })

  it('marks every front with the set and "vel i van n", and no back', () => {
    let page = 0
    for (const set of written) {
      for (let sheet = 1; sheet <= set.sheets; sheet++) {
        expect(pages[page]).toContain(`Set ${set.number}`)
        expect(pages[page]).toContain(`vel ${sheet} van ${set.sheets}`)
        expect(pages[page + 1]).not.toContain('vel ')
        page += 2
      }
    }
  })

  it('keeps the mark in the left margin, clear of the letter text, the form and the envelope window', async () => {
    const labels: unknown[] = []
    for (const page of [1, 3, 5]) {
      const items = (await pageTextItems(file, page)).filter((i) => /^Set \d|^vel \d/.test(i.str))
      expect(items).toHaveLength(2)
      for (const item of items) {
        expect(item.x).toBeLessThan(PAPER.left - mm(1))
        expect(item.top).toBeGreaterThan(mm(DEFAULT_ADDRESS_WINDOW.topMm + DEFAULT_ADDRESS_WINDOW.heightMm + 100))
      }
      labels.push(items.find((i) => i.str.startsWith('Set')))
    }
    // The letter's "Set 1" is copied onto the form's sheets: the same text in the same place.
    expect(labels[1]).toEqual(labels[0])
    expect(labels[2]).toEqual(labels[0])
  })

  it('says what a page shows in one hidden note: the code, and on a front the set mark as well', async () => {
    const doc = await PDFDocument.load(await readFile(file))
    const notes = doc.getPages().map((page) => {
      const annotations = page.node.Annots()
      return Array.from({ length: annotations?.size() ?? 0 }, (_, i) =>
        (annotations!.lookup(i, PDFDict).lookup(PDFName.of('Contents'), PDFString) as PDFString).decodeText(),
      )
    })
    let page = 0
    for (const set of written) {
      const code = set.item.letter.code
      for (let sheet = 1; sheet <= set.sheets; sheet++) {
        expect(notes[page]).toEqual([`PC:${code}\nPS1:${set.number}:${sheet}:${set.sheets}:${code.slice(-3)}`])
        // The letter's back is empty; a form's back shows the code.
        expect(notes[page + 1]).toEqual(sheet === 1 ? [] : [`PC:${code}`])
        page += 2
      }
    }
  })

  it('keeps "Set" and "vel" together under a symbol that grows within a set', async () => {
    // "PS1:1:10:11:…" needs a larger DataMatrix than "PS1:1:9:11:…": the labels under it move down.
    const sheets = 11
    const file = await writePdf(tmp.file('long-set.pdf'), async (out) => {
      const pdf = new StreamingPdf(out, { bufferPages: true })
      for (let page = 0; page < 2 * sheets; page++) pdf.addPage()
      drawSetMarks(pdf, { number: 1, firstPage: 0, sheets, codeTail: 'R9C' })
      pdf.flushPages()
      await pdf.end()
    })
    const tops = new Set<number>()
    for (let sheet = 1; sheet <= sheets; sheet++) {
      const items = await pageTextItems(file, 2 * sheet - 1)
      const set = items.find((i) => i.str === 'Set 1')!
      const vel = items.find((i) => i.str === `vel ${sheet} van ${sheets}`)!
      expect(vel.top - set.top, `sheet ${sheet}`).toBeCloseTo(7, 1)
      tops.add(Math.round(set.top))
    }
    expect(tops.size).toBe(2)
  })

  // The scan test of the collation check (test/print-check) reads the DataMatrix back.

  it('gives every set whole sheets, so that the next set starts on a front', async () => {
    const odd: WrittenSet[] = []
    const oddFile = await writePdf(tmp.file('odd.pdf'), (out) =>
      writePrintSets(
        CODES.slice(0, 2).map((c) => ({
          letter: letter({ code: c }),
          form: { code: c, lang: 'nl', stratumName: 'Hengelo' },
        })),
        template(),
        out,
        { definition: paperDefinition(), onSet: (s) => void odd.push(s) },
      ),
    )
    const texts = await pageTexts(oddFile)
    expect(texts).toHaveLength(2 * (odd[0]!.sheets + odd[1]!.sheets))
    // The first set ends on a page of its own form (balanced to an even number of pages,
    // or padded with a blank page that says whose form it is), never on the next letter.
    expect(texts[2 * odd[0]!.sheets - 1]!.replace(/\s/g, '')).toContain(formatLoginCode(CODES[0]!))
    expect(texts[2 * odd[0]!.sheets]).toContain('Set 2')
    expect(texts[2 * odd[0]!.sheets]).toContain('J. van der Meijer')
  })
  it('keeps each person’s pages together over many sets, sets without a form and forms of other lengths among them', async () => {
    const people = Array.from({ length: 45 }, (_, i) => ({ code: code(`K7QXM${String(i).padStart(2, '0')}TR`), i }))
    const many: WrittenSet[] = []
    const manyFile = await writePdf(tmp.file('many.pdf'), (out) =>
      writePrintSets(
        people.map(({ code: c, i }) => ({
          letter: letter({ code: c, name: `Persoon ${i + 1}`, language: i % 3 === 1 ? 'en' : 'nl' }),
          ...(i % 5 === 4 ? {} : { form: { code: c, lang: i % 3 === 1 ? 'en' : 'nl', stratumName: 'Hengelo' } }),
        })),
        template(),
        out,
        { definition: paperDefinition(), onSet: (s) => void many.push(s) },
      ),
    )
    expect(many.map((s) => s.number)).toEqual(people.map(({ i }) => i + 1))
    expect(new Set(many.map((s) => s.sheets)).size).toBeGreaterThan(1)

    const report = await checkPrintFile(await readFile(manyFile))
    expect(report.problems).toEqual([])
    expect(report.sets).toBe(45)

    const texts = await pageTexts(manyFile)
    let page = 0
    for (const set of many) {
      const printed = formatLoginCode(set.item.letter.code)
      expect(texts[page]).toContain(`Persoon ${set.number}`)
      expect(texts[page]).toContain(`Set ${set.number}`)
      for (const formPage of texts.slice(page + 2, page + 2 * set.sheets))
        if (formPage.trim()) expect(formPage.replace(/\s/g, '')).toContain(printed)
      page += 2 * set.sheets
    }
    expect(page).toBe(texts.length)
  })
})
