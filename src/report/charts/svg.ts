/**
 * What every chart shares: a standalone SVG document that a screen reader announces by
 * its title and description, and text wrapped to a width without measuring fonts (the
 * same SVG is drawn by browsers and by resvg for the Word file, with different fonts).
 */
import { escapeXml } from '#src/report/xml.ts'
import { INK } from './colours.ts'

export const FONT_FAMILY = 'sans-serif'
export const FONT_SIZE = 12
/** A generous average width of a character of a sans-serif font, in em: wrapped text must not overflow. */
const AVERAGE_CHARACTER_WIDTH = 0.56

/** How many characters fit in `width` at `fontSize`. */
export function charactersIn(width: number, fontSize = FONT_SIZE): number {
  return Math.max(1, Math.floor(width / (fontSize * AVERAGE_CHARACTER_WIDTH)))
}

/** An estimate of the width of `text`, for laying out legends. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  return text.length * fontSize * AVERAGE_CHARACTER_WIDTH
}

/** The text in lines of at most `maxCharacters`, broken between words; a longer word is cut. */
export function wrapText(text: string, maxCharacters: number): string[] {
  const lines: string[] = []
  let line = ''
  for (let word of text.trim().split(/\s+/)) {
    while (word.length > maxCharacters) {
      if (line) lines.push(line)
      lines.push(word.slice(0, maxCharacters))
      word = word.slice(maxCharacters)
      line = ''
    }
    if (!line) line = word
    else if (line.length + 1 + word.length <= maxCharacters) line += ` ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  return lines
}

/** A number short enough for an attribute, without a trailing ".000". */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100)
}

export interface TextOptions {
  x: number
  y: number
  anchor?: 'start' | 'middle' | 'end'
  fill?: string
  size?: number
  weight?: 'bold'
  italic?: boolean
  className?: string
}

/** One <text> element; `content` is escaped here. */
export function text(content: string, options: TextOptions): string {
  const attributes = [
    `x="${n(options.x)}"`,
    `y="${n(options.y)}"`,
    options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
    `fill="${options.fill ?? INK}"`,
    options.size && options.size !== FONT_SIZE ? `font-size="${options.size}"` : '',
    options.weight ? `font-weight="${options.weight}"` : '',
    options.italic ? 'font-style="italic"' : '',
    options.className ? `class="${options.className}"` : '',
  ].filter(Boolean)
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`
}

/** Several lines of text, the first one's baseline at `y`. */
export function lines(contents: string[], options: TextOptions & { lineHeight: number }): string {
  return contents.map((line, i) => text(line, { ...options, y: options.y + i * options.lineHeight })).join('')
}

/** What a renderer may set on any chart. */
export interface ChartOptions {
  /** Ids inside an HTML page must be unique: give one when a block's chart is shown twice. */
  id?: string
  /** The note for too few answers; the Dutch catalogue's by default. */
  tooFewAnswers?: string
}

export interface SvgDocument {
  /** Unique on an HTML page that shows several charts: the title and description are found by it. */
  id: string
  width: number
  height: number
  title: string
  /** The figures in words, for those who cannot see the chart. */
  description: string
  body: string
}

/** Makes an id out of anything: letters, digits, "-" and "_". */
export function idFrom(value: string): string {
  return `chart-${value.replace(/[^A-Za-z0-9_-]/g, '_')}`
}

export function svgDocument(chart: SvgDocument): string {
  const title = `${chart.id}-title`
  const description = `${chart.id}-desc`
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(chart.width)} ${n(chart.height)}" width="${n(chart.width)}" height="${n(chart.height)}" role="img" aria-labelledby="${title} ${description}" font-family="${FONT_FAMILY}" font-size="${FONT_SIZE}">`,
    `<title id="${title}">${escapeXml(chart.title)}</title>`,
    `<desc id="${description}">${escapeXml(chart.description)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    chart.body,
    '</svg>',
  ].join('')
}

/** The width and height a chart was drawn at (its viewBox), for placing it as an image. */
export function svgSize(svg: string): { width: number; height: number } {
  const match = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)
  if (!match) throw new Error('Not a chart of this module: no viewBox')
  return { width: Number(match[1]), height: Number(match[2]) }
}

const UNESCAPE: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' }

/** A chart's title and description as text again: the alternative text of its image in the Word file. */
export function svgTexts(svg: string): { title: string; description: string } {
  const read = (element: string) =>
    (new RegExp(`<${element} id="[^"]*">([^<]*)</${element}>`).exec(svg)?.[1] ?? '').replace(
      /&(lt|gt|quot|apos|amp);/g,
      (entity) => UNESCAPE[entity]!,
    )
  return { title: read('title'), description: read('desc') }
}
