/**
 * What a questionnaire workbook may be is checked on its bytes, before the spreadsheet
 * library unpacks anything: a small zip can unpack to gigabytes or hold a million rows.
 */
import { describe, expect, it } from 'vitest'
import { MAX_WORKBOOK_BYTES, readQuestionnaireWorkbook } from '#src/questionnaire/xlsform/index.ts'
import { xlsxWithEmptyRows } from '#test/server/services/fieldwork/_zip-bomb.ts'
import { measureBomb } from '#test/helpers/bomb-memory.ts'
import { SETTINGS, workbook } from './_workbook.ts'

const _MB = 1024 * 1024

async function refusal(data: Uint8Array): Promise<string[]> {
  const result = await readQuestionnaireWorkbook(data)
  if (result.ok) throw new Error('expected the file to be refused')
  return result.errors.map((e) => e.message)
}

describe('the limits on a questionnaire workbook', () => {
  it('refuses a zip bomb that claims to be small, without unpacking it to the end', async () => {
    const measured = await measureBomb('workbook')
    expect(measured.packedMb).toBeLessThan(1)
    expect(measured.result).toEqual([
      'Het bestand is uitgepakt groter dan 16 MB. Een vragenlijst is veel kleiner: is dit het goede bestand?',
    ])
    // The library would have built the 1,000 MB worksheet; the check keeps none of it.
    expect(measured.growthMb).toBeLessThan(40)
  })

  it('refuses a sheet of thousands of empty rows, small as it is', async () => {
    expect(await refusal(await xlsxWithEmptyRows(6000))).toEqual([
      'Een blad heeft meer dan 5000 rijen. Een vragenlijst heeft er veel minder.',
    ])
  })

  it('refuses a file larger than a questionnaire can be, and what is not a workbook', async () => {
    expect(await refusal(new Uint8Array(MAX_WORKBOOK_BYTES + 1).fill(0x50))).toEqual([
      'Het bestand is groter dan 2 MB. Een vragenlijst is veel kleiner: is dit het goede bestand?',
    ])
    expect(await refusal(new TextEncoder().encode('id: proef\nversion: 1\n'))).toEqual([
      'Dit is geen Excel-bestand (.xlsx) dat te lezen is. Sla het op als Excel-werkmap en probeer het opnieuw.',
    ])
  })

  it('names a missing sheet', async () => {
    expect(await refusal(await workbook({ settings: SETTINGS }))).toEqual([
      'Het blad "survey" ontbreekt. Een vragenlijst heeft de bladen survey, choices en settings.',
    ])
  })
})
