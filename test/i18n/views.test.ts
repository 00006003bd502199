/**
 * The Eta views call `it.t('…')` at run time, where the type checker cannot see them: a key
 * misspelt in a view would only fail when that page is shown. This finds every key in the
 * views and holds it to the catalogues.
 *
 * A view that picks a text by a value (`it.t('management.accounts.roles.' + role)`) names
 * a group; the group must be listed in PICKED_BY_VALUE with the type of those values, and
 * the type checker then holds the group to have a text for each of them.
 */
import type { ResponseRow, Weighting } from '#src/report/model.ts'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KeyUnder } from '#src/i18n/translate.ts'
import { catalogue, isStaffLanguage, UI_LANGUAGES } from '#src/i18n/translate.ts'
import type { AddressWindow } from '#src/mailmerge/index.ts'
import type {
  EmailStatus,
  LetterBatchContent,
  LetterBatchStatus,
  MailingKind,
  RoundStatus,
  StaffRole,
  Wave,
} from '#src/server/db/schema.ts'
import type { ExportFormat } from '#src/server/services/reporting/exports.ts'
import type { Channel } from '#src/server/services/fieldwork/mailings.ts'
import type { Mark } from '#src/server/services/fieldwork/participant-marks.ts'
import type { StoredTemplate } from '#src/server/services/fieldwork/letter-templates.ts'
import type { LanguageReview } from '#src/server/services/translations/translation-store.ts'
import type { ReviewState } from '#src/server/services/report/quote-reviews.ts'
import type { NameFlagReason } from '#src/report/quotes/flag-names.ts'
import { leafTexts } from './leaf-texts.ts'

/** A group a view picks a text from by a value of type `Value`: a type error unless every value has a text. */
function pickedBy<Group extends string, Value extends KeyUnder<Group>>(group: Group, _values?: Value): string {
  return group
}

type TemplateSource = StoredTemplate['source']

const PICKED_BY_VALUE: readonly string[] = [
  pickedBy<'management.accounts.roles', StaffRole>('management.accounts.roles'),
  pickedBy<'management.accounts.roleHints', StaffRole>('management.accounts.roleHints'),
  pickedBy<'management.export.formats', ExportFormat>('management.export.formats'),
  pickedBy<'management.rounds.statuses', RoundStatus>('management.rounds.statuses'),
  pickedBy<'management.quotes.status', ReviewState>('management.quotes.status'),
  pickedBy<'management.quotes.flagReasons', NameFlagReason>('management.quotes.flagReasons'),
  pickedBy<'management.rounds.form', 'opensOn' | 'closesOn' | 'reminderOn'>('management.rounds.form'),
  pickedBy<'management.monitor.waveNames', Wave | 'unknown'>('management.monitor.waveNames'),
  pickedBy<'management.monitor.mailingKinds', MailingKind>('management.monitor.mailingKinds'),
  pickedBy<'management.monitor.channels', Channel>('management.monitor.channels'),
  pickedBy<'fieldwork.letters.kinds', MailingKind>('fieldwork.letters.kinds'),
  pickedBy<'fieldwork.letters.contents', LetterBatchContent>('fieldwork.letters.contents'),
  pickedBy<'fieldwork.letters.statuses', LetterBatchStatus>('fieldwork.letters.statuses'),
  pickedBy<'fieldwork.letters.template.source', TemplateSource | `${TemplateSource}Stratum`>(
    'fieldwork.letters.template.source',
  ),
  pickedBy<
    'fieldwork.letters.template.fields',
    'organisation' | 'department' | 'returnAddress' | 'signatureName' | 'signatureRole' | keyof AddressWindow
  >('fieldwork.letters.template.fields'),
  pickedBy<'fieldwork.mailings.queue', EmailStatus>('fieldwork.mailings.queue'),
  pickedBy<'fieldwork.mailings.channels', Channel>('fieldwork.mailings.channels'),
  pickedBy<'fieldwork.mailings.marks', Mark>('fieldwork.mailings.marks'),
  pickedBy<'management.translations.review', LanguageReview>('management.translations.review'),
  pickedBy<'report.response.verdicts', NonNullable<ResponseRow['verdict']>>('report.response.verdicts'),
  pickedBy<'report.response.weighting', Weighting['method']>('report.response.weighting'),
  pickedBy<'report.response.ageSex', NonNullable<Weighting['ageSexNote']>>('report.response.ageSex'),
]

const VIEWS = path.resolve(import.meta.dirname, '../../views')

function etaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return etaFiles(file)
    return entry.name.endsWith('.eta') ? [file] : []
  })
}

interface Call {
  line: number
  /** The whole key, for `t('a.b')`. */
  key?: string
  /** The group, for `t('a.b.' + value)`. */
  group?: string
  text: string
}

/** Every `t(` call (and `rt(`, the report's Dutch texts), with its key (or its group) where that is a quoted literal. */
function calls(source: string): Call[] {
  return [...source.matchAll(/(?<![\w$])r?t\(\s*(?:'([^'\\]*)'|"([^"\\]*)")?(\s*\+)?/g)].map((m) => {
    const literal = m[1] ?? m[2]
    const call: Call = {
      line: source.slice(0, m.index).split('\n').length,
      text: source.slice(m.index, m.index + 70).split('\n')[0]!,
    }
    if (literal !== undefined && !m[3]) call.key = literal
    if (literal?.endsWith('.') && m[3]) call.group = literal.slice(0, -1)
    return call
  })
}

const found = etaFiles(VIEWS).flatMap((file) =>
  calls(readFileSync(file, 'utf8')).map((call) => ({ ...call, where: `${path.relative(VIEWS, file)}:${call.line}` })),
)

/**
 * The views a client sees: the respondent pages, their layout and partials, and the error
 * page. A language that is not a staff language must hold every key these use; the staff
 * pages are shown to it in Dutch.
 */
const CLIENT_VIEWS = /^(respondent\/|partials\/|layouts\/main\.eta:|error\.eta:)/

function callsSeenIn(language: string) {
  return isStaffLanguage(language) ? found : found.filter((call) => CLIENT_VIEWS.test(call.where))
}

describe('the keys in the views', () => {
  it('are found (the scan itself works)', () => {
    expect(found.filter((call) => call.key !== undefined).length).toBeGreaterThan(300)
  })

  it('include the client views, which are the ones checked for a language without staff pages', () => {
    const client = callsSeenIn('tr')
    for (const view of ['respondent/login.eta', 'partials/progress.eta', 'layouts/main.eta', 'error.eta'])
      expect(client.some((call) => call.where.startsWith(`${view}:`))).toBe(true)
    expect(client.some((call) => call.where.startsWith('staff/'))).toBe(false)
  })

  it('are all quoted literals, or a quoted group and a value, so that this test can check them', () => {
    const unchecked = found.filter((call) => call.key === undefined && call.group === undefined)
    expect(unchecked.map((call) => `${call.where}: ${call.text}`)).toEqual([])
  })

  it('pick by value only from the groups whose values the type checker holds to the catalogue', () => {
    const unlisted = found.filter((call) => call.group !== undefined && !PICKED_BY_VALUE.includes(call.group))
    expect(unlisted.map((call) => `${call.where}: ${call.group}`)).toEqual([])
  })

  it.each(UI_LANGUAGES)('all have a text in the %s catalogue (the views shown in it)', (language) => {
    const texts = leafTexts(catalogue(language))
    const missing = callsSeenIn(language)
      .filter((call) => call.key !== undefined && typeof texts.get(call.key) !== 'string')
      .map((call) => `${call.where}: ${call.key}`)
    expect(missing).toEqual([])
  })

  it.each(UI_LANGUAGES)(
    'pick by value from groups of texts in the %s catalogue (the views shown in it)',
    (language) => {
      const keys = [...leafTexts(catalogue(language)).keys()]
      const picked = new Set(callsSeenIn(language).flatMap((call) => (call.group === undefined ? [] : [call.group])))
      const groups = isStaffLanguage(language) ? PICKED_BY_VALUE : PICKED_BY_VALUE.filter((group) => picked.has(group))
      const empty = groups.filter((group) => !keys.some((key) => key.startsWith(`${group}.`)))
      expect(empty).toEqual([])
    },
  )
})
