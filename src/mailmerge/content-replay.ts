/**
 * Drawing that comes out the same on many pages: drawn once, then copied.
 *
 * pdfkit lays text out again on every call, and that was a third of a letter's time,
 * although most paragraphs are word for word the same on every letter of a batch. A
 * drawing whose key was drawn twice before in this document is not drawn again: the PDF
 * operators it wrote become a form XObject, written (and compressed) once, which every
 * later page only refers to together with the page resources it used (the embedded font
 * already holds its glyphs, being the same document); the text cursor is put where the
 * drawing left it. Copying the operators into every page instead left a letter batch
 * compressing the same text 2,300 times, a sixth of its time.
 *
 * A form XObject restores the graphics state after it: a drawing's colour or line width
 * does not carry over to what follows it, as it would inline. pdfkit writes them again
 * when asked, so drawings that follow set their own (as drawings here must anyway).
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
  write(chunk: Uint8Array | string): void
}

/** What a drawing wrote on its page, ready to be written on another page of the same document. */
export interface Recording {
  /** The name the form XObject goes by in page resources, and the object itself. */
  name: string
  form: PDFKit.PDFKitReference
  x: number
  y: number
}

/**
 * What a drawing wrote, to be written again on other pages of the same document as it
 * is: for a small drawing that repeats on a few pages only, where a form object of its
 * own would cost more than the copies.
 */
export interface InlineCopy {
  chunks: Uint8Array[]
  resources: Resources
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
  private forms = 0

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
    const resources = resourcesOf(page)
    const { width, height } = this.doc.page
    // The drawing's operators assume the page's own coordinates (pdfkit's, y downwards):
    // the form keeps them, over the whole page.
    const form = this.doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, width, height],
      Resources: resources,
    })
    for (const chunk of page.content.buffer.slice(start.chunk)) form.write(Buffer.from(chunk))
    form.end(undefined)
    return { name: `Rp${++this.forms}`, form, x: this.doc.x, y: this.doc.y }
  }

  /** What was drawn on the page of `start` since then, to paste on other pages. */
  copySince(start: RecordingStart): InlineCopy {
    const chunks = start.page.content.buffer.slice(start.chunk)
    // Only the resources the operators name (/F2 6 Tf): a page may have many more, which
    // every page the copy goes on would otherwise list as well.
    const named = new Set(
      Buffer.concat(chunks)
        .toString('latin1')
        .match(/(?<=\/)[^\s/<>[\]()]+/g),
    )
    const resources: Resources = {}
    for (const [kind, entries] of Object.entries(resourcesOf(start.page)) as Array<[keyof Resources, object]>) {
      const used = Object.entries(entries).filter(([name]) => named.has(name))
      if (used.length > 0) resources[kind] = Object.fromEntries(used)
    }
    return { chunks, resources }
  }

  /** Writes a copy on the current page, with the resources it uses. */
  paste(copy: InlineCopy): void {
    const page = this.doc.page as unknown as PageInternals
    for (const chunk of copy.chunks) page.write(chunk)
    for (const kind of RESOURCE_KINDS) {
      const used = copy.resources[kind]
      if (used) page.resources.data[kind] = { ...page.resources.data[kind], ...used }
    }
  }

  /** Puts a recording on the current page, and the cursor where the drawing left it. */
  play(recording: Recording): void {
    const page = this.doc.page as unknown as PageInternals
    page.write(`/${recording.name} Do`)
    page.resources.data.XObject = { ...page.resources.data.XObject, [recording.name]: recording.form }
    this.doc.x = recording.x
    this.doc.y = recording.y
  }
}

/** The page's resources, as a drawing on it may have used them. */
function resourcesOf(page: PageInternals): Resources {
  const resources: Resources = {}
  for (const kind of RESOURCE_KINDS) {
    const present = page.resources.data[kind]
    if (present) resources[kind] = { ...present }
  }
  return resources
}

const replays = new WeakMap<PDFKit.PDFDocument, ContentReplay>()

/** The document's one ContentReplay: keys are shared by everything drawn in it. */
export function replayFor(doc: PDFKit.PDFDocument): ContentReplay {
  let replay = replays.get(doc)
  if (!replay) replays.set(doc, (replay = new ContentReplay(doc)))
  return replay
}
