/**
 * The hidden notes of every page of a print file made here (set-mark.ts), read in one
 * pass over the file with pdf-lib.
 *
 * Why not PDF.js, which reads scans (page-codes.ts): pdfkit puts all pages of a file
 * under one page-tree node, and PDF.js finds page n by walking that node's kids from the
 * start, each time (Catalog.getPageDict; its maintainers keep the walk, since a tree may
 * hide empty nodes). For the 23,000 pages of 2,300 sets that walk took 85% of a
 * 105-second check. pdf-lib parses the file once and lists the pages in one walk of the
 * tree: the same check reads all notes in a few seconds. PDFium (made for reading too)
 * was measured as well, at six times pdf-lib's time: it parses every page's drawing on
 * opening it; MuPDF's licence (AGPL) does not suit the project.
 */
import type { PDFObject } from '@cantoo/pdf-lib'
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib'
import type { PageReading } from './page-codes.ts'
import { readingOfNotes } from './page-codes.ts'

export interface NotedPage {
  /** The page's readings from its notes; undefined for a page without them (a back, or a scan). */
  reading?: PageReading
  /** Whether the page draws any external object, so that it may hold a scanned image. */
  drawsObjects: boolean
}

/** Objects parsed between two turns of the event loop: a large file does not stall the server. */
const PARSE_SPEED = 1500

const CONTENTS = PDFName.of('Contents')
const XOBJECT = PDFName.of('XObject')

/** Every page's notes in page order; undefined when pdf-lib cannot read the file (PDF.js may). */
export async function readFileNotes(bytes: Uint8Array): Promise<NotedPage[] | undefined> {
  let doc: PDFDocument
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: PARSE_SPEED })
  } catch {
    return undefined
  }
  const pages = doc.getPages()
  if (pages.length === 0) return undefined
  return pages.map((page, index) => {
    const notes: string[] = []
    const annotations = page.node.Annots()
    for (let i = 0; annotations && i < annotations.size(); i++) {
      const annotation = annotations.lookup(i)
      const text = annotation instanceof PDFDict ? textOf(annotation.lookup(CONTENTS)) : undefined
      if (text) notes.push(text)
    }
    const reading = readingOfNotes(index + 1, notes)
    const objects = page.node.Resources()?.lookup(XOBJECT)
    return { ...(reading ? { reading } : {}), drawsObjects: objects instanceof PDFDict && objects.keys().length > 0 }
  })
}

function textOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined
}
