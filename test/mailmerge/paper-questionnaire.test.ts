import { createWriteStream } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { formBarcodeText } from '#src/codes/form-barcode.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'
import type { PaperFormItem } from '#src/mailmerge/index.ts'
import { writePaperQuestionnaire, writePaperQuestionnaireBatch } from '#src/mailmerge/index.ts'
import { paragraphDirection, visualString } from '#src/mailmerge/bidi-text.ts'
import { BARCODE } from '#src/mailmerge/paper-page.ts'
import { PAPER } from '#src/mailmerge/paper-pen.ts'
import { paperText } from '#src/mailmerge/paper-texts.ts'
import { localize } from '#src/questionnaire/text.ts'
import { mm } from '#src/mailmerge/units.ts'
import { arabicDefinition, code, ktoDefinition, paperDefinition } from './fixtures.ts'
import type { PrintedBox, PrintedLine } from './pdf-tools.ts'
import {
  decodeSymbols,
  fontsOf,
  inkedStretches,
  inkShare,
  pageTextItems,
  pageTexts,
  printedBoxes,
  printedFontSizes,
  printedLines,
  readPgm,
  renderPages,
  renderToolsAvailable,
  useTempDir,
  writePdf,
} from './pdf-tools.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()

const CODE = code('K7QXM4TR9')
const flat = (text: string) => text.replace(/\s+/g, ' ')

describe('writePaperQuestionnaire', () => {
  let file: string
  let pages: string[]
  beforeAll(async () => {
    file = await writePdf(tmp.file('kto.pdf'), (out) =>
      writePaperQuestionnaire(ktoDefinition(), out, { code: CODE, stratumName: 'Hengelo' }),
    )
    pages = (await pageTexts(file)).map(flat)
  })

  it('prints the code and "Pagina X van Y" on every page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4)
    pages.forEach((page, i) => {
      expect(page.replace(/\s/g, '')).toContain(formatLoginCode(CODE))
      expect(page).toContain(`Pagina ${i + 1} van ${pages.length}`)
      expect(page).toContain('Hengelo')
      if (i < pages.length - 1) expect(page).toContain('Ga verder op de volgende pagina')
    })
    expect(pages[pages.length - 1]).not.toContain('Ga verder op de volgende pagina')
    expect(pages[pages.length - 1]).toContain('Einde van de vragenlijst')
  })

  it('prints every question with its number, answers with their values, and routing in words', () => {
    const all = pages.join(' ')
    expect(all).toContain('Wat vindt u van Werk en Inkomen?')
    expect(all).toContain('Zet een kruisje (X) in het hokje')
    for (let n = 1; n <= 23; n++) expect(all).toContain(`${n}. `)
    expect(all).toMatch(/1 Minder dan 1 jaar geleden/)
    expect(all).toMatch(/2 Langer dan 1 jaar geleden ► Ga door naar vraag 5/)
    expect(all).toContain('Alleen invullen als u bij vraag 2 ‘Minder dan 1 jaar geleden’ heeft gekozen.')
    expect(all).toMatch(/3 Nee ► Ga door naar vraag 9/)
    expect(all).toMatch(/1 Ja ► Ga door naar vraag 11/)
    expect(all).toMatch(/99 Weet ik niet \/ geen ervaring/)
    // Grid header: the labels with their values, the item letters on the rows.
    expect(all).toMatch(/Helemaal mee eens 1/)
    expect(all).toMatch(/o praten te veel over mijn plichten en over straffen/)
    expect(all).toContain('U mag meer antwoorden kiezen.')
    expect(all).toContain('Anders, namelijk')
  })

  it('repeats the table header on every page a grid continues on', () => {
    const itemsOf13 = [
      'zijn duidelijk en eerlijk over de regels',
      'doen hun uiterste best',
      'respecteren mijn privacy',
      'praten te veel over mijn plichten',
    ]
    const pagesOf13 = pages.filter((page) => itemsOf13.some((item) => page.includes(item)))
    expect(pagesOf13.length).toBeGreaterThan(0)
    for (const page of pagesOf13) expect(page).toMatch(/Helemaal mee oneens 4/)
  })

  it('keeps every text above the footer, and the footer on the page', async () => {
    for (let page = 1; page <= pages.length; page++) {
      for (const item of await pageTextItems(file, page)) {
        if (item.str.trim() === '') continue
        expect(item.top, `page ${page}: "${item.str}"`).toBeLessThan(mm(290))
        if (item.top > mm(280)) expect(item.str, `page ${page}`).toMatch(/Pagina|Ga verder/)
      }
    }
  })

  it.skipIf(!tools).each([150, 200])(
    'carries a Code128 of the code and page number on every page, scannable at %i dpi',
    async (dpi) => {
      const rendered = await renderPages(file, tmp.dir, { dpi })
      expect(rendered.pages).toHaveLength(pages.length)
      for (const [i, image] of rendered.pages.entries()) {
        expect(await decodeSymbols(image), `page ${i + 1} at ${dpi} dpi`).toEqual([
          `CODE-128:${formBarcodeText(CODE, i + 1)}`,
        ])
        expect(await inkShare(image)).toBeGreaterThan(0.01)
      }
    },
  )

  it.skipIf(!tools)('embeds every font it prints in', async () => {
    const fonts = await fontsOf(file)
    expect(fonts.every((f) => f.embedded)).toBe(true)
    expect(fonts.map((f) => f.name).join(' ')).not.toMatch(/Helvetica|Times|Courier/)
  })

  it.skipIf(!tools)('keeps the quiet zones of the barcode white, with modules of at least 0.33 mm', async () => {
    const dpi = 200
    const rendered = await renderPages(file, tmp.dir, { dpi, first: 1, last: 1 })
    const image = await readPgm(rendered.pages[0]!)
    const module = BARCODE.module
    expect(module).toBeGreaterThanOrEqual(mm(0.33))
    // Stretches of ink in the barcode's band, joined over gaps narrower than the widest
    // space inside a Code128 symbol (4 modules): the symbol comes out as one stretch.
    const stretches = inkedStretches(
      image,
      dpi,
      { top: BARCODE.top, bottom: BARCODE.top + BARCODE.height },
      4.5 * module,
    )
    const symbol = stretches.findIndex((s) => s.right - s.left > 150 * module)
    expect(symbol, 'the barcode is one stretch of ink').toBeGreaterThanOrEqual(0)
    const { left, right } = stretches[symbol]!
    // Ten characters of code and two of page: 167 modules.
    expect(right - left).toBeCloseTo(167 * module, -0.5)
    const before = stretches[symbol - 1]?.right ?? 0
    const after = stretches[symbol + 1]?.left ?? mm(210)
    expect(left - before).toBeGreaterThanOrEqual(10 * module)
    expect(after - right).toBeGreaterThanOrEqual(10 * module)
  })

  it('prints an English form', async () => {
    const en = await writePdf(tmp.file('kto-en.pdf'), (out) =>
      writePaperQuestionnaire(ktoDefinition(), out, { lang: 'en', code: CODE }),
    )
    const texts = (await pageTexts(en)).map(flat)
    expect(texts[0]).toContain('What do you think of Work and Income?')
    expect(texts[0]).toContain(`Page 1 of ${texts.length}`)
    expect(texts.join(' ')).toMatch(/2 More than 1 year ago ► Go to question 5/)
  })

  it('prints the KTO in Turkish and Polish, with their own letters intact', async () => {
    const tr = (
      await pageTexts(
        await writePdf(tmp.file('kto-tr.pdf'), (out) =>
          writePaperQuestionnaire(ktoDefinition(), out, { lang: 'tr', code: CODE }),
        ),
      )
    ).map(flat)
    expect(tr[0]).toContain('Werk en Inkomen (İş ve Gelir) hakkında ne düşünüyorsunuz?')
    expect(tr.join(' ')).toMatch(/2 1 yıldan daha uzun süre önce ►/)
    const pl = (
      await pageTexts(
        await writePdf(tmp.file('kto-pl.pdf'), (out) =>
          writePaperQuestionnaire(ktoDefinition(), out, { lang: 'pl', code: CODE }),
        ),
      )
    )
      .map(flat)
      .join(' ')
    expect(pl).toContain('Czy ma Pan/Pani płatną pracę na część etatu?')
    expect(pl).toContain('Pomoc i wsparcie, które dostaję')
  })

  it('prints a spare form without a code, with a field to write one in', async () => {
    const spare = await writePdf(tmp.file('spare.pdf'), (out) => writePaperQuestionnaire(paperDefinition(), out))
    const [first] = (await pageTexts(spare)).map(flat)
    expect(first).toContain('Code:')
  })

  it.skipIf(!tools)('prints no barcode on a spare form', async () => {
    const spare = await writePdf(tmp.file('spare-render.pdf'), (out) => writePaperQuestionnaire(paperDefinition(), out))
    const rendered = await renderPages(spare, tmp.dir, { first: 1, last: 1 })
    expect(await decodeSymbols(rendered.pages[0]!)).toEqual([])
  })

  it('prints every question type of a definition', async () => {
    const sample = await writePdf(tmp.file('sample.pdf'), (out) =>
      writePaperQuestionnaire(paperDefinition(), out, { code: CODE, stratumNames: { haaksbergen: 'Haaksbergen' } }),
    )
    const all = (await pageTexts(sample)).map(flat).join(' ')
    expect(all).toContain('U mag hoogstens 2 antwoorden kiezen.')
    expect(all).toContain('Vul een getal in van 0 tot en met 40.')
    expect(all).toContain('uur')
    expect(all).toContain('Alleen invullen als u in Haaksbergen woont.')
    expect(all).toContain('zeer slecht')
    expect(all).toContain('1 = zeer slecht, 10 = uitstekend')
    expect(all).toContain('Dank u wel!')
  })
})

describe('sending the form back', () => {
  const REPLY = ['Gemeente Hengelo', 'Antwoordnummer 1234', '7550 VB Hengelo']

  it("says the last day and the reply address on the first and the last page, in the form's language", async () => {
    for (const [lang, date] of [
      ['nl', '3 januari 2027'],
      ['en', '3 January 2027'],
    ] as const) {
      const file = await writePdf(tmp.file(`return-${lang}.pdf`), (out) =>
        writePaperQuestionnaire(ktoDefinition(), out, {
          lang,
          code: CODE,
          returnBy: '2027-01-03',
          replyAddress: REPLY,
        }),
      )
      const texts = (await pageTexts(file)).map(flat)
      const deadline = paperText('returnBy', lang, { date })
      for (const page of [texts[0]!, texts.at(-1)!]) {
        expect(page).toContain(deadline)
        expect(page).toContain(paperText('noStamp', lang))
        for (const line of REPLY) expect(page).toContain(line)
      }
      for (const page of texts.slice(1, -1)) expect(page).not.toContain('Antwoordnummer')
    }
    expect(paperText('returnBy', 'nl', { date: '3 januari 2027' })).toBe(
      'Stuur de vragenlijst uiterlijk 3 januari 2027 terug in de antwoordenvelop.',
    )
  })

  it('prints no address when none is known, and the deadline still', async () => {
    const file = await writePdf(tmp.file('return-no-address.pdf'), (out) =>
      writePaperQuestionnaire(ktoDefinition(), out, { code: CODE, returnBy: '2027-01-03', replyAddress: [' '] }),
    )
    const texts = (await pageTexts(file)).map(flat)
    expect(texts[0]).toContain('uiterlijk 3 januari 2027')
    expect(texts.join(' ')).not.toContain(paperText('replyAddress', 'nl'))
  })
})

describe('balanced pages', () => {
  /** How far down the last text of the body of a page lies, as a share of the page's body. */
  const fill = async (file: string, page: number) => {
    const tops = (await pageTextItems(file, page))
      .filter((item) => item.str.trim() !== '' && item.top > PAPER.contentTop && item.top < mm(280))
      .map((item) => item.top)
    return (Math.max(...tops) - PAPER.contentTop) / (PAPER.contentBottom - PAPER.contentTop)
  }

  it.each(['nl', 'en', 'tr', 'ar', 'pl'])(
    'prints the KTO (%s) on an even number of pages in duplex, with no blank or nearly empty last page',
    async (lang) => {
      const file = tmp.file(`balanced-${lang}.pdf`)
      const { pages } = await writePaperQuestionnaireBatch(
        ktoDefinition(),
        [{ code: CODE, lang, stratumName: 'Hengelo' }],
        createWriteStream(file),
        { returnBy: '2027-01-03', replyAddress: ['Gemeente Hengelo', 'Antwoordnummer 1234', '7550 VB Hengelo'] },
      )
      expect(pages % 2).toBe(0)
      expect(pages).toBeLessThanOrEqual(8)
      expect((await pageTexts(file)).join(' ')).not.toContain(paperText('blank', lang))
      expect(await fill(file, pages)).toBeGreaterThan(0.4)
    },
  )

  it.each(['nl', 'en', 'tr', 'ar', 'pl'])(
    'spreads the KTO (%s) single-sided so that its last page is not nearly empty',
    async (lang) => {
      const file = await writePdf(tmp.file(`balanced-simplex-${lang}.pdf`), (out) =>
        writePaperQuestionnaire(ktoDefinition(), out, { lang, code: CODE }),
      )
      const pages = (await pageTexts(file)).length
      expect(await fill(file, pages), `last of ${pages} pages`).toBeGreaterThan(0.4)
    },
  )
})

describe('the KTO form in every language of the client', () => {
  const LANGUAGES = ['nl', 'en', 'tr', 'ar', 'pl'] as const
  const files = new Map<string, string>()
  beforeAll(async () => {
    for (const lang of LANGUAGES)
      files.set(
        lang,
        await writePdf(tmp.file(`kto-all-${lang}.pdf`), (out) =>
          writePaperQuestionnaire(ktoDefinition(), out, { lang, code: CODE, stratumName: 'Hengelo' }),
        ),
      )
  })

  it.each(LANGUAGES)('prints no text under 9 pt (%s)', async (lang) => {
    const sizes = (await printedFontSizes(files.get(lang)!)).flatMap((page, p) =>
      page.map((item) => ({ ...item, page: p + 1 })),
    )
    expect(sizes.length).toBeGreaterThan(300)
    const small = sizes
      .filter((item) => item.size < 8.99)
      .map((item) => `p${item.page} ${item.size.toFixed(1)} pt "${item.str}"`)
    expect(small).toEqual([])
  })

  it.each(LANGUAGES)('breaks no word of a grid column head (%s)', async (lang) => {
    const definition = ktoDefinition()
    const heads = Object.values(definition.scales ?? {}).flatMap((scale) =>
      (scale.type === 'options' ? scale.options : scale.dontKnow ? [scale.dontKnow] : []).map((o) =>
        localize(o.label, lang),
      ),
    )
    expect(heads.length).toBeGreaterThan(0)
    const all = (await pageTexts(files.get(lang)!)).join('\n')
    for (const word of heads.flatMap((head) => head.split(/\s+/)).filter((w) => w.length > 3)) {
      // A word broken over two lines comes back from text extraction in two pieces.
      if (lang !== 'ar') expect(all, word).toContain(word)
    }
  })
})

/** Arabic as it lies on paper, left to right: the letters in reverse (before they are joined). */
const rev = (text: string) => Array.from(text).reverse().join('')

/** How a fixed text of an Arabic form lies on paper, whether the catalogue has it in Arabic or falls back to Dutch. */
const seen = (text: string) => visualString(text, paragraphDirection(text, 'rtl'))

describe('writePaperQuestionnaire in Arabic', () => {
  let file: string
  let lines: PrintedLine[]
  let boxes: PrintedBox[]
  const lineWith = (text: string) => {
    const found = lines.find((l) => l.text.includes(text))
    expect(found, `a line with ${text}`).toBeDefined()
    return found!
  }
  const pieceWith = (line: PrintedLine, text: string) => {
    const found = line.pieces.find((p) => p.text.includes(text))
    expect(found, `a piece with ${text} in ${line.text}`).toBeDefined()
    return found!
  }
  /** The tick box on the same row as a line of text. */
  const boxBeside = (line: PrintedLine) => {
    const found = boxes.find(
      (b) => b.width < mm(5) && line.baseline > b.top && line.baseline < b.top + b.height + mm(2),
    )
    expect(found, `a box beside ${line.text}`).toBeDefined()
    return found!
  }

  beforeAll(async () => {
    file = await writePdf(tmp.file('arabic.pdf'), (out) =>
      writePaperQuestionnaire(arabicDefinition(), out, { lang: 'ar', code: CODE, stratumName: 'Hengelo' }),
    )
    lines = await printedLines(file, 1)
    boxes = await printedBoxes(file, 1)
  })

  it('sets question texts right-aligned, the number on the right where the line starts', () => {
    const question = lineWith(rev('تواصلت'))
    // Read from the right: "1.", then the question, with the Latin name whole inside it.
    expect(question.text).toBe(`؟Werk en Inkomen ${rev('مع')} ${rev('تواصلت')} ${rev('مرة')} ${rev('كم')}.1`)
    expect(question.right).toBeCloseTo(PAPER.right, 0)
    expect(pieceWith(question, rev('كم')).right).toBeCloseTo(PAPER.right - PAPER.numberColumn, 0)
  })

  it('puts each tick box on the right of its label, with the value the typist keys between them', () => {
    for (const label of ['مرة واحدة', 'أبدا', 'غير ذلك، وهو']) {
      const line = lineWith(rev(label))
      const box = boxBeside(line)
      expect(box.x, label).toBeGreaterThan(pieceWith(line, rev(label)).right)
      expect(box.x + box.width, label).toBeCloseTo(PAPER.right - PAPER.numberColumn, 0)
    }
    const value = lines.find((l) => l.text === '2' && l.left > mm(150))
    expect(value!.right).toBeLessThan(boxBeside(lineWith(rev('أبدا'))).x)
    expect(value!.left).toBeGreaterThan(pieceWith(lineWith(rev('أبدا')), rev('أبدا')).right)
  })

  it('writes routing in order: the skip beside its answer, the condition with its answer labels whole', () => {
    const hint = paperText('goTo', 'ar', { number: 3 })
    const pointer = paragraphDirection(hint, 'rtl') === 'rtl' ? '◄' : '►'
    // The skip follows the label in reading order: on its left, on the same line (an
    // Arabic skip may sit a point off the label's baseline, as its own line when read back).
    const label = lineWith(rev('أبدا'))
    const labelPiece = pieceWith(label, rev('أبدا'))
    const skip = lines.find((l) => l.text.includes(seen(`${pointer} ${hint}`)))
    expect(skip, 'the skip is printed').toBeDefined()
    expect(Math.abs(skip!.baseline - label.baseline)).toBeLessThanOrEqual(2)
    const skipPieces = skip!.pieces.filter((p) => p !== labelPiece)
    expect(Math.max(...skipPieces.map((p) => p.right))).toBeLessThan(labelPiece.x)
    const condition = lines.find((l) => l.baseline > lineWith(rev('أبدا')).baseline && l.text.includes(rev('واحدة')))
    expect(condition?.text).toContain(rev('مرة واحدة'))
    expect(condition?.text).toContain(rev('غير ذلك، وهو'))
  })

  it('keeps numbers and brackets in an Arabic text in order', () => {
    expect(lineWith(rev('الدرجة')).text).toBe(
      `؟(10 ${rev('إلى')} 1 ${rev('من')}) ${rev('تعطيها')} ${rev('التي')} ${rev('الدرجة')} ${rev('هي')} ${rev('ما')}.2`,
    )
  })

  it('runs the grade boxes and the grid columns from right to left', () => {
    const grades = lineWith('10987654321')
    expect(grades.right).toBeLessThanOrEqual(PAPER.right - PAPER.numberColumn)
    const grid = lineWith(`${rev('غير موافق')}${rev('موافق')}`)
    expect(grid.text).toBe(`${rev('غير موافق')}${rev('موافق')}`)
    const row = lineWith(rev('بسرعة'))
    expect(row.text.endsWith('a')).toBe(true)
    expect(row.right).toBeCloseTo(PAPER.right - PAPER.numberColumn - mm(0.8), 0)
  })

  it('mirrors the Dutch form: every box is where the Dutch form has it, seen in a mirror', async () => {
    const dutch = await writePdf(tmp.file('arabic-in-dutch.pdf'), (out) =>
      writePaperQuestionnaire(arabicDefinition(), out, { lang: 'nl', code: CODE }),
    )
    const round = (b: PrintedBox) => [Math.round(b.x), Math.round(b.width)].join(' ')
    const mirrored = (await printedBoxes(dutch, 1)).map((b) => ({ ...b, x: PAPER.left + PAPER.right - b.x - b.width }))
    expect(boxes.length).toBeGreaterThan(15)
    expect(boxes.map(round).sort()).toEqual(mirrored.map(round).sort())
  })

  it.skipIf(!tools)('keeps the barcode top right, scannable', async () => {
    const rendered = await renderPages(file, tmp.dir, { dpi: 150 })
    expect(await decodeSymbols(rendered.pages[0]!)).toEqual([`CODE-128:${formBarcodeText(CODE, 1)}`])
    expect(lineWith(formatLoginCode(CODE)).left).toBeGreaterThan(mm(140))
  })
})

describe('writePaperQuestionnaireBatch', () => {
  describe('one form per participant', () => {
    const items: PaperFormItem[] = [
      { code: code('AAAAA2222'), lang: 'nl', stratumName: 'Hengelo', stratum: 'hengelo' },
      { code: code('BBBBB3333'), lang: 'en', stratumName: 'Haaksbergen', stratum: 'haaksbergen' },
      { code: code('CCCCC4444'), lang: 'nl', stratumName: 'Borne' },
    ]
    const progress: number[] = []
    const file = () => tmp.file('batch.pdf')
    let texts: string[]
    /** The index of each form's first page. */
    let starts: number[]
    beforeAll(async () => {
      await writePdf(file(), (out) =>
        writePaperQuestionnaireBatch(paperDefinition(), items, out, {
          stratumNames: { haaksbergen: 'Haaksbergen' },
          onProgress: (n) => progress.push(n),
        }),
      )
      texts = (await pageTexts(file())).map(flat)
      starts = texts.flatMap((t, i) => (/(Pagina|Page) 1 (van|of) /.test(t) ? [i] : []))
    })

    it('prints each with its own code and page numbers, each starting on a new sheet', () => {
      expect(progress).toEqual([1, 2, 3])
      expect(starts).toHaveLength(3)
      const forms = starts.map((start, i) => texts.slice(start, starts[i + 1] ?? texts.length))
      forms.forEach((form, i) => {
        expect(form.length % 2).toBe(0)
        // Spaced-out letters may come back from text extraction with a space in between.
        for (const page of form) expect(page.replace(/\s/g, '')).toContain(formatLoginCode(items[i]!.code))
        form.forEach((page, p) => expect(page).toMatch(new RegExp(`(Pagina|Page) ${p + 1} (van|of) ${form.length}`)))
      })
      expect(forms[1]![0]).toContain('Sample questionnaire')
      // Leergeld is asked in Haaksbergen only; Borne's form has no stratum, so it says so.
      expect(forms[0]!.join(' ')).not.toContain('Stichting Leergeld')
      expect(forms[1]!.join(' ')).toContain('Stichting Leergeld')
      expect(forms[2]!.join(' ')).toContain('Alleen invullen als u in Haaksbergen woont.')
    })

    it.skipIf(!tools)("prints each form's own code as a scannable Code128", async () => {
      expect(starts).toHaveLength(3)
      for (const [i, start] of starts.entries()) {
        const rendered = await renderPages(file(), tmp.dir, { first: start + 1, last: start + 1, dpi: 150 })
        expect(await decodeSymbols(rendered.pages[0]!)).toEqual([`CODE-128:${formBarcodeText(items[i]!.code, 1)}`])
      }
    })
  })

  it('prints single-sided without blank pages when asked', async () => {
    const file = tmp.file('simplex.pdf')
    const { pages, forms } = await writePaperQuestionnaireBatch(
      paperDefinition(),
      [{ code: CODE, lang: 'nl', stratumName: 'Borne' }],
      createWriteStream(file),
      {
        duplex: false,
      },
    )
    expect(forms).toBe(1)
    expect((await pageTexts(file)).length).toBe(pages)
    expect((await pageTexts(file)).join(' ')).not.toContain('Deze pagina is leeg.')
  })
})
