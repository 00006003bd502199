/**
 * A pdfkit document streamed to a Writable with memory that stays flat, whatever the
 * number of pages.
 *
 * Left alone, pdfkit grows in four places during a long mailing (measured with vector-QR
 * letters: 584 MB peak for 20,000; with the first cause fixed, 100,000 still grew the
 * heap by 0.3 KB a letter and ended with a 95 MB spike):
 * 1. It pushes its output into its Readable buffer and ignores the answer: a loop that
 *    draws page after page without returning to the event loop keeps the whole file in
 *    memory, because `pipe` only moves data when the loop turns. `settle()` waits for
 *    the output after each page.
 * 2. Every embedded font caches the layout of every word it ever set, and a mailing is
 *    full of words that occur once (names, street names, codes, postcodes). The cache
 *    gets a budget of words (`boundLayoutCaches`): the first letters fill it with the
 *    words of the letter text, which every later letter uses; of the words after that
 *    only the last few are kept, for the letter that is being set. (Emptying the cache now and then, tried first, kept memory
 *    bounded too, but its entries lived long enough to reach V8's old generation, which
 *    then grew with garbage to 130 MB before a full collection.)
 * 3. The page tree keeps each page's dictionary object, and with it the dictionaries of
 *    its resources and contents, to the end. A written page only needs its object
 *    number in the tree, so its entry is swapped for a bare reference (`releaseWritten`).
 * 4. At the end it writes the cross-reference table as one push per object (three or
 *    more per page), all held in the Readable buffer at once. `end()` joins those
 *    pushes into large chunks.
 * Causes 2–4 live in pdfkit internals (checked against pdfkit 0.20); the guards below
 * make a pdfkit without them a no-op rather than an error, and the batch tests check
 * that the release still happens.
 */
import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { setImmediate as nextTurn } from 'node:timers/promises'
import PDFDocument from 'pdfkit'
import type { PdfFonts } from './fonts.ts'
import { registerFonts } from './fonts.ts'
import { PageNotes } from './page-notes.ts'
import { A4 } from './units.ts'

/** Bytes pdfkit may hold before drawing waits for the output to take them. */
const BUFFER_LIMIT = 256 * 1024

/** Words each font keeps laid out: a few letters' worth, in every language of the template. */
const LAYOUT_CACHE_WORDS = 3000

export interface StreamingPdfOptions {
  /** Keep pages open until `flushPages()`, to print "Pagina X van Y" on them afterwards. */
  bufferPages?: boolean
  title?: string
  author?: string
  /** Document language, e.g. "nl"; for screen readers. */
  lang?: string
  /** Words each font keeps laid out (default 3,000). */
  layoutCacheWords?: number
}

interface PdfKitInternals {
  _fontFamilies?: Record<string, { layoutCache?: Record<string, unknown>; unicode?: number[][] }>
}

/** Letters of the right-to-left scripts whose ligatures readers would turn (see mapLigaturesInGlyphOrder). */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}]/u

interface PageReference {
  id: number
  gen: number
}

interface PdfKitTree {
  _root?: { data?: { Pages?: { data?: { Kids?: unknown[] } } } }
}

/** Pushes joined into one chunk while the document is finished. */
const END_CHUNK = 64 * 1024

export class StreamingPdf {
  readonly doc: PDFKit.PDFDocument
  readonly fonts: PdfFonts
  /** The pages' hidden notes, made when the pages are written. */
  readonly notes: PageNotes
  /** Pages added so far. */
  pages = 0
  private readonly output: Writable
  private readonly bufferPages: boolean
  private readonly finished: Promise<void>
  private failure: unknown
  /** Positions in the page tree of pages that pdfkit may not have written yet. */
  private openPages: number[] = []
  private readonly layoutCacheWords: number

  constructor(out: Writable, options: StreamingPdfOptions = {}) {
    this.doc = new PDFDocument({
      autoFirstPage: false,
      bufferPages: options.bufferPages ?? false,
      size: 'A4',
      margin: 0,
      ...(options.lang ? { lang: options.lang } : {}),
      info: {
        Title: options.title ?? '',
        Author: options.author ?? '',
        Creator: 'Peiling',
        Producer: 'Peiling (pdfkit)',
      },
      displayTitle: options.title !== undefined,
    })
    this.output = out
    this.bufferPages = options.bufferPages ?? false
    this.layoutCacheWords = options.layoutCacheWords ?? LAYOUT_CACHE_WORDS
    this.finished = pipeline(this.doc, out)
    // Remembered for settle(); the promise is awaited in end() or abort().
    this.finished.catch((error: unknown) => {
      this.failure ??= error
    })
    this.fonts = registerFonts(this.doc)
    this.notes = new PageNotes(this.doc)
  }

  /**
   * Starts a new A4 page without margins: every drawing is placed explicitly, and with
   * margins pdfkit would start a page of its own when a text ran into the bottom margin.
   */
  addPage(): void {
    // Unbuffered, pdfkit writes the current page when the next one is added.
    if (!this.bufferPages) this.notes.write()
    this.doc.addPage({ size: [A4.width, A4.height], margin: 0 })
    this.pages++
    // Unbuffered, pdfkit wrote every earlier page when this one was added.
    if (!this.bufferPages) this.releaseWritten()
    this.openPages.push(this.pages - 1)
    // pdfkit creates a font on its first use, so new ones may have appeared on the last page.
    this.boundLayoutCaches()
  }

  /** With `bufferPages`: writes the open pages (after their page numbers were drawn). */
  flushPages(): void {
    this.notes.write()
    this.doc.flushPages()
    this.releaseWritten()
  }

  /** Waits while the output is behind; call after each page (or letter). Throws when the output failed. */
  async settle(): Promise<void> {
    for (;;) {
      if (this.failure !== undefined) throw this.failure
      if (this.output.destroyed) {
        // Failed: the pipeline reports why in a moment.
        await nextTurn()
      } else if (this.output.writableNeedDrain) {
        await this.drained()
      } else if (this.doc.readableLength > BUFFER_LIMIT) {
        await nextTurn()
      } else {
        return
      }
    }
  }

  /**
   * Resolves when the output drains, or closes (as it does on a failure). Not a race
   * with `finished`: every race left a reaction on that promise until the end of the
   * document, a few hundred bytes for every wait.
   */
  private drained(): Promise<void> {
    const output = this.output
    return new Promise((resolve) => {
      const done = () => {
        output.off('drain', done)
        output.off('close', done)
        resolve()
      }
      output.on('drain', done)
      output.on('close', done)
    })
  }

  /** Finishes the PDF and resolves when the output has taken every byte. */
  async end(): Promise<void> {
    if (this.failure !== undefined) throw this.failure
    this.notes.write()
    this.mapLigaturesInGlyphOrder()
    this.joinFinalPushes()
    this.doc.end()
    await this.finished
  }

  /** Stops writing after a failure elsewhere; the output is destroyed, so a half file is never mistaken for a whole one. */
  async abort(error: unknown): Promise<void> {
    this.doc.destroy(error instanceof Error ? error : new Error(String(error)))
    await this.finished.catch(() => undefined)
  }

  /**
   * A ligature of right-to-left letters (lam-alef) is one glyph for two letters, which
   * pdfkit maps back to them in reading order. Readers that extract text (pdf.js,
   * poppler, screen readers) reverse a right-to-left line glyph by glyph, the ligature's
   * letters with it: "الاستبيان" came out as "االستبيان". Mapped in the order the glyphs
   * lie, the letters come out in reading order with the rest of the line. (The fonts'
   * maps are written when the document ends.)
   */
  private mapLigaturesInGlyphOrder(): void {
    const families = (this.doc as unknown as PdfKitInternals)._fontFamilies
    for (const font of Object.values(families ?? {})) {
      font.unicode?.forEach((codePoints, gid) => {
        if (codePoints.length > 1 && codePoints.every((cp) => RTL_LETTER.test(String.fromCodePoint(cp))))
          // A new array: the old one is fontkit's own, shared with its glyph cache.
          font.unicode![gid] = [...codePoints].reverse()
      })
    }
  }

  /** Swaps the page-tree entries of pages pdfkit has written for bare references. */
  private releaseWritten(): void {
    const kids = (this.doc as unknown as PdfKitTree)._root?.data?.Pages?.data?.Kids
    for (const index of this.openPages) {
      const written = kids?.[index] as PageReference | undefined
      if (!written) continue
      // The tree writes a kid as "id gen R" (PDFReference.toString); keeping the
      // prototype keeps pdfkit's `instanceof PDFAbstractReference` check true.
      const bare = Object.create(Object.getPrototypeOf(written) as object) as PageReference
      bare.id = written.id
      bare.gen = written.gen
      kids![index] = bare
    }
    this.openPages = []
  }

  /**
   * From here on, joins pdfkit's pushes into chunks of END_CHUNK bytes: finishing
   * writes the fonts and then one short line per object of the file.
   */
  private joinFinalPushes(): void {
    const doc = this.doc as unknown as { push(chunk: Uint8Array | null): boolean }
    const push = doc.push.bind(doc)
    let parts: Uint8Array[] = []
    let size = 0
    const flush = () => {
      if (parts.length > 0) push(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size))
      parts = []
      size = 0
    }
    doc.push = (chunk) => {
      if (chunk === null) {
        flush()
        return push(null)
      }
      parts.push(chunk)
      size += chunk.length
      if (size >= END_CHUNK) flush()
      return true
    }
  }

  private boundLayoutCaches(): void {
    const families = (this.doc as unknown as PdfKitInternals)._fontFamilies ?? {}
    for (const font of Object.values(families)) {
      if (font.layoutCache && !boundedCaches.has(font.layoutCache))
        font.layoutCache = boundedCache(font.layoutCache, this.layoutCacheWords)
    }
  }
}

const boundedCaches = new WeakSet<object>()

/**
 * Words laid out after the budget is spent, kept for a little while: a name or a code
 * is measured and set several times on its own letter (fitting, wrapping, drawing), and
 * fontkit's layout of a word costs as much as setting a short line. Few enough to be
 * dropped again while still young, which keeps them out of V8's old generation.
 */
export const RECENT_WORDS = 32

/**
 * A cache object that takes new keys until it holds `limit` of them; after that it keeps
 * only the last RECENT_WORDS new ones.
 */
function boundedCache(entries: Record<string, unknown>, limit: number): Record<string, unknown> {
  const store = Object.create(null) as Record<string, unknown>
  let size = 0
  for (const [key, value] of Object.entries(entries)) {
    if (size++ >= limit) break
    store[key] = value
  }
  const recent: string[] = []
  let oldest = 0
  const cache = new Proxy(store, {
    set(target, key, value) {
      if (typeof key !== 'string') return true
      if (key in target || size < limit) {
        if (!(key in target)) size++
        target[key] = value
      } else if (recent.length < RECENT_WORDS) {
        recent.push(key)
        target[key] = value
      } else {
        delete target[recent[oldest]!]
        recent[oldest] = key
        oldest = (oldest + 1) % RECENT_WORDS
        target[key] = value
      }
      // Always true: pdfkit's class code is strict, where a refused assignment throws.
      return true
    },
  })
  boundedCaches.add(cache)
  return cache
}
