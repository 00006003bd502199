/**
 * Just enough of a PDF reader for the collation check: the pages in order, each with its
 * dictionary and its images. PDF.js (through unpdf) is only a development dependency,
 * and the check needs no text or drawing: the set marks of a file made here are in the
 * page dictionaries (set-mark.ts), and a scan is one image per page.
 *
 * It finds the objects by scanning the file rather than through the cross-reference
 * table (a table broken by a careless tool does not matter), reads object streams
 * (PDF 1.5, common in scanners' files), and follows the page tree from the catalogue.
 * Encrypted files are not read.
 */
import { inflateSync } from 'node:zlib'

export class PdfName {
  readonly name: string
  constructor(name: string) {
    this.name = name
  }
}

export class PdfRef {
  readonly id: number
  constructor(id: number) {
    this.id = id
  }
}

export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict
export type PdfDict = Map<string, PdfValue>

export interface PdfStream {
  dict: PdfDict
  /** The stream's bytes as stored (still encoded). */
  data: Uint8Array
}

type PdfObject = PdfValue | PdfStream

export class PdfReadError extends Error {}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const DELIMITER = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)))

/** Reads PDF values from a latin1 string of the file's bytes. */
class Parser {
  pos: number
  private readonly s: string

  constructor(s: string, pos = 0) {
    this.s = s
    this.pos = pos
  }

  skipWhite(): void {
    const s = this.s
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos)
      if (WHITE.has(c)) this.pos++
      else if (c === 0x25) {
        while (this.pos < s.length && s[this.pos] !== '\n' && s[this.pos] !== '\r') this.pos++
      } else return
    }
  }

  private word(): string {
    const start = this.pos
    while (this.pos < this.s.length) {
      const c = this.s.charCodeAt(this.pos)
      if (WHITE.has(c) || DELIMITER.has(c)) break
      this.pos++
    }
    return this.s.slice(start, this.pos)
  }

  value(): PdfValue {
    this.skipWhite()
    const s = this.s
    const c = s[this.pos]
    if (c === undefined) throw new PdfReadError('unexpected end of file')
    if (c === '/') {
      this.pos++
      return new PdfName(
        this.word().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      )
    }
    if (c === '<' && s[this.pos + 1] === '<') {
      this.pos += 2
      const dict: PdfDict = new Map()
      for (;;) {
        this.skipWhite()
        if (s.startsWith('>>', this.pos)) {
          this.pos += 2
          return dict
        }
        const key = this.value()
        if (!(key instanceof PdfName)) throw new PdfReadError('dictionary key is not a name')
        dict.set(key.name, this.value())
      }
    }
    if (c === '<') {
      const end = s.indexOf('>', this.pos)
      if (end < 0) throw new PdfReadError('unterminated hex string')
      const hex = s.slice(this.pos + 1, end).replace(/\s/g, '')
      this.pos = end + 1
      let text = ''
      for (let i = 0; i < hex.length; i += 2)
        text += String.fromCharCode(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16))
      return text
    }
    if (c === '(') return this.literalString()
    if (c === '[') {
      this.pos++
      const items: PdfValue[] = []
      for (;;) {
        this.skipWhite()
        if (s[this.pos] === ']') {
          this.pos++
          return items
        }
        items.push(this.value())
      }
    }
    const word = this.word()
    if (word === '') throw new PdfReadError(`unexpected character at ${this.pos}`)
    if (word === 'true') return true
    if (word === 'false') return false
    if (word === 'null') return null
    const number = Number(word)
    if (Number.isNaN(number)) throw new PdfReadError(`unexpected "${word.slice(0, 20)}"`)
    // "12 0 R" is a reference: look ahead for the generation and the R.
    if (/^\d+$/.test(word)) {
      const match = /^\s+\d+\s+R(?![^\s/<>[\]()%])/.exec(s.slice(this.pos, this.pos + 24))
      if (match) {
        this.pos += match[0].length
        return new PdfRef(number)
      }
    }
    return number
  }

  private literalString(): string {
    const s = this.s
    this.pos++
    let depth = 1
    let out = ''
    while (this.pos < s.length) {
      const c = s[this.pos++]!
      if (c === '\\') {
        const next = s[this.pos++]!
        const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }
        if (next in escapes) out += escapes[next]
        else if (/[0-7]/.test(next)) {
          let octal = next
          while (octal.length < 3 && /[0-7]/.test(s[this.pos] ?? '')) octal += s[this.pos++]
          out += String.fromCharCode(parseInt(octal, 8) & 0xff)
        } else if (next === '\r') {
          if (s[this.pos] === '\n') this.pos++
        } else if (next !== '\n') out += next
      } else if (c === '(') {
        depth++
        out += c
      } else if (c === ')') {
        if (--depth === 0) return out
        out += c
      } else out += c
    }
    throw new PdfReadError('unterminated string')
  }
}

const OBJECT_HEADER = /(\d+)\s+(\d+)\s+obj\b/g

/** Every object of the file by number; a later definition (an incremental update) wins. */
function readObjects(bytes: Buffer): { objects: Map<number, PdfObject>; trailerRoot?: PdfRef } {
  const s = bytes.toString('latin1')
  const objects = new Map<number, PdfObject>()
  const lengthLater: Array<{ id: number; dict: PdfDict; start: number }> = []
  OBJECT_HEADER.lastIndex = 0
  for (let match = OBJECT_HEADER.exec(s); match; match = OBJECT_HEADER.exec(s)) {
    const id = Number(match[1])
    const parser = new Parser(s, match.index + match[0].length)
    let value: PdfValue
    try {
      value = parser.value()
    } catch {
      continue
    }
    parser.skipWhite()
    if (value instanceof Map && s.startsWith('stream', parser.pos)) {
      let start = parser.pos + 'stream'.length
      if (s[start] === '\r') start++
      if (s[start] === '\n') start++
      const length = value.get('Length')
      if (typeof length === 'number' && s.startsWith('endstream', skipWhiteAt(s, start + length))) {
        objects.set(id, { dict: value, data: bytes.subarray(start, start + length) })
        OBJECT_HEADER.lastIndex = start + length
      } else {
        // Length is a reference (or wrong): the stream ends at "endstream".
        const end = s.indexOf('endstream', start)
        if (end < 0) break
        lengthLater.push({ id, dict: value, start })
        objects.set(id, { dict: value, data: bytes.subarray(start, trimEol(s, start, end)) })
        OBJECT_HEADER.lastIndex = end
      }
    } else {
      objects.set(id, value)
      OBJECT_HEADER.lastIndex = parser.pos
    }
  }
  for (const { id, dict, start } of lengthLater) {
    const length = objects.get((dict.get('Length') as PdfRef | undefined)?.id ?? -1)
    if (typeof length === 'number') objects.set(id, { dict, data: bytes.subarray(start, start + length) })
  }
  // Objects inside object streams, unless defined directly.
  for (const [, object] of [...objects]) {
    if (!isStream(object) || nameOf(object.dict.get('Type')) !== 'ObjStm') continue
    const decoded = decodeStream(object).toString('latin1')
    const count = Number(object.dict.get('N'))
    const first = Number(object.dict.get('First'))
    const header = decoded.slice(0, first).trim().split(/\s+/).map(Number)
    for (let i = 0; i < count; i++) {
      const id = header[2 * i]!
      if (objects.has(id)) continue
      try {
        objects.set(id, new Parser(decoded, first + header[2 * i + 1]!).value())
      } catch {
        // a broken object is left out
      }
    }
  }
  const trailer = /trailer\s*<</g
  let root: PdfRef | undefined
  for (let match = trailer.exec(s); match; match = trailer.exec(s)) {
    try {
      const dict = new Parser(s, match.index + 'trailer'.length).value()
      if (dict instanceof Map && dict.get('Root') instanceof PdfRef) root = dict.get('Root') as PdfRef
    } catch {
      // a later trailer or the catalogue object is used
    }
  }
  return root ? { objects, trailerRoot: root } : { objects }
}

function skipWhiteAt(s: string, pos: number): number {
  while (pos < s.length && WHITE.has(s.charCodeAt(pos))) pos++
  return pos
}

function trimEol(s: string, start: number, end: number): number {
  if (end > start && s[end - 1] === '\n') end--
  if (end > start && s[end - 1] === '\r') end--
  return end
}

function isStream(object: PdfObject | undefined): object is PdfStream {
  return typeof object === 'object' && object !== null && 'data' in object && 'dict' in object
}

function nameOf(value: PdfValue | undefined): string | undefined {
  return value instanceof PdfName ? value.name : undefined
}

export function filtersOf(stream: PdfStream): string[] {
  const filter = stream.dict.get('Filter')
  if (filter instanceof PdfName) return [filter.name]
  if (Array.isArray(filter)) return filter.map((f) => nameOf(f) ?? '')
  return []
}

/** Undoes FlateDecode (without predictors); other filters are not undone here. */
function decodeStream(stream: PdfStream): Buffer {
  const filters = filtersOf(stream)
  if (filters.length === 0) return Buffer.from(stream.data)
  if (filters.length === 1 && filters[0] === 'FlateDecode') return inflateSync(stream.data)
  throw new PdfReadError(`cannot read a stream with ${filters.join(', ')}`)
}

export interface PdfImage {
  width: number
  height: number
  stream: PdfStream
  /** The resolved DecodeParms dictionary, if any. */
  decodeParms?: PdfDict
  colorSpace?: string
  bitsPerComponent: number
}

export interface PdfPage {
  /** 1-based. */
  number: number
  dict: PdfDict
  images: PdfImage[]
}

export class PdfDocument {
  private readonly objects: Map<number, PdfObject>
  readonly pages: PdfPage[]

  constructor(bytes: Buffer) {
    if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw new PdfReadError('not a PDF file')
    const { objects, trailerRoot } = readObjects(bytes)
    this.objects = objects
    if ([...objects.values()].some((o) => o instanceof Map && o.has('Filter') && o.has('O') && o.has('U')))
      throw new PdfReadError('the PDF is encrypted')
    let catalog = trailerRoot ? this.resolve(trailerRoot) : undefined
    if (!(catalog instanceof Map))
      catalog = [...objects.values()]
        .reverse()
        .find((o): o is PdfDict => o instanceof Map && nameOf(o.get('Type')) === 'Catalog')
    if (!(catalog instanceof Map)) throw new PdfReadError('no catalogue in the PDF')
    this.pages = []
    this.walk(this.resolve(catalog.get('Pages')), undefined, new Set())
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    if (!(value instanceof PdfRef)) return value
    const object = this.objects.get(value.id)
    return isStream(object) ? undefined : object
  }

  private streamOf(value: PdfValue | undefined): PdfStream | undefined {
    const object = value instanceof PdfRef ? this.objects.get(value.id) : undefined
    return isStream(object) ? object : undefined
  }

  private walk(node: PdfValue | undefined, inheritedResources: PdfValue | undefined, seen: Set<PdfDict>): void {
    if (!(node instanceof Map) || seen.has(node)) return
    seen.add(node)
    const resources = node.get('Resources') ?? inheritedResources
    if (nameOf(node.get('Type')) === 'Pages' || node.has('Kids')) {
      const kids = this.resolve(node.get('Kids'))
      if (Array.isArray(kids)) for (const kid of kids) this.walk(this.resolve(kid), resources, seen)
      return
    }
    this.pages.push({ number: this.pages.length + 1, dict: node, images: this.imagesOf(resources, 0) })
  }

  private imagesOf(resourcesValue: PdfValue | undefined, depth: number): PdfImage[] {
    const resources = this.resolve(resourcesValue)
    if (!(resources instanceof Map) || depth > 2) return []
    const xobjects = this.resolve(resources.get('XObject'))
    if (!(xobjects instanceof Map)) return []
    const images: PdfImage[] = []
    for (const ref of xobjects.values()) {
      const stream = this.streamOf(ref)
      if (!stream) continue
      const subtype = nameOf(stream.dict.get('Subtype'))
      if (subtype === 'Form') images.push(...this.imagesOf(stream.dict.get('Resources'), depth + 1))
      if (subtype !== 'Image') continue
      let parms = this.resolve(stream.dict.get('DecodeParms'))
      if (Array.isArray(parms)) parms = this.resolve(parms[0])
      const colorSpace = this.resolve(stream.dict.get('ColorSpace'))
      const image: PdfImage = {
        width: Number(this.resolve(stream.dict.get('Width'))),
        height: Number(this.resolve(stream.dict.get('Height'))),
        stream,
        bitsPerComponent: Number(this.resolve(stream.dict.get('BitsPerComponent')) ?? 8),
      }
      if (parms instanceof Map) image.decodeParms = parms
      const space = nameOf(colorSpace) ?? (Array.isArray(colorSpace) ? nameOf(colorSpace[0]) : undefined)
      if (space) image.colorSpace = space
      images.push(image)
    }
    return images
  }
}

/** The text of a string entry of a page dictionary, e.g. `/PeilingSetMark`. */
export function pageString(page: PdfPage, key: string): string | undefined {
  const value = page.dict.get(key)
  return typeof value === 'string' ? value : undefined
}
