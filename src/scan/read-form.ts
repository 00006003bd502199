/**
 * The values of one form from its placed pages. Each tick box is measured where the
 * layout puts it: ticked, empty, filled in, or unclear. The form's instruction says a
 * filled-in box is a mistake ("Verkeerd hokje aangekruist? Maak dat hokje dan helemaal
 * zwart."), so it is no answer. Two ticks where one answer is allowed give "m", as a
 * typist keys it. Digits and texts written by hand always go to a typist; an area with
 * nothing written is read as empty.
 */
import type { FormLayout, LayoutArea, TickArea, WriteArea } from '#src/mailmerge/paper-layout.ts'
import type { Rect } from '#src/mailmerge/units.ts'
import { mm } from '#src/mailmerge/units.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { allQuestions } from '#src/questionnaire/outline.ts'
import type { InkMeasure } from './measure-area.ts'
import { measureBox, measureWriting } from './measure-area.ts'
import type { FieldReading, FormReading, PlacedPage } from './types.ts'

export type BoxState = 'empty' | 'ticked' | 'filled' | 'unclear'

/**
 * Thresholds on the share of a box's inside (measured 0.7 mm in from the printed box of
 * 3.8 mm) that is ink (darker than grey 128) or at least faint (darker than 215). On the
 * test set (bench/scans.ts) an empty box has at most 0.3% of either, a pen cross 19–50%
 * ink, a check mark 9–30%, a cross in light pencil no ink but 8–27% faint, and a box made
 * black 100%. So: a pen mark or a clear pencil mark is a tick; a box made black is a
 * mistake undone; a trace, a dot, a half-filled box go to a typist.
 */
export const BOX_THRESHOLDS = {
  /** Ink and faint below this: empty. */
  empty: 0.02,
  /** Ink from here up to `tickedMax`: a tick in pen. */
  ticked: 0.08,
  /** Without ink, faint from here up to `tickedMax`: a tick in pencil. */
  pencil: 0.06,
  tickedMax: 0.62,
  /** Ink from here: filled in. */
  filled: 0.75,
} as const

/**
 * Written areas: the area of ink (printed lines left out) from which something is written.
 * A digit is about 3 mm² of ink, a short word 10–20 mm²; scanner noise, after the
 * neighbour rule, well under 1 mm².
 */
export const WRITING_THRESHOLDS = { written: mm(1.5) * mm(1.5), faint: mm(2.5) * mm(2.5) } as const

const BOX_INSET = mm(0.7)
const WRITING_INSET = mm(0.6)

export function boxState(measure: InkMeasure): BoxState {
  const t = BOX_THRESHOLDS
  if (measure.ink >= t.filled) return 'filled'
  if (measure.ink >= t.ticked && measure.ink <= t.tickedMax) return 'ticked'
  if (measure.ink < t.empty && measure.faint < t.empty) return 'empty'
  if (measure.ink < t.empty && measure.faint >= t.pencil && measure.faint <= t.tickedMax) return 'ticked'
  return 'unclear'
}

function inset(rect: Rect, by: number): Rect {
  return { x: rect.x + by, y: rect.y + by, width: rect.width - 2 * by, height: rect.height - 2 * by }
}

function union(rects: Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  const right = Math.max(...rects.map((r) => r.x + r.width))
  const bottom = Math.max(...rects.map((r) => r.y + r.height))
  return { x, y, width: right - x, height: bottom - y }
}

interface PlacedArea {
  page: number
  area: LayoutArea
}

/** `pages`: every page of the layout that has answer areas (a blank back page may be missing). */
export function readForm(definition: QuestionnaireDefinition, layout: FormLayout, pages: PlacedPage[]): FormReading {
  const byPage = new Map(pages.map((p) => [p.page, p]))
  const byVariable = new Map<string, PlacedArea[]>()
  for (const pageLayout of layout.pages) {
    if (pageLayout.areas.length === 0) continue
    if (!byPage.has(pageLayout.page)) throw new Error(`Page ${pageLayout.page} of the form is missing`)
    for (const area of pageLayout.areas) {
      const list = byVariable.get(area.variable) ?? []
      list.push({ page: pageLayout.page, area })
      byVariable.set(area.variable, list)
    }
  }
  const severalTicks = new Set(allQuestions(definition).flatMap((q) => (q.type === 'multiple' ? [q.id] : [])))
  const fields: FieldReading[] = []
  for (const [variable, areas] of byVariable) {
    const first = areas[0]!.page
    const where = { page: first, rect: union(areas.filter((a) => a.page === first).map((a) => a.area.rect)) }
    const writes = areas.filter((a): a is PlacedArea & { area: WriteArea } => a.area.kind === 'write')
    if (writes.length > 0) {
      fields.push({ variable, ...readWriting(writes, byPage), ...where })
      continue
    }
    const ticks = areas as Array<PlacedArea & { area: TickArea }>
    fields.push({ variable, ...readTicks(ticks, byPage, severalTicks.has(variable)), ...where })
  }
  return { fields }
}

function readTicks(
  areas: Array<PlacedArea & { area: TickArea }>,
  pages: Map<number, PlacedPage>,
  severalAllowed: boolean,
): Pick<FieldReading, 'value' | 'certain' | 'reason'> {
  const ticked: number[] = []
  let unclear = false
  for (const { page, area } of areas) {
    const placed = pages.get(page)!
    const state = boxState(measureBox(placed.image, placed.placement, inset(area.rect, BOX_INSET)))
    if (state === 'ticked') ticked.push(area.value)
    else if (state === 'unclear') unclear = true
  }
  ticked.sort((x, y) => x - y)
  const value = severalAllowed
    ? ticked.join(' ')
    : ticked.length > 1
      ? 'm'
      : ticked.length === 1
        ? String(ticked[0])
        : ''
  return unclear ? { value, certain: false, reason: 'unclear' } : { value, certain: true }
}

function readWriting(
  areas: Array<PlacedArea & { area: WriteArea }>,
  pages: Map<number, PlacedPage>,
): Pick<FieldReading, 'value' | 'certain' | 'reason'> {
  let faint = false
  for (const { page, area } of areas) {
    const placed = pages.get(page)!
    const measure = measureWriting(placed.image, placed.placement, inset(area.rect, WRITING_INSET))
    if (measure.ink >= WRITING_THRESHOLDS.written) return { value: '', certain: false, reason: 'written' }
    if (measure.faint >= WRITING_THRESHOLDS.faint) faint = true
  }
  return faint ? { value: '', certain: false, reason: 'unclear' } : { value: '', certain: true }
}
