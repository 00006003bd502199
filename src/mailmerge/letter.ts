/**
 * One invitation or reminder letter on one A4 page.
 *
 * Layout (millimetres from the top left): logo and letterhead at the top; the return
 * line and the address inside the envelope window (template.addressWindow), nothing else;
 * right of the window, hidden inside the envelope, a box with the web address, the login
 * code and the QR code; below them the date and reference beside the contact block
 * (phone, opening hours, e-mail), then the subject, the body and the signature; at the
 * foot a line pointing at the privacy page. The body shrinks its font a little when a
 * long text would otherwise run off the page.
 *
 * A letter in a right-to-left language is set right to left and aligned right: date,
 * subject, body and signature, and the texts in the code box, where the QR code moves to
 * the right; date and reference change places with the contact block. The letterhead and the address in the envelope window stay as they are (a
 * Dutch sender and a Dutch postal address), so the window still shows the address.
 */
import { formatLoginCode } from '#src/codes/login-code.ts'
import { formatDate, translator } from '#src/i18n/translate.ts'
import { isRightToLeft } from '#src/questionnaire/text.ts'
import type { Flow } from './bidi-text.ts'
import { drawLine, drawParagraph, isolate, isolateName, needsBidi } from './bidi-text.ts'
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
const DATE_TOP = 106
const SUBJECT_TOP = 124
const BODY_TOP = 131
const SIGNATURE_HEIGHT = 14
const TEXT_BOTTOM = 279
/** The privacy line, below the signature and above the printer's bottom margin. */
const PRIVACY_TOP = 284
/** The line height of the date and contact lines. */
const REFERENCE_LINE = 4
/** How far inside the envelope window the address starts: a folded sheet shifts a few millimetres. */
const WINDOW_INSET = { left: 5, top: 4 }

/** Today's date in Amsterdam as YYYY-MM-DD (the Canadian English format is ISO's). */
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' })

/** Today, written as the closing date is (the same digits and month names per language). */
function today(language: string): string {
  return dateIn(AMSTERDAM_DAY.format(new Date()), language)
}

/** A YYYY-MM-DD day written out in the letter's language. */
function dateIn(day: string, language: string): string {
  try {
    return formatDate(day, language)
  } catch {
    // A template language that Intl does not know.
    return formatDate(day, 'nl')
  }
}

function mergeOrThrow(text: string, values: MergeValues, language: string): string {
  const { text: merged, unknown } = mergeFields(text, values)
  if (unknown.length > 0) {
    throw new Error(`Unknown merge field ${unknown.map((f) => `{${f}}`).join(', ')} in the "${language}" letter text`)
  }
  return merged
}

const LEFT_TO_RIGHT: Flow = { direction: 'ltr', align: 'left' }

/** Right-to-left letters are aligned right. */
function flowOf(language: string): Flow {
  return isRightToLeft(language) ? { direction: 'rtl', align: 'right' } : LEFT_TO_RIGHT
}

/** Writes `text` on one line in `width` from x; the way pdfkit always did unless the text or letter needs more. */
function writeLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, flow: Flow): void {
  if (flow.direction === 'rtl' || needsBidi(text)) {
    drawLine(doc, text, x, y, { width, ...flow })
  } else {
    doc.text(text, x, y, { lineBreak: false })
  }
}

/** Writes `text` on one line, shrinking it from `size` until it fits `width`. */
function fitLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  options: { spacing?: number; flow?: Flow } = {},
): void {
  const { spacing = 0, flow = LEFT_TO_RIGHT } = options
  let fontSize = size
  doc.fontSize(fontSize)
  while (fontSize > 6 && doc.widthOfString(text, { characterSpacing: spacing }) > width) {
    fontSize -= 0.5
    doc.fontSize(fontSize)
  }
  if (spacing === 0) return writeLine(doc, text, x, y, width, flow)
  // Spaced out: only the code is, which is Latin; it moves to the right edge in a right-to-left letter.
  const shift = flow.align === 'right' ? width - doc.widthOfString(text, { characterSpacing: spacing }) : 0
  doc.text(text, x + shift, y, { lineBreak: false, characterSpacing: spacing })
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
    // A Dutch postal address, left to right even on an Arabic letter; a name in Arabic script reads right to left in it.
    writeLine(doc, line, x, y, width, LEFT_TO_RIGHT)
    y += doc.currentLineHeight(true)
  }
}

/** The date and reference, and beside them where to ask questions: the same on every letter in this language. */
function drawReferenceBlock(
  doc: PDFKit.PDFDocument,
  template: LetterTemplate,
  fonts: PdfFonts,
  options: { left: number; flow: Flow; language: string; date: string; insertedAs: (value: string) => string },
): void {
  const { left, flow, language, date, insertedAs } = options
  const t = translator(language)
  const { sender, reference } = template
  const openingHours = (language !== 'nl' && template.bodies[language]?.openingHours) || sender.openingHours
  const references = [`${t('letter.box.date')}: ${insertedAs(date)}`]
  if (reference) references.push(`${t('letter.box.reference')}: ${insertedAs(reference)}`)
  const contact = [
    ...(sender.phone ? [t('letter.contact.phone', { phone: insertedAs(sender.phone) })] : []),
    ...(openingHours ? [openingHours] : []),
    ...(sender.email ? [t('letter.contact.email', { email: insertedAs(sender.email) })] : []),
  ]
  // Right to left, the columns change places: the date stays where lines start.
  const near = { x: left, width: mm(BOX.left - 4) - left }
  const far = { x: mm(BOX.left), width: mm(PAGE_RIGHT - BOX.left) }
  const [dateColumn, contactColumn] = flow.direction === 'rtl' ? [far, near] : [near, far]
  const key = JSON.stringify(['references', left, flow.direction, references, contact])
  replayFor(doc).draw(key, () => {
    doc.font(fonts.regular).fontSize(9.5).fillColor('black')
    references.forEach((line, i) => {
      fitLine(doc, line, dateColumn.x, mm(DATE_TOP + i * REFERENCE_LINE * 1.2), dateColumn.width, 9.5, { flow })
    })
    if (contact.length === 0) return
    doc.font(fonts.bold).fontSize(8.5).fillColor('black')
    writeLine(doc, t('letter.contact.heading'), contactColumn.x, mm(DATE_TOP), contactColumn.width, flow)
    doc.font(fonts.regular)
    contact.forEach((line, i) => {
      fitLine(doc, line, contactColumn.x, mm(DATE_TOP + (i + 1) * REFERENCE_LINE), contactColumn.width, 8.5, { flow })
    })
  })
}

/** Where to read how the municipality handles personal data: the site's privacy page. */
function drawPrivacyLine(
  doc: PDFKit.PDFDocument,
  siteUrl: string,
  fonts: PdfFonts,
  options: { left: number; width: number; flow: Flow; language: string; insertedAs: (value: string) => string },
): void {
  const { left, width, flow, language, insertedAs } = options
  const line = translator(language)('letter.privacy', { url: insertedAs(`${siteUrl}/privacy`) })
  replayFor(doc).draw(JSON.stringify(['privacy', left, width, flow.direction, line]), () => {
    doc.font(fonts.regular).fillColor('#333333')
    fitLine(doc, line, left, mm(PRIVACY_TOP), width, 8, { flow })
  })
}

function drawCodeBox(doc: PDFKit.PDFDocument, letter: LetterData, language: string, fonts: PdfFonts): void {
  const flow = flowOf(language)
  const rtl = flow.direction === 'rtl'
  const x = mm(BOX.left + BOX.padding)
  const width = mm(BOX.right - BOX.left - 2 * BOX.padding)
  const qrTop = BOX.bottom - BOX.padding - QR_SIZE
  // The QR code on the side where lines start, its explanation beside it.
  const qrLeft = rtl ? BOX.right - BOX.padding - QR_SIZE : BOX.left + BOX.padding
  const scanLeft = rtl ? BOX.left + BOX.padding : qrLeft + QR_SIZE + 4
  const scanWidth = BOX.right - BOX.left - 2 * BOX.padding - QR_SIZE - 4
  // The same on every letter in this language: the box, its labels and the web address.
  replayFor(doc).draw(JSON.stringify(['code box', language, letter.siteUrl]), () => {
    const t = translator(language)
    doc
      .roundedRect(mm(BOX.left), mm(BOX.top), mm(BOX.right - BOX.left), mm(BOX.bottom - BOX.top), mm(2))
      .lineWidth(1.2)
      .strokeColor('#555555')
      .stroke()
    doc.font(fonts.regular).fontSize(8.5).fillColor('black')
    writeLine(doc, t('letter.box.online'), x, mm(BOX.top + BOX.padding), width, flow)
    doc.font(fonts.bold)
    fitLine(doc, letter.siteUrl, x, mm(BOX.top + BOX.padding + 4.5), width, 11, { flow })
    doc.font(fonts.regular).fontSize(8.5)
    writeLine(doc, t('letter.box.code'), x, mm(BOX.top + BOX.padding + 11), width, flow)
    doc.font(fonts.regular).fontSize(8).fillColor('black')
    const scan = t('letter.box.scan')
    const scanBox = { width: mm(scanWidth), height: mm(QR_SIZE - 3), lineGap: 1 }
    if (rtl) drawParagraph(doc, scan, mm(scanLeft), mm(qrTop + 3), { ...scanBox, ...flow })
    else doc.text(scan, mm(scanLeft), mm(qrTop + 3), scanBox)
  })

  // Large, bold and spaced out: this is what people type letter by letter.
  doc.font(fonts.bold).fillColor('black')
  fitLine(doc, formatLoginCode(letter.code), x, mm(BOX.top + BOX.padding + 15), width, 17, { spacing: 1.5, flow })
  drawQrCode(doc, letter.loginUrl, { x: mm(qrLeft), y: mm(qrTop), size: mm(QR_SIZE) })
}

/**
 * Draws one letter on the current page of `doc` (the caller adds the page). Throws on an
 * unknown merge field in the chosen text.
 */
export function drawLetter(
  doc: PDFKit.PDFDocument,
  letter: LetterData,
  template: LetterTemplate,
  fonts: PdfFonts,
): void {
  const language = letterLanguage(template, letter.language)
  const flow = flowOf(language)
  const rtl = flow.direction === 'rtl'
  const text = template.bodies[language] ?? template.bodies.nl
  // A value merged into a sentence keeps its own direction and leaves the sentence its
  // own (see isolate()). A left-to-right letter isolates only a value that needs it (a
  // name in Arabic script), so that its other lines are set the way they always were.
  const insertedAs = (value: string, printed = value) => (rtl || needsBidi(value) ? isolate(printed) : printed)
  // A non-breaking hyphen keeps the code on one line in running text.
  const code = formatLoginCode(letter.code).replace('-', '\u2011')
  const values: MergeValues = {
    naam: rtl || needsBidi(letter.name) ? isolateName(letter.name, flow.direction) : letter.name,
    code: insertedAs(code),
    url: insertedAs(letter.siteUrl),
    sluitingsdatum: insertedAs(letter.closingDate),
    gemeente: insertedAs(letter.stratumName),
  }

  const left = mm(template.addressWindow.leftMm + WINDOW_INSET.left)
  const bodyWidth = mm(PAGE_RIGHT) - left
  drawLetterhead(doc, template, fonts, left)
  drawAddress(doc, letter, template, fonts)
  drawCodeBox(doc, letter, language, fonts)

  const date = letter.letterDate ?? (template.letterDate ? dateIn(template.letterDate, language) : today(language))
  drawReferenceBlock(doc, template, fonts, { left, flow, language, date, insertedAs })
  drawPrivacyLine(doc, letter.siteUrl, fonts, { left, width: bodyWidth, flow, language, insertedAs })
  const subject = mergeOrThrow(text.subject, values, language)
  replayFor(doc).draw(JSON.stringify(['subject', left, bodyWidth, rtl, subject]), () => {
    doc.font(fonts.bold).fontSize(11).fillColor('black')
    fitLine(doc, subject, left, mm(SUBJECT_TOP), bodyWidth, 11, { flow })
  })

  const raw = splitParagraphs(text.body)
  const paragraphs = raw.map((p) => toParagraph(mergeOrThrow(p, values, language)))
  // The font size is chosen for stand-ins at least as wide as this letter's name and code,
  // set the same way as the values they stand in for.
  doc.font(fonts.regular)
  const widerName = doc.widthOfString(letter.name) > doc.widthOfString(WIDEST.naam) ? letter.name : WIDEST.naam
  const standIns = { naam: insertedAs(letter.name, widerName), code: insertedAs(code, WIDEST.code) }
  const widest = raw.map((p) => toParagraph(mergeFields(p, { ...values, ...standIns }).text))
  const typesetter = typesetterFor(doc, fonts, bodyWidth)
  const bodyBottom = mm(TEXT_BOTTOM - SIGNATURE_HEIGHT)
  const style = typesetter.fit(widest, bodyBottom - mm(BODY_TOP), flow)
  if (!style) throw new Error(`The "${language}" letter text does not fit on one page, even in small print: shorten it`)
  const end = typesetter.draw(paragraphs, style, left, mm(BODY_TOP), bodyBottom, flow)

  // Room for a handwritten signature would need a scan of it; the name and role suffice.
  const signatureTop = Math.min(end + mm(5), mm(TEXT_BOTTOM - SIGNATURE_HEIGHT + 2))
  const { signature } = template
  const key = JSON.stringify(['signature', left, signatureTop, bodyWidth, style.fontSize, rtl, signature])
  replayFor(doc).draw(key, () => {
    doc.font(fonts.bold).fontSize(style.fontSize).fillColor('black')
    if (rtl || needsBidi(signature.name) || needsBidi(signature.role)) {
      writeLine(doc, signature.name, left, signatureTop, bodyWidth, flow)
      const roleTop = signatureTop + doc.currentLineHeight(true)
      doc.font(fonts.regular).fontSize(style.fontSize)
      writeLine(doc, signature.role, left, roleTop, bodyWidth, flow)
      return
    }
    doc.text(signature.name, left, signatureTop, { width: bodyWidth, lineBreak: false })
    doc.font(fonts.regular).fontSize(style.fontSize)
    doc.text(signature.role, left, doc.y, { width: bodyWidth, lineBreak: false })
  })
}
