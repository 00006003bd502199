import { describe, expect, it } from 'vitest'
import { niceCeiling, responseChart } from '#src/server/routes/beheer/rondes/_roundId/monitor/_chart.ts'

describe('the response chart', () => {
  it('draws one stacked bar per day from opening to today, with the mailing days marked', () => {
    const chart = responseChart(
      [
        { day: '2026-11-03', online: 30, paper: 10 },
        { day: '2026-11-05', online: 5, paper: 0 },
      ],
      [{ day: '2026-11-02', kind: 'invitation', channel: 'letter', recipients: 2300 }],
      '2026-11-01',
      '2026-11-10',
    )
    expect(chart.bars).toHaveLength(10)
    const busiest = chart.bars.find((b) => b.day === '2026-11-03')!
    expect(busiest.counts).toEqual({ online: 30, paper: 10 })
    // The axis goes to 50: the paper part sits on top of the online part.
    expect(busiest.online.height).toBeCloseTo(((chart.plot.bottom - chart.plot.top) * 30) / 50, 0)
    expect(busiest.paper.y + busiest.paper.height).toBeCloseTo(busiest.online.y, 0)
    expect(chart.yTicks.map((t) => t.value)).toEqual([0, 12.5, 25, 37.5, 50].filter(Number.isInteger))
    expect(chart.mailings).toHaveLength(1)
    expect(chart.mailings[0]!.x).toBeLessThan(busiest.x)
  })

  it('picks round axis maxima', () => {
    expect([0, 1, 3, 7, 10, 11, 45, 101].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 50, 200])
  })
})
