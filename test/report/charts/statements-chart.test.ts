/**
 * The statements chart: a 100% bar per statement in scale order, a legend, percentages
 * only where they fit, readable in greyscale, and no bar for a suppressed statement.
 */
import { describe, expect, it } from 'vitest'
import { categoryColours, contrastRatio, luminance, textColourOn } from '#src/report/charts/colours.ts'
import { statementsSvg } from '#src/report/charts/statements-chart.ts'
import type { StatementsBlock } from '#src/report/model.ts'
import { sampleReport } from '#test/report/sample-report.ts'
import { elements, parse, statementGroup, texts } from './_svg.ts'

const block = sampleReport().chapters[1]!.blocks[1] as StatementsBlock

describe('statementsSvg', () => {
  const svg = statementsSvg(block, 'Stellingen intakegesprek')

  it('is a well-formed standalone SVG titled for screen readers', () => {
    expect(parse(svg).height).toBeGreaterThan(0)
    expect(svg).toContain('role="img"')
    expect(svg).toMatch(/<title id="([^"]+)">Stellingen intakegesprek<\/title>/)
    expect(svg).toContain('Tijdens het intakegesprek zijn mijn rechten duidelijk uitgelegd: Helemaal mee eens 32%')
  })

  it('has a legend with the categories in scale order', () => {
    const legend = texts(svg).slice(0, 4)
    expect(legend).toEqual(['Helemaal mee eens', 'Mee eens', 'Mee oneens', 'Helemaal mee oneens'])
    expect(elements(svg, 'rect', 'legend').map((r) => r.fill)).toEqual(categoryColours(4, 2))
  })

  it('draws parts in scale order whose widths are the shares of one full bar', () => {
    const first = block.statements[0]!
    const parts = elements(statementGroup(svg, first.variable), 'rect', 'part')
    expect(parts.map((p) => Number(p['data-category']))).toEqual([0, 1, 2, 3])
    const widths = parts.map((p) => Number(p.width))
    const full = widths.reduce((a, b) => a + b, 0)
    first.shares.forEach((share, i) => expect(widths[i]! / full).toBeCloseTo(share, 2))
    // Each part starts where the one before it ends.
    parts.slice(1).forEach((p, i) => expect(Number(p.x)).toBeCloseTo(Number(parts[i]!.x) + widths[i]!, 1))
    // Every statement's bar is equally long: 100%.
    const lengths = block.statements
      .filter((s) => !s.suppressed)
      .map((s) => elements(statementGroup(svg, s.variable), 'rect', 'part').reduce((a, p) => a + Number(p.width), 0))
    for (const length of lengths) expect(length).toBeCloseTo(full, 1)
  })

  it('writes percentages inside parts of 8% or more only', () => {
    // 32%, 48%, 14%, 6%: the 6% part is too narrow for its label.
    expect(texts(statementGroup(svg, block.statements[0]!.variable), 'value')).toEqual(['32%', '48%', '14%'])
    expect(texts(statementGroup(svg, block.statements[1]!.variable), 'value')).toEqual(['41%', '45%', '9%'])
  })

  it('gives a suppressed statement its label and a note, but no bar or figures', () => {
    const suppressed = block.statements.find((s) => s.suppressed)!
    const group = statementGroup(svg, suppressed.variable)
    expect(elements(group, 'rect', 'part')).toEqual([])
    expect(texts(group, 'value')).toEqual([])
    expect(texts(group, 'suppressed')).toEqual(['te weinig antwoorden'])
    expect(texts(group).join(' ')).toContain('Het re-integratiebedrijf sloot goed aan')
    const custom = statementsSvg(block, 'Stellingen', { tooFewAnswers: 'minder dan 15 antwoorden' })
    expect(texts(statementGroup(custom, suppressed.variable), 'suppressed')).toEqual(['minder dan 15 antwoorden'])
  })

  it('keeps a label with markup as text, wrapped to the left of its bar', () => {
    expect(svg).not.toContain('<script')
    const malicious = block.statements.find((s) => s.label.includes('<script>'))!
    const labelLines = texts(statementGroup(svg, malicious.variable)).filter((t) => !t.endsWith('%'))
    expect(labelLines.length).toBeGreaterThan(1)
    expect(labelLines.join(' ')).toBe(malicious.label)
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;')
  })

  it('uses colours that differ in greyscale, with labels of at least 4.5:1 contrast', () => {
    for (const [count, agreeing] of [
      [4, 2],
      [5, 2],
      [3, 1],
    ] as const) {
      const colours = categoryColours(count, agreeing)
      expect(new Set(colours).size).toBe(count)
      const lightness = colours.map(luminance).sort((a, b) => a - b)
      // Neighbouring greys a reader can still tell apart on paper.
      lightness.slice(1).forEach((l, i) => expect((l + 0.05) / (lightness[i]! + 0.05)).toBeGreaterThan(1.3))
      for (const colour of colours) expect(contrastRatio(colour, textColourOn(colour))).toBeGreaterThanOrEqual(4.5)
    }
    for (const value of elements(svg, 'text', 'value')) expect(['#ffffff', '#000000']).toContain(value.fill)
  })
})
