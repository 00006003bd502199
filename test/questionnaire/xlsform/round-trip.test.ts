import { describe, expect, it } from 'vitest'
import { readQuestionnaireWorkbook, writeQuestionnaireWorkbook } from '#src/questionnaire/xlsform/index.ts'
import { loadKto } from '../kto.ts'

describe('the KTO as a workbook', () => {
  it('reads back as the same definition', async () => {
    const kto = loadKto()
    const result = await readQuestionnaireWorkbook(await writeQuestionnaireWorkbook(kto))
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1))
    expect(result.definition).toStrictEqual(kto)
  })
})
