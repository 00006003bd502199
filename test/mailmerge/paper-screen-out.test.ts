/** The paper form of a questionnaire with a screen-out answer: the instruction is printed beside that answer. */
import { mkdtemp, readdir, rename } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { writePaperQuestionnaire } from '#src/mailmerge/index.ts'
import { paperRouting } from '#src/mailmerge/paper-routing.ts'
import { screenOutDefinition } from '#test/questionnaire/screen-out-fixture.ts'
import { code } from './fixtures.ts'
import { screenshotPath } from '#test/helpers/chromium.ts'
import { runProgram } from '#test/helpers/programs.ts'
import { pageTextItems, pageTexts, renderToolsAvailable, useTempDir, writePdf } from './pdf-tools.ts'

const tools = renderToolsAvailable()

const tmp = useTempDir()
const flat = (text: string) => text.replace(/\s+/g, ' ')

describe('a screen-out answer on paper', () => {
  let file: string
  beforeAll(async () => {
    file = await writePdf(tmp.file('screen-out.pdf'), (out) =>
      writePaperQuestionnaire(screenOutDefinition(), out, { code: code('K7QXM4TR9'), stratumName: 'Hengelo' }),
    )
  })

  it('prints "Ga door naar het einde" at that answer, and at no other', async () => {
    const all = (await pageTexts(file)).map(flat).join(' ')
    expect(all).toMatch(/3 Nee, geen contact ► Ga door naar het einde van de vragenlijst/)
    expect(all.match(/Ga door naar het einde/g)).toHaveLength(1)
    expect(all).toMatch(/1 Ja, één keer 2 Ja, vaker 3 Nee/)
    // The questions after it are printed as usual: paper cannot hide them.
    expect(all).toContain('Werd u goed geholpen?')
  })

  it('puts the instruction on the line of that answer, to its right', async () => {
    const items = await pageTextItems(file, 1)
    const answer = items.find((i) => i.str.includes('Nee, geen contact'))!
    const instruction = items.find((i) => i.str.includes('Ga door naar het einde'))!
    expect(answer).toBeDefined()
    expect(instruction).toBeDefined()
    expect(Math.abs(instruction.top - answer.top)).toBeLessThan(2)
    expect(instruction.x).toBeGreaterThan(answer.x)
  })

  it("says it in the form's language", () => {
    const [section] = paperRouting(screenOutDefinition(), { lang: 'en' })
    expect(section!.questions[1]!.skips).toEqual(new Map([[3, 'Go to the end of the questionnaire']]))
  })

  it.runIf(tools)('renders to page images, one per page of the form, for a person to look at', async () => {
    const into = await mkdtemp(path.join(tmp.dir, 'png-'))
    await runProgram('pdftoppm', ['-png', '-r', '100', file, path.join(into, 'page')])
    const pngs = (await readdir(into)).sort()
    expect(pngs).toHaveLength((await pageTexts(file)).length)
    for (const [i, png] of pngs.entries())
      await rename(path.join(into, png), screenshotPath(`paper-screen-out-page-${i + 1}`))
  })
})
