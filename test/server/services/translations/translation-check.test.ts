/**
 * The row checks of an uploaded translation file, on rows as the spreadsheet reader gives
 * them: every problem with its row, and a clean file's texts.
 */
import { describe, expect, it } from 'vitest'
import { shippedText } from '#src/i18n/translate.ts'
import { respondentKeys } from '#src/i18n/respondent-texts.ts'
import type { SheetRow } from '#src/server/services/translations/translation-file.ts'
import { fileColumns } from '#src/server/services/translations/translation-file.ts'
import { checkTranslationRows } from '#src/server/services/translations/translation-check.ts'

/** The file as downloaded for English: every key with its shipped texts. */
function englishRows(
  status = 'concept',
  change: (key: string, text: string) => string = (_k, text) => text,
): SheetRow[] {
  return [
    { row: 1, cells: fileColumns('en') },
    ...respondentKeys().map((key, i) => ({
      row: i + 2,
      cells: [key, shippedText('nl', key)!, shippedText('en', key)!, change(key, shippedText('en', key)!), status],
    })),
  ]
}

const rowOf = (key: string) => respondentKeys().indexOf(key) + 2

describe('checkTranslationRows', () => {
  it('passes the file as downloaded, with every text, and checked only when every row says so', () => {
    const draft = checkTranslationRows('en', englishRows())
    expect(draft.ok && draft.texts.size).toBe(respondentKeys().length)
    expect(draft.ok && draft.allChecked).toBe(false)
    const checked = checkTranslationRows('en', englishRows('Gecontroleerd '))
    expect(checked.ok && checked.allChecked).toBe(true)
  })

  it('holds every text to the fields of the shipped Dutch text, whatever the file says the Dutch is', () => {
    const rows = englishRows('concept', (key, text) =>
      key === 'email.reminder.body' ? text.replace('{afzender}', '{sender}') : text,
    )
    // A translator who also "fixes" the Dutch column does not change the measure.
    rows[rowOf('email.reminder.body') - 1]!.cells[1] = 'Beste {sender}'
    const result = checkTranslationRows('en', rows)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.problems).toEqual([
      {
        key: 'fieldMissing',
        params: { row: rowOf('email.reminder.body'), key: 'email.reminder.body', field: '{afzender}' },
      },
      {
        key: 'fieldUnknown',
        params: { row: rowOf('email.reminder.body'), key: 'email.reminder.body', field: '{sender}' },
      },
    ])
  })

  it("keeps an e-mail's personal link on a paragraph of its own", () => {
    const result = checkTranslationRows(
      'en',
      englishRows('concept', (key, text) =>
        key === 'email.invitation.body' ? text.replace('\n\n{link}\n\n', ' {link}\n\n') : text,
      ),
    )
    expect(!result.ok && result.problems.map((p) => p.key)).toEqual(['linkOwnParagraph'])
  })

  it('checks placeholders of page texts too, and a text with none may not gain one', () => {
    const result = checkTranslationRows(
      'en',
      englishRows('concept', (key, text) => {
        if (key === 'respondent.codeErrors.tooMany') return text.replace('{minutes}', 'a few')
        if (key === 'respondent.login.submit') return `${text} {naam}`
        return text
      }),
    )
    expect(!result.ok && result.problems.map((p) => [p.key, p.params.key, p.params.field])).toEqual(
      [
        ['fieldUnknown', 'respondent.login.submit', '{naam}'],
        ['fieldMissing', 'respondent.codeErrors.tooMany', '{minutes}'],
      ].sort((a, b) => rowOf(a[1]!) - rowOf(b[1]!)),
    )
  })

  it('skips empty rows, and reads Dutch whatever its status column says', () => {
    const rows: SheetRow[] = [
      { row: 1, cells: fileColumns('nl') },
      ...respondentKeys().map((key, i) => ({ row: i + 3, cells: [key, '', '', shippedText('nl', key)!, 'bron'] })),
    ]
    rows.splice(1, 0, { row: 2, cells: ['', '', '', '', ''] })
    expect(checkTranslationRows('nl', rows).ok).toBe(true)
  })

  it('refuses a sheet that is not a translation file at once, without a list of every row', () => {
    const result = checkTranslationRows('en', [
      { row: 1, cells: ['klantnummer', 'naam'] },
      { row: 2, cells: ['123', 'X'] },
    ])
    expect(!result.ok && result.problems).toEqual([
      { key: 'notTranslationFile', params: { columns: 'key, Nederlands, English, English (en), status' } },
    ])
    const headerOnly = checkTranslationRows('en', [{ row: 1, cells: fileColumns('en') }])
    expect(!headerOnly.ok && headerOnly.problems).toEqual([{ key: 'noRows', params: {} }])
  })
})
