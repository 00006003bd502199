/**
 * The values of one form from its placed pages. Each tick box is measured where the
 * layout puts it: ticked, empty, filled in, or unclear. The form's instruction says a
 * filled-in box is a mistake ("Verkeerd hokje aangekruist? Maak dat hokje dan helemaal
 * zwart."), so it is no answer. Two ticks where one answer is allowed give "m", as a
 * typist keys it. Digits and texts written by hand always go to a typist; an area with
 * nothing written is read as empty.
 */
import type { FormLayout, LayoutArea, TickArea } from '#src/mailmerge/paper-layout.ts'
import type { Rect } from '#src/mailmerge/units.ts'
import { boundingRect, mm } from '#src/mailmerge/units.ts'
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

/** What one area of a page shows. */
export type AreaState = BoxState | 'written'

/**
 * The state of every answer area of one page, in the layout's order: what a page
 * contributes to its form. Worked out while the page is decoded anyway, so that putting
 * the form together later needs no image.
 */
export interface PageMarks {
  page: number
  states: AreaState[]
}

export function marksOfPage(layout: FormLayout, placed: PlacedPage): PageMarks {
  const areas = layout.pages.find((p) => p.page === placed.page)?.areas ?? []
  return { page: placed.page, states: areas.map((area) => stateOf(area, placed)) }
}

function stateOf(area: LayoutArea, { image, placement }: PlacedPage): AreaState {
  if (area.kind === 'tick') return boxState(measureBox(image, placement, inset(area.rect, BOX_INSET)))
  const measure = measureWriting(image, placement, inset(area.rect, WRITING_INSET))
  if (measure.ink >= WRITING_THRESHOLDS.written) return 'written'
  return measure.faint >= WRITING_THRESHOLDS.faint ? 'unclear' : 'empty'
}

interface MarkedArea {
  page: number
  area: LayoutArea
  state: AreaState
}

/** `pages`: every page of the layout that has answer areas (a blank back page may be missing). */
export function readForm(definition: QuestionnaireDefinition, layout: FormLayout, pages: PlacedPage[]): FormReading {
  return formFromMarks(
    definition,
    layout,
    pages.map((page) => marksOfPage(layout, page)),
  )
}

/** The form's fields from the marks of its pages: every page with answer areas must be there. */
export function formFromMarks(
  definition: QuestionnaireDefinition,
  layout: FormLayout,
  pages: PageMarks[],
): FormReading {
  const byPage = new Map(pages.map((p) => [p.page, p]))
  const byVariable = new Map<string, MarkedArea[]>()
  for (const pageLayout of layout.pages) {
    if (pageLayout.areas.length === 0) continue
    const marks = byPage.get(pageLayout.page)
    if (!marks || marks.states.length !== pageLayout.areas.length)
      throw new Error(`Page ${pageLayout.page} of the form is missing`)
    pageLayout.areas.forEach((area, i) => {
      const list = byVariable.get(area.variable) ?? []
      list.push({ page: pageLayout.page, area, state: marks.states[i]! })
      byVariable.set(area.variable, list)
    })
  }
  const severalTicks = new Set(allQuestions(definition).flatMap((q) => (q.type === 'multiple' ? [q.id] : [])))
  const fields: FieldReading[] = []
  for (const [variable, areas] of byVariable) {
    const first = areas[0]!.page
    const where = { page: first, rect: boundingRect(areas.filter((a) => a.page === first).map((a) => a.area.rect)) }
    const read = areas.some((a) => a.area.kind === 'write')
      ? fromWriting(areas)
      : fromTicks(areas, severalTicks.has(variable))
    fields.push({ variable, ...read, ...where })
  }
  return { fields }
}

function fromTicks(areas: MarkedArea[], severalAllowed: boolean): Pick<FieldReading, 'value' | 'certain' | 'reason'> {
  const ticked = areas
    .filter((a) => a.state === 'ticked' && a.area.kind === 'tick')
    .map((a) => (a.area as TickArea).value)
    .sort((x, y) => x - y)
  const value = severalAllowed
    ? ticked.join(' ')
    : ticked.length > 1
      ? 'm'
      : ticked.length === 1
        ? String(ticked[0])
        : ''
  return areas.some((a) => a.state === 'unclear')
    ? { value, certain: false, reason: 'unclear' }
    : { value, certain: true }
}

function fromWriting(areas: MarkedArea[]): Pick<FieldReading, 'value' | 'certain' | 'reason'> {
  if (areas.some((a) => a.state === 'written')) return { value: '', certain: false, reason: 'written' }
  if (areas.some((a) => a.state === 'unclear')) return { value: '', certain: false, reason: 'unclear' }
  return { value: '', certain: true }
}
