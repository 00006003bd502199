/**
 * The geometry of the "completed per day" bar chart: one stacked bar per day (online
 * below, paper on top), a vertical line on each mailing day, axes with round numbers.
 * The template draws it as inline SVG; there is no chart library and no script.
 */
import type { CalendarDate } from '#src/server/db/schema.ts'
import { addDays } from '#src/server/services/calendar.ts'
import type { DayCount, MailingMark } from '#src/server/services/reporting/monitor.ts'

export interface ChartBar {
  day: CalendarDate
  x: number
  width: number
  online: { y: number; height: number }
  paper: { y: number; height: number }
  counts: { online: number; paper: number }
  total: number
}

export interface Chart {
  width: number
  height: number
  plot: { left: number; top: number; right: number; bottom: number }
  bars: ChartBar[]
  yTicks: Array<{ y: number; value: number }>
  xLabels: Array<{ x: number; day: CalendarDate }>
  mailings: Array<{ x: number; mark: MailingMark }>
}

const WIDTH = 760
const HEIGHT = 260
const PLOT = { left: 48, top: 16, right: WIDTH - 12, bottom: HEIGHT - 36 }
/** Beyond this many days the chart shows the latest ones: a round lasts weeks, not years. */
const MAX_DAYS = 180

/** 1, 2, 5, 10, 20, 50 …: the smallest such number at least `value`. */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1
  const magnitude = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude
  return 10 * magnitude
}

/**
 * @param from the first day to show (usually the opening day)
 * @param until the last day to show (the closing day, or today when that is earlier)
 */
export function responseChart(
  days: DayCount[],
  mailings: MailingMark[],
  from: CalendarDate,
  until: CalendarDate,
): Chart {
  const known = [...days.map((d) => d.day), ...mailings.map((m) => m.day)].sort()
  let first = known[0] && known[0] < from ? known[0] : from
  const lastKnown = known[known.length - 1]
  const last = lastKnown && lastKnown > until ? lastKnown : until < first ? first : until
  const all: CalendarDate[] = []
  for (let day = first; day <= last; day = addDays(day, 1)) all.push(day)
  const shown = all.slice(-MAX_DAYS)
  first = shown[0]!

  const byDay = new Map(days.map((d) => [d.day, d]))
  const max = niceCeiling(Math.max(1, ...days.map((d) => d.online + d.paper)))
  const plotWidth = PLOT.right - PLOT.left
  const plotHeight = PLOT.bottom - PLOT.top
  const slot = plotWidth / shown.length
  const barWidth = Math.max(1, slot * 0.8)
  const scale = (n: number) => (n / max) * plotHeight
  const xOf = (index: number) => PLOT.left + index * slot
  const round = (n: number) => Math.round(n * 10) / 10

  const bars = shown.map((day, i) => {
    const count = byDay.get(day) ?? { day, online: 0, paper: 0 }
    const onlineHeight = scale(count.online)
    const paperHeight = scale(count.paper)
    return {
      day,
      x: round(xOf(i) + (slot - barWidth) / 2),
      width: round(barWidth),
      online: { y: round(PLOT.bottom - onlineHeight), height: round(onlineHeight) },
      paper: { y: round(PLOT.bottom - onlineHeight - paperHeight), height: round(paperHeight) },
      counts: { online: count.online, paper: count.paper },
      total: count.online + count.paper,
    }
  })

  const yTicks = Array.from({ length: 5 }, (_, i) => {
    const value = (max / 4) * i
    return { y: round(PLOT.bottom - scale(value)), value: Math.round(value * 100) / 100 }
  }).filter((tick, i, ticks) => i === 0 || Number.isInteger(tick.value) || ticks.length < 3)

  const labelEvery = Math.max(1, Math.ceil(shown.length / 10))
  const xLabels = shown.flatMap((day, i) => (i % labelEvery === 0 ? [{ x: round(xOf(i) + slot / 2), day }] : []))

  const index = new Map(shown.map((day, i) => [day, i]))
  const marks = mailings.flatMap((mark) => {
    const i = index.get(mark.day)
    return i === undefined ? [] : [{ x: round(xOf(i) + slot / 2), mark }]
  })

  return { width: WIDTH, height: HEIGHT, plot: PLOT, bars, yTicks, xLabels, mailings: marks }
}
