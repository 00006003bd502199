/**
 * Download → upload gives the same definition: what the writer puts in a workbook, the
 * reader takes back, down to the last optional property.
 */
import { readSheet } from 'read-excel-file/node'
import { describe, expect, it } from 'vitest'
import type { GridQuestion, QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { validateDefinition } from '#src/questionnaire/index.ts'
import { readQuestionnaireWorkbook, writeQuestionnaireWorkbook } from '#src/questionnaire/xlsform/index.ts'
import { sampleDefinition } from '../fixtures.ts'
import { loadKto } from '../kto.ts'
import { rankingSumDefinition } from '../ranking-sum.ts'
import { screenOutDefinition } from '../screen-out-fixture.ts'

async function roundTrip(definition: QuestionnaireDefinition): Promise<QuestionnaireDefinition> {
  const result = await readQuestionnaireWorkbook(await writeQuestionnaireWorkbook(definition))
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1))
  return result.definition
}

describe('a definition written as a workbook and read back', () => {
  it('is the KTO again, in all five languages', async () => {
    const kto = loadKto()
    expect(await roundTrip(kto)).toStrictEqual(kto)
  })

  it('keeps every optional part: concept keys, units, parameters, nested conditions', async () => {
    const definition = sampleDefinition()
    const [start, details, leergeld, slot] = definition.sections
    definition.intro = { nl: 'Welkom.\n\nHet duurt 5 minuten.', en: 'Welcome.' }
    definition.outro = { nl: 'Dank u wel!' }
    start!.intro = { nl: 'Eerst iets over uw contact.' }
    start!.questions[0]!.concept = 'tevredenheid_algemeen'
    start!.questions[0]!.help = { nl: 'Een 1 is zeer slecht.', en: '1 is very poor.' }
    const grid = details!.questions[1] as GridQuestion
    grid.concept = 'hulp.oordeel'
    grid.items[1]!.concept = 'hulp.kwaliteit'
    grid.required = false
    Object.assign(details!.questions[2]!, { min: -2.5, max: 40, unit: { nl: 'uur', en: 'hours' } })
    Object.assign(slot!.questions[3]!, { ordered: false })
    Object.assign(start!.questions[1]!, { ordered: true })
    leergeld!.showIf = { stratum: ['haaksbergen', 'Den Haag', '0153'] }
    leergeld!.questions[1]!.showIf = {
      any: [
        { all: [{ question: 'leergeld_bekend', equals: 1 }, { not: { question: 'tevredenheid', in: [99, 1] } }] },
        {
          any: [
            { question: 'hulp_uren', notEquals: -1 },
            { question: 'hulp_van', answered: true },
          ],
        },
        { stratum: ['borne'] },
      ],
    }
    expect(validateDefinition(definition).ok).toBe(true)
    expect(await roundTrip(definition)).toStrictEqual(definition)
  })

  it('keeps a ranking (with its k of n) and a constant sum (with its total and unit), as begin_rank and begin_constant_sum groups', async () => {
    const definition = rankingSumDefinition()
    const workbook = await writeQuestionnaireWorkbook(definition)
    expect(await roundTrip(definition)).toStrictEqual(definition)
    const rows = (await readSheet(Buffer.from(workbook), 'survey')) as unknown[][]
    const types = rows.map((row) => String(row[0] ?? ''))
    expect(types).toEqual(
      expect.arrayContaining([
        'begin_rank',
        'rank__level',
        'end_rank',
        'begin_constant_sum',
        'constant_sum__item',
        'end_constant_sum',
      ]),
    )
  })

  it('keeps the answers that end the questionnaire and their end text (screen_out, screen_out_text::…)', async () => {
    const definition = screenOutDefinition()
    expect(await roundTrip(definition)).toStrictEqual(definition)
  })
})
