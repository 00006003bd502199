/**
 * The printed questionnaire, generated from the same definition as the web form: title
 * and instructions, sections, questions with the numbers shown on screen, answer boxes
 * with the values typists key, routing in words, lines for open answers; and on every
 * page the login code (text and Code128) and "Pagina X van Y".
 *
 * Pages of a form are held until the form is complete (to print the page count on each)
 * and then written; a batch of forms streams form by form.
 */
import type { Writable } from 'node:stream'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { isRightToLeft, localize } from '#src/questionnaire/text.ts'
import { formatDate } from '#src/i18n/translate.ts'
import type { Recording, RecordingStart } from './content-replay.ts'
import { replayFor } from './content-replay.ts'
import type { FormLayout } from './paper-layout.ts'
import { LayoutRecorder } from './paper-layout.ts'
import type { PageHeader } from './paper-page.ts'
import { drawFooter, drawHeader } from './paper-page.ts'
import type { Pen } from './paper-pen.ts'
import { FONT_SIZE, frame, GREY, PAPER, SHADE, pointed, shade, text } from './paper-pen.ts'
import type { Piece } from './paper-questions.ts'
import { questionPieces } from './paper-questions.ts'
import type { PrintedSection } from './paper-routing.ts'
import { paperRouting } from './paper-routing.ts'
import { paperText } from './paper-texts.ts'
import { StreamingPdf } from './pdf-stream.ts'
import { drawRegistrationMarks } from './registration-marks.ts'
import { pageCodeNote } from './set-mark.ts'
import { drawTestPrintMark } from './test-print-mark.ts'
import { mm } from './units.ts'

export interface PaperQuestionnaireOptions {
  /** Language of the form; texts without a translation are printed in Dutch. Default "nl". */
  lang?: string
  /** Normalised login code (no dash), printed on every page with its barcode. */
  code?: string
  /** Name of the municipality, printed in the page header. */
  stratumName?: string
  /** Stratum code the form is for: questions for other strata are left out. */
  stratum?: string
  /** Display names of strata, for routing text such as "als u in Borne woont". */
  stratumNames?: Record<string, string>
  /** The last day a form is counted (the round's last day, YYYY-MM-DD), printed on the first and last page. */
  returnBy?: string
  /**
   * The business reply address (antwoordnummer), printed on the first and last page for
   * anyone who lost the reply envelope. Without one, no address is printed.
   */
  replyAddress?: string[]
  /** Balance the pages for double-sided printing, ending on an even page where it can. Default false. */
  duplex?: boolean
}

export interface PaperFormItem {
  code: string
  lang: string
  stratumName: string
  stratum?: string
}

export interface PaperBatchOptions {
  stratumNames?: Record<string, string>
  /** As in PaperQuestionnaireOptions: the round's last day, YYYY-MM-DD. */
  returnBy?: string
  replyAddress?: string[]
  /**
   * Pad every form to an even number of pages, so that in double-sided printing each
   * form starts on a sheet of its own. Default true.
   */
  duplex?: boolean
  /** A test print: TESTAFDRUK across every page. */
  testPrint?: boolean
  onProgress?(forms: number): void
}

const PAGE_CAPACITY = PAPER.contentBottom - PAPER.contentTop
const CONTENT_WIDTH = PAPER.right - PAPER.left

/** Where and how to send the form back: the same for every form of a batch. */
export interface ReturnInfo {
  returnBy?: string | undefined
  replyAddress?: string[] | undefined
}

/**
 * How a form is spread over its pages: where the body of each page ends, and how much of
 * the usual white goes between questions and sections. Chosen once per language and
 * stratum (see planSpacing).
 */
interface Spacing {
  bottom: number
  gap: number
  /** A long grid may start on a page with this share of the page left (else it starts on the next). */
  gridStart: number
}

const NORMAL_SPACING: Spacing = { bottom: PAPER.contentBottom, gap: 1, gridStart: 0.35 }
/** Less white between questions, and long grids that start lower on a page: to save a sheet. */
const TIGHT_SPACING: Spacing = { bottom: PAPER.contentBottom, gap: 0.55, gridStart: 0.15 }

/** Lays out one form on consecutive pages of `pdf`; the caller numbers and flushes them. */
class FormWriter {
  private y = PAPER.contentTop
  private pages = 0
  private readonly pen: Pen
  private readonly measurePen: Pen
  readonly firstPage: number
  /** Where each page's body starts, below its header. */
  private readonly bodyStarts: RecordingStart[] = []
  private readonly pdf: StreamingPdf
  private readonly definition: QuestionnaireDefinition
  private readonly lang: string
  private readonly header: PageHeader
  private readonly returnInfo: ReturnInfo
  /** A trial only measures: it counts pages and touches no page of the PDF. */
  private readonly trial: boolean
  /** Where the answer areas of this form are, page by page. */
  readonly recorder = new LayoutRecorder()
  spacing: Spacing

  constructor(
    pdf: StreamingPdf,
    definition: QuestionnaireDefinition,
    lang: string,
    header: PageHeader,
    returnInfo: ReturnInfo,
    options: { spacing?: Spacing; trial?: boolean } = {},
  ) {
    this.pdf = pdf
    this.definition = definition
    this.lang = lang
    this.header = header
    this.returnInfo = returnInfo
    this.trial = options.trial ?? false
    this.spacing = options.spacing ?? NORMAL_SPACING
    const direction = isRightToLeft(lang) ? 'rtl' : 'ltr'
    this.pen = { doc: pdf.doc, fonts: pdf.fonts, lang, direction, dry: this.trial, layout: this.recorder }
    this.measurePen = { ...this.pen, dry: true }
    this.firstPage = pdf.pages
    this.newPage()
  }

  get pageCount(): number {
    return this.pages
  }

  /** How full the last page is, as a share of a full page. */
  get lastPageFill(): number {
    return (this.y - PAPER.contentTop) / PAGE_CAPACITY
  }

  newPage(): void {
    this.pages++
    this.y = PAPER.contentTop
    if (this.trial) return
    this.pdf.addPage()
    this.recorder.startPage(this.pages)
    if (this.header.code) this.pdf.notes.add(pageCodeNote(this.header.code))
    drawRegistrationMarks(this.pdf.doc)
    drawHeader(this.pdf.doc, this.pdf.fonts, this.lang, this.header, this.pages)
    this.bodyStarts.push(replayFor(this.pdf.doc).start())
  }

  writeAll(sections: PrintedSection[]): void {
    this.writeIntro()
    for (const section of sections) this.writeSection(section)
    this.writeOutro()
  }

  /** The pages laid out so far without their headers and footers: the same on every form of this language and stratum. */
  recordBodies(): Recording[] {
    const replay = replayFor(this.pdf.doc)
    return this.bodyStarts.map((start) => replay.since(start))
  }

  /** Writes the bodies of an earlier form of the same language and stratum, under this form's headers. */
  replayBodies(bodies: Recording[]): void {
    const replay = replayFor(this.pdf.doc)
    bodies.forEach((body, index) => {
      if (index > 0) this.newPage()
      replay.play(body)
    })
  }

  private heightOf(piece: Piece): number {
    return piece.draw(this.measurePen, 0)
  }

  private get atTop(): boolean {
    return this.y <= PAPER.contentTop
  }

  /**
   * Places pieces that belong together. They stay on one page when they fit on one;
   * otherwise (only long lists and grids) they break between rows, never leaving the
   * question alone at the bottom of a page, and a table header is drawn again at the
   * top of the next page.
   */
  place(pieces: Piece[], options: { breakable: boolean; gapBefore: number }): void {
    const heights = pieces.map((p) => this.heightOf(p))
    const total = heights.reduce((a, b) => a + b, 0)
    const gap = this.atTop ? 0 : options.gapBefore * this.spacing.gap
    const bottom = this.spacing.bottom
    const capacity = bottom - PAPER.contentTop
    const room = bottom - this.y - gap
    if (total <= room) {
      this.y += gap
      this.drawAll(pieces)
      return
    }
    // A question that fits a page moves to the next one, unless it is a long grid that
    // can start in a good part of this page.
    if (total <= capacity && (!options.breakable || room < capacity * this.spacing.gridStart)) {
      this.newPage()
      this.drawAll(pieces)
      return
    }
    const firstRow = pieces.findIndex((p) => p.kind === 'row')
    const lead = heights.slice(0, Math.min(pieces.length, firstRow + 2)).reduce((a, b) => a + b, 0)
    if (lead > room && !this.atTop) this.newPage()
    else this.y += gap
    let repeat: Piece | undefined
    pieces.forEach((piece, index) => {
      if (index >= firstRow + 1 && piece.kind === 'row' && this.y + heights[index]! > bottom) {
        this.newPage()
        if (repeat) this.y = repeat.draw(this.pen, this.y)
      }
      this.y = piece.draw(this.pen, this.y)
      if (piece.kind === 'repeat') repeat = piece
    })
  }

  private drawAll(pieces: Piece[]): void {
    for (const piece of pieces) this.y = piece.draw(this.pen, this.y)
  }

  writeIntro(): void {
    const lang = this.lang
    const title: Piece = {
      kind: 'head',
      draw: (pen, y) =>
        text(pen, localize(this.definition.title, lang), PAPER.left, y, {
          bold: true,
          size: FONT_SIZE.title,
          width: CONTENT_WIDTH,
        }) + mm(3),
    }
    const intro: Piece = {
      kind: 'row',
      draw: (pen, y) =>
        this.definition.intro
          ? text(pen, localize(this.definition.intro, lang), PAPER.left, y, {
              size: FONT_SIZE.body,
              width: CONTENT_WIDTH,
              lineGap: 2,
            }) + mm(4)
          : y,
    }
    const howTo: Piece = {
      kind: 'row',
      draw: (pen, y) => {
        const padding = mm(3)
        const inner = CONTENT_WIDTH - 2 * padding
        const steps = paperText('howToSteps', lang).split('\n')
        const body = (p: Pen, top: number) => {
          let at =
            text(p, paperText('howTo', lang), PAPER.left + padding, top, {
              bold: true,
              size: FONT_SIZE.body,
              width: inner,
            }) + mm(1)
          for (const step of steps) {
            text(p, '•', PAPER.left + padding, at, { size: FONT_SIZE.body, width: mm(4) })
            at =
              text(p, step, PAPER.left + padding + mm(4), at, {
                size: FONT_SIZE.body,
                width: inner - mm(4),
                lineGap: 1.5,
              }) + mm(0.8)
          }
          return at
        }
        const height = body(this.measurePen, 0) + 2 * padding
        shade(pen, PAPER.left, y, CONTENT_WIDTH, height)
        body(pen, y + padding)
        return y + height
      },
    }
    this.place([title, intro, howTo], { breakable: false, gapBefore: 0 })
    const send = this.returnPiece(false)
    if (send) this.place([send], { breakable: false, gapBefore: mm(3) })
  }

  /**
   * "Send it back by <date> in the reply envelope; no stamp needed", and the reply address
   * for anyone who lost the envelope: on the first page in a line, on the last page as
   * it goes on an envelope. Nothing when neither date nor address is known.
   */
  private returnPiece(asOnEnvelope: boolean): Piece | undefined {
    const lang = this.lang
    const { returnBy, replyAddress } = this.returnInfo
    const address = replyAddress?.map((line) => line.trim()).filter((line) => line !== '') ?? []
    if (!returnBy && address.length === 0) return undefined
    const send = returnBy
      ? paperText('returnBy', lang, { date: formatDate(returnBy, lang) })
      : paperText('returnAny', lang)
    const first = address.length > 0 ? `${send} ${paperText('noStamp', lang)}` : send
    return {
      kind: 'head',
      draw: (pen, y) => {
        const padding = mm(2.5)
        const inner = CONTENT_WIDTH - 2 * padding
        const body = (p: Pen, top: number) => {
          let at = text(p, first, PAPER.left + padding, top, { bold: true, size: FONT_SIZE.body, width: inner })
          if (address.length === 0) return at
          at = text(p, paperText('replyAddress', lang), PAPER.left + padding, at + mm(1), {
            size: FONT_SIZE.body,
            width: inner,
          })
          const lines = asOnEnvelope ? address : [address.join(', ')]
          for (const line of lines)
            at = text(p, line, PAPER.left + padding + (asOnEnvelope ? mm(6) : 0), at + (asOnEnvelope ? mm(0.5) : 0), {
              bold: asOnEnvelope,
              size: FONT_SIZE.body,
              width: inner - (asOnEnvelope ? mm(6) : 0),
            })
          return at
        }
        const height = body(this.measurePen, 0) + 2 * padding
        frame(pen, PAPER.left, y, CONTENT_WIDTH, height)
        body(pen, y + padding)
        return y + height
      },
    }
  }

  writeSection(printed: PrintedSection): void {
    const lang = this.lang
    const { section } = printed
    const heading: Piece = {
      kind: 'head',
      draw: (pen, y) => {
        const padding = mm(1.8)
        const style = { bold: true, size: FONT_SIZE.section, width: CONTENT_WIDTH - 2 * padding }
        // Sections are not numbered: a typist looks for question numbers only.
        const title = localize(section.title, lang)
        const height = text(this.measurePen, title, 0, 0, style) + 2 * padding
        shade(pen, PAPER.left, y, CONTENT_WIDTH, height, SHADE)
        text(pen, title, PAPER.left + padding, y + padding, style)
        y += height + mm(2)
        if (printed.instruction)
          y =
            text(pen, pointed(pen, printed.instruction), PAPER.left, y, {
              bold: true,
              size: FONT_SIZE.small,
              width: CONTENT_WIDTH,
            }) + mm(1)
        if (section.intro)
          y =
            text(pen, localize(section.intro, lang), PAPER.left, y, {
              size: FONT_SIZE.body,
              color: GREY,
              width: CONTENT_WIDTH,
            }) + mm(1)
        return y + mm(2)
      },
    }
    printed.questions.forEach((question, q) => {
      const pieces = questionPieces(question, this.definition, this.pen)
      const breakable = question.question.type === 'grid' || pieces.length > 12
      // The section heading travels with its first question.
      this.place(q === 0 ? [heading, ...pieces] : pieces, { breakable, gapBefore: q === 0 ? mm(8) : PAPER.questionGap })
    })
  }

  writeOutro(): void {
    const lang = this.lang
    const outro: Piece = {
      kind: 'head',
      draw: (pen, y) => {
        if (this.definition.outro)
          y =
            text(pen, localize(this.definition.outro, lang), PAPER.left, y, {
              size: FONT_SIZE.body,
              width: CONTENT_WIDTH,
              lineGap: 2,
            }) + mm(3)
        return (
          text(pen, paperText('end', lang), PAPER.left, y, {
            bold: true,
            size: FONT_SIZE.body,
            width: CONTENT_WIDTH,
            align: 'center',
          }) + mm(4)
        )
      },
    }
    const send = this.returnPiece(true)
    this.place(send ? [outro, send] : [outro], { breakable: false, gapBefore: mm(10) })
  }

  /** Adds an empty page (for double-sided printing) that still says whose form it is. */
  writeBlankPage(): void {
    this.newPage()
    text(this.pen, paperText('blank', this.lang), PAPER.left, mm(140), {
      size: FONT_SIZE.body,
      color: GREY,
      width: CONTENT_WIDTH,
      align: 'center',
    })
  }

  /** Prints "Pagina X van Y" on every page of the form, and on a test print the TESTAFDRUK mark. */
  numberPages(testPrint = false): void {
    const count = this.pageCount
    for (let page = 0; page < count; page++) {
      this.pdf.doc.switchToPage(this.firstPage + page)
      drawFooter(this.pdf.doc, this.pdf.fonts, this.lang, page + 1, count)
      if (testPrint) drawTestPrintMark(this.pdf.doc, this.pdf.fonts)
    }
  }
}

interface FormSpec {
  lang: string
  code?: string | undefined
  stratumName?: string | undefined
  stratum?: string | undefined
}

/**
 * A form's pages apart from header and footer depend only on its language and stratum:
 * a batch lays them out once per pair and copies them into the other forms (laying out
 * text is most of the time a form takes).
 */
interface LaidOut {
  sections: PrintedSection[]
  bodies?: Recording[]
  layout?: FormLayout
}

/** Pages are shortened at most to this share of a full page to balance a form. */
const SHORTEST_PAGE = 0.6
/** A last page filled less than this gets the form rebalanced. */
const BALANCED_FILL = 0.45

/**
 * Spreads a form evenly over its pages, by trial layouts that only measure:
 * - in duplex, an odd page count costs a blank page, and a nearly empty last page wastes
 *   one: with less white between questions the form may fit one page fewer (a sheet
 *   less in every envelope, and lighter post);
 * - a form that still ends on an odd page in duplex is spread over one page more rather
 *   than followed by a blank page;
 * - a last page that is nearly empty is filled by ending every page a little higher: the
 *   lowest page end that keeps the page count (found by halving) fills all pages alike.
 */
function planSpacing(make: (spacing: Spacing) => FormWriter, duplex: boolean): Spacing {
  const trial = (spacing: Spacing) => {
    const form = make(spacing)
    return { pages: form.pageCount, fill: form.lastPageFill }
  }
  let spacing = NORMAL_SPACING
  let laid = trial(spacing)
  if (laid.pages > 1 && ((duplex && laid.pages % 2 === 1) || laid.fill < BALANCED_FILL)) {
    const tight = trial(TIGHT_SPACING)
    if (tight.pages < laid.pages) {
      spacing = TIGHT_SPACING
      laid = tight
    }
  }
  const target = duplex && laid.pages % 2 === 1 ? laid.pages + 1 : laid.pages
  if (target === laid.pages && laid.fill >= BALANCED_FILL) return spacing
  // Pages cannot end higher than where the form, shared out evenly, would fill them.
  const share = (laid.pages - 1 + laid.fill) / target
  let low = PAPER.contentTop + PAGE_CAPACITY * Math.max(SHORTEST_PAGE, share)
  let high = PAPER.contentBottom
  if (trial({ ...spacing, bottom: low }).pages <= target) return { ...spacing, bottom: low }
  while (high - low > mm(3)) {
    const middle = (low + high) / 2
    if (trial({ ...spacing, bottom: middle }).pages <= target) high = middle
    else low = middle
  }
  return { ...spacing, bottom: high }
}

function writeForm(
  pdf: StreamingPdf,
  definition: QuestionnaireDefinition,
  spec: FormSpec,
  laidOut: LaidOut,
  options: { duplex: boolean; returnInfo: ReturnInfo; testPrint?: boolean },
): number {
  const header: PageHeader = {
    title: localize(definition.title, spec.lang),
    stratumName: spec.stratumName,
    code: spec.code,
  }
  const form = new FormWriter(pdf, definition, spec.lang, header, options.returnInfo)
  if (laidOut.bodies) {
    form.replayBodies(laidOut.bodies)
  } else {
    form.spacing = planSpacing((spacing) => {
      const trial = new FormWriter(pdf, definition, spec.lang, header, options.returnInfo, { spacing, trial: true })
      trial.writeAll(laidOut.sections)
      return trial
    }, options.duplex)
    form.writeAll(laidOut.sections)
    laidOut.bodies = form.recordBodies()
  }
  const duplex = options.duplex
  if (duplex && form.pageCount % 2 === 1) form.writeBlankPage()
  form.numberPages(options.testPrint ?? false)
  laidOut.layout ??= form.recorder.layout(spec.lang, spec.stratum)
  return form.pageCount
}

/** Writes one paper questionnaire as a PDF to `out` (and ends `out`). */
export async function writePaperQuestionnaire(
  definition: QuestionnaireDefinition,
  out: Writable,
  options: PaperQuestionnaireOptions = {},
): Promise<{ pages: number; layout: FormLayout }> {
  const lang = options.lang ?? 'nl'
  const sections = paperRouting(definition, { lang, stratum: options.stratum, stratumNames: options.stratumNames })
  const pdf = new StreamingPdf(out, { bufferPages: true, title: localize(definition.title, lang), lang })
  try {
    const laidOut: LaidOut = { sections }
    const pages = writeForm(
      pdf,
      definition,
      { lang, code: options.code, stratumName: options.stratumName, stratum: options.stratum },
      laidOut,
      { duplex: options.duplex ?? false, returnInfo: options },
    )
    pdf.flushPages()
    await pdf.end()
    return { pages, layout: laidOut.layout! }
  } catch (error) {
    await pdf.abort(error)
    throw error
  }
}

/**
 * Forms one after another in a PDF with `bufferPages`, each laid out once per language
 * and stratum (routing text and layout depend on those only: a batch needs a handful).
 * The caller flushes the pages, after adding to them what it needs.
 */
export class PaperForms {
  private readonly layouts = new Map<string, LaidOut>()
  private readonly definition: QuestionnaireDefinition
  private readonly options: Pick<PaperBatchOptions, 'stratumNames' | 'returnBy' | 'replyAddress' | 'testPrint'>

  constructor(
    definition: QuestionnaireDefinition,
    options: Pick<PaperBatchOptions, 'stratumNames' | 'returnBy' | 'replyAddress' | 'testPrint'> = {},
  ) {
    this.definition = definition
    this.options = options
  }

  /** Forms of one variant (language and stratum) share their layout. */
  static variantOf(item: Pick<PaperFormItem, 'lang' | 'stratum'>): string {
    return `${item.lang}\u0000${item.stratum ?? ''}`
  }

  /** The layout the form of `item` was printed with, once one form of its variant is written. */
  layoutOf(item: Pick<PaperFormItem, 'lang' | 'stratum'>): FormLayout | undefined {
    return this.layouts.get(PaperForms.variantOf(item))?.layout
  }

  /** The layout of every variant written so far. */
  allLayouts(): FormLayout[] {
    return [...this.layouts.values()].flatMap((laidOut) => (laidOut.layout ? [laidOut.layout] : []))
  }

  /** Writes the form of `item` on new pages; returns the number of pages. */
  write(pdf: StreamingPdf, item: PaperFormItem, duplex: boolean): number {
    const key = PaperForms.variantOf(item)
    let laidOut = this.layouts.get(key)
    if (!laidOut) {
      laidOut = {
        sections: paperRouting(this.definition, {
          lang: item.lang,
          stratum: item.stratum,
          stratumNames: this.options.stratumNames,
        }),
      }
      this.layouts.set(key, laidOut)
    }
    return writeForm(pdf, this.definition, item, laidOut, {
      duplex,
      returnInfo: this.options,
      testPrint: this.options.testPrint ?? false,
    })
  }
}

/**
 * One form per participant in one PDF, each with its own code on every page and its own
 * page numbers. Streams: each form is written out before the next one is laid out.
 */
export async function writePaperQuestionnaireBatch(
  definition: QuestionnaireDefinition,
  items: Iterable<PaperFormItem> | AsyncIterable<PaperFormItem>,
  out: Writable,
  options: PaperBatchOptions = {},
): Promise<{ forms: number; pages: number; layouts: FormLayout[] }> {
  const pdf = new StreamingPdf(out, { bufferPages: true, title: localize(definition.title, 'nl'), lang: 'nl' })
  const paperForms = new PaperForms(definition, options)
  let forms = 0
  try {
    for await (const item of items) {
      paperForms.write(pdf, item, options.duplex ?? true)
      pdf.flushPages()
      forms++
      options.onProgress?.(forms)
      await pdf.settle()
    }
    if (forms === 0) throw new Error('No forms to print')
    await pdf.end()
  } catch (error) {
    await pdf.abort(error)
    throw error
  }
  return { forms, pages: pdf.pages, layouts: paperForms.allLayouts() }
}
