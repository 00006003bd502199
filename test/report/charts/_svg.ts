/** Reading back a chart: resvg parses it strictly (it refuses ill-formed XML), regexes find the parts. */
import { Resvg } from '@resvg/resvg-js'

export type Attributes = Record<string, string>

/** Throws when the SVG is not well-formed; returns the picture's size. */
export function parse(svg: string): { width: number; height: number } {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false } })
  return { width: resvg.width, height: resvg.height }
}

function attributes(tag: string): Attributes {
  return Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]))
}

/** Every `<name …>` with the class `className`, as attributes. */
export function elements(svg: string, name: string, className: string): Attributes[] {
  return [...svg.matchAll(new RegExp(`<${name}\\s[^>]*>`, 'g'))]
    .map((m) => attributes(m[0]))
    .filter((a) => a.class === className)
}

/** The content of every `<text>` with the class `className` (or any class when omitted), unescaped. */
export function texts(svg: string, className?: string): string[] {
  return [...svg.matchAll(/<text\s([^>]*)>([^<]*)<\/text>/g)]
    .filter((m) => className === undefined || attributes(m[1]!).class === className)
    .map((m) =>
      m[2]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
}

/** The SVG of one `<g class="statement">` by its variable. */
export function statementGroup(svg: string, variable: string): string {
  const match = new RegExp(`<g class="statement" data-variable="${variable}">(.*?)</g>`).exec(svg)
  if (!match) throw new Error(`No statement ${variable}`)
  return match[1]!
}
