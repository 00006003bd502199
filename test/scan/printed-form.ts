/**
 * A KTO form printed and rendered as a scanner would see it, and marks drawn on its pages
 * where the layout says the boxes are: for the reader's tests.
 */
import sharp from 'sharp'
import type { FormLayout, Rect } from '#src/mailmerge/index.ts'
import { writePaperQuestionnaireBatch } from '#src/mailmerge/index.ts'
import type { GreyImage } from '#src/scan/index.ts'
import { code, ktoDefinition } from '#test/mailmerge/fixtures.ts'
import { readPgm, renderPages, writePdf } from '#test/mailmerge/pdf-tools.ts'

export const FORM_CODE = code('K7QXM4TR9')

export interface PrintedForm {
  layout: FormLayout
  /** Page images, page 1 first. */
  pages: GreyImage[]
  dpi: number
}

export async function printedForm(dir: string, dpi: number): Promise<PrintedForm> {
  let layout: FormLayout | undefined
  const file = await writePdf(`${dir}/form-${dpi}.pdf`, async (out) => {
    const written = await writePaperQuestionnaireBatch(
      ktoDefinition(),
      [{ code: FORM_CODE, lang: 'nl', stratumName: 'Hengelo', stratum: 'hengelo' }],
      out,
    )
    layout = written.layouts[0]
  })
  const rendered = await renderPages(file, dir, { dpi })
  const pages = await Promise.all(
    rendered.pages.map(async (pgm) => {
      const { width, height, pixels } = await readPgm(pgm)
      return { width, height, data: new Uint8Array(pixels) }
    }),
  )
  return { layout: layout!, pages, dpi }
}

/** What a hand puts in a box or on a line (or, to erase, white paint). */
export type Mark = 'cross' | 'check' | 'fill' | 'faint' | 'dot' | 'scribble' | 'erase'

export interface MarkAt {
  rect: Rect
  mark: Mark
}

function markSvg({ rect, mark }: MarkAt, scale: number): string {
  const x = rect.x * scale
  const y = rect.y * scale
  const w = rect.width * scale
  const h = rect.height * scale
  const pen = (0.45 / 25.4) * 72 * scale
  switch (mark) {
    case 'cross':
      return `<path d="M${x - 2} ${y - 1} L${x + w + 2} ${y + h + 1} M${x + w + 1} ${y - 2} L${x - 1} ${y + h + 2}" stroke="#111" stroke-width="${pen}"/>`
    case 'check':
      return `<path d="M${x + w * 0.1} ${y + h * 0.5} L${x + w * 0.4} ${y + h * 0.9} L${x + w * 1.1} ${y - h * 0.2}" stroke="#111" fill="none" stroke-width="${pen}"/>`
    case 'dot':
      return `<circle cx="${x + w / 2}" cy="${y + h / 2}" r="${pen * 0.8}" fill="#222"/>`
    case 'fill':
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#111"/>`
    case 'erase':
      return `<rect x="${x - 2}" y="${y - 2}" width="${w + 4}" height="${h + 4}" fill="#fff"/>`
    case 'faint':
      return `<path d="M${x} ${y} L${x + w} ${y + h} M${x + w} ${y} L${x} ${y + h}" stroke="#b4b4b4" stroke-width="${pen * 0.6}"/>`
    case 'scribble': {
      const points = Array.from(
        { length: 9 },
        (_, i) => `${x + (w * 0.6 * i) / 8 + 4},${y + h * (i % 2 ? 0.35 : 0.75)}`,
      )
      return `<polyline points="${points.join(' ')}" stroke="#222" fill="none" stroke-width="${pen}"/>`
    }
  }
}

/** The page with the marks drawn on it, then turned by `degrees` (clockwise, white around). */
export async function markedPage(page: GreyImage, dpi: number, marks: MarkAt[], degrees = 0): Promise<GreyImage> {
  const scale = dpi / 72
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}">${marks.map((m) => markSvg(m, scale)).join('')}</svg>`
  const raw = { raw: { width: page.width, height: page.height, channels: 1 as const } }
  // sharp rotates before it composites: draw first, turn after.
  const drawn = await sharp(page.data, raw)
    .composite([{ input: Buffer.from(svg) }])
    .png()
    .toBuffer()
  const { data, info } = await sharp(drawn)
    .rotate(degrees, { background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) }
}
