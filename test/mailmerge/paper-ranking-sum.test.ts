/**
 * A ranking and a constant sum on the printed form: the instruction to write 1…k (or
 * amounts that make the total), each item with boxes for its digits at the end of its
 * row, and under the constant sum the total it must make. The page is rendered to an
 * image in test-artifacts/ for a person to look at.
 */
import { mkdtemp, readdir, rename } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { writePaperQuestionnaire } from '#src/mailmerge/index.ts'
import { PAPER } from '#src/mailmerge/paper-pen.ts'
import { mm } from '#src/mailmerge/units.ts'
import { runProgram } from '#test/helpers/programs.ts'
import { screenshotPath } from '#test/helpers/chromium.ts'
import { rankingSumDefinition } from '#test/questionnaire/ranking-sum.ts'
import { code } from './fixtures.ts'
import type { PrintedBox } from './pdf-tools.ts'
import { pageTextItems, pageTexts, printedBoxes, renderToolsAvailable, useTempDir, writePdf } from './pdf-tools.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()
const flat = (text: string) => text.replace(/\s+/g, ' ')

/** The boxes a digit is written in: 6 × 7 mm, larger than a tick box. */
const isDigitBox = (b: PrintedBox) => Math.abs(b.width - mm(6)) < 0.5 && Math.abs(b.height - mm(7)) < 0.5

describe('ranking and constant sum on the paper form', () => {
  let file: string
  let text: string
  beforeAll(async () => {
    file = await writePdf(tmp.file('ranking-sum.pdf'), (out) =>
      writePaperQuestionnaire(rankingSumDefinition(), out, { code: code('K7QXM4TR9'), stratumName: 'Borne' }),
    )
    text = flat((await pageTexts(file)).join(' '))
  })

  it('says to write 1 to 3 next to the items, and to make 100 together', () => {
    expect(text).toContain('2. Wat is voor u het belangrijkst bij de gemeente?')
    expect(text).toContain(
      'Schrijf 1 bij wat voor u het eerst komt, 2 bij wat daarna komt, en zo verder tot en met 3. Gebruik elk nummer maar één keer.',
    )
    for (const item of ['a Op tijd mijn geld krijgen', 'e Snel antwoord op vragen']) expect(text).toContain(item)
    expect(text).toContain('3. Verdeel 100 punten over wat de gemeente moet verbeteren.')
    expect(text).toContain('Verdeel 100 over deze onderdelen. Schrijf bij elk onderdeel een getal.')
    expect(text).toMatch(/Samen: 100 punten/)
  })

  it('gives each ranked item one digit box and each amount three, on its own row at the right', async () => {
    // The ranking fits on page 1; the constant sum, kept whole, goes to page 2.
    const boxes = (await printedBoxes(file, 1)).filter(isDigitBox)
    const sumBoxes = (await printedBoxes(file, 2)).filter(isDigitBox)
    expect(boxes).toHaveLength(5)
    expect(sumBoxes).toHaveLength(4 * 3)
    for (const box of [...boxes, ...sumBoxes]) expect(box.x + box.width).toBeLessThanOrEqual(PAPER.right + 0.5)
    expect(new Set(sumBoxes.map((b) => Math.round(b.top))).size).toBe(4)
    // The items' texts lie left of their boxes.
    const items = await pageTextItems(file, 1)
    const geld = items.find((i) => i.str.includes('Op tijd mijn geld krijgen'))!
    const firstBox = [...boxes].sort((a, b) => a.top - b.top)[0]!
    expect(geld.x).toBeLessThan(firstBox.x)
    expect(Math.abs(geld.top - firstBox.top)).toBeLessThan(mm(5))
  })

  it('mirrors the rows in Arabic: the boxes at the left end, where a right-to-left row ends', async () => {
    const arabic = await writePdf(tmp.file('ranking-sum-ar.pdf'), (out) =>
      writePaperQuestionnaire(rankingSumDefinition(), out, { lang: 'ar', code: code('K7QXM4TR9') }),
    )
    const texts = await pageTexts(arabic)
    const boxes: PrintedBox[] = []
    for (let page = 1; page <= texts.length; page++)
      boxes.push(...(await printedBoxes(arabic, page)).filter(isDigitBox))
    expect(boxes).toHaveLength(5 + 4 * 3)
    // The ranks' single boxes touch the left margin; the amounts' boxes follow their unit.
    expect(boxes.filter((b) => Math.abs(b.x - PAPER.left) < 0.5)).toHaveLength(5)
    for (const box of boxes) expect(box.x + box.width).toBeLessThan(PAPER.left + mm(40))
    expect(flat(texts.join(' '))).toContain('استخدموا كل رقم مرة واحدة فقط')
  })

  it.runIf(tools)('renders to page images', async () => {
    const into = await mkdtemp(path.join(tmp.dir, 'png-'))
    await runProgram('pdftoppm', ['-png', '-r', '100', file, path.join(into, 'page')])
    const pngs = (await readdir(into)).sort()
    expect(pngs).toHaveLength(2)
    for (const [i, png] of pngs.entries())
      await rename(path.join(into, png), screenshotPath(`paper-ranking-sum-page-${i + 1}`))
  })
})
