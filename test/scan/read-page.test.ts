/**
 * A scanned page says whose form it is and which page, and where the printed page lies
 * on the image: upright, skewed by a few degrees, upside down.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { REGISTRATION_MARKS } from '#src/mailmerge/index.ts'
import { mm } from '#src/mailmerge/units.ts'
import { readPage } from '#src/scan/index.ts'
import { toPixel } from '#src/scan/placement.ts'
import type { GreyImage } from '#src/scan/index.ts'
import { renderToolsAvailable, useTempDir } from '#test/mailmerge/pdf-tools.ts'
import type { PrintedForm } from './printed-form.ts'
import { FORM_CODE, markedPage, printedForm } from './printed-form.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()
let form: PrintedForm

beforeAll(async () => {
  if (tools) form = await printedForm(tmp.dir, 200)
})

/** Where on the image the centre of the bottom-right registration mark is, as the image shows it. */
function inkCentre(image: GreyImage, around: { x: number; y: number }, radius: number): { x: number; y: number } {
  let count = 0
  let x = 0
  let y = 0
  for (let py = Math.round(around.y - radius); py < around.y + radius; py++)
    for (let px = Math.round(around.x - radius); px < around.x + radius; px++)
      if (image.data[py * image.width + px]! < 128) {
        count++
        x += px + 0.5
        y += py + 0.5
      }
  return { x: x / count, y: y / count }
}

describe.skipIf(!tools)('reading a scanned page', () => {
  it.each([0, 2.5, -3, 180, 183])('finds code, page and placement on a page turned %s°', async (degrees) => {
    const image = await markedPage(form.pages[1]!, form.dpi, [], degrees)
    const read = await readPage(image)
    expect(read).toMatchObject({ ok: true, code: FORM_CODE, page: 2 })
    if (!read.ok) return
    expect(read.placement.upsideDown).toBe(Math.abs(degrees) > 90)
    expect(read.placement.scale).toBeCloseTo(200 / 72, 1)
    // The placement puts the bottom-right mark where its ink is, to within a quarter millimetre.
    const mark = REGISTRATION_MARKS[2]!
    const predicted = toPixel(read.placement, { x: mark.x + mark.width / 2, y: mark.y + mark.height / 2 })
    const seen = inkCentre(image, predicted, mm(4) * read.placement.scale)
    expect(Math.hypot(seen.x - predicted.x, seen.y - predicted.y)).toBeLessThan(mm(0.25) * read.placement.scale)
  })

  it('says the barcode cannot be read when it is crossed out, and which page lacks its marks', async () => {
    const page = form.pages[0]!
    const blotted = await markedPage(
      page,
      form.dpi,
      [{ rect: { x: mm(110), y: mm(7), width: mm(84), height: mm(12) }, mark: 'fill' }],
      0,
    )
    expect(await readPage(blotted)).toEqual({ ok: false, problem: 'barcode' })

    // The marks gone (as when a scanner cuts the corners off): the barcode still names the page.
    const unmarked = await markedPage(
      page,
      form.dpi,
      REGISTRATION_MARKS.map((rect) => ({ rect, mark: 'erase' as const })),
    )
    const read = await readPage(unmarked)
    expect(read).toEqual({ ok: false, problem: 'marks', code: FORM_CODE, page: 1 })
  })
})
