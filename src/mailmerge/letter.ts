/**
 * One invitation or reminder letter on one A4 page.
 *
 * Layout (millimetres from the top left): letterhead at the top; the address inside the
 * envelope window (template.addressWindow); right of the window, hidden inside the
 * envelope, a box with the web address, the login code and the QR code; below them the
 * date, the subject, the body and the signature. The body shrinks its font a little when
 * a long text would otherwise run off the page.
 */
import { formatLoginCode } from '#src/codes/login-code.ts'
import { translator } from '#src/i18n/translate.ts'
import { isRightToLeft } from '#src/questionnaire/text.ts'
import { replayFor } from './content-replay.ts'
import type { PdfFonts } from './fonts.ts'
import { BodyTypesetter, splitParagraphs, toParagraph } from './letter-body.ts'
import type { LetterTemplate } from './letter-template.ts'
import { letterLanguage } from './letter-template.ts'
import type { MergeValues } from './merge-fields.ts'
import { mergeFields } from './merge-fields.ts'
import { drawQrCode } from './qr-code.ts'
import { mm } from './units.ts'

/** One addressee, as the server hands it over. Nothing here is stored in the PDF's metadata. */
export interface LetterData {
  /** The normalised login code, without dash: `K7QXM4TR9C`. */
  code: string
  /** What the QR code opens: `<publicUrl>/c/<code>`. */
  loginUrl: string
  /** The address printed for typing, e.g. `enquete.hengelo.nl`. */
  siteUrl: string
  /** The name as printed on the envelope, e.g. "J. van der Meijer". */
  name: string
  /** Street and house number, postcode and town; the name comes first, from `name`. */
  addressLines: string[]
  /** The client's language; letters are printed in it when the template has a text for it. */
  language: string
  /** The municipality (stratum) the client lives in, for `{gemeente}`. */
  stratumName: string
  /** The last day to take part, already formatted, e.g. "20 december 2026". */
  closingDate: string
  /** The date printed on the letter, already formatted; defaults to today in the letter's language. */
  letterDate?: string
}

/**
 * Stand-ins for the fields that differ from letter to letter, for choosing the body's
 * font size: measuring is as slow as drawing, so the size is chosen once per text
 * (language, municipality) for values at least this wide, rather than for every letter.
 * No code is wider than ten W's; a name wider than the stand-in is measured itself.
 */
const WIDEST: Pick<MergeValues, 'naam' | 'code'> = {
  naam: 'M.M.M. van den Mmmmmmmmmmm-Mmmmmmmmmmmmm',
  code: 'WWWWW\u2011WWWWW',
}

// Geometry in millimetres.
const PAGE_RIGHT = 190
const BOX = { left: 118, top: 45, right: PAGE_RIGHT, bottom: 103, padding: 4 }
const QR_SIZE = 24
const DATE_TOP = 110
const SUBJECT_TOP = 116
const BODY_TOP = 125
const SIGNATURE_HEIGHT = 14
const TEXT_BOTTOM = 282
/** How far inside the envelope window the address starts: a folded sheet shifts a few millimetres. */
const WINDOW_INSET = { left: 5, top: 4 }

const DATE_LOCALES: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' }
const dateFormats = new Map<string, Intl.DateTimeFormat>()

function today(language: string): string {
  const locale = DATE_LOCALES[language] ?? language
  let format = dateFormats.get(locale)
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Amsterdam',
      })
    } catch {
      format = new Intl.DateTimeFormat('nl-NL', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Amsterdam',
      })
    }
    dateFormats.set(locale, format)
  }
  return format.format(new Date())
}

function mergeOrThrow(text: string, values: MergeValues, language: string): string {
  const { text: merged, unknown } = mergeFields(text, values)
  if (unknown.length > 0) {
    throw new Error(`Unknown merge field ${unknown.map((f) => `{${f}}`).join(', ')} in the "${language}" letter text`)
  }
  return merged
}

/** Writes `text` on one line, shrinking it from `size` until it fits `width`. */
function fitLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  spacing = 0,
): void {
  let fontSize = size
  doc.fontSize(fontSize)
  while (fontSize > 6 && doc.widthOfString(text, { characterSpacing: spacing }) > width) {
    fontSize -= 0.5
    doc.fontSize(fontSize)
  }
  doc.text(text, x, y, { lineBreak: false, characterSpacing: spacing })
}

const typesetters = new WeakMap<PDFKit.PDFDocument, BodyTypesetter>()

function typesetterFor(doc: PDFKit.PDFDocument, fonts: PdfFonts, width: number): BodyTypesetter {
  let typesetter = typesetters.get(doc)
  if (!typesetter) {
    typesetter = new BodyTypesetter(doc, fonts, width)
    typesetters.set(doc, typesetter)
  }
  return typesetter
}

interface ImageOpener {
  openImage(src: Buffer): unknown
}

const logos = new WeakMap<PDFKit.PDFDocument, { source: Buffer; image: unknown }>()

/**
 * The logo, opened once per document: given the bytes, pdfkit would embed the image
 * again on every page, a copy per letter.
 */
function logoOf(doc: PDFKit.PDFDocument, logo: Buffer): Buffer {
  let cached = logos.get(doc)
  if (cached?.source !== logo) {
    cached = { source: logo, image: (doc as unknown as ImageOpener).openImage(logo) }
    logos.set(doc, cached)
  }
  // pdfkit's image() takes an opened image as well as bytes; its type declarations do not say so.
  return cached.image as Buffer
}

const logoIds = new WeakMap<Buffer, number>()
let lastLogoId = 0

/** Tells logos apart in replay keys without putting their bytes in the key. */
function logoId(logo: Buffer | undefined): number {
  if (!logo) return 0
  let id = logoIds.get(logo)
  if (id === undefined) logoIds.set(logo, (id = ++lastLogoId))
  return id
}

function drawLetterhead(doc: PDFKit.PDFDocument, template: LetterTemplate, fonts: PdfFonts, left: number): void {
  const key = JSON.stringify(['letterhead', left, logoId(template.logo), template.sender])
  replayFor(doc).draw(key, () => drawLetterheadOnce(doc, template, fonts, left))
}

function drawLetterheadOnce(doc: PDFKit.PDFDocument, template: LetterTemplate, fonts: PdfFonts, left: number): void {
  if (template.logo) doc.image(logoOf(doc, template.logo), left, mm(15), { fit: [mm(50), mm(22)] })
  const { sender } = template
  const x = mm(BOX.left)
  const width = mm(PAGE_RIGHT - BOX.left)
  doc
    .font(fonts.bold)
    .fontSize(9)
    .fillColor('black')
    .text(sender.organisation, x, mm(15), { width, height: mm(6) })
  doc.font(fonts.regular).fontSize(8.5).fillColor('#333333')
  const lines = [...(sender.department ? [sender.department] : []), ...sender.addressLines]
  let y = doc.y
  for (const line of lines) {
    if (y > mm(BOX.top - 5)) break
    doc.text(line, x, y, { width, lineBreak: false })
    y = doc.y
  }
}

function drawAddress(doc: PDFKit.PDFDocument, letter: LetterData, template: LetterTemplate, fonts: PdfFonts): void {
  const window = template.addressWindow
  const x = mm(window.leftMm + WINDOW_INSET.left)
  const width = mm(window.widthMm - 2 * WINDOW_INSET.left)
  let top = mm(window.topMm + WINDOW_INSET.top)
  const bottom = mm(window.topMm + window.heightMm - WINDOW_INSET.top)
  const { returnAddress } = template.sender
  if (returnAddress) {
    replayFor(doc).draw(JSON.stringify(['return address', x, top, width, returnAddress]), () => {
      doc.font(fonts.regular).fillColor('#333333')
      fitLine(doc, returnAddress, x, top, width, 6.5)
    })
    top += mm(5)
  }
  const lines = [letter.name, ...letter.addressLines].filter((line) => line.trim() !== '')
  // Postal addresses never wrap: the size comes down until every line fits the window.
  doc.font(fonts.regular).fillColor('black')
  let size = 10
  for (; size > 7; size -= 0.5) {
    doc.fontSize(size)
    const fitsWidth = lines.every((line) => doc.widthOfString(line) <= width)
    if (fitsWidth && lines.length * doc.currentLineHeight(true) <= bottom - top) break
  }
  doc.fontSize(size)
  let y = top
  for (const line of lines) {
    doc.text(line, x, y, { lineBreak: false })
    y += doc.currentLineHeight(true)
  }
}

function drawCodeBox(doc: PDFKit.PDFDocument, letter: LetterData, language: string, fonts: PdfFonts): void {
  const x = mm(BOX.left + BOX.padding)
  const width = mm(BOX.right - BOX.left - 2 * BOX.padding)
  const qrTop = BOX.bottom - BOX.padding - QR_SIZE
  // The same on every letter in this language: the box, its labels and the web address.
  replayFor(doc).draw(JSON.stringify(['code box', language, letter.siteUrl]), () => {
    const t = translator(language)
    doc
      .roundedRect(mm(BOX.left), mm(BOX.top), mm(BOX.right - BOX.left), mm(BOX.bottom - BOX.top), mm(2))
      .lineWidth(1.2)
      .strokeColor('#555555')
      .stroke()
    doc.font(fonts.regular).fontSize(8.5).fillColor('black')
    doc.text(t('letter.box.online'), x, mm(BOX.top + BOX.padding), { width, lineBreak: false })
    doc.font(fonts.bold)
    fitLine(doc, letter.siteUrl, x, mm(BOX.top + BOX.padding + 4.5), width, 11)
    doc.font(fonts.regular).fontSize(8.5)
    doc.text(t('letter.box.code'), x, mm(BOX.top + BOX.padding + 11), { width, lineBreak: false })
    const textLeft = BOX.left + BOX.padding + QR_SIZE + 4
    doc.font(fonts.regular).fontSize(8).fillColor('black')
    doc.text(t('letter.box.scan'), mm(textLeft), mm(qrTop + 3), {
      width: mm(BOX.right - BOX.padding - textLeft),
      height: mm(QR_SIZE - 3),
      lineGap: 1,
    })
  })

  // Large, bold and spaced out: this is what people type letter by letter.
  doc.font(fonts.bold).fillColor('black')
  fitLine(doc, formatLoginCode(letter.code), x, mm(BOX.top + BOX.padding + 15), width, 17, 1.5)
  drawQrCode(doc, letter.loginUrl, { x, y: mm(qrTop), size: mm(QR_SIZE) })
}

/**
 * Draws one letter on the current page of `doc` (the caller adds the page). Throws on an
 * unknown merge field in the chosen text, and on a right-to-left text, which pdfkit
 * cannot set in the right order.
 */
export function drawLetter(
  doc: PDFKit.PDFDocument,
  letter: LetterData,
  template: LetterTemplate,
  fonts: PdfFonts,
): void {
  const language = letterLanguage(template, letter.language)
  if (isRightToLeft(language)) {
    throw new Error(
      `Letters in a right-to-left language ("${language}") cannot be printed yet: remove that text from the template`,
    )
  }
  const text = template.bodies[language] ?? template.bodies.nl
  const values: MergeValues = {
    naam: letter.name,
    // A non-breaking hyphen keeps the code on one line in running text.
    code: formatLoginCode(letter.code).replace('-', '\u2011'),
    url: letter.siteUrl,
    sluitingsdatum: letter.closingDate,
    gemeente: letter.stratumName,
  }

  const left = mm(template.addressWindow.leftMm + WINDOW_INSET.left)
  const bodyWidth = mm(PAGE_RIGHT) - left
  drawLetterhead(doc, template, fonts, left)
  drawAddress(doc, letter, template, fonts)
  drawCodeBox(doc, letter, language, fonts)

  const dateLine = `${translator(language)('letter.box.date')}: ${letter.letterDate ?? today(language)}`
  const subject = mergeOrThrow(text.subject, values, language)
  replayFor(doc).draw(JSON.stringify(['date and subject', left, bodyWidth, dateLine, subject]), () => {
    doc.font(fonts.regular).fontSize(9.5).fillColor('black')
    doc.text(dateLine, left, mm(DATE_TOP), { lineBreak: false })
    doc.font(fonts.bold)
    fitLine(doc, subject, left, mm(SUBJECT_TOP), bodyWidth, 11)
  })

  const raw = splitParagraphs(text.body)
  const paragraphs = raw.map((p) => toParagraph(mergeOrThrow(p, values, language)))
  // The font size is chosen for stand-ins at least as wide as this letter's name and code.
  doc.font(fonts.regular)
  const standIns = {
    ...WIDEST,
    ...(doc.widthOfString(letter.name) > doc.widthOfString(WIDEST.naam) ? { naam: letter.name } : {}),
  }
  const widest = raw.map((p) => toParagraph(mergeFields(p, { ...values, ...standIns }).text))
  const typesetter = typesetterFor(doc, fonts, bodyWidth)
  const bodyBottom = mm(TEXT_BOTTOM - SIGNATURE_HEIGHT)
  const style = typesetter.fit(widest, bodyBottom - mm(BODY_TOP))
  if (!style) throw new Error(`The "${language}" letter text does not fit on one page, even in small print: shorten it`)
  const end = typesetter.draw(paragraphs, style, left, mm(BODY_TOP), bodyBottom)

  // Room for a handwritten signature would need a scan of it; the name and role suffice.
  const signatureTop = Math.min(end + mm(5), mm(TEXT_BOTTOM - SIGNATURE_HEIGHT + 2))
  const { signature } = template
  replayFor(doc).draw(JSON.stringify(['signature', left, signatureTop, bodyWidth, style.fontSize, signature]), () => {
    doc.font(fonts.bold).fontSize(style.fontSize).fillColor('black')
    doc.text(signature.name, left, signatureTop, { width: bodyWidth, lineBreak: false })
    doc.font(fonts.regular).fontSize(style.fontSize)
    doc.text(signature.role, left, doc.y, { width: bodyWidth, lineBreak: false })
  })
}
