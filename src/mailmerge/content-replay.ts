/**
 * Drawing that comes out the same on many pages: drawn once, then copied.
 *
 * pdfkit lays text out again on every call, and that was a third of a letter's time,
 * although most paragraphs are word for word the same on every letter of a batch. A
 * drawing whose key was drawn twice before in this document is not drawn again: the PDF
 * operators it wrote are copied into the current page together with the page resources
 * it used (the embedded font already holds its glyphs, being the same document), and the
 * text cursor is put where the drawing left it.
 *
 * The key must name everything that shapes the drawing (text, place, width, style). The
 * drawing must set its own font and colour: state set before it is not part of the copy.
 * This reads two pdfkit internals, the page's content buffer and resource dictionary;
 * test/mailmerge/content-replay.test.ts compares copied pages with drawn ones.
 */

/** The resource kinds a drawing can add to a page, as pdfkit names them in the page dictionary. */
const RESOURCE_KINDS = ['Font', 'XObject', 'ExtGState', 'Pattern', 'ColorSpace'] as const

type Resources = Partial<Record<(typeof RESOURCE_KINDS)[number], Record<string, unknown>>>

interface PageInternals {
  content: { buffer: Uint8Array[] }
  resources: { data: Resources }
  write(chunk: Uint8Array): void
}

/** What a drawing wrote on its page, ready to be written on another page of the same document. */
export interface Recording {
  chunks: Uint8Array[]
  resources: Resources
  x: number
  y: number
}

/** A place in the current page's content, to record from. */
export interface RecordingStart {
  page: PageInternals
  chunk: number
}

/** Recordings per document; a batch needs a few per language and municipality. */
const DEFAULT_CAPACITY = 200

export class ContentReplay {
  private readonly recordings = new Map<string, Recording>()
  /**
   * Keys drawn once. A drawing is recorded when its key comes round a second time: a
   * paragraph with a person's name never does, and so never pushes out the ones that
   * repeat on every letter.
   */
  private readonly seenOnce = new Set<string>()
  private readonly doc: PDFKit.PDFDocument
  private readonly capacity

  constructor(doc: PDFKit.PDFDocument, capacity = DEFAULT_CAPACITY) {
    this.doc = doc
    this.capacity = capacity
  }

  /** Runs `draw`, or copies what it wrote when it ran under `key` before. */
  draw(key: string, draw: () => void): void {
    const recording = this.recordings.get(key)
    if (recording) return this.play(recording)
    if (!this.seenOnce.has(key)) {
      if (this.seenOnce.size >= this.capacity) this.seenOnce.clear()
      this.seenOnce.add(key)
      return draw()
    }
    const start = this.start()
    draw()
    if (this.doc.page !== (start.page as unknown)) return // the drawing started a page: not something to copy
    if (this.recordings.size >= this.capacity) this.recordings.clear()
    this.seenOnce.delete(key)
    this.recordings.set(key, this.since(start))
  }

  /** Marks the current end of the current page, to record what is drawn from here on. */
  start(): RecordingStart {
    const page = this.doc.page as unknown as PageInternals
    return { page, chunk: page.content.buffer.length }
  }

  /** What was drawn on the page of `start` since then (the page may no longer be the current one). */
  since(start: RecordingStart): Recording {
    const { page } = start
    const resources: Resources = {}
    for (const kind of RESOURCE_KINDS) {
      const present = page.resources.data[kind]
      if (present) resources[kind] = { ...present }
    }
    // One chunk for the whole drawing: pdfkit keeps a chunk per operator, and a form page
    // copied chunk by chunk held thousands of small buffers until its set was written.
    const chunks = page.content.buffer.slice(start.chunk)
    const joined = chunks.length > 1 ? [Buffer.concat(chunks)] : chunks
    return { chunks: joined, resources, x: this.doc.x, y: this.doc.y }
  }

  /** Writes a recording on the current page, and puts the cursor where the drawing left it. */
  play(recording: Recording): void {
    const page = this.doc.page as unknown as PageInternals
    for (const chunk of recording.chunks) page.write(chunk)
    for (const kind of RESOURCE_KINDS) {
      const used = recording.resources[kind]
      if (used) page.resources.data[kind] = { ...used, ...page.resources.data[kind] }
    }
    this.doc.x = recording.x
    this.doc.y = recording.y
  }
}

const replays = new WeakMap<PDFKit.PDFDocument, ContentReplay>()

/** The document's one ContentReplay: keys are shared by everything drawn in it. */
export function replayFor(doc: PDFKit.PDFDocument): ContentReplay {
  let replay = replays.get(doc)
  if (!replay) replays.set(doc, (replay = new ContentReplay(doc)))
  return replay
}
