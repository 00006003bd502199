/**
 * The values read from a scanned form are the ones a careful typist keys: a cross or a
 * check mark is an answer, a box made black is a mistake undone (the form says so), two
 * ticks where one answer is allowed is "m", several ticks where several are allowed are
 * all kept, a cross in light pencil counts, and anything unclear (a dot) or handwritten
 * goes to a typist instead of a guess.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { FormLayout, TickArea } from '#src/mailmerge/index.ts'
import type { FieldReading, PlacedPage } from '#src/scan/index.ts'
import { readForm, readPage } from '#src/scan/index.ts'
import { ktoDefinition } from '#test/mailmerge/fixtures.ts'
import { renderToolsAvailable, useTempDir } from '#test/mailmerge/pdf-tools.ts'
import type { Mark, MarkAt, PrintedForm } from './printed-form.ts'
import { markedPage, printedForm } from './printed-form.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()
let form: PrintedForm

beforeAll(async () => {
  if (tools) form = await printedForm(tmp.dir, 200)
})

function area(layout: FormLayout, variable: string, value?: number) {
  for (const page of layout.pages)
    for (const a of page.areas)
      if (a.variable === variable && (value === undefined || (a as TickArea).value === value))
        return { page: page.page, a }
  throw new Error(`No area for ${variable} ${value ?? ''}`)
}

/** Scans of every page with `marks` on them, some pages turned a little, one upside down, read and placed. */
async function scanned(marks: Array<{ variable: string; value?: number; mark: Mark }>): Promise<PlacedPage[]> {
  const byPage = new Map<number, MarkAt[]>()
  for (const m of marks) {
    const { page, a } = area(form.layout, m.variable, m.value)
    byPage.set(page, [...(byPage.get(page) ?? []), { rect: a.rect, mark: m.mark }])
  }
  const turns = [0, 1.5, -2, 180.5, 0, 2.8, -1, 0]
  const placed: PlacedPage[] = []
  for (const [index, page] of form.pages.entries()) {
    const image = await markedPage(page, form.dpi, byPage.get(index + 1) ?? [], turns[index])
    const read = await readPage(image)
    if (!read.ok) throw new Error(`Page ${index + 1} not read: ${read.problem}`)
    placed.push({ page: read.page, image, placement: read.placement })
  }
  return placed
}

let blank: Promise<PlacedPage[]> | undefined
/** The form scanned with nothing filled in: read once, for the tests that need it. */
const blankScan = () => {
  blank ??= scanned([])
  return blank
}

function field(fields: FieldReading[], variable: string): FieldReading {
  const found = fields.find((f) => f.variable === variable)
  if (!found) throw new Error(`No field ${variable}`)
  return found
}

describe.skipIf(!tools)('reading a scanned form', () => {
  it('reads a form with nothing filled in as empty, every field of it certain', async () => {
    const { fields } = readForm(ktoDefinition(), form.layout, await blankScan())
    expect(fields.length).toBe(61)
    expect(fields.filter((f) => !f.certain || f.value !== '')).toEqual([])
  })

  it('reads ticks as a typist keys them', async () => {
    const { fields } = readForm(
      ktoDefinition(),
      form.layout,
      await scanned([
        { variable: 'rapportcijfer_dienstverlening', value: 8, mark: 'cross' },
        { variable: 'intake_wanneer', value: 1, mark: 'check' },
        // Changed her mind: the first box made black, then a cross in the right one.
        { variable: 'intake_stellingen_a', value: 2, mark: 'fill' },
        { variable: 'intake_stellingen_a', value: 3, mark: 'cross' },
        { variable: 'intake_stellingen_b', value: 1, mark: 'cross' },
        { variable: 'intake_stellingen_b', value: 2, mark: 'cross' },
        { variable: 'reintegratie_cijfers_c', value: 6, mark: 'cross' },
        { variable: 'bereikbaarheid_e', value: 10, mark: 'check' },
        { variable: 'punt_goed', value: 1, mark: 'cross' },
        { variable: 'punt_goed', value: 3, mark: 'cross' },
        { variable: 'punt_verbeteren', value: 2, mark: 'check' },
      ]),
    )
    const values = Object.fromEntries(fields.filter((f) => f.value !== '').map((f) => [f.variable, f.value]))
    expect(values).toEqual({
      rapportcijfer_dienstverlening: '8',
      intake_wanneer: '1',
      intake_stellingen_a: '3',
      intake_stellingen_b: 'm',
      reintegratie_cijfers_c: '6',
      bereikbaarheid_e: '10',
      punt_goed: '1 3',
      punt_verbeteren: '2',
    })
    expect(fields.filter((f) => !f.certain)).toEqual([])
  })

  it('reads a cross in light pencil as a tick; sends a dot and handwriting to a typist, with where they are', async () => {
    const { fields } = readForm(
      ktoDefinition(),
      form.layout,
      await scanned([
        { variable: 'traject_stellingen_a', value: 2, mark: 'faint' },
        { variable: 'traject_stellingen_b', value: 4, mark: 'dot' },
        { variable: 'opmerkingen', mark: 'scribble' },
        { variable: 'punt_goed_other', mark: 'scribble' },
      ]),
    )
    expect(field(fields, 'traject_stellingen_a')).toMatchObject({ value: '2', certain: true })
    const uncertain = fields.filter((f) => !f.certain)
    expect(uncertain.map((f) => [f.variable, f.reason])).toEqual([
      ['traject_stellingen_b', 'unclear'],
      ['punt_goed_other', 'written'],
      ['opmerkingen', 'written'],
    ])
    expect(field(fields, 'opmerkingen')).toMatchObject({ page: 8, value: '' })
    const printed = area(form.layout, 'opmerkingen').a.rect
    const { rect } = field(fields, 'opmerkingen')
    for (const side of ['x', 'y', 'width', 'height'] as const) expect(rect[side]).toBeCloseTo(printed[side], 6)
  })

  it('refuses to read a form with a page missing rather than guess', async () => {
    const pages = await blankScan()
    expect(() =>
      readForm(
        ktoDefinition(),
        form.layout,
        pages.filter((p) => p.page !== 5),
      ),
    ).toThrow(/Page 5/)
  })
})
