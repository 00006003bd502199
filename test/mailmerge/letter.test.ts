import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { formatLoginCode } from '#src/codes/login-code.ts'
import { translator } from '#src/i18n/translate.ts'
import { paragraphDirection, visualString } from '#src/mailmerge/bidi-text.ts'
import type { LetterData, LetterTemplate } from '#src/mailmerge/index.ts'
import {
  DEFAULT_ADDRESS_WINDOW,
  defaultTemplate,
  letterLanguage,
  MERGE_FIELDS,
  mergeFields,
  unknownMergeFields,
  writeLetterBatch,
} from '#src/mailmerge/index.ts'
import { mm } from '#src/mailmerge/units.ts'
import { UI_LANGUAGES } from '#src/i18n/translate.ts'
import { HARD_NAMES, hardLetters, letter, template } from './fixtures.ts'
import type { PrintedLine } from './pdf-tools.ts'
import {
  decodeSymbols,
  fontsOf,
  inkShare,
  pageCount,
  pageTextItems,
  pageTexts,
  printedLines,
  renderPages,
  renderToolsAvailable,
  useTempDir,
  writePdf,
} from './pdf-tools.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()

let fileCount = 0
function letterPdf(letters: LetterData[], t: LetterTemplate = template()): Promise<string> {
  return writePdf(tmp.file(`letter-${++fileCount}.pdf`), (out) => writeLetterBatch(letters, t, out))
}

function undated(): LetterTemplate {
  const t = template()
  delete t.letterDate
  return t
}

const VALUES = {
  naam: 'J. Jansen',
  code: 'K7QXM-4TR9C',
  url: 'enquete.example.nl',
  sluitingsdatum: '20 december 2026',
  gemeente: 'Borne',
}

describe('mergeFields', () => {
  it('replaces every known field, as often as it occurs', () => {
    const result = mergeFields(
      'Beste {naam}, uw code is {code}. Nogmaals: {code}. Ga naar {url} vóór {sluitingsdatum} ({gemeente}).',
      VALUES,
    )
    expect(result).toEqual({
      text: 'Beste J. Jansen, uw code is K7QXM-4TR9C. Nogmaals: K7QXM-4TR9C. Ga naar enquete.example.nl vóór 20 december 2026 (Borne).',
      unknown: [],
    })
  })

  it('reports unknown fields once each and leaves them in the text', () => {
    const result = mergeFields('Beste {naam} {foo}, {Naam} {foo} {adres}', VALUES)
    expect(result.unknown).toEqual(['foo', 'Naam', 'adres'])
    expect(result.text).toBe('Beste J. Jansen {foo}, {Naam} {foo} {adres}')
    expect(unknownMergeFields('{naam} {foo} {foo}')).toEqual(['foo'])
  })

  it('leaves braces that are not a field alone', () => {
    expect(mergeFields('Zie { bijlage } en {} of {a b}', VALUES)).toEqual({
      text: 'Zie { bijlage } en {} of {a b}',
      unknown: [],
    })
  })

  it('does not treat $-patterns in values specially', () => {
    expect(mergeFields('{naam}', { ...VALUES, naam: "$& $1 $' O'Brien" }).text).toBe("$& $1 $' O'Brien")
  })
})

describe('default templates', () => {
  for (const kind of ['invitation', 'reminder'] as const) {
    it(`${kind}: a text in every client language, each using every known merge field and no other`, () => {
      const t = defaultTemplate(kind)
      expect(Object.keys(t.bodies).sort()).toEqual([...UI_LANGUAGES].sort())
      for (const body of Object.values(t.bodies)) {
        expect(unknownMergeFields(body.subject + body.body)).toEqual([])
        for (const field of ['naam', 'code', 'url', 'sluitingsdatum', 'gemeente'])
          expect(body.body).toContain(`{${field}}`)
      }
      expect(t.bodies.nl.body).toMatch(/anoniem/)
      expect(t.bodies.nl.body).toMatch(/ongeveer 15 minuten/)
      expect(t.bodies.nl.body).toMatch(/postzegel is niet nodig/)
      expect(t.bodies.en?.body).toMatch(/anonymous/)
      expect(t.bodies.tr?.body).toMatch(/Cevaplarınız anonimdir/)
      expect(t.bodies.pl?.body).toMatch(/Odpowiedzi są anonimowe/)
      expect(t.bodies.ar?.body).toMatch(/إجاباتكم مجهولة الهوية/)
      expect(t.addressWindow).toEqual(DEFAULT_ADDRESS_WINDOW)
    })
  }

  it('the invitation mentions the paper form and the free reply envelope', () => {
    expect(defaultTemplate('invitation').bodies.nl.body).toMatch(
      /vragenlijst in die bij deze brief zit[\s\S]*antwoordenvelop/,
    )
  })

  it('the reminder tells people who already answered to ignore it', () => {
    expect(defaultTemplate('reminder').bodies.nl.body).toContain(
      'Heeft u de vragenlijst al ingevuld? Dank u wel! Dan hoeft u niets meer te doen.',
    )
    expect(defaultTemplate('reminder').bodies.nl.body).toContain('Uw inlogcode is dezelfde als in de eerste brief.')
  })

  it('says the round\'s last day is included, in every language, never "vóór"', () => {
    for (const kind of ['invitation', 'reminder'] as const) {
      const { bodies } = defaultTemplate(kind)
      expect(bodies.nl.body).toContain('tot en met {sluitingsdatum}')
      expect(bodies.nl.body).not.toMatch(/vóór/)
      expect(bodies.en?.body).toContain('up to and including {sluitingsdatum}')
      expect(bodies.pl?.body).toContain('do {sluitingsdatum} włącznie')
      expect(bodies.tr?.body).toContain('(bu tarih dahil)')
      expect(bodies.ar?.body).toContain('ويشمل ذلك هذا اليوم')
    }
  })

  it('returns a fresh copy each time', () => {
    const a = defaultTemplate('invitation')
    a.bodies.nl.body = 'x'
    a.addressWindow.leftMm = 99
    expect(defaultTemplate('invitation').bodies.nl.body).not.toBe('x')
    expect(defaultTemplate('invitation').addressWindow.leftMm).toBe(20)
  })

  it('lists the merge fields the brief names', () => {
    expect([...MERGE_FIELDS].sort()).toEqual(['code', 'gemeente', 'naam', 'sluitingsdatum', 'url'])
  })
})

describe('letterLanguage', () => {
  it("uses the client's language where the template has it, else Dutch", () => {
    const t = template()
    expect(letterLanguage(t, 'en')).toBe('en')
    expect(letterLanguage(t, 'tr')).toBe('tr')
    expect(letterLanguage(t, 'so')).toBe('nl')
    expect(letterLanguage(t, 'constructor')).toBe('nl')
  })
})

describe('drawLetter', () => {
  it('prints the names, code, address and texts intact', async () => {
    const file = await letterPdf(hardLetters())
    // Line breaks in running text come out as newlines: compare with single spaces.
    const texts = (await pageTexts(file)).map((t) => t.replace(/\s+/g, ' '))
    expect(texts).toHaveLength(HARD_NAMES.length)
    hardLetters().forEach((l, i) => {
      const page = texts[i]!
      expect(page).toContain(l.name)
      expect(page).toContain(`Beste ${l.name},`)
      expect(page).toContain(formatLoginCode(l.code))
      expect(page).toContain('enquete.example.nl')
      expect(page).toContain('20 december 2026')
      expect(page).toContain('gemeente Hengelo')
      expect(page).toContain('Marktstraat 12')
      expect(page).toContain('A. de Vries')
      expect(page).toContain('Datum: 1 december 2026')
    })
    for (const name of ['Yılmaz', 'Nguyễn', 'Öztürk', 'Łukasz']) expect(texts.join('\n')).toContain(name)
  })

  it.skipIf(!tools)('embeds every font it prints them in', async () => {
    const fonts = await fontsOf(await letterPdf(hardLetters()))
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.every((f) => f.embedded)).toBe(true)
    expect(fonts.map((f) => f.name).join(' ')).not.toMatch(/Helvetica|Times|Courier/)
  })

  it("prints in the client's language, and in Dutch where the template has no text", async () => {
    const file = await letterPdf([
      letter({ language: 'en' }),
      letter({ language: 'tr' }),
      letter({ language: 'pl' }),
      letter({ language: 'so' }),
    ])
    const [en, tr, pl, so] = await pageTexts(file)
    expect(en).toContain('Dear J. van der Meijer,')
    expect(en).toContain('Your login code:')
    expect(en).toContain('Date: 1 december 2026')
    expect(tr).toContain('Sayın J. van der Meijer,')
    expect(tr).toContain('Giriş kodunuz:')
    expect(tr).toContain('Çalışma ve Gelir Birimi hakkında ne düşünüyorsunuz?')
    expect(pl).toContain('Dzień dobry J. van der Meijer,')
    expect(pl).toContain('Kod logowania:')
    expect(pl).toContain('Znaczek nie jest potrzebny.')
    expect(so).toContain('Beste J. van der Meijer,')
  })

  it("prints the phone's opening hours in the letter's language, and the Dutch ones where that language has none", async () => {
    const t = template()
    t.bodies.en = { ...t.bodies.en!, openingHours: 'Monday to Friday 9.00–12.00' }
    const file = await letterPdf([letter({ language: 'en' }), letter({ language: 'tr' })], t)
    const [en, tr] = (await pageTexts(file)).map((text) => text.replace(/\s+/g, ' '))
    expect(en).toContain('Monday to Friday 9.00–12.00')
    expect(en).not.toContain('maandag')
    expect(tr).toContain('maandag tot en met vrijdag 9.00–12.00 uur')
  })

  it('prints the reference, the date, where to ask questions, the privacy page and the last day', async () => {
    const file = await letterPdf([letter({ letterDate: undefined })])
    const [page] = (await pageTexts(file)).map((t) => t.replace(/\s+/g, ' '))
    expect(page).toContain('Datum: 1 december 2026')
    expect(page).toContain('Ons kenmerk: WI/KTO-2026')
    expect(page).toContain('Heeft u vragen?')
    expect(page).toContain('Bel 14 074')
    expect(page).toContain('maandag tot en met vrijdag 9.00–12.00 uur')
    expect(page).toContain('Mail naar werkeninkomen@hengelo.nl')
    expect(page).toContain('Hoe wij met uw gegevens omgaan, leest u op enquete.example.nl/privacy')
    expect(page).toContain('Meedoen kan tot en met 20 december 2026.')
    expect(page).toContain('A. de Vries Manager Werk en Inkomen')
  })

  it('shows only the return line and the address in the envelope window', async () => {
    const items = await pageTextItems(await letterPdf([letter()]), 1)
    const w = DEFAULT_ADDRESS_WINDOW
    const inWindow = items.filter(
      (i) =>
        i.str.trim() !== '' &&
        i.x + 1 >= mm(w.leftMm) &&
        i.x < mm(w.leftMm + w.widthMm) &&
        i.top >= mm(w.topMm) &&
        i.top < mm(w.topMm + w.heightMm),
    )
    expect(inWindow.map((i) => i.str.trim()).join(' ')).toBe(
      'Retouradres: Postbus 18, 7550 AA Hengelo J. van der Meijer Marktstraat 12 7551 AB HENGELO',
    )
  })

  it('puts TESTAFDRUK across every page of a test print, and not on real letters', async () => {
    const file = await writePdf(tmp.file('test-print.pdf'), (out) =>
      writeLetterBatch(hardLetters(), template(), out, { testPrint: true }),
    )
    const pages = await pageTexts(file)
    expect(pages).toHaveLength(HARD_NAMES.length)
    for (const page of pages) expect(page).toContain('TESTAFDRUK')
    for (const page of await pageTexts(await letterPdf(hardLetters()))) expect(page).not.toContain('TESTAFDRUK')
  })

  it("dates a letter today, in the letter's language, when neither letter nor template gives a date (a preview)", async () => {
    const file = await letterPdf(
      [letter({ letterDate: undefined }), letter({ letterDate: undefined, language: 'en' })],
      undated(),
    )
    const [nl, en] = await pageTexts(file)
    expect(nl).toMatch(
      /Datum: \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/,
    )
    expect(en).toMatch(
      /Date: \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
    )
  })

  it('dates a letter made just after midnight in Amsterdam with the Amsterdam day, whatever the server clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-14T23:30:00Z') })
    try {
      const [nl] = await pageTexts(await letterPdf([letter({ letterDate: undefined })], undated()))
      expect(nl).toContain('Datum: 15 januari 2026')
    } finally {
      vi.useRealTimers()
    }
  })

  it('places the address inside the envelope window and keeps the code out of it', async () => {
    const file = await letterPdf([letter()])
    const items = await pageTextItems(file, 1)
    const w = DEFAULT_ADDRESS_WINDOW
    const inWindow = (item: { x: number; top: number }) =>
      item.x >= mm(w.leftMm) &&
      item.x <= mm(w.leftMm + w.widthMm) &&
      item.top >= mm(w.topMm) &&
      item.top <= mm(w.topMm + w.heightMm)
    for (const line of ['J. van der Meijer', 'Marktstraat 12']) {
      const item = items.find((i) => i.str === line)
      expect(item, line).toBeDefined()
      expect(inWindow(item!), `${line} at ${JSON.stringify(item)}`).toBe(true)
    }
    // The code must not show through the window of a closed envelope.
    const codeItems = items.filter((i) => i.str.replace(/\s/g, '').includes(formatLoginCode(letter().code)))
    expect(codeItems.length).toBeGreaterThan(0)
    for (const item of codeItems) expect(inWindow(item)).toBe(false)
  })

  it('follows a configured address window', async () => {
    const t = template()
    t.addressWindow = { leftMm: 110, topMm: 45, widthMm: 85, heightMm: 40 }
    t.sender.returnAddress = undefined
    const file = await letterPdf([letter()], t)
    const name = (await pageTextItems(file, 1)).find((i) => i.str === 'J. van der Meijer')
    expect(name!.x).toBeGreaterThanOrEqual(mm(110))
    expect(name!.top).toBeGreaterThanOrEqual(mm(45))
    expect(name!.top).toBeLessThanOrEqual(mm(85))
  })

  it('keeps a long body on one page by setting it smaller', async () => {
    const t = template()
    const long = t.bodies.nl.body.replace(
      'Met vriendelijke groet,',
      `${'Dit is een extra zin om de brief langer te maken. '.repeat(18)}\n\nMet vriendelijke groet,`,
    )
    t.bodies.nl = { ...t.bodies.nl, body: long }
    const file = await letterPdf([letter()], t)
    const [page] = await pageTexts(file)
    expect(await pageTexts(file)).toHaveLength(1)
    expect(page).toContain('Met vriendelijke groet,')
    expect(page).toContain('Manager Werk en Inkomen')
  })

  it('refuses a text too long for one page rather than cutting it off', async () => {
    const t = template()
    t.bodies.nl = { ...t.bodies.nl, body: 'Dit is een veel te lange brief. '.repeat(400) }
    await expect(letterPdf([letter()], t)).rejects.toThrow(/does not fit on one page/)
  })

  it('refuses a text with an unknown merge field', async () => {
    const t = template()
    t.bodies.nl = { ...t.bodies.nl, body: 'Beste {naam}, uw {klantnummer}' }
    await expect(letterPdf([letter()], t)).rejects.toThrow(/\{klantnummer\}/)
  })

  it('embeds a logo once, not once per letter', async () => {
    const t = template()
    // A 1×1 PNG.
    t.logo = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    )
    const images = async (count: number) => {
      const raw = (
        await readFile(
          await letterPdf(
            Array.from({ length: count }, () => letter()),
            t,
          ),
        )
      ).toString('latin1')
      return raw.match(/\/Subtype \/Image/g)?.length ?? 0
    }
    // The image and its transparency mask, however many letters.
    expect(await images(1)).toBeGreaterThan(0)
    expect(await images(3)).toBe(await images(1))
  })

  it.skipIf(!tools)(
    'renders a QR code that opens the login URL at 150 and 200 dpi, on a page that is not blank',
    async () => {
      const l = letter()
      const file = await letterPdf([l])
      expect(await pageCount(file)).toBe(1)
      for (const dpi of [200, 150]) {
        const { pages } = await renderPages(file, tmp.dir, { dpi })
        expect(await decodeSymbols(pages[0]!), `${dpi} dpi`).toEqual([`QR-Code:${l.loginUrl}`])
      }
      const { pages } = await renderPages(file, tmp.dir, { dpi: 150 })
      const ink = await inkShare(pages[0]!)
      expect(ink).toBeGreaterThan(0.01)
      expect(ink).toBeLessThan(0.3)
    },
  )
})

/** Arabic as it lies on paper, left to right: the letters in reverse (before they are joined). */
const rev = (text: string) => Array.from(text).reverse().join('')

/** A template with an Arabic text, until the catalogue has one (the labels in the code box are still Dutch). */
function arabicTemplate(): LetterTemplate {
  const t = template()
  t.bodies.ar = {
    subject: 'ما رأيك في Werk en Inkomen؟',
    body: `عزيزي {naam}،

نود أن نعرف رأيك في قسم Werk en Inkomen في بلدية {gemeente}. لذلك نطلب منك ملء استبيان. يستغرق ذلك حوالي 15 دقيقة (ربع ساعة).

يمكنك أن تختار كيف تشارك:
- عبر الإنترنت: اذهب إلى {url} وأدخل رمز الدخول {code}. أو امسح رمز QR بهاتفك.
- على الورق: املأ الاستبيان المرفق وأعده في مظروف الرد. لا حاجة إلى طابع بريدي.

يرجى المشاركة قبل {sluitingsdatum}.

مع أطيب التحيات،`,
  }
  return t
}

describe('drawLetter in Arabic', () => {
  const arabic = letter({
    name: 'M. Yılmaz',
    language: 'ar',
    letterDate: '1 ديسمبر 2026',
    closingDate: '20 ديسمبر 2026',
  })
  let file: string
  let lines: PrintedLine[]
  const lineWith = (text: string) => {
    const found = lines.find((l) => l.text.includes(text))
    expect(found, `a line with ${text}`).toBeDefined()
    return found!
  }

  beforeAll(async () => {
    file = await letterPdf([arabic], arabicTemplate())
    lines = await printedLines(file, 1)
  })

  it('greets the client with the Arabic greeting on the right of the Latin name, which reads left to right', () => {
    // Read from the right: "عزيزي", then the name, then the Arabic comma.
    expect(lineWith(rev('عزيزي')).text).toBe(`،M. Yılmaz ${rev('عزيزي')}`)
  })

  it('prints the login code, web address, closing date and numbers whole and in order', () => {
    expect(lineWith(rev('اذهب')).text).toContain(`enquete.example.nl ${rev('إلى')} ${rev('اذهب')}`)
    // The code in the running text has a non-breaking hyphen.
    expect(lines.some((l) => l.text.includes('K7QXM\u20114TR9Y'))).toBe(true)
    expect(lineWith(rev('يرجى')).text).toBe(`.2026 ${rev('ديسمبر')} 20 ${rev('قبل')} ${rev('المشاركة')} ${rev('يرجى')}`)
    expect(lineWith(rev('دقيقة')).text).toContain(`(${rev('ساعة')} ${rev('ربع')}) ${rev('دقيقة')} 15`)
    expect(lineWith(`2026 ${rev('ديسمبر')} 1`).baseline).toBeLessThan(mm(115))
  })

  it('aligns the date, subject, body, list and signature on the right margin, the contact block left of the date', () => {
    const rightMargin = mm(190)
    expect(lineWith(`2026 ${rev('ديسمبر')} 1`).right).toBeCloseTo(rightMargin, 0)
    const contact = lineWith(rev('أسئلة؟'))
    expect(contact.right).toBeCloseTo(mm(114), 0)
    expect(contact.baseline).toBeLessThan(mm(115))
    const below = lines.filter((l) => l.baseline > mm(122))
    // The bullets hang on the right margin; the lines of a list item end left of them.
    const bulleted = below.filter((l) => l.text.endsWith('•'))
    expect(bulleted).toHaveLength(2)
    const itemRight = bulleted[0]!.pieces.at(-2)!.right
    expect(itemRight).toBeLessThan(rightMargin - 10)
    expect(below.length).toBeGreaterThan(10)
    for (const line of below) {
      if (line.right < rightMargin - 1) expect(line.right, line.text).toBeCloseTo(itemRight, 0)
      else expect(line.right, line.text).toBeCloseTo(rightMargin, 0)
    }
    expect(below.filter((l) => Math.abs(l.right - rightMargin) < 0.5).length).toBeGreaterThan(10)
    // Ragged on the left: lines are not stretched to the left margin.
    expect(Math.max(...below.map((l) => l.left))).toBeGreaterThan(mm(100))
  })

  it('turns the code box: texts on the right, the QR code on the right, the code in one piece', () => {
    const t = translator('ar')
    const boxRight = mm(190 - 4)
    const inBox = lines.filter((l) => l.left >= mm(118) && l.baseline > mm(45) && l.baseline < mm(103))
    const boxLine = (text: string) => {
      const seen = visualString(text, paragraphDirection(text, 'rtl'))
      const found = inBox.find((l) => l.text.includes(seen))
      expect(found, text).toBeDefined()
      return found!
    }
    for (const text of [
      t('letter.box.online'),
      'enquete.example.nl',
      t('letter.box.code'),
      formatLoginCode(arabic.code),
    ])
      expect(boxLine(text).right, text).toBeCloseTo(boxRight, 0)
    // The explanation beside the QR code ends left of it.
    expect(boxLine(t('letter.box.scan').split(' ')[0]!).right).toBeCloseTo(boxRight - mm(24 + 4), 0)
  })

  it('keeps the address in the envelope window as it is, left to right', () => {
    for (const text of ['M. Yılmaz', 'Marktstraat 12', '7551 AB  HENGELO']) {
      const line = lines.find((l) => l.text === text)
      expect(line, text).toBeDefined()
      expect(line!.left).toBeCloseTo(mm(DEFAULT_ADDRESS_WINDOW.leftMm + 5), 0)
    }
  })

  it.skipIf(!tools)('renders a QR code on the right that opens the login URL', async () => {
    const { pages } = await renderPages(file, tmp.dir)
    expect(await decodeSymbols(pages[0]!)).toEqual([`QR-Code:${arabic.loginUrl}`])
  })

  it('reads back in reading order: text extraction gives the sentences of the catalogue', async () => {
    const l = letter({ name: 'M. الحسيني', language: 'ar', closingDate: '20 ديسمبر 2026' })
    const [text] = await pageTexts(await letterPdf([l]))
    const merged = mergeFields(template().bodies.ar!.body, {
      naam: l.name,
      code: formatLoginCode(l.code).replace('-', '\u2011'),
      url: l.siteUrl,
      sluitingsdatum: l.closingDate,
      gemeente: l.stratumName,
    }).text
    // What extraction does apart from the order of letters and words: a vowel mark may come
    // back a letter off, after a space (so marks are left out of the comparison), and
    // brackets unmirrored (so sentences with brackets are left out).
    const plain = (value: string) =>
      value
        .replace(/•/g, ' ')
        .replace(/\s*\p{M}/gu, '')
        .replace(/\s+/g, ' ')
    const sentences = merged
      .split(/\n+|(?<=[.!؟:])\s/u)
      .map((sentence) => sentence.replace(/^- /, '').trim())
      .filter((sentence) => sentence !== '' && !/[()]/.test(sentence))
    expect(sentences.length).toBeGreaterThan(10)
    // "لا" and "الاستبيان" included: a lam-alef ligature reads back as its two letters in order.
    expect(sentences.join(' ')).toMatch(/(^| )لا /)
    expect(sentences.join(' ')).toContain('الاستبيان')
    for (const sentence of sentences) expect(plain(text!), sentence).toContain(plain(sentence))
  })

  it('keeps an Arabic name in order in the salutation of an Arabic and of a Dutch letter', async () => {
    const salutation = async (name: string, language: string) => {
      const file = await letterPdf([letter({ name, language })])
      const printed = (await printedLines(file, 1)).find(
        (l) => l.text.includes(rev('السيد/السيدة')) || l.text.startsWith('Beste'),
      )
      const extracted = (await pageTexts(file))[0]!.split('\n').find((l) => /السيد\/السيدة|Beste/.test(l))
      return { printed: printed?.text, extracted }
    }
    // Read from the right: the greeting, the initial with its full stop after it, the surname.
    expect(await salutation('M. الحسيني', 'ar')).toEqual({
      printed: `،${rev('الحسيني')} .M ${rev('السيد/السيدة')}`,
      extracted: 'السيد/السيدة M. الحسيني،',
    })
    expect((await salutation('محمد الحسيني', 'ar')).extracted).toBe('السيد/السيدة محمد الحسيني،')
    expect((await salutation('M. Yılmaz', 'ar')).printed).toBe(`،M. Yılmaz ${rev('السيد/السيدة')}`)
    // Read from the left in a Dutch letter: the surname first, as it is written, then the initial.
    expect((await salutation('الحسيني M.', 'nl')).printed).toBe(`Beste ${rev('الحسيني')} M.,`)
  })

  it('prints a Dutch letter to a client whose name is in Arabic script with the name in order', async () => {
    const nl = await printedLines(await letterPdf([letter({ name: 'M. الحسيني' })], arabicTemplate()), 1)
    expect(nl.map((l) => l.text)).toContain(`Beste M. ${rev('الحسيني')},`)
    const inWindow = nl.find((l) => l.text === `M. ${rev('الحسيني')}`)
    expect(inWindow?.left).toBeCloseTo(mm(DEFAULT_ADDRESS_WINDOW.leftMm + 5), 0)
  })
})
