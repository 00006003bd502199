/**
 * A chart in the Word file: the same SVG as on the HTML page, drawn as a PNG at 150 dpi
 * (Word for the web and older Word versions do not show SVG), with the chart's title as
 * its alternative text. Fonts are the project's DejaVu Sans, so the image does not depend
 * on what the server has installed.
 */
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'
import { ImageRun, Paragraph } from 'docx'
import { svgSize, svgTexts } from '#src/report/charts/svg.ts'
import { xmlSafe } from '#src/report/xml.ts'
import { CONTENT_WIDTH_PX } from './page.ts'

const DPI = 150
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  fileURLToPath(new URL(`../../../assets/fonts/${file}`, import.meta.url)),
)

export function svgToPng(svg: string): Buffer {
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: DPI / 96 },
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    background: '#ffffff',
  })
  return png.render().asPng()
}

/**
 * A paragraph holding the chart, as wide as it was drawn or the page allows. Its
 * alternative text is the chart's title, and its description the figures in words.
 */
export function chartImage(svg: string, name: string): Paragraph {
  const size = svgSize(svg)
  const { title, description } = svgTexts(svg)
  const scale = Math.min(1, CONTENT_WIDTH_PX / size.width)
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: svgToPng(svg),
        transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
        altText: {
          title,
          description: `${title}${/[.?!:]$/.test(title) ? '' : '.'} ${description}`,
          name: xmlSafe(name),
        },
      }),
    ],
  })
}
