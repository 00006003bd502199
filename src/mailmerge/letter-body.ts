/**
 * Setting the body of a letter: paragraphs, bullets, and a font size that makes the text
 * fit the space above the signature, so that every letter is exactly one page. In a
 * right-to-left letter the lines are aligned right and bullets hang on the right.
 */
import type { Flow } from './bidi-text.ts'
import { drawLine, drawParagraph, heightOfParagraph, needsBidi } from './bidi-text.ts'
import type { ContentReplay } from './content-replay.ts'
import { replayFor } from './content-replay.ts'
import type { PdfFonts } from './fonts.ts'

/** Font sizes tried in turn; below 8 pt many clients cannot read the letter at all. */
const FONT_SIZES = [11, 10.5, 10, 9.5, 9, 8.5, 8] as const

interface Block {
  bullet: boolean
  text: string
}

export interface BodyParagraph {
  blocks: Block[]
}

export interface BodyStyle {
  fontSize: number
  lineGap: number
  paragraphGap: number
  bulletIndent: number
}

function styleFor(fontSize: number): BodyStyle {
  return { fontSize, lineGap: fontSize * 0.3, paragraphGap: fontSize * 0.75, bulletIndent: fontSize * 1.3 }
}

/** Paragraphs are separated by blank lines; within one, "- " starts a bullet and other lines are kept as line breaks. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p.trim() !== '')
}

export function toParagraph(mergedText: string): BodyParagraph {
  const blocks: Block[] = []
  for (const line of mergedText.split('\n')) {
    const bullet = /^\s*[-•]\s+/.exec(line)
    const last = blocks[blocks.length - 1]
    if (bullet) blocks.push({ bullet: true, text: line.slice(bullet[0].length) })
    else if (last && !last.bullet) last.text += `\n${line}`
    else blocks.push({ bullet: false, text: line })
  }
  return { blocks }
}

/** Fitted styles kept per typesetter; a batch needs one per language and municipality. */
const MAX_CACHED_STYLES = 100

export class BodyTypesetter {
  private readonly styles = new Map<string, BodyStyle | undefined>()
  // Most paragraphs are the same on every letter of a batch: set once, then copied.
  private readonly replay: ContentReplay
  private readonly doc: PDFKit.PDFDocument
  private readonly fonts: PdfFonts
  private readonly width: number

  constructor(doc: PDFKit.PDFDocument, fonts: PdfFonts, width: number) {
    this.doc = doc
    this.fonts = fonts
    this.width = width
    this.replay = replayFor(doc)
  }

  /**
   * The largest style at which the paragraphs fit in `height` points; undefined when
   * they do not fit even at the smallest size. Measuring is as slow as setting the text,
   * so the answer is remembered per text.
   */
  fit(paragraphs: BodyParagraph[], height: number, flow: Flow): BodyStyle | undefined {
    const key = `${height}\u0000${flow.direction}\u0000${paragraphs.map((p) => p.blocks.map((b) => `${b.bullet ? '-' : ''}${b.text}`).join('\n')).join('\n\n')}`
    if (!this.styles.has(key)) {
      const size = FONT_SIZES.find((candidate) => this.measure(paragraphs, styleFor(candidate), flow) <= height)
      if (this.styles.size >= MAX_CACHED_STYLES) this.styles.clear()
      this.styles.set(key, size === undefined ? undefined : styleFor(size))
    }
    return this.styles.get(key)
  }

  measure(paragraphs: BodyParagraph[], style: BodyStyle, flow: Flow): number {
    this.doc.font(this.fonts.regular).fontSize(style.fontSize)
    let total = 0
    paragraphs.forEach((paragraph, index) => {
      if (index > 0) total += style.paragraphGap
      for (const block of paragraph.blocks) {
        const width = this.width - (block.bullet ? style.bulletIndent : 0)
        total += usesBidi(block, flow)
          ? heightOfParagraph(this.doc, block.text, { width, lineGap: style.lineGap, ...flow })
          : this.doc.heightOfString(block.text, { width, lineGap: style.lineGap })
      }
    })
    return total
  }

  /** Draws the paragraphs from (x, y); returns the y below the last line. Nothing is drawn below `bottom`. */
  draw(paragraphs: BodyParagraph[], style: BodyStyle, x: number, y: number, bottom: number, flow: Flow): number {
    const doc = this.doc
    paragraphs.forEach((paragraph, index) => {
      if (index > 0) y += style.paragraphGap
      for (const block of paragraph.blocks) {
        const indent = block.bullet ? style.bulletIndent : 0
        const options = { width: this.width - indent, lineGap: style.lineGap, height: Math.max(0, bottom - y) }
        const key = JSON.stringify(['body', x, y, bottom, style.fontSize, this.width, flow, block.bullet, block.text])
        this.replay.draw(key, () => {
          doc.font(this.fonts.regular).fontSize(style.fontSize).fillColor('black')
          if (flow.direction === 'rtl') {
            // The bullet hangs on the right, where the lines start.
            if (block.bullet) drawLine(doc, '•', x + this.width - indent, y, { width: indent, ...flow })
            drawParagraph(doc, block.text, x, y, { ...options, ...flow })
            return
          }
          if (block.bullet) doc.text('•', x, y, { lineBreak: false })
          if (usesBidi(block, flow)) drawParagraph(doc, block.text, x + indent, y, { ...options, ...flow })
          else doc.text(block.text, x + indent, y, options)
        })
        y = doc.y
      }
    })
    return y
  }
}

/** pdfkit sets a block itself unless it is right to left or holds right-to-left letters (see bidi-text.ts). */
function usesBidi(block: Block, flow: Flow): boolean {
  return flow.direction === 'rtl' || needsBidi(block.text)
}
