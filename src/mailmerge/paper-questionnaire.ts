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
import { code128 } from './code128.ts'
import type { Recording, RecordingStart } from './content-replay.ts'
import { replayFor } from './content-replay.ts'
import type { PageHeader } from './paper-page.ts'
import { drawFooter, drawHeader } from './paper-page.ts'
import type { Pen } from './paper-pen.ts'
import { FONT_SIZE, GREY, PAPER, SHADE, pointed, shade, text } from './paper-pen.ts'
import type { Piece } from './paper-questions.ts'
import { questionPieces } from './paper-questions.ts'
import type { PrintedSection } from './paper-routing.ts'
import { paperRouting } from './paper-routing.ts'
import { paperText } from './paper-texts.ts'
import { StreamingPdf } from './pdf-stream.ts'
import { recordPageCode } from './set-mark.ts'
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
}

export interface PaperFormItem {
  code: string
  lang: string
  stratumName: string
  stratum?: string
}

export interface PaperBatchOptions {
  stratumNames?: Record<string, string>
  /**
   * Pad every form to an even number of pages, so that in double-sided printing each
   * form starts on a sheet of its own. Default true.
   */
  duplex?: boolean
  onProgress?(forms: number): void
}

const PAGE_CAPACITY = PAPER.contentBottom - PAPER.contentTop
const CONTENT_WIDTH = PAPER.right - PAPER.left

/** Lays out one form on consecutive pages of `pdf`; the caller numbers and flushes them. */
class FormWriter {
  private y = PAPER.contentTop
  private readonly pen: Pen
  private readonly measurePen: Pen
  readonly firstPage: number
  /** Where each page's body starts, below its header. */
  private readonly bodyStarts: RecordingStart[] = []
  private readonly pdf: StreamingPdf
  private readonly definition: QuestionnaireDefinition
  private readonly lang: string
  private readonly header: PageHeader

  constructor(pdf: StreamingPdf, definition: QuestionnaireDefinition, lang: string, header: PageHeader) {
    this.pdf = pdf
    this.definition = definition
    this.lang = lang
    this.header = header
    this.pen = { doc: pdf.doc, fonts: pdf.fonts, lang, direction: isRightToLeft(lang) ? 'rtl' : 'ltr', dry: false }
    this.measurePen = { ...this.pen, dry: true }
    this.firstPage = pdf.pages
    this.newPage()
  }

  get pageCount(): number {
    return this.pdf.pages - this.firstPage
  }

  newPage(): void {
    this.pdf.addPage()
    if (this.header.code) recordPageCode(this.pdf.doc, this.header.code)
    drawHeader(this.pdf.doc, this.pdf.fonts, this.lang, this.header)
    this.bodyStarts.push(replayFor(this.pdf.doc).start())
    this.y = PAPER.contentTop
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
    const gap = this.atTop ? 0 : options.gapBefore
    const room = PAPER.contentBottom - this.y - gap
    if (total <= room) {
      this.y += gap
      this.drawAll(pieces)
      return
    }
    // A question that fits a page moves to the next one, unless it is a long grid that
    // can start in a good part of this page.
    if (total <= PAGE_CAPACITY && (!options.breakable || room < PAGE_CAPACITY * 0.35)) {
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
      if (index >= firstRow + 1 && piece.kind === 'row' && this.y + heights[index]! > PAPER.contentBottom) {
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
        return text(pen, paperText('end', lang), PAPER.left, y, {
          bold: true,
          size: FONT_SIZE.body,
          width: CONTENT_WIDTH,
          align: 'center',
        })
      },
    }
    this.place([outro], { breakable: false, gapBefore: mm(10) })
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

  /** Prints "Pagina X van Y" on every page of the form. */
  numberPages(): void {
    const count = this.pageCount
    for (let page = 0; page < count; page++) {
      this.pdf.doc.switchToPage(this.firstPage + page)
      drawFooter(this.pdf.doc, this.pdf.fonts, this.lang, page + 1, count)
    }
  }
}

interface FormSpec {
  lang: string
  code?: string | undefined
  stratumName?: string | undefined
}

/**
 * A form's pages apart from header and footer depend only on its language and stratum:
 * a batch lays them out once per pair and copies them into the other forms (laying out
 * text is most of the time a form takes).
 */
interface LaidOut {
  sections: PrintedSection[]
  bodies?: Recording[]
}

function writeForm(
  pdf: StreamingPdf,
  definition: QuestionnaireDefinition,
  spec: FormSpec,
  laidOut: LaidOut,
  duplex: boolean,
): number {
  const header: PageHeader = {
    title: localize(definition.title, spec.lang),
    stratumName: spec.stratumName,
    code: spec.code,
    barcode: spec.code ? code128(spec.code) : undefined,
  }
  const form = new FormWriter(pdf, definition, spec.lang, header)
  if (laidOut.bodies) {
    form.replayBodies(laidOut.bodies)
  } else {
    form.writeIntro()
    for (const section of laidOut.sections) form.writeSection(section)
    form.writeOutro()
    laidOut.bodies = form.recordBodies()
  }
  if (duplex && form.pageCount % 2 === 1) form.writeBlankPage()
  form.numberPages()
  return form.pageCount
}

/** Writes one paper questionnaire as a PDF to `out` (and ends `out`). */
export async function writePaperQuestionnaire(
  definition: QuestionnaireDefinition,
  out: Writable,
  options: PaperQuestionnaireOptions = {},
): Promise<{ pages: number }> {
  const lang = options.lang ?? 'nl'
  const sections = paperRouting(definition, { lang, stratum: options.stratum, stratumNames: options.stratumNames })
  const pdf = new StreamingPdf(out, { bufferPages: true, title: localize(definition.title, lang), lang })
  try {
    const pages = writeForm(
      pdf,
      definition,
      { lang, code: options.code, stratumName: options.stratumName },
      { sections },
      false,
    )
    pdf.flushPages()
    await pdf.end()
    return { pages }
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
  private readonly stratumNames: Record<string, string> | undefined

  constructor(definition: QuestionnaireDefinition, stratumNames?: Record<string, string>) {
    this.definition = definition
    this.stratumNames = stratumNames
  }

  /** Writes the form of `item` on new pages; returns the number of pages. */
  write(pdf: StreamingPdf, item: PaperFormItem, duplex: boolean): number {
    const key = `${item.lang}\u0000${item.stratum ?? ''}`
    let laidOut = this.layouts.get(key)
    if (!laidOut) {
      laidOut = {
        sections: paperRouting(this.definition, {
          lang: item.lang,
          stratum: item.stratum,
          stratumNames: this.stratumNames,
        }),
      }
      this.layouts.set(key, laidOut)
    }
    return writeForm(pdf, this.definition, item, laidOut, duplex)
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
): Promise<{ forms: number; pages: number }> {
  const pdf = new StreamingPdf(out, { bufferPages: true, title: localize(definition.title, 'nl'), lang: 'nl' })
  const paperForms = new PaperForms(definition, options.stratumNames)
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
  return { forms, pages: pdf.pages }
}
