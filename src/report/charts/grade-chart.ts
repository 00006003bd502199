/**
 * The "Spreiding …" chart of a rapportcijfer (REPORTS.md; S000:323, S001:418): a bar per
 * grade 1 to 10 with its percentage above it. The y-axis starts at 0%, so a bar twice as
 * high is twice as many answers.
 */
import { translator } from '#src/i18n/translate.ts'
import { formatPercent } from '#src/report/format.ts'
import type { GradeBlock } from '#src/report/model.ts'
import { AXIS, BAR, GRID, INK, MUTED_INK } from './colours.ts'
import type { ChartOptions } from './svg.ts'
import { idFrom, n, svgDocument, text } from './svg.ts'

const WIDTH = 600
const HEIGHT = 300
const PLOT = { left: 52, right: WIDTH - 12, top: 28, bottom: HEIGHT - 52 }
const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

/** The top of the y-axis in whole percents: the next gridline at or above the highest bar. */
function axisTop(highestShare: number): { top: number; step: number } {
  const highest = Math.round(highestShare * 1000) / 10
  const step = highest <= 50 ? 10 : 20
  return { top: Math.max(step, Math.ceil(highest / step) * step), step }
}

export function gradeDistributionSvg(block: GradeBlock, title: string, options: ChartOptions = {}): string {
  const t = translator('nl')
  const shares = new Map(block.distribution.map(({ grade, share }) => [grade, share]))
  const slot = (PLOT.right - PLOT.left) / GRADES.length
  const barWidth = slot * 0.66
  const plotHeight = PLOT.bottom - PLOT.top
  const { top, step } = axisTop(Math.max(0, ...shares.values()))
  const parts: string[] = []

  for (let percent = 0; percent <= top; percent += step) {
    const y = PLOT.bottom - (percent / top) * plotHeight
    if (percent > 0)
      parts.push(`<line x1="${PLOT.left}" y1="${n(y)}" x2="${PLOT.right}" y2="${n(y)}" stroke="${GRID}"/>`)
    parts.push(text(formatPercent(percent / 100), { x: PLOT.left - 6, y: y + 4, anchor: 'end', fill: MUTED_INK }))
  }

  GRADES.forEach((grade, i) => {
    const centre = PLOT.left + slot * (i + 0.5)
    parts.push(text(String(grade), { x: centre, y: PLOT.bottom + 18, anchor: 'middle', fill: INK }))
    if (block.suppressed) return
    const share = shares.get(grade) ?? 0
    const height = ((share * 100) / top) * plotHeight
    parts.push(
      `<rect class="bar" data-grade="${grade}" x="${n(centre - barWidth / 2)}" y="${n(PLOT.bottom - height)}" width="${n(barWidth)}" height="${n(height)}" fill="${BAR}"/>`,
      text(formatPercent(share), { x: centre, y: PLOT.bottom - height - 6, anchor: 'middle', className: 'value' }),
    )
  })

  parts.push(
    `<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="${AXIS}"/>`,
    text(t('report.chart.gradeAxis'), {
      x: (PLOT.left + PLOT.right) / 2,
      y: HEIGHT - 10,
      anchor: 'middle',
      fill: MUTED_INK,
    }),
  )
  const tooFew = options.tooFewAnswers ?? t('report.chart.tooFewAnswers')
  if (block.suppressed)
    parts.push(
      text(tooFew, {
        x: (PLOT.left + PLOT.right) / 2,
        y: PLOT.top + plotHeight / 2,
        anchor: 'middle',
        italic: true,
        fill: MUTED_INK,
        className: 'suppressed',
      }),
    )

  const description = block.suppressed
    ? tooFew
    : t('report.chart.gradeDescription', {
        shares: GRADES.map((grade) => `${grade}: ${formatPercent(shares.get(grade) ?? 0)}`).join(', '),
      })
  return svgDocument({
    id: options.id ?? idFrom(block.variable),
    width: WIDTH,
    height: HEIGHT,
    title,
    description,
    body: parts.join(''),
  })
}
