/**
 * Hidden notes on the pages of a print file: what a page shows in symbols (the login
 * code, the set mark), also as text that is never shown or printed, so that the print
 * check reads a file made here without drawing it (set-mark.ts says what the lines hold).
 *
 * A page gets one note with all its lines, made just before pdfkit writes the page: a
 * note is an object of its own in the file, written the moment pdfkit makes it, and a
 * front side of a collated stream has two lines (its code and its set mark). One note
 * per line made every front side two objects, each converted and listed in the
 * cross-reference table.
 */

/** Annotation flags Hidden (2) and NoView (32): a viewer shows nothing and a printer prints nothing. */
const HIDDEN_NOTE = 2 | 32

/** Lines waiting for their page's note, per page. */
export class PageNotes {
  private readonly doc: PDFKit.PDFDocument
  private pending = new Map<PDFKit.PDFPage, string[]>()

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc
  }

  /** Adds a line to the current page's note. */
  add(line: string): void {
    const page = this.doc.page
    const lines = this.pending.get(page)
    if (lines) lines.push(line)
    else this.pending.set(page, [line])
  }

  /** Makes the notes of the pages that have lines; call before pdfkit writes those pages. */
  write(): void {
    if (this.pending.size === 0) return
    for (const [page, lines] of this.pending) {
      // What doc.annotate makes, for a page that need not be the current one. pdfkit
      // writes a String object as a PDF string (a plain string becomes a name), and its
      // types spell the key /Subtype as SubType, so the entries go in as they are written.
      const note = this.doc.ref({
        Type: 'Annot',
        Subtype: 'Text',
        Rect: [0, 0, 0, 0],
        Border: [0, 0, 0],
        F: HIDDEN_NOTE,
        Contents: new String(lines.join('\n')),
      })
      ;(page.annotations as PDFKit.PDFKitReference[]).push(note)
      note.end(undefined)
    }
    this.pending = new Map()
  }
}
