/**
 * Checks an uploaded translation file row by row, and reports every problem at once with
 * its row, so that a researcher fixes the whole file in one go. Nothing is stored unless
 * the file is clean: one row that would put a broken merge field on thousands of letters
 * stops the upload.
 *
 * A text must keep the `{fields}` of the shipped Dutch text, no more and no fewer: code
 * fills them in (a client's name, the login code, a number). The Dutch text of the
 * catalogue is the measure, not the file's Dutch column, which a translator may change.
 */
import type { KeyUnder, UiLanguage } from '#src/i18n/translate.ts'
import { shippedText } from '#src/i18n/translate.ts'
import { fieldsOf, isRespondentKey, respondentKeys } from '#src/i18n/respondent-texts.ts'
import type { SheetRow } from './translation-file.ts'
import { FILE_WORDS, fileColumns } from './translation-file.ts'

/** Longer than any letter (some 800 characters): a cell this long is pasted by mistake. */
export const MAX_TEXT_LENGTH = 10_000

export interface TranslationProblem {
  /** A UI text below management.translations.problems. */
  key: KeyUnder<'management.translations.problems'>
  params: Record<string, string | number>
}

export type TranslationCheck =
  | { ok: true; texts: Map<string, string>; rows: Map<string, number>; allChecked: boolean }
  | { ok: false; problems: TranslationProblem[] }

const normalised = (cell: string | undefined) => (cell ?? '').trim().toLowerCase()

/** The language code a heading such as "Türkçe (tr)" names, or undefined. */
function languageOfColumn(heading: string): string | undefined {
  return /\(([a-z]{2,3})\)\s*$/i.exec(heading.trim())?.[1]?.toLowerCase()
}

/** Problems with the header row, which say the file is not one for this language; empty when it is. */
function headerProblems(language: UiLanguage, header: string[]): TranslationProblem[] {
  const expected = fileColumns(language)
  const fixed = [0, 1, 2, 4]
  if (fixed.some((i) => normalised(header[i]) !== normalised(expected[i])) || header[3] === undefined)
    return [{ key: 'notTranslationFile', params: { columns: expected.join(', ') } }]
  const inFile = languageOfColumn(header[3])
  if (inFile !== language)
    return [
      {
        key: 'wrongLanguage',
        params: { column: header[3].trim(), expected: expected[3]! },
      },
    ]
  return []
}

/** A text's problems with its fields, compared with the shipped Dutch text. */
function fieldProblems(row: number, key: string, text: string): TranslationProblem[] {
  const dutch = shippedText('nl', key) ?? ''
  const wanted = fieldsOf(dutch)
  const found = fieldsOf(text)
  const problems: TranslationProblem[] = []
  for (const field of wanted)
    if (!found.includes(field)) problems.push({ key: 'fieldMissing', params: { row, key, field: `{${field}}` } })
  for (const field of found)
    if (!wanted.includes(field)) problems.push({ key: 'fieldUnknown', params: { row, key, field: `{${field}}` } })
  // An e-mail's personal link is a paragraph of its own: only then does it become a link (mail/render.ts).
  const ownParagraph = (t: string) =>
    t
      .replace(/\r\n?/g, '\n')
      .split(/\n[ \t]*\n/)
      .map((p) => p.trim())
  if (ownParagraph(dutch).includes('{link}') && found.includes('link') && !ownParagraph(text).includes('{link}'))
    problems.push({ key: 'linkOwnParagraph', params: { row, key, field: '{link}' } })
  return problems
}

export function checkTranslationRows(language: UiLanguage, rows: SheetRow[]): TranslationCheck {
  const [header, ...body] = rows
  if (!header) return { ok: false, problems: [{ key: 'noRows', params: {} }] }
  const wrongHeader = headerProblems(language, header.cells)
  if (wrongHeader.length > 0) return { ok: false, problems: wrongHeader }

  const problems: TranslationProblem[] = []
  const texts = new Map<string, string>()
  const firstRow = new Map<string, number>()
  let allChecked = true
  for (const { row, cells } of body) {
    if (cells.every((cell) => cell.trim() === '')) continue
    const key = (cells[0] ?? '').trim()
    const text = (cells[3] ?? '').replace(/\r\n?/g, '\n').trim()
    if (key === '') {
      problems.push({ key: 'noKey', params: { row } })
      continue
    }
    if (!isRespondentKey(key)) {
      problems.push({ key: 'unknownKey', params: { row, key } })
      continue
    }
    const earlier = firstRow.get(key)
    if (earlier !== undefined) {
      problems.push({ key: 'duplicateKey', params: { row, key, first: earlier } })
      continue
    }
    firstRow.set(key, row)
    if (text === '') problems.push({ key: 'emptyText', params: { row, key } })
    else if (text.length > MAX_TEXT_LENGTH)
      problems.push({ key: 'tooLong', params: { row, key, max: MAX_TEXT_LENGTH } })
    else problems.push(...fieldProblems(row, key, text))
    texts.set(key, text)

    const status = normalised(cells[4])
    if (status === FILE_WORDS.checked) continue
    allChecked = false
    // Dutch is the source, whatever its rows say; an empty status is a draft.
    if (language !== 'nl' && status !== '' && status !== FILE_WORDS.draft)
      problems.push({
        key: 'unknownStatus',
        params: { row, key, status: (cells[4] ?? '').trim(), draft: FILE_WORDS.draft, checked: FILE_WORDS.checked },
      })
  }
  if (firstRow.size === 0 && problems.length === 0) return { ok: false, problems: [{ key: 'noRows', params: {} }] }
  // The row each missing text has in a freshly downloaded file, so it can be copied from there.
  respondentKeys().forEach((key, index) => {
    if (!firstRow.has(key)) problems.push({ key: 'missingKey', params: { key, row: index + 2 } })
  })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, texts, rows: firstRow, allChecked }
}
