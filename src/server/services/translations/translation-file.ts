/**
 * The translation file: every text a client meets in one language, as an Excel sheet a
 * translator can work in (key, Nederlands, English, the language itself, status), and
 * reading that sheet back.
 *
 * Reading checks the limits on the bytes before a spreadsheet library sees them, as for
 * client files (src/files/zip-limits.ts): only an XLSX archive, unpacking to a few
 * megabytes and holding a few thousand rows at most. The real file is some 30 KB with a
 * couple of hundred rows, so the library never meets a file that could cost much.
 */
import writeXlsxFile from 'write-excel-file/node'
import type { Row as XlsxRow } from 'write-excel-file/node'
import { readSheet } from 'read-excel-file/node'
import type { KeyUnder, Translate, UiLanguage } from '#src/i18n/translate.ts'
import { languageName } from '#src/i18n/language-names.ts'
import { respondentKeys } from '#src/i18n/respondent-texts.ts'
import type { ZipLimits } from '#src/files/zip-limits.ts'
import { checkZipLimits, isWorksheet, startsLikeZip, worksheetRowCounter } from '#src/files/zip-limits.ts'
import type { Corrections } from './texts-in-force.ts'
import { textInForce } from './texts-in-force.ts'
import type { LanguageReview } from './translation-store.ts'

/** An upload larger than this is refused while it is being received. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024
const ZIP_LIMITS: ZipLimits = { maxUnpackedBytes: 16 * 1024 * 1024, maxEntries: 50 }
/** Ten times the rows there are; more is not a translation file. */
export const MAX_ROWS = 5000

/**
 * The words of the file itself. They are the file's format, the same whatever language
 * the staff pages are in, so a file made by one researcher can be read from any other.
 */
export const FILE_WORDS = {
  key: 'key',
  dutch: 'Nederlands',
  english: 'English',
  status: 'status',
  draft: 'concept',
  checked: 'gecontroleerd',
  source: 'bron',
} as const

/** The heading of the language's own column, e.g. "Türkçe (tr)": the code says which language a file is for. */
export function languageColumn(language: string): string {
  return `${languageName(language)} (${language})`
}

export function fileColumns(language: string): string[] {
  return [FILE_WORDS.key, FILE_WORDS.dutch, FILE_WORDS.english, languageColumn(language), FILE_WORDS.status]
}

/** What a row's status column says: Dutch is the source; other languages carry the language's review status. */
function statusWord(language: UiLanguage, review: LanguageReview): string {
  if (language === 'nl') return FILE_WORDS.source
  return review === 'checked' ? FILE_WORDS.checked : FILE_WORDS.draft
}

export function fileName(language: string): string {
  return `peiling-teksten-${language}.xlsx`
}

/** The workbook: the texts, and a sheet that tells the translator what to do. */
export async function translationWorkbook(
  language: UiLanguage,
  corrections: Corrections,
  review: LanguageReview,
  t: Translate,
): Promise<Buffer> {
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const })
  const text = (value: string) => ({ value, type: String, wrap: true, alignVertical: 'top' as const })
  const status = statusWord(language, review)
  const rows: XlsxRow[] = [
    fileColumns(language).map(bold),
    ...respondentKeys().map((key) => [
      { value: key, type: String, alignVertical: 'top' as const },
      text(textInForce('nl', key, corrections)),
      text(textInForce('en', key, corrections)),
      text(textInForce(language, key, corrections)),
      { value: status, type: String, alignVertical: 'top' as const },
    ]),
  ]
  const help: XlsxRow[] = [
    [bold(t('management.translations.file.helpTitle', { language: languageColumn(language) }))],
    ...(
      ['helpColumn', 'helpFields', 'helpStatus', 'helpRest', 'helpUpload'] satisfies Array<
        KeyUnder<'management.translations.file'>
      >
    ).map((key) => [
      text(
        t(`management.translations.file.${key}`, {
          column: languageColumn(language),
          draft: FILE_WORDS.draft,
          checked: FILE_WORDS.checked,
        }),
      ),
    ]),
  ]
  return writeXlsxFile([
    {
      data: rows,
      sheet: t('management.translations.file.sheetTexts'),
      stickyRowsCount: 1,
      columns: [{ width: 34 }, { width: 50 }, { width: 50 }, { width: 50 }, { width: 16 }],
    },
    { data: help, sheet: t('management.translations.file.sheetHelp'), columns: [{ width: 100 }] },
  ]).toBuffer()
}

/** A file that cannot be read as a translation file at all; `key` names a UI text. */
export class TranslationFileError extends Error {
  readonly key: KeyUnder<'management.translations.fileErrors'>
  readonly params: Record<string, string | number>

  constructor(key: KeyUnder<'management.translations.fileErrors'>, params: Record<string, string | number> = {}) {
    super(key)
    this.key = key
    this.params = params
    this.name = 'TranslationFileError'
  }
}

export interface SheetRow {
  /** The row number the spreadsheet shows; the header is row 1. */
  row: number
  cells: string[]
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value)
}

/** The rows of the file's first sheet, the header included. Throws a TranslationFileError. */
export async function readTranslationFile(bytes: Buffer): Promise<SheetRow[]> {
  if (bytes.length === 0) throw new TranslationFileError('empty')
  if (!startsLikeZip(bytes)) throw new TranslationFileError('notXlsx')
  const problem = await checkZipLimits(bytes, ZIP_LIMITS, (name) =>
    isWorksheet(name)
      ? worksheetRowCounter(MAX_ROWS, () => new TranslationFileError('tooManyRows', { max: MAX_ROWS }))
      : undefined,
  )
  if (problem?.problem === 'tooLargeUnpacked')
    throw new TranslationFileError('tooLargeUnpacked', { mb: ZIP_LIMITS.maxUnpackedBytes / (1024 * 1024) })
  if (problem) throw new TranslationFileError('notXlsx')
  let rows: unknown[][]
  try {
    rows = (await readSheet(bytes)) as unknown[][]
  } catch {
    throw new TranslationFileError('notXlsx')
  }
  if (rows.length === 0) throw new TranslationFileError('empty')
  return rows.map((cells, i) => ({ row: i + 1, cells: cells.map(cellText) }))
}
