/**
 * The layout recorded while a form is printed says where every answer box is: a scan is
 * read against it, so each tick box must be exactly a box the PDF draws, in every
 * language (a right-to-left form is mirrored) and on every page.
 */
import { describe, expect, it } from 'vitest'
import type { FormLayout } from '#src/mailmerge/index.ts'
import { REGISTRATION_MARKS, writePaperQuestionnaireBatch } from '#src/mailmerge/index.ts'
import { PAPER } from '#src/mailmerge/paper-pen.ts'
import { code, ktoDefinition } from './fixtures.ts'
import { filledShapes, pageCount, printedBoxes, useTempDir, writePdf } from './pdf-tools.ts'

const tmp = useTempDir()

async function printed(lang: string): Promise<{ file: string; layout: FormLayout }> {
  let layout: FormLayout | undefined
  const file = await writePdf(tmp.file(`form-${lang}.pdf`), async (out) => {
    const written = await writePaperQuestionnaireBatch(
      ktoDefinition(),
      [{ code: code('K7QXM4TR9'), lang, stratumName: 'Hengelo', stratum: 'hengelo' }],
      out,
    )
    layout = written.layouts[0]
  })
  return { file, layout: layout! }
}

const key = (b: { x: number; y: number; width: number }) => `${b.x.toFixed(1)},${b.y.toFixed(1)},${b.width.toFixed(1)}`

describe('the layout of a printed form', () => {
  it.each(['nl', 'ar'])(
    'puts every tick box (%s) on a box the PDF draws, and says which field and value it is',
    async (lang) => {
      const { file, layout } = await printed(lang)
      expect(layout.pages.length).toBe(await pageCount(file))
      for (const page of layout.pages) {
        const drawn = (await printedBoxes(file, page.page)).filter((b) => Math.abs(b.width - PAPER.box) < 0.5)
        const ticks = page.areas.filter((a) => a.kind === 'tick')
        const onABox = (rect: { x: number; y: number }) =>
          drawn.some((b) => Math.abs(b.x - rect.x) < 0.2 && Math.abs(b.top - rect.y) < 0.2)
        expect(ticks.filter((a) => !onABox(a.rect))).toEqual([])
        expect(ticks.length, `page ${page.page}`).toBe(drawn.length)
      }
      const grade = layout.pages[0]!.areas.filter((a) => a.variable === 'rapportcijfer_dienstverlening')
      expect(grade.map((a) => (a.kind === 'tick' ? a.value : undefined))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99])
      const comments = layout.pages.flatMap((p) => p.areas).filter((a) => a.variable === 'opmerkingen')
      expect(comments).toMatchObject([{ kind: 'write', holds: 'text' }])
    },
  )

  it('prints the registration marks in the four corners of every page', async () => {
    const { file } = await printed('nl')
    const pages = await pageCount(file)
    for (let page = 1; page <= pages; page++) {
      const squares = (await filledShapes(file, page)).filter(
        (p) => Math.abs(p.width - REGISTRATION_MARKS[0]!.width) < 0.1 && Math.abs(p.height - p.width) < 0.1,
      )
      expect(squares.map((s) => key({ x: s.x, y: s.top, width: s.width })).sort()).toEqual(
        REGISTRATION_MARKS.map((m) => key(m)).sort(),
      )
    }
  })
})
