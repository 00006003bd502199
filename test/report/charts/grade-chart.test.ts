/**
 * The grade distribution chart: a bar per grade whose height is its share on a 0-based
 * axis, the percentage above each bar, and texts that stay text.
 */
import { describe, expect, it } from 'vitest'
import { gradeDistributionSvg } from '#src/report/charts/grade-chart.ts'
import type { GradeBlock } from '#src/report/model.ts'
import { sampleReport } from '#test/report/sample-report.ts'
import { elements, parse, texts } from './_svg.ts'

const grade = sampleReport().chapters[0]!.blocks[0] as GradeBlock

describe('gradeDistributionSvg', () => {
  const svg = gradeDistributionSvg(grade, 'Spreiding algemeen rapportcijfer dienstverlening')

  it('is a well-formed standalone SVG with a title screen readers announce', () => {
    expect(parse(svg).width).toBeGreaterThan(0)
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/)
    expect(svg).toContain('role="img"')
    const [titleId, descId] = /aria-labelledby="([^"]+)"/.exec(svg)![1]!.split(' ')
    expect(svg).toContain(`<title id="${titleId}">Spreiding algemeen rapportcijfer dienstverlening</title>`)
    expect(svg).toContain(`<desc id="${descId}">Percentage van de antwoorden per cijfer: 1: 1%,`)
    expect(svg).not.toMatch(/<script|href=|url\(/)
  })

  it('draws bars for grades 1 to 10 with heights proportional to their shares on a 0-based axis', () => {
    const bars = elements(svg, 'rect', 'bar')
    expect(bars.map((bar) => Number(bar['data-grade']))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const heights = bars.map((bar) => Number(bar.height))
    const perShare = heights[7]! / 0.34
    grade.distribution.forEach(({ share }, i) => expect(heights[i]).toBeCloseTo(share * perShare, 0))
    // All bars stand on one baseline, and that is where "0%" is written.
    const baselines = new Set(bars.map((bar) => Number(bar.y) + Number(bar.height)))
    expect(baselines.size).toBe(1)
    const zero = /<text x="[\d.]+" y="([\d.]+)"[^>]*>0%<\/text>/.exec(svg)
    expect(Number(zero![1])).toBeCloseTo([...baselines][0]! + 4, 0)
  })

  it('writes each share as a Dutch percentage above its bar, and the grades below', () => {
    expect(texts(svg, 'value')).toEqual(['1%', '1%', '2%', '3%', '4%', '8%', '21%', '34%', '17%', '9%'])
    expect(texts(svg)).toEqual(expect.arrayContaining(['1', '10', 'Rapportcijfer', '40%']))
  })

  it('keeps markup in a title as text', () => {
    const hostile = gradeDistributionSvg(grade, 'Cijfer <script>alert(1)</script> & "meer"')
    expect(() => parse(hostile)).not.toThrow()
    expect(hostile).not.toContain('<script')
    expect(hostile).toContain('Cijfer &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;meer&quot;')
  })

  it('shows no bars for a suppressed question, only a note', () => {
    const suppressed = gradeDistributionSvg({ ...grade, suppressed: true }, 'Spreiding')
    expect(() => parse(suppressed)).not.toThrow()
    expect(elements(suppressed, 'rect', 'bar')).toEqual([])
    expect(texts(suppressed, 'value')).toEqual([])
    expect(texts(suppressed, 'suppressed')).toEqual(['te weinig antwoorden'])
  })

  it('gives two charts of one page different ids', () => {
    const other = gradeDistributionSvg({ ...grade, variable: 'v9' }, 'Spreiding')
    const id = (s: string) => /<title id="([^"]+)"/.exec(s)![1]
    expect(id(other)).not.toBe(id(svg))
  })
})
