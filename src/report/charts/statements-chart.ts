/**
 * A statement grid as the reports show it (S001:441): one 100% bar per statement, its
 * parts the answers from "helemaal mee eens" to "helemaal mee oneens" in scale order, with
 * the statement to the left of its bar and a legend above. "Weet niet" is outside the
 * percentages, so it has no part. A statement with too few answers gets a note, no bar.
 */
import { translator } from '#src/i18n/translate.ts'
import { formatPercent } from '#src/report/format.ts'
import type { StatementsBlock } from '#src/report/model.ts'
import { escapeXml } from '#src/report/xml.ts'
import { AXIS, categoryColours, GRID, MUTED_INK, textColourOn } from './colours.ts'
import type { ChartOptions } from './svg.ts'
import { charactersIn, idFrom, lines, n, svgDocument, text, textWidth, wrapText } from './svg.ts'

const WIDTH = 600
const LABEL = { left: 4, width: 214 }
const BAR = { left: 230, right: WIDTH - 22, height: 24 }
const LINE_HEIGHT = 14
const ROW_PADDING = 10
const LEGEND_ROW = 20
const SWATCH = 12
/** Parts narrower than this get no percentage: it would not fit. */
export const LABEL_THRESHOLD = 0.08
const TICKS = [0, 0.25, 0.5, 0.75, 1]

/** The legend's items in rows that fit the width; returns the markup and the height used. */
function legend(categories: string[], colours: string[], top: number): { markup: string; height: number } {
  const parts: string[] = []
  let x = LABEL.left
  let row = 0
  categories.forEach((category, i) => {
    const width = SWATCH + 6 + textWidth(category) + 18
    if (x > LABEL.left && x + width > WIDTH) {
      row += 1
      x = LABEL.left
    }
    const y = top + row * LEGEND_ROW
    parts.push(
      `<rect class="legend" x="${n(x)}" y="${n(y)}" width="${SWATCH}" height="${SWATCH}" fill="${colours[i]}"/>`,
      text(category, { x: x + SWATCH + 6, y: y + 10 }),
    )
    x += width
  })
  return { markup: parts.join(''), height: (row + 1) * LEGEND_ROW }
}

export function statementsSvg(block: StatementsBlock, title: string, options: ChartOptions = {}): string {
  const t = translator('nl')
  const tooFew = options.tooFewAnswers ?? t('report.chart.tooFewAnswers')
  const colours = categoryColours(block.categories.length, block.agreeing)
  const barWidth = BAR.right - BAR.left
  const parts: string[] = []

  const key = legend(block.categories, colours, 8)
  parts.push(key.markup)
  const rowsTop = 8 + key.height + 10
  let y = rowsTop
  const rows: string[] = []
  for (const statement of block.statements) {
    const labelLines = wrapText(statement.label, charactersIn(LABEL.width))
    const rowHeight = Math.max(BAR.height, labelLines.length * LINE_HEIGHT) + ROW_PADDING
    const middle = y + rowHeight / 2
    const row = [
      lines(labelLines, {
        x: LABEL.left,
        y: middle - (labelLines.length * LINE_HEIGHT) / 2 + 11,
        lineHeight: LINE_HEIGHT,
      }),
    ]
    if (statement.suppressed || block.suppressed) {
      row.push(text(tooFew, { x: BAR.left + 4, y: middle + 4, italic: true, fill: MUTED_INK, className: 'suppressed' }))
    } else {
      let x = BAR.left
      statement.shares.forEach((share, i) => {
        const width = share * barWidth
        const fill = colours[i]!
        row.push(
          `<rect class="part" data-category="${i}" x="${n(x)}" y="${n(middle - BAR.height / 2)}" width="${n(width)}" height="${BAR.height}" fill="${fill}" stroke="#ffffff" stroke-width="1"/>`,
        )
        if (share >= LABEL_THRESHOLD)
          row.push(
            text(formatPercent(share), {
              x: x + width / 2,
              y: middle + 4,
              anchor: 'middle',
              fill: textColourOn(fill),
              size: 11,
              className: 'value',
            }),
          )
        x += width
      })
    }
    rows.push(`<g class="statement" data-variable="${escapeXml(statement.variable)}">${row.join('')}</g>`)
    y += rowHeight
  }

  // Gridlines first, so that the bars lie on top of them.
  for (const tick of TICKS) {
    const x = BAR.left + tick * barWidth
    parts.push(
      `<line x1="${n(x)}" y1="${n(rowsTop)}" x2="${n(x)}" y2="${n(y)}" stroke="${tick === 0 ? AXIS : GRID}"/>`,
      text(formatPercent(tick), { x, y: y + 16, anchor: 'middle', fill: MUTED_INK }),
    )
  }
  parts.push(...rows)

  const description = block.statements
    .map((statement) =>
      t('report.chart.statementDescription', {
        statement: statement.label,
        shares:
          statement.suppressed || block.suppressed
            ? tooFew
            : block.categories
                .map((category, i) => `${category} ${formatPercent(statement.shares[i] ?? 0)}`)
                .join(', '),
      }),
    )
    .join('; ')
  return svgDocument({
    id: options.id ?? idFrom(block.variable),
    width: WIDTH,
    height: y + 28,
    title,
    description,
    body: parts.join(''),
  })
}
